/**
 * Amazon settlement flat file V2 (TSV). The first data row holds the totals (settlement-id,
 * dates, total-amount, currency) and is not a transaction; Σ amount of the other rows equals
 * total-amount. `parseSettlementTotals` gives every row for the settlement issue; the order
 * import takes from it only what belongs to orders: fees of `Order`/`Refund` rows (ItemFees:
 * Commission → commission, FBA…Fee → fulfilment, others → other; ShipmentFees → shipping) as
 * signed costs (a fee Amazon gives back on a refund is negative) and `refunded` from Refund
 * ItemPrice/Principal. These orders have no lines, status 'Shipped' and the posting time as
 * orderedAt: the store must merge them into the All Orders data, not replace it.
 * EU files write `12,34`: decimal commas are read when total-amount has one.
 *
 * The older "Flat File" layout (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE) has the same totals row
 * and keys but one column pair per kind of amount instead of V2's amount-type / -description /
 * amount: each filled amount cell of a row becomes one part named as V2 names it (price-type →
 * ItemPrice/<type>, item-related-fee-type → ItemFees/<type>, shipment-fee-type → ShipmentFees,
 * order-fee-type → OrderFees, promotion-type → Promotion, direct-payment-type → DirectPayment,
 * misc-fee-amount → MiscFee/<transaction-type>, other-fee-amount → OtherFees/<reason>,
 * other-amount → other-transaction/<transaction-type>); a row with no amount is one zero part.
 */
import { DomainError } from '../core/domain-error.ts';
import type { Currency, Minor } from '../core/money/index.ts';
import type { FeeType, ImportedFee, ImportedOrder, RowError } from '../core/orders/order.ts';
import { type Column, FieldReader, RowFailure, ZERO } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRows } from './group-orders.ts';
import { detectDayFirst } from './parse-dates.ts';
import { checkRowsAccounted, type Table } from './read-table.ts';
import { sumMinor } from './sum-minor.ts';

const REQUIRED = {
  settlementId: ['settlement-id'],
  start: ['settlement-start-date'],
  end: ['settlement-end-date'],
  depositDate: ['deposit-date'],
  totalAmount: ['total-amount'],
  currency: ['currency'],
  transactionType: ['transaction-type'],
  orderId: ['order-id'],
};
const OPTIONAL = {
  postedDate: ['posted-date'],
  postedDateTime: ['posted-date-time'],
  marketplace: ['marketplace-name'],
  fulfilmentId: ['fulfillment-id'],
  sku: ['sku'],
};
const V2_REQUIRED = { amountType: ['amount-type'], amountDescription: ['amount-description'], amount: ['amount'] };
const FLAT_REQUIRED = {
  priceType: ['price-type'],
  priceAmount: ['price-amount'],
  itemFeeType: ['item-related-fee-type'],
  itemFeeAmount: ['item-related-fee-amount'],
};
const FLAT_OPTIONAL = {
  shipmentFeeType: ['shipment-fee-type'],
  shipmentFeeAmount: ['shipment-fee-amount'],
  orderFeeType: ['order-fee-type'],
  orderFeeAmount: ['order-fee-amount'],
  miscFeeAmount: ['misc-fee-amount'],
  otherFeeAmount: ['other-fee-amount'],
  otherFeeReason: ['other-fee-reason-description'],
  promotionType: ['promotion-type'],
  promotionAmount: ['promotion-amount'],
  directPaymentType: ['direct-payment-type'],
  directPaymentAmount: ['direct-payment-amount'],
  otherAmount: ['other-amount'],
};

/** True for the older flat-file layout (price-type … other-amount columns, no amount-type). */
export function isOldFlatSettlement(keys: readonly string[]): boolean {
  return (
    keys.includes('settlement-id') &&
    !keys.includes('amount-type') &&
    keys.includes('price-type') &&
    keys.includes('item-related-fee-type')
  );
}

/** One amount of a settlement row, named as V2 names it. */
interface AmountPart {
  readonly amountType: string;
  readonly amountDescription: string;
  readonly amount: Minor;
}

export interface SettlementRow {
  readonly row: number;
  readonly transactionType: string;
  readonly orderId: string | null;
  readonly amountType: string;
  readonly amountDescription: string;
  readonly amount: Minor;
  readonly postedAt: string | null;
  readonly marketplace: string | null;
  readonly sku: string | null;
  readonly fulfilmentId: string | null;
}

export interface SettlementTotals {
  readonly settlementId: string;
  readonly start: string;
  readonly end: string;
  readonly depositDate: string;
  readonly currency: Currency;
  readonly totalAmount: Minor;
  /** Σ amount over the transaction rows read without error; equals totalAmount for a whole file. */
  readonly sumOfAmounts: Minor;
  readonly rows: readonly SettlementRow[];
  readonly rejected: readonly RowError[];
}

