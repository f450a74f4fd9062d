/**
 * A 3PL / overseas-warehouse stock list (CSV or XLSX, Chinese or English headers) → counted
 * quantities per SKU (and warehouse, when the file names one) for reconciliation. The first
 * matching header wins: 可用数量 / Available before On hand before 数量 / Quantity. Dates are
 * optional (any export shape; `03/05/2026` is month-first unless the column proves day-first).
 */
import { findColumns } from './find-columns.ts';
import { detectDayFirst } from './parse-dates.ts';
import { readTable } from './read-table.ts';
import { type StockParse, collectRows } from './stock-cells.ts';

export interface StockCountRow {
  readonly row: number;
  readonly sku: string;
  readonly warehouse: string | null;
  /** Whole, ≥ 0. */
  readonly quantity: number;
  /** `YYYY-MM-DD`, or null when the file has no date (or the cell is blank). */
  readonly date: string | null;
}

const REQUIRED = {
  sku: ['sku', '商品编码', 'seller sku', '商品sku', '产品编码', '货品编码', 'item code', 'product code'],
  quantity: [
    '可用数量',
    '可用库存',
    'available',
    'available quantity',
    'available qty',
    'on hand',
    'on hand quantity',
    'onhand',
    'quantity',
    '数量',
    '库存数量',
    '库存',
    'qty',
  ],
} as const;
const OPTIONAL = {
  warehouse: ['仓库', 'warehouse', '仓库名称', '仓库代码', 'warehouse name', 'warehouse code'],
  date: ['日期', 'date', '库存日期', '盘点日期', 'snapshot date'],
} as const;

/** Parses the list; file-level problems throw `import.file.*` (missingColumns {source: 'stock-count'}). */
export async function parseStockCount(bytes: Uint8Array): Promise<StockParse<StockCountRow>> {
  const table = await readTable(bytes);
  const cols = findColumns(table, 'stock-count', REQUIRED, OPTIONAL);
  const dateCol = cols.date;
  const dayFirst = dateCol !== null && detectDayFirst(table.rows.map((r) => r[dateCol.index] ?? ''));
  return collectRows(table, (c) => ({
    row: c.row,
    sku: c.required(cols.sku),
    warehouse: c.optional(cols.warehouse),
    quantity: c.quantity(cols.quantity, true),
    date: dateCol === null || c.text(dateCol) === '' ? null : c.day(dateCol, false, dayFirst),
  }));
}
