/**
 * Orders feature: the order ledger page (list with filters and bulk customs mode, order
 * detail with the profit breakdown, manual entry and edit, the import wizard).
 * Other modules import only from this file.
 */
export { OrdersPage } from './OrdersPage.tsx';