type Columns = ReturnType<typeof settlementColumns>;

function settlementColumns(table: Table) {
  const common = findColumns(table, 'amazon-settlement', REQUIRED, OPTIONAL);
  if (isOldFlatSettlement(table.keys))
    return { ...common, v2: null, flat: findColumns(table, 'amazon-settlement', FLAT_REQUIRED, FLAT_OPTIONAL) };
  return { ...common, v2: findColumns(table, 'amazon-settlement', V2_REQUIRED, {}), flat: null };
}

/** The amounts of one transaction row (V2: one; old layout: one per filled amount column). */
function amountParts(f: FieldReader, cols: Columns, currency: Currency, decimalComma: boolean): AmountPart[] {
  if (cols.v2 !== null) {
    return [
      {
        amountType: f.text(cols.v2.amountType),
        amountDescription: f.text(cols.v2.amountDescription),
        amount: f.amount(cols.v2.amount, currency, decimalComma),
      },
    ];
  }
  const c = cols.flat;
  if (c === null) return [];
  const transactionType = f.text(cols.transactionType);
  const parts: AmountPart[] = [];
  const add = (amountCol: Column | null, amountType: string, description: string): void => {
    if (amountCol === null || f.text(amountCol) === '') return;
    parts.push({ amountType, amountDescription: description, amount: f.amount(amountCol, currency, decimalComma) });
  };
  add(c.shipmentFeeAmount, 'ShipmentFees', f.text(c.shipmentFeeType));
  add(c.orderFeeAmount, 'OrderFees', f.text(c.orderFeeType));
  add(c.priceAmount, 'ItemPrice', f.text(c.priceType));
  add(c.itemFeeAmount, 'ItemFees', f.text(c.itemFeeType));
  add(c.miscFeeAmount, 'MiscFee', transactionType);
  add(c.otherFeeAmount, 'OtherFees', f.text(c.otherFeeReason) || transactionType);
  add(c.promotionAmount, 'Promotion', f.text(c.promotionType));
  add(c.directPaymentAmount, 'DirectPayment', f.text(c.directPaymentType));
  add(c.otherAmount, 'other-transaction', transactionType);
  return parts.length > 0
    ? parts
    : [{ amountType: 'other-transaction', amountDescription: transactionType, amount: ZERO }];
}

interface Header {
  readonly cols: Columns;
  readonly dayFirst: boolean;
  readonly decimalComma: boolean;
  readonly totals: Omit<SettlementTotals, 'sumOfAmounts' | 'rows' | 'rejected'>;
}

function readHeader(table: Table, timeZone: string): Header {
  const cols = settlementColumns(table);
  const dates = [cols.start, cols.end, cols.depositDate, cols.postedDate, cols.postedDateTime];
  const dayFirst = detectDayFirst(table.rows.flatMap((r) => dates.map((c) => (c === null ? '' : (r[c.index] ?? '')))));
  const cells = table.rows[0] ?? [];
  const row = table.rowNumbers[0] ?? 2;
  const readError = table.rowErrors[0] ?? null;
  const f = new FieldReader(cells, row, timeZone);
  const fail = (e: RowError): never => {
    throw new DomainError('import.file.badSettlementTotals', { row: e.row, reason: e.code, ...e.params });
  };
  if (readError !== null) fail(readError);
  if (f.text(cols.transactionType) !== '')
    fail({
      row,
      column: cols.totalAmount.header,
      code: 'import.row.missingValue',
      params: { column: cols.totalAmount.header },
    });
  const decimalComma = /,\d{1,2}$/.test(f.text(cols.totalAmount));
  try {
    const currency = f.currency(cols.currency) ?? f.fail(cols.currency, 'import.row.missingValue');
    f.required(cols.totalAmount);
    return {
      cols,
      dayFirst,
      decimalComma,
      totals: {
        settlementId: f.required(cols.settlementId),
        start: f.date(cols.start, dayFirst),
        end: f.date(cols.end, dayFirst),
        depositDate: f.date(cols.depositDate, dayFirst),
        currency,
        totalAmount: f.amount(cols.totalAmount, currency, decimalComma),
      },
    };
  } catch (e) {
    if (e instanceof RowFailure) return fail(e.rowError);
    throw e;
  }
}

function postedAt(f: FieldReader, cols: Columns, dayFirst: boolean): string | null {
  const col: Column | null =
    f.text(cols.postedDateTime) !== '' ? cols.postedDateTime : f.text(cols.postedDate) !== '' ? cols.postedDate : null;
  return col === null ? null : f.date(col, dayFirst);
}

