/**
 * Amazon "All Orders" report (TSV, one row per item) → orders. item-price is the LINE total;
 * promotion discounts (written negative or positive) become the line's positive discount;
 * shipping-price and gift-wrap-price stay on the line. item-tax, shipping-tax and gift-wrap-tax
 * are `taxOnTop` only where Amazon adds tax on top (amazon.com, amazon.ca; Non-Amazon by USD/CAD):
 * in VAT markets (UK, EU, JP…) item-price already includes the VAT and item-tax is its share, so
 * it is not on top — it is stored as the line's `includedTax` (shipping-tax + gift-wrap-tax as
 * `includedShippingTax`) so the customs declaration can leave out the VAT the marketplace collects,
 * and ship-promotion-discount (part of the line's discount) also as `shippingDiscount`, which lowers
 * the freight rather than the goods (issue 15). Where a VAT market's row leaves its tax cells empty, the VAT
 * is computed at the destination's standard rate and the order marked (`computedTax`). Pending and multi-channel (Non-Amazon) rows often have no
 * currency and no prices: the order is kept with its amounts unknown (line totals null, never 0),
 * its currency from the marketplace where there is one, else none; `merchant-order-id` of a
 * Non-Amazon row names the order in its own channel. Quantity 0 is allowed (cancelled items).
 * The Order Report (seller-fulfilled orders, `order-id` …) is the same source: see
 * amazon-order-report.ts.
 */
import type { Currency, Minor } from '../core/money/index.ts';
import type { Fulfilment, ImportedOrder } from '../core/orders/order.ts';
import { amazonMarketplace, amazonTaxOnTop } from './amazon-marketplaces.ts';
import { type Column, type FieldReader, checkSameCurrency, ZERO, goodsLines } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRow, type OrderRows } from './group-orders.ts';
import { lineKeys } from './line-keys.ts';
import {
  AMAZON_ITEM_AMOUNTS,
  amazonLineAmounts,
  type AmazonItemAmounts,
  isAmazonOrderReport,
  parseAmazonOrderReport,
  type UnstatedVatRate,
  unstatedVatRate,
  vatInsidePaid,
} from './amazon-order-report.ts';
import { detectDayFirst } from './parse-dates.ts';
import type { Table } from './read-table.ts';
import { sumMinor } from './sum-minor.ts';

const REQUIRED = {
  orderNo: ['amazon-order-id'],
  purchaseDate: ['purchase-date'],
  status: ['order-status'],
  sku: ['sku'],
  quantity: ['quantity'],
  itemPrice: ['item-price'],
};
const OPTIONAL = {
  fulfilment: ['fulfillment-channel'],
  salesChannel: ['sales-channel'],
  productName: ['product-name'],
  itemStatus: ['item-status'],
  ...AMAZON_ITEM_AMOUNTS,
  merchantOrderId: ['merchant-order-id'],
};

interface AmazonRow extends AmazonItemAmounts {
  readonly includedTax: Minor;
  readonly includedShippingTax: Minor;
  readonly shippingDiscount: Minor;
  /** A VAT-market row whose item-tax (resp. shipping-tax and gift-wrap-tax) cells are empty. */
  readonly itemTaxUnstated: boolean;
  readonly shippingTaxUnstated: boolean;
  readonly orderedAt: string;
  readonly status: string;
  readonly salesChannel: string | null;
  readonly fulfilment: Fulfilment | null;
  readonly country: string | null;
  readonly currency: Currency | null;
  readonly merchantOrderId: string | null;
  readonly lineTotal: Minor | null;
  readonly cancelled: boolean;
}

const FULFILMENT: Readonly<Record<string, Fulfilment>> = {
  amazon: 'platform',
  afn: 'platform',
  merchant: 'self',
  mfn: 'self',
};

