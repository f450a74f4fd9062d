/**
 * TikTok Shop order export (CSV, one row per SKU) → orders. `Order ID` (18 digits, beyond 2^53)
 * stays text exactly as written. `SKU Subtotal After Discount` is what the buyer pays for the
 * line: the line total is `SKU Subtotal Before Discount` when present, else the after-discount
 * amount. Who pays a discount decides where it goes (issue 15, point 3): `SKU Seller Discount` is
 * the line's discount; `SKU Platform Discount`, `Shipping Fee Platform Discount` and `Payment
 * platform discount` are paid by TikTok, so they stay in the seller's sale and are the lines'
 * `platformDiscount` (non-cash; the order-level ones split over the lines by value). Without the
 * seller / platform columns the whole difference is the line's discount. Order-level columns
 * repeated on every row are taken once from the first row: shipping = Original Shipping Fee −
 * Shipping Fee Seller Discount (else Shipping Fee After Discount), Order Refund Amount → refunded.
 * `Taxes` (+ `Retail Delivery Fee`) are on top (US sales tax) unless Order Amount = the items and
 * shipping after discount without them: then Taxes is the VAT inside the prices (cross-border UK /
 * EU shops), split by value over the lines (`includedTax`) and the shipping (`includedShippingTax`,
 * on the first line). An order to GB, IE, DE, FR, IT or ES whose export states no Taxes gets its
 * VAT computed from that country's standard rate (vat-rates.ts), marked `computedTax`
 * (`import.order.taxComputed`).
 * The order is checked against Order Amount plus what TikTok paid. `Created Time` is
 * `03/05/2026 2:02:05 PM` (month first unless the column proves otherwise). Currency: a Currency
 * column or the shop's.
 */
import { DomainError } from '../core/domain-error.ts';
import type { Currency, Minor } from '../core/money/index.ts';
import type { Fulfilment, ImportedOrder } from '../core/orders/order.ts';
import { allocateMinor, percentIn, taxInside } from './allocate-minor.ts';
import type { Column, FieldReader } from './field-reader.ts';
import { checkSameCurrency, marketplaceOrderHead, ZERO, goodsLines } from './field-reader.ts';
import { STANDARD_TAX_PERCENT } from './vat-rates.ts';
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
  sellerDiscount: ['sku seller discount'],
  platformDiscount: ['sku platform discount'],
  originalShipping: ['original shipping fee'],
  shippingSellerDiscount: ['shipping fee seller discount'],
  shippingPlatformDiscount: ['shipping fee platform discount'],
  paymentPlatformDiscount: ['payment platform discount'],
  retailDeliveryFee: ['retail delivery fee'],
  taxes: ['taxes'],
  refunded: ['order refund amount'],
  /** What the buyer paid for the whole order (repeated on each of its rows): the check of its parts. */
  orderAmount: ['order amount'],
  currency: ['currency'],
  country: ['country'],
  fulfilment: ['fulfillment type'],
};

