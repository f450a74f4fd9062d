/** The stock area: SKUs, warehouses, moves, shipments, valuation. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createStockHandlers } from './handlers.ts';
export { orderProductCost } from './stock-sales-store.ts';
/** Read by the customs area: SKUs joined into its own reads (orders' lines, head-haul shipments). */
export { skuFromRow, type SkuTableRow } from './stock-catalog-store.ts';
/** Read by the reports area (issue 17: stock valuation and ageing as of a date). */
export { AGEING_BUCKETS, ageingRows, positions } from './stock-report-store.ts';
/** Read by the dashboard area (issue 17 point 4): stock value now, per warehouse. */
export { stockValueByWarehouse, type WarehouseStockValue } from './stock-value.ts';