export function parseAmazonOrders(table: Table, options: FormatOptions): FormatResult {
  if (isAmazonOrderReport(table.keys)) return parseAmazonOrderReport(table, options);
  const cols = findColumns(table, 'amazon-orders', REQUIRED, OPTIONAL);
  const dayFirst = detectDayFirst(table.rows.map((r) => r[cols.purchaseDate.index] ?? ''));
  const currencyColumn: Column = cols.currency ?? { index: -1, header: 'currency' };

  const readRow = (f: FieldReader): AmazonRow => {
    const status = f.status(cols.status);
    const salesChannel = f.text(cols.salesChannel) || null;
    const marketCurrency = salesChannel === null ? null : (amazonMarketplace(salesChannel)?.currency ?? null);
    const amountCells = [
      cols.itemPrice,
      cols.itemTax,
      cols.shippingPrice,
      cols.shippingTax,
      cols.giftWrapPrice,
      cols.giftWrapTax,
      cols.itemPromotion,
      cols.shipPromotion,
    ];
    const statesAmounts = amountCells.some((c) => f.text(c) !== '');
    const currency =
      f.currency(cols.currency) ??
      marketCurrency ??
      (statesAmounts ? (options.defaultCurrency ?? f.fail(currencyColumn, 'import.row.missingValue')) : null);
    const sku = f.text(cols.sku);
    const common = {
      orderedAt: f.date(cols.purchaseDate, dayFirst),
      status,
      salesChannel,
      fulfilment: FULFILMENT[f.text(cols.fulfilment).toLowerCase()] ?? null,
      country: f.country(cols.shipCountry),
      merchantOrderId: f.text(cols.merchantOrderId) || null,
      sku,
      itemName: f.text(cols.productName),
      quantity: f.quantity(cols.quantity, true),
      cancelled: f.text(cols.itemStatus).toLowerCase() === 'cancelled',
    };
    // no price stated (Pending, multi-channel rows): the line's amounts are unknown, not 0
    if (currency === null || f.text(cols.itemPrice) === '') {
      return {
        ...common,
        currency,
        lineTotal: null,
        discount: ZERO,
        taxOnTop: ZERO,
        shipping: ZERO,
        giftWrap: ZERO,
        includedTax: ZERO,
        includedShippingTax: ZERO,
        shippingDiscount: ZERO,
        itemTaxUnstated: false,
        shippingTaxUnstated: false,
      };
    }
    const taxes = [
      f.amount(cols.itemTax, currency),
      f.amount(cols.shippingTax, currency),
      f.amount(cols.giftWrapTax, currency),
    ];
    const onTop = amazonTaxOnTop(salesChannel ?? '', currency);
    const shipPromotion = f.magnitude(cols.shipPromotion, currency);
    return {
      ...common,
      currency,
      lineTotal: f.amount(cols.itemPrice, currency),
      discount: sumMinor([f.magnitude(cols.itemPromotion, currency), shipPromotion], currency),
      taxOnTop: onTop ? sumMinor(taxes, currency) : ZERO,
      shipping: f.amount(cols.shippingPrice, currency),
      giftWrap: f.amount(cols.giftWrapPrice, currency),
      // the transaction price for customs (issue 15): VAT the marketplace collects inside the prices, and
      // the shipping promotion (it lowers the freight, not the goods); item-tax is absolute (refund rows are negative)
      includedTax: onTop ? ZERO : (Math.abs(taxes[0]!) as Minor),
      // (a shipping promotion that pays the whole shipping leaves no shipping VAT collected from the buyer)
      includedShippingTax: onTop
        ? ZERO
        : (Math.max(
            0,
            Math.min(
              Math.abs(sumMinor([taxes[1]!, taxes[2]!], currency)),
              f.amount(cols.shippingPrice, currency) + f.amount(cols.giftWrapPrice, currency) - shipPromotion,
            ),
          ) as Minor),
      shippingDiscount: shipPromotion,
      itemTaxUnstated: !onTop && f.text(cols.itemTax) === '',
      shippingTaxUnstated: !onTop && f.text(cols.shippingTax) === '' && f.text(cols.giftWrapTax) === '',
    };
  };

  const buildOrder = (orderNo: string, rows: OrderRows<AmazonRow>): ImportedOrder => {
    const first = rows[0].value;
    // rows without a currency (no prices) go with any; rows that state one must agree
    const currency = rows.find((r) => r.value.currency !== null)?.value.currency ?? null;
    checkSameCurrency(rows, currencyColumn, currency);
    const keys = lineKeys(rows.map((r) => r.value.sku || r.value.itemName));
    const vat = computeUnstatedVat(rows, unstatedVatRate(first.country, first.salesChannel), currency);
    return {
      platform: 'amazon',
      orderNo,
      platformStatus: first.status,
      salesChannel: first.salesChannel,
      orderedAt: first.orderedAt,
      buyerCountry: first.country,
      currency,
      fulfilment: first.fulfilment,
      shipping: ZERO,
      discount: ZERO,
      taxOnTop: ZERO,
      refunded: ZERO,
      lines: goodsLines(vat.rows, keys, (v) => ({ ...amazonLineAmounts(v), cancelled: v.cancelled })),
      fees: [],
      sourceRows: rows.map((r) => r.row),
      shopName:
        first.salesChannel !== null && first.salesChannel.toLowerCase() !== 'non-amazon' ? first.salesChannel : null,
      channelOrderNo: first.salesChannel?.toLowerCase() === 'non-amazon' ? first.merchantOrderId : null,
      ...(vat.computedTax !== null ? { computedTax: vat.computedTax } : {}),
    };
  };

  return groupOrders(table, { orderNo: cols.orderNo, readRow, buildOrder }, options);
}

/** The VAT inside the prices where a VAT market's rows leave their tax cells empty (`vatInsidePaid`); the order then marked. */
function computeUnstatedVat(
  rows: OrderRows<AmazonRow>,
  vat: UnstatedVatRate | null,
  currency: Currency | null,
): { rows: readonly OrderRow<AmazonRow>[]; computedTax: { country: string; ratePercent: string } | null } {
  if (vat === null || currency === null) return { rows, computedTax: null };
  let computed = false;
  const adjusted = rows.map((r) => {
    const v = r.value;
    if (v.lineTotal === null) return r;
    const paid = vatInsidePaid({ ...v, lineTotal: v.lineTotal }, vat, currency);
    if (paid.item === null && paid.shipping === null) return r;
    computed = true;
    return {
      ...r,
      value: {
        ...v,
        includedTax: paid.item ?? v.includedTax,
        includedShippingTax: paid.shipping ?? v.includedShippingTax,
      },
    };
  });
  return computed
    ? { rows: adjusted, computedTax: { country: vat.country, ratePercent: vat.ratePercent } }
    : { rows, computedTax: null };
}
