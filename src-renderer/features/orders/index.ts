/**
 * Orders feature: the order ledger page.
 * Other modules import only from this file.
 */
export { OrdersPage } from './OrdersPage.tsx';
