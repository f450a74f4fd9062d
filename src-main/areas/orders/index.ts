/** The orders area: the ledger of orders, their content, list and detail. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createOrdersHandlers } from './handlers.ts';
export { isRowError, normaliseImported, sumFees, type ImportedContent } from './order-content.ts';
export { OrderWriter, type OrderRow, type WriteOptions } from './order-store.ts';
export { applyStatusMappings, loadStatusMappings, saveStatusMapping } from './status-mappings.ts';