/** The countries whose TikTok Shop collects VAT inside the prices of cross-border orders (UK, EU markets). */
const VAT_INSIDE = new Set(['GB', 'IE', 'DE', 'FR', 'IT', 'ES']);

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
  /** TikTok's part of the item discount (SKU Platform Discount). */
  readonly platformDiscount: Minor;
  /** What the buyer paid for the line (SKU Subtotal After Discount). */
  readonly after: Minor;
  /** Order level: shipping after the seller's shipping discount, what the buyer paid for it, TikTok's shipping and payment discounts. */
  readonly shipping: Minor;
  readonly shippingPaid: Minor;
  readonly orderPlatform: Minor;
  readonly paymentPlatform: Minor;
  readonly taxes: Minor;
  readonly taxesStated: boolean;
  readonly retailDeliveryFee: Minor;
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
    const split = cols.sellerDiscount !== null || cols.platformDiscount !== null;
    const seller = f.magnitude(cols.sellerDiscount, currency);
    const platform = f.magnitude(cols.platformDiscount, currency);
    const before =
      f.text(cols.before) !== ''
        ? f.amount(cols.before, currency)
        : split
          ? sumMinor([after, seller, platform], currency)
          : after;
    const discounted = before >= after;
    const shippingPaid = f.amount(cols.shipping, currency);
    const original = f.text(cols.originalShipping) === '' ? null : f.amount(cols.originalShipping, currency);
    const paymentPlatform = f.magnitude(cols.paymentPlatformDiscount, currency);
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
      lineTotal: split || discounted ? before : after,
      discount: split ? seller : discounted ? sumMinor([before, -after as Minor], currency) : ZERO,
      platformDiscount: split ? platform : ZERO,
      after,
      shipping:
        original === null
          ? shippingPaid
          : sumMinor([original, -f.magnitude(cols.shippingSellerDiscount, currency) as Minor], currency),
      shippingPaid,
      orderPlatform: sumMinor(
        [original === null ? ZERO : f.magnitude(cols.shippingPlatformDiscount, currency), paymentPlatform],
        currency,
      ),
      paymentPlatform,
      taxes: f.amount(cols.taxes, currency),
      taxesStated: f.text(cols.taxes) !== '' && f.amount(cols.taxes, currency) !== 0,
      retailDeliveryFee: f.amount(cols.retailDeliveryFee, currency),
      refunded: f.magnitude(cols.refunded, currency),
      orderAmount: f.text(cols.orderAmount) === '' ? null : f.amount(cols.orderAmount, currency),
    };
  };

  const buildOrder = (orderNo: string, rows: OrderRows<TikTokRow>): ImportedOrder => {
    const head = rows[0].value;
    checkSameCurrency(rows, currencyColumn, head.currency);
    const cur = head.currency;
    const keys = lineKeys(rows.map((r) => r.value.sku || r.value.itemName));
    const goods = rows.map((r) => sumMinor([r.value.lineTotal, -r.value.discount as Minor], cur));
    // TikTok's shipping and payment discounts over the lines by value, each line's own item discount added
    const shares = allocateMinor(head.orderPlatform, goods);
    const platform = rows.map((r, i) => sumMinor([r.value.platformDiscount, shares[i]!], cur));
    // what the buyer paid without any tax: Order Amount equal to it means Taxes are inside the prices
    const paidWithoutTax = sumMinor(
      [...rows.map((r) => r.value.after), head.shippingPaid, -head.paymentPlatform as Minor, head.retailDeliveryFee],
      cur,
    );
    const taxInsidePrices = head.orderAmount !== null && head.orderAmount === paidWithoutTax;
    const rate = head.country !== null && VAT_INSIDE.has(head.country) ? STANDARD_TAX_PERCENT[head.country] : undefined;
    let inside: { lines: Minor[]; shipping: Minor } | null = null;
    let computedTax: ImportedOrder['computedTax'] = null;
    if (taxInsidePrices && head.taxesStated) {
      const split = allocateMinor(head.taxes, [...goods, head.shipping]);
      inside = { lines: split.slice(0, goods.length), shipping: split[goods.length]! };
    } else if (!head.taxesStated && rate !== undefined && (head.orderAmount === null || taxInsidePrices)) {
      const r = percentIn(`${rate}%`)!;
      inside = { lines: goods.map((g) => taxInside(g, r)), shipping: taxInside(head.shipping, r) };
      computedTax = { country: head.country!, ratePercent: rate };
    }
    const shippingLine = Math.max(
      0,
      rows.findIndex((r) => r.value.quantity > 0),
    );
    const lines = goodsLines(rows, keys, (v) => ({ discount: v.discount })).map((l, i) => ({
      ...l,
      ...(platform[i] ? { platformDiscount: platform[i] } : {}),
      ...(inside?.lines[i] ? { includedTax: inside.lines[i] } : {}),
      ...(inside && i === shippingLine && inside.shipping ? { includedShippingTax: inside.shipping } : {}),
    }));
    return {
      ...marketplaceOrderHead('tiktok', orderNo, head),
      fulfilment: head.fulfilment,
      shipping: head.shipping,
      discount: ZERO,
      taxOnTop: inside === null ? sumMinor([head.taxes, head.retailDeliveryFee], cur) : head.retailDeliveryFee,
      refunded: head.refunded,
      lines,
      // what the buyer paid plus what TikTok paid for them: the seller's sale
      statedTotal: head.orderAmount === null ? null : sumMinor([head.orderAmount, sumMinor(platform, cur)], cur),
      ...(computedTax === null ? {} : { computedTax }),
      fees: [],
      sourceRows: rows.map((r) => r.row),
      shopName: null,
    };
  };

  return groupOrders(table, { orderNo: cols.orderNo, readRow, buildOrder }, options);
}