/** Totals and every transaction row of a settlement; bad rows are listed in `rejected`. */
export function parseSettlementTotals(table: Table, timeZone = 'UTC'): SettlementTotals {
  const { cols, dayFirst, decimalComma, totals } = readHeader(table, timeZone);
  const rows: SettlementRow[] = [];
  const rejected: RowError[] = [];
  for (let i = 1; i < table.rows.length; i++) {
    const f = new FieldReader(table.rows[i] ?? [], table.rowNumbers[i] ?? 0, timeZone);
    const readError = table.rowErrors[i] ?? null;
    if (readError !== null) {
      rejected.push(readError);
      continue;
    }
    try {
      const base = {
        row: f.row,
        transactionType: f.required(cols.transactionType),
        orderId: f.text(cols.orderId) || null,
        postedAt: postedAt(f, cols, dayFirst),
        marketplace: f.text(cols.marketplace) || null,
        sku: f.text(cols.sku) || null,
        fulfilmentId: f.text(cols.fulfilmentId) || null,
      };
      for (const part of amountParts(f, cols, totals.currency, decimalComma)) rows.push({ ...base, ...part });
    } catch (e) {
      if (!(e instanceof RowFailure)) throw e;
      rejected.push(e.rowError);
    }
  }
  // the totals row is not a transaction; a row of the old layout may hold several amounts
  checkRowsAccounted(table.rows.length - 1, new Set(rows.map((r) => r.row)).size, rejected.length);
  const sumOfAmounts = sumMinor(
    rows.map((r) => r.amount),
    totals.currency,
  );
  return { ...totals, sumOfAmounts, rows, rejected };
}

const ORDER_TRANSACTIONS = new Set(['order', 'refund']);
const FULFILMENT_FEES = new Set(['fbaperunitfulfillmentfee', 'fbaperorderfulfillmentfee', 'fbaweightbasedfee']);

function feeType(amountType: string, description: string): FeeType | null {
  const type = amountType.toLowerCase();
  if (type === 'shipmentfees') return 'shipping';
  if (type !== 'itemfees') return null;
  const d = description.toLowerCase();
  if (d === 'commission') return 'commission';
  return FULFILMENT_FEES.has(d) ? 'fulfilment' : 'other';
}

interface OrderTransaction {
  readonly transactionType: string;
  readonly parts: readonly AmountPart[];
  readonly postedAt: string;
  readonly marketplace: string | null;
  readonly fulfilmentId: string;
}

export function parseAmazonSettlement(table: Table, options: FormatOptions): FormatResult {
  const { cols, dayFirst, decimalComma, totals } = readHeader(table, options.timeZone);
  const currency = totals.currency;
  const readRow = (f: FieldReader): OrderTransaction => ({
    transactionType: f.text(cols.transactionType).toLowerCase(),
    parts: amountParts(f, cols, currency, decimalComma),
    postedAt: postedAt(f, cols, dayFirst) ?? f.fail(cols.postedDate ?? cols.postedDateTime, 'import.row.missingValue'),
    marketplace: f.text(cols.marketplace) || null,
    fulfilmentId: f.text(cols.fulfilmentId).toUpperCase(),
  });
  const buildOrder = (orderNo: string, rows: OrderRows<OrderTransaction>): ImportedOrder => {
    const first = rows[0].value;
    const fees: ImportedFee[] = [];
    const refunds: Minor[] = [];
    for (const { row, value: t } of rows) {
      for (const p of t.parts) {
        const type = feeType(p.amountType, p.amountDescription);
        if (type !== null && p.amount !== 0)
          fees.push({ type, description: p.amountDescription, amount: -p.amount as Minor, sourceRow: row });
        if (
          t.transactionType === 'refund' &&
          p.amountType.toLowerCase() === 'itemprice' &&
          p.amountDescription.toLowerCase() === 'principal'
        ) {
          refunds.push(-p.amount as Minor);
        }
      }
    }
    const channel = first.marketplace;
    return {
      platform: 'amazon',
      orderNo,
      platformStatus: 'Shipped',
      salesChannel: channel,
      orderedAt: rows.map((r) => r.value.postedAt).sort()[0] ?? first.postedAt,
      buyerCountry: null,
      currency,
      fulfilment: first.fulfilmentId === 'AFN' ? 'platform' : first.fulfilmentId === 'MFN' ? 'self' : null,
      shipping: ZERO,
      discount: ZERO,
      taxOnTop: ZERO,
      refunded: sumMinor(refunds, currency),
      lines: [],
      fees,
      sourceRows: rows.map((r) => r.row),
      shopName: channel !== null && channel.toLowerCase() !== 'non-amazon' ? channel : null,
    };
  };
  const isOrderRow = (cells: readonly string[]): boolean =>
    ORDER_TRANSACTIONS.has((cells[cols.transactionType.index] ?? '').trim().toLowerCase()) &&
    (cells[cols.orderId.index] ?? '').trim() !== '';
  return groupOrders(table, { orderNo: cols.orderId, isOrderRow, readRow, buildOrder }, options);
}
