/**
 * Orders feature: the order ledger page (list with filters and bulk customs mode, order
 * detail with the profit breakdown, manual entry and edit, the import wizard).
 * Other modules import only from this file.
 */
export { OrdersPage } from './OrdersPage.tsx';
/** Start-up on the orders screen: its first page asked for with the session's first reads (main.tsx). */
export { prefetchOrdersList } from './use-orders-list.ts';
/** Where an import's orders went by month and those a closed month held back (the payout import's orders step shows it too). */
export { ImportMonths } from './ImportMonths.tsx';
/** The statuses a status word may be mapped to (settings → order statuses uses them too). */
export { isMappableStatus, MAPPABLE_STATUSES } from './vocabulary.ts';
