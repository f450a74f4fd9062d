/**
 * A carrier's waybill file (CSV in any encoding `readTable` knows, or XLSX; Chinese or English
 * headers) → per-order shipping rows for customs: order number, waybill number (≤ 32 characters,
 * as the CEB lists allow), carrier code and name, export day, gross weight in grams, packages.
 * A bad cell rejects its row with a coded RowError naming the file's column (`import.row.*`,
 * `customs.waybill.tooLong`); an order listed twice rejects the later row.
 */
import type { Column, FieldReader, TableRows } from './field-reader.ts';
import type { FoundColumns } from './find-columns.ts';
import { readFileRows } from './file-rows.ts';
import { readDay, wholeNumber } from './stock-cells.ts';

export interface WaybillRow {
  readonly row: number;
  readonly orderNo: string;
  readonly logisticsNo: string;
  /** Null when the file has no such column or leaves the cell blank (the stored value stays). */
  readonly logisticsCode: string | null;
  readonly logisticsName: string | null;
  /** `YYYY-MM-DD`. */
  readonly exportDate: string | null;
  readonly grossWeightGrams: number | null;
  readonly packNo: number | null;
}

export type WaybillParse = TableRows<WaybillRow>;

const REQUIRED = {
  orderNo: ['订单号', '订单编号', 'order no', 'order_no', 'order number', 'order id'],
  logisticsNo: [
    '运单号',
    '物流单号',
    '物流运单编号',
    'tracking number',
    'tracking no',
    'logistics no',
    'logistics_no',
    'waybill no',
  ],
} as const;
const OPTIONAL = {
  logisticsCode: ['物流企业代码', 'carrier code', 'logistics code', 'logistics_code'],
  logisticsName: ['物流企业名称', '物流公司', 'carrier', 'carrier name', 'logistics name', 'logistics_name'],
  exportDate: ['出口日期', 'export date', 'export_date'],
  grossWeightGrams: [
    '毛重(克)',
    '毛重(g)',
    '毛重',
    'gross weight g',
    'gross weight (g)',
    'gross_weight_g',
    'gross weight',
  ],
  packNo: ['件数', 'packages', 'package count', 'pack no', 'pack_no'],
} as const;

/** Longest value per field (customs_shipping / the CEB list fields). */
const MAX_LENGTH = { logisticsNo: 32, logisticsCode: 18, logisticsName: 100 } as const;

type Columns = FoundColumns<keyof typeof REQUIRED, keyof typeof OPTIONAL>;

/** Parses the file; file-level problems throw `import.file.*` (missingColumns {source: 'waybills'}). */
export async function parseWaybills(bytes: Uint8Array): Promise<WaybillParse> {
  return readFileRows(bytes, { source: 'waybills', required: REQUIRED, optional: OPTIONAL }, (r, cols, once) => {
    const row = readRow(r, cols);
    once(cols.orderNo, row.orderNo, 'import.row.duplicateOrder', { orderNo: row.orderNo });
    return row;
  });
}

function readRow(r: FieldReader, cols: Columns): WaybillRow {
  const orderNo = r.required(cols.orderNo);
  const logisticsNo = limited(r, cols.logisticsNo, MAX_LENGTH.logisticsNo) ?? r.required(cols.logisticsNo);
  const logisticsCode = limited(r, cols.logisticsCode, MAX_LENGTH.logisticsCode);
  const logisticsName = limited(r, cols.logisticsName, MAX_LENGTH.logisticsName);
  const dateText = r.text(cols.exportDate);
  const exportDate =
    dateText === ''
      ? null
      : (readDay(dateText, false) ?? r.fail(cols.exportDate, 'import.row.badDate', { value: dateText }));
  return {
    row: r.row,
    orderNo,
    logisticsNo,
    logisticsCode,
    logisticsName,
    exportDate,
    grossWeightGrams: whole(r, cols.grossWeightGrams, true),
    packNo: whole(r, cols.packNo, false),
  };
}

/** The trimmed cell, null when blank; `customs.waybill.tooLong` {column, value, max} when longer than `max`. */
function limited(r: FieldReader, column: Column | null, max: number): string | null {
  const t = r.text(column);
  if (t === '') return null;
  if (t.length > max) r.fail(column, 'customs.waybill.tooLong', { value: t, max });
  return t;
}

/** A whole number (zero only when allowed), null when blank; `import.row.badQuantity` otherwise. */
function whole(r: FieldReader, column: Column | null, allowZero: boolean): number | null {
  const t = r.text(column);
  if (t === '') return null;
  const n = wholeNumber(t);
  if (n === null || (n === 0 && !allowZero)) r.fail(column, 'import.row.badQuantity', { value: t });
  return n;
}
