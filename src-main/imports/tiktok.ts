/**
 * TikTok Shop order export (CSV, one row per SKU) → orders. `Order ID` (18 digits, beyond 2^53)
 * stays text exactly as written. `SKU Subtotal After Discount` is what the buyer pays for the
 * line: the line total is `SKU Subtotal Before Discount` when present (the difference being the
 * line's discount), else the after-discount amount with no discount. Order-level columns
 * repeated on every row (Shipping Fee After Discount → shipping, Taxes → taxOnTop, Order Refund
 * Amount → refunded) are taken once from the first row. `Created Time` is `03/05/2026 2:02:05 PM`
 * (month first unless the column proves otherwise). Currency: a Currency column or the shop's.
 */
import { DomainError } from '../core/domain-error.ts';
import type { Currency, Minor } from '../core/money/index.ts';
import type { Fulfilment, ImportedOrder } from '../core/orders/order.ts';
import { type Column, type FieldReader, RowFailure, ZERO, goodsLines } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRows } from './group-orders.ts';
import { lineKeys } from './line-keys.ts';
import { detectDayFirst } from './parse-dates.ts';
import type { Table } from './read-table.ts';
import { sumMinor } from './sum-minor.ts';

const REQUIRED = {
  orderNo: ['order id'],
  status: ['order status'],
  createdAt: ['created time'],
  quantity: ['quantity'],
  after: ['sku subtotal after discount'],
};
const OPTIONAL = {
  sku: ['seller sku'],
  productName: ['product name'],
  unitPrice: ['sku unit original price'],
  before: ['sku subtotal before discount'],
  shipping: ['shipping fee after discount'],
  taxes: ['taxes'],
  refunded: ['order refund amount'],
  /** What the buyer paid for the whole order (repeated on each of its rows): the check of its parts. */
  orderAmount: ['order amount'],
  currency: ['currency'],
  country: ['country'],
  fulfilment: ['fulfillment type'],
};

const FULFILMENT: Readonly<Record<string, Fulfilment>> = {
  'fulfillment by tiktok shop': 'platform',
  'fulfilled by tiktok shop': 'platform',
  'fulfillment by seller': 'self',
  'fulfilled by seller': 'self',
};

interface TikTokRow {
  readonly status: string;
  readonly createdAt: string;
  readonly currency: Currency;
  readonly country: string | null;
  readonly fulfilment: Fulfilment | null;
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: number;
  readonly unitPrice: Minor | null;
  readonly lineTotal: Minor;
  readonly discount: Minor;
  readonly shipping: Minor;
  readonly taxes: Minor;
  readonly refunded: Minor;
  readonly orderAmount: Minor | null;
}

export function parseTikTok(table: Table, options: FormatOptions): FormatResult {
  const cols = findColumns(table, 'tiktok', REQUIRED, OPTIONAL);
  if (cols.currency === null && options.defaultCurrency === null)
    throw new DomainError('import.file.noCurrency', { source: 'tiktok' });
  const currencyColumn: Column = cols.currency ?? { index: -1, header: 'Currency' };
  const dayFirst = detectDayFirst(table.rows.map((r) => r[cols.createdAt.index] ?? ''));

  const readRow = (f: FieldReader): TikTokRow => {
    const currency =
      f.currency(cols.currency) ?? options.defaultCurrency ?? f.fail(currencyColumn, 'import.row.missingValue');
    const after = f.amount(cols.after, currency);
    const before = f.text(cols.before) === '' ? after : f.amount(cols.before, currency);
    const discounted = before >= after;
    return {
      status: f.status(cols.status),
      createdAt: f.date(cols.createdAt, dayFirst),
      currency,
      country: f.country(cols.country),
      fulfilment: FULFILMENT[f.text(cols.fulfilment).toLowerCase()] ?? null,
      sku: f.text(cols.sku),
      itemName: f.text(cols.productName),
      quantity: f.quantity(cols.quantity),
      unitPrice: f.text(cols.unitPrice) === '' ? null : f.amount(cols.unitPrice, currency),
      lineTotal: discounted ? before : after,
      discount: discounted ? sumMinor([before, -after as Minor], currency) : ZERO,
      shipping: f.amount(cols.shipping, currency),
      taxes: f.amount(cols.taxes, currency),
      refunded: f.magnitude(cols.refunded, currency),
      orderAmount: f.text(cols.orderAmount) === '' ? null : f.amount(cols.orderAmount, currency),
    };
  };

  const buildOrder = (orderNo: string, rows: OrderRows<TikTokRow>): ImportedOrder => {
    const head = rows[0].value;
    for (const r of rows) {
      if (r.value.currency !== head.currency) {
        throw new RowFailure({
          row: r.row,
          column: currencyColumn.header,
          code: 'import.row.currencyMismatch',
          params: { column: currencyColumn.header, value: r.value.currency, expected: head.currency },
        });
      }
    }
    const keys = lineKeys(rows.map((r) => r.value.sku || r.value.itemName));
    return {
      platform: 'tiktok',
      orderNo,
      platformStatus: head.status,
      salesChannel: null,
      orderedAt: head.createdAt,
      buyerCountry: head.country,
      currency: head.currency,
      fulfilment: head.fulfilment,
      shipping: head.shipping,
      discount: ZERO,
      taxOnTop: head.taxes,
      refunded: head.refunded,
      lines: goodsLines(rows, keys, (v) => ({ discount: v.discount })),
      statedTotal: head.orderAmount,
      fees: [],
      sourceRows: rows.map((r) => r.row),
      shopName: null,
    };
  };

  return groupOrders(table, { orderNo: cols.orderNo, readRow, buildOrder }, options);
}
