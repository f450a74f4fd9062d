/**
 * Generic CSV/XLSX (Chinese ERPs, hand-made sheets) → orders through a ColumnMapping: the
 * user's saved or corrected one, else `proposeMapping`. Unmapped required fields (orderNo,
 * orderedAt, sku, quantity; currency when the shop has none; a price: unitPrice or lineTotal)
 * are returned in `unmappedRequired` with no orders, for the mapping screen. Line total = the
 * mapped 金额/小计, else quantity × 单价. 运费, 折扣 and 税 are order-level values that ERPs repeat
 * on every row: they are taken once, from the order's first row. Statuses are kept as written
 * (已取消, 未付款 — the core decides what is a sale, a word it does not know makes the order
 * `unknown`); without a status column orders are 'paid'. A row with neither 单价 nor 金额 is kept
 * with its amounts unknown (null), never read as 0. An order total (订单金额/实付金额, repeated on
 * each row of the order, optional) is taken from the first row and checked against lines −
 * discount + shipping + tax (`import.order.totalMismatch`).
 */
import { type Currency, type Minor, multiplyByQuantity } from '../core/money/index.ts';
import {
  type ColumnMapping,
  type Fulfilment,
  GENERIC_FIELDS,
  type GenericField,
  type ImportedOrder,
  REQUIRED_GENERIC_FIELDS,
} from '../core/orders/order.ts';
import { type Column, type FieldReader, checkSameCurrency, ZERO, goodsLines } from './field-reader.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRows } from './group-orders.ts';
import { proposeMapping } from './header-dictionary.ts';
import { lineKeys } from './line-keys.ts';
import { normaliseHeader } from './normalise-header.ts';
import { detectDayFirst } from './parse-dates.ts';
import type { Table } from './read-table.ts';

export interface GenericOptions extends FormatOptions {
  readonly mapping: ColumnMapping | null;
}

export interface GenericResult extends FormatResult {
  readonly mapping: ColumnMapping;
  readonly unmappedRequired: readonly GenericField[];
}

/** Status written when the file has no status column. */
export const GENERIC_DEFAULT_STATUS = 'paid';

const FULFILMENT: Readonly<Record<string, Fulfilment>> = {
  fba: 'platform',
  afn: 'platform',
  amazon: 'platform',
  platform: 'platform',
  fbt: 'platform',
  wfs: 'platform',
  平台仓: 'platform',
  平台发货: 'platform',
  亚马逊仓: 'platform',
  海外仓: 'overseas',
  第三方海外仓: 'overseas',
  自营海外仓: 'overseas',
  overseas: 'overseas',
  'overseas warehouse': 'overseas',
  '3pl': 'overseas',
  自发货: 'self',
  自发: 'self',
  直发: 'self',
  国内直发: 'self',
  卖家自发货: 'self',
  self: 'self',
  'self-ship': 'self',
  'self ship': 'self',
  merchant: 'self',
  mfn: 'self',
  fbm: 'self',
};

function resolve(table: Table, header: string | null): Column | null {
  if (header === null) return null;
  let index = table.headers.indexOf(header);
  if (index < 0) index = table.keys.indexOf(normaliseHeader(header));
  return index < 0 ? null : { index, header: table.headers[index] ?? header };
}

interface GenericRow {
  readonly orderedAt: string;
  readonly status: string;
  readonly currency: Currency;
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: number;
  readonly unitPrice: Minor | null;
  readonly lineTotal: Minor | null;
  readonly shipping: Minor;
  readonly discount: Minor;
  readonly tax: Minor;
  readonly country: string | null;
  readonly shopName: string | null;
  readonly fulfilment: Fulfilment | null;
  readonly orderTotal: Minor | null;
}

export function parseGeneric(table: Table, options: GenericOptions): GenericResult {
  const mapping = options.mapping ?? proposeMapping(table.headers);
  const cols = {} as Record<GenericField, Column | null>;
  for (const field of GENERIC_FIELDS) cols[field] = resolve(table, mapping[field] ?? null);
  const unmapped = new Set<GenericField>(REQUIRED_GENERIC_FIELDS.filter((f) => cols[f] === null));
  if (cols.currency === null && options.defaultCurrency === null) unmapped.add('currency');
  if (cols.unitPrice === null && cols.lineTotal === null) unmapped.add('unitPrice');
  const unmappedRequired = GENERIC_FIELDS.filter((f) => unmapped.has(f));
  const orderNo = cols.orderNo;
  const orderedAt = cols.orderedAt;
  const sku = cols.sku;
  const quantity = cols.quantity;
  if (unmappedRequired.length > 0 || orderNo === null || orderedAt === null || sku === null || quantity === null) {
    return { orders: [], rejected: [], mapping, unmappedRequired };
  }
  const currencyColumn: Column = cols.currency ?? { index: -1, header: 'currency' };
  const dayFirst = detectDayFirst(table.rows.map((r) => r[orderedAt.index] ?? ''));

  const readRow = (f: FieldReader): GenericRow => {
    const currency =
      f.currency(cols.currency) ?? options.defaultCurrency ?? f.fail(currencyColumn, 'import.row.missingValue');
    const qty = f.quantity(quantity);
    const unitPrice = f.text(cols.unitPrice) === '' ? null : f.amount(cols.unitPrice, currency);
    let lineTotal: Minor | null = null;
    if (f.text(cols.lineTotal) !== '') lineTotal = f.amount(cols.lineTotal, currency);
    else if (unitPrice !== null) lineTotal = multiplyByQuantity({ amount: unitPrice, currency }, qty).amount;
    return {
      orderedAt: f.date(orderedAt, dayFirst),
      status: cols.status === null ? GENERIC_DEFAULT_STATUS : f.status(cols.status),
      currency,
      sku: f.required(sku),
      itemName: f.text(cols.itemName),
      quantity: qty,
      unitPrice,
      lineTotal,
      shipping: f.amount(cols.shipping, currency),
      discount: f.magnitude(cols.discount, currency),
      tax: f.amount(cols.tax, currency),
      country: f.country(cols.buyerCountry),
      shopName: f.text(cols.shopName) || null,
      fulfilment: FULFILMENT[f.text(cols.fulfilment).toLowerCase()] ?? null,
      orderTotal: f.text(cols.orderTotal) === '' ? null : f.amount(cols.orderTotal, currency),
    };
  };

  const buildOrder = (no: string, rows: OrderRows<GenericRow>): ImportedOrder => {
    const head = rows[0].value;
    checkSameCurrency(rows, currencyColumn, head.currency);
    const keys = lineKeys(rows.map((r) => r.value.sku));
    return {
      platform: 'erp',
      orderNo: no,
      platformStatus: head.status,
      salesChannel: null,
      orderedAt: head.orderedAt,
      buyerCountry: head.country,
      currency: head.currency,
      fulfilment: head.fulfilment,
      shipping: head.shipping,
      discount: head.discount,
      taxOnTop: head.tax,
      refunded: ZERO,
      lines: goodsLines(rows, keys),
      fees: [],
      sourceRows: rows.map((r) => r.row),
      shopName: head.shopName,
      statedTotal: head.orderTotal,
    };
  };

  const result = groupOrders(table, { orderNo, readRow, buildOrder }, options);
  return { ...result, mapping, unmappedRequired };
}
