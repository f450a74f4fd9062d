/**
 * Amazon's FBA Manage Inventory / inventory report (TSV) → per-SKU FBA quantities for
 * reconciliation. Tolerant of Amazon's column sets: needs `sku` (or `seller-sku`) and one of
 * afn-fulfillable / afn-warehouse / afn-total quantity. An absent column reads as null, a blank
 * cell as 0; quantities are whole and ≥ 0 (`stock.row.badQuantity`).
 */
import { DomainError } from '../core/domain-error.ts';
import { findColumns } from './find-columns.ts';
import { readTable } from './read-table.ts';
import { type StockParse, collectRows } from './stock-cells.ts';

export interface FbaInventoryRow {
  readonly row: number;
  readonly sku: string;
  readonly fnsku: string | null;
  readonly asin: string | null;
  readonly fulfillable: number | null;
  readonly unsellable: number | null;
  readonly reserved: number | null;
  /** afn-warehouse-quantity (fulfillable + unsellable + reserved), as reported. */
  readonly inWarehouse: number | null;
  /** Sum of the inbound working, shipped and receiving columns present; null when none is. */
  readonly inbound: number | null;
  /** afn-total-quantity, else in-warehouse (or its parts) + inbound. */
  readonly total: number;
}

export const FBA_QUANTITY_COLUMNS = [
  'afn-fulfillable-quantity',
  'afn-warehouse-quantity',
  'afn-total-quantity',
] as const;

const REQUIRED = { sku: ['sku', 'seller-sku', 'seller sku'] } as const;
const OPTIONAL = {
  fnsku: ['fnsku', 'fulfillment-channel-sku'],
  asin: ['asin'],
  fulfillable: ['afn-fulfillable-quantity'],
  unsellable: ['afn-unsellable-quantity'],
  reserved: ['afn-reserved-quantity'],
  inWarehouse: ['afn-warehouse-quantity'],
  total: ['afn-total-quantity'],
  inboundWorking: ['afn-inbound-working-quantity'],
  inboundShipped: ['afn-inbound-shipped-quantity'],
  inboundReceiving: ['afn-inbound-receiving-quantity'],
} as const;

/** Parses the report; file-level problems throw `import.file.*` (missingColumns {source: 'fba-inventory'}). */
export async function parseFbaInventory(bytes: Uint8Array): Promise<StockParse<FbaInventoryRow>> {
  const table = await readTable(bytes);
  const cols = findColumns(table, 'fba-inventory', REQUIRED, OPTIONAL);
  if (cols.fulfillable === null && cols.inWarehouse === null && cols.total === null) {
    throw new DomainError('import.file.missingColumns', { source: 'fba-inventory', columns: FBA_QUANTITY_COLUMNS[0] });
  }
  return collectRows(table, (c) => {
    const sku = c.required(cols.sku);
    const fulfillable = c.count(cols.fulfillable);
    const unsellable = c.count(cols.unsellable);
    const reserved = c.count(cols.reserved);
    const inWarehouse = c.count(cols.inWarehouse);
    const inboundParts = [
      c.count(cols.inboundWorking),
      c.count(cols.inboundShipped),
      c.count(cols.inboundReceiving),
    ].filter((n) => n !== null);
    const inbound = inboundParts.length === 0 ? null : inboundParts.reduce((a, b) => a + b, 0);
    const held = inWarehouse ?? (fulfillable ?? 0) + (unsellable ?? 0) + (reserved ?? 0);
    const total = c.count(cols.total) ?? held + (inbound ?? 0);
    return {
      row: c.row,
      sku,
      fnsku: c.optional(cols.fnsku),
      asin: c.optional(cols.asin),
      fulfillable,
      unsellable,
      reserved,
      inWarehouse,
      inbound,
      total,
    };
  });
}
