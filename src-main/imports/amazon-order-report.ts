/**
 * Amazon "Order Report" (the seller-fulfilled orders report self-fulfilling sellers download
 * for unshipped orders: `order-id`, `order-item-id`, `purchase-date`, `payments-date`, `sku`,
 * `product-name`, `quantity-purchased`, `currency`, `item-price`, `item-tax`, `shipping-price`,
 * `shipping-tax`, … `sales-channel`). Tab-separated, one row per item; amounts are aggregates of
 * the quantity (item-price is the line total). It has no status column: these are paid orders
 * awaiting shipment, so the status word is Amazon's own `Unshipped` (an `order-status` column is
 * read when a variant has one). When several promotions apply, Amazon continues the item on
 * extra rows that leave most columns blank (same `order-item-id`): their promotion discounts are
 * added to that item's line (to the order's first item when the id names none).
 * Taxes as in All Orders (issue 15): in the US and Canada item-tax / shipping-tax are on top
 * (`taxOnTop`); in VAT marketplaces (UK, EU, JP consumption tax…) the prices include them, so they
 * are the line's `includedTax` / `includedShippingTax` (the shipping VAT at most the shipping the
 * buyer still paid after a shipping promotion), and ship-promotion-discount is also the line's
 * `shippingDiscount` (it lowers the freight, not the goods). Where a VAT marketplace's row leaves
 * item-tax (or shipping-tax and gift-wrap-tax) empty, the tax inside what the buyer paid is computed
 * at the destination's standard rate (ship-country, else the marketplace's; vat-rates.ts) and the
 * order is marked `computedTax` (`import.order.taxComputed`).
 */
import type { Currency, Minor } from '../core/money/index.ts';
import type { ImportedLine, ImportedOrder } from '../core/orders/order.ts';
import { amazonMarketplace, amazonTaxOnTop } from './amazon-marketplaces.ts';
import { percentIn, taxInside } from './allocate-minor.ts';
import { currencyFromText } from './currency-from-text.ts';
import { type Column, type FieldReader, RowFailure, checkSameCurrency, ZERO, goodsLines } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRows } from './group-orders.ts';
import { lineKeys } from './line-keys.ts';
import { detectDayFirst } from './parse-dates.ts';
import type { Table } from './read-table.ts';
import { sumMinor } from './sum-minor.ts';
import { STANDARD_TAX_PERCENT, amazonChannelCountry } from './vat-rates.ts';

/** The status word of an Order Report row without an order-status column. */
export const ORDER_REPORT_STATUS = 'Unshipped';

/** Headers only the Order Report has together (the settlement file says `order-item-code`, All Orders `amazon-order-id`). */
export function isAmazonOrderReport(keys: readonly string[]): boolean {
  const present = new Set(keys);
  return ['order-id', 'order-item-id', 'purchase-date', 'quantity-purchased', 'item-price'].every((k) =>
    present.has(k),
  );
}

/** The currency, per-item amount and ship-country columns All Orders and the Order Report share. */
export const AMAZON_ITEM_AMOUNTS = {
  currency: ['currency'],
  itemTax: ['item-tax'],
  shippingPrice: ['shipping-price'],
  shippingTax: ['shipping-tax'],
  giftWrapPrice: ['gift-wrap-price'],
  giftWrapTax: ['gift-wrap-tax'],
  itemPromotion: ['item-promotion-discount'],
  shipPromotion: ['ship-promotion-discount'],
  shipCountry: ['ship-country'],
};

const REQUIRED = {
  orderNo: ['order-id'],
  purchaseDate: ['purchase-date'],
  sku: ['sku'],
  quantity: ['quantity-purchased'],
  itemPrice: ['item-price'],
};
const OPTIONAL = {
  orderItemId: ['order-item-id'],
  status: ['order-status'],
  productName: ['product-name', 'item-name'],
  ...AMAZON_ITEM_AMOUNTS,
  salesChannel: ['sales-channel'],
};

/** The item cells of an Amazon order row (All Orders or Order Report) as a goods line takes them. */
export type AmazonItemAmounts = Pick<
  ImportedLine,
  'sku' | 'itemName' | 'quantity' | 'discount' | 'taxOnTop' | 'shipping' | 'giftWrap'
>;

interface ReportRow extends AmazonItemAmounts {
  /** False for a continuation row (blank SKU and quantity): it only adds promotion discounts. */
  readonly item: boolean;
  readonly orderItemId: string;
  /** Prices include the taxes (VAT marketplaces): item-tax and shipping + gift-wrap tax, absolute. */
  readonly includedTax: Minor;
  readonly includedShippingTax: Minor;
  /** VAT marketplace, item-tax / shipping-tax cells empty: the tax inside is computed from the rate. */
  readonly itemTaxUnstated: boolean;
  readonly shippingTaxUnstated: boolean;
  readonly shipPromotion: Minor;
  readonly orderedAt: string | null;
  readonly status: string;
  readonly salesChannel: string | null;
  readonly country: string | null;
  readonly currency: Currency | null;
  readonly lineTotal: Minor;
}

export function parseAmazonOrderReport(table: Table, options: FormatOptions): FormatResult {
  const cols = findColumns(table, 'amazon-orders', REQUIRED, OPTIONAL);
  const dayFirst = detectDayFirst(table.rows.map((r) => r[cols.purchaseDate.index] ?? ''));
  const currencyColumn: Column = cols.currency ?? { index: -1, header: 'currency' };
  // continuation rows leave currency blank: they take their order's
  const orderCurrency = new Map<string, Currency>();
  if (cols.currency !== null) {
    for (const r of table.rows) {
      const no = (r[cols.orderNo.index] ?? '').trim();
      const c = currencyFromText(r[cols.currency.index] ?? '');
      if (c !== null && !orderCurrency.has(no)) orderCurrency.set(no, c);
    }
  }

  const readRow = (f: FieldReader, orderNo: string): ReportRow => {
    const item = f.text(cols.sku) !== '' || f.text(cols.quantity) !== '';
    const salesChannel = f.text(cols.salesChannel) || null;
    const marketCurrency = salesChannel === null ? null : (amazonMarketplace(salesChannel)?.currency ?? null);
    const fromOrder = item ? null : (orderCurrency.get(orderNo) ?? null);
    const currency =
      f.currency(cols.currency) ??
      fromOrder ??
      marketCurrency ??
      options.defaultCurrency ??
      (item ? f.fail(currencyColumn, 'import.row.missingValue') : null);
    const amount = (col: Column | null) => (currency === null ? ZERO : f.amount(col, currency));
    const shipPromotion = currency === null ? ZERO : f.magnitude(cols.shipPromotion, currency);
    const discount =
      currency === null ? ZERO : sumMinor([f.magnitude(cols.itemPromotion, currency), shipPromotion], currency);
    const orderItemId = f.text(cols.orderItemId);
    if (!item) {
      return {
        item,
        orderItemId,
        includedTax: ZERO,
        includedShippingTax: ZERO,
        itemTaxUnstated: false,
        shippingTaxUnstated: false,
        shipPromotion,
        orderedAt: null,
        status: '',
        salesChannel,
        country: null,
        currency,
        sku: '',
        itemName: '',
        quantity: 0,
        lineTotal: ZERO,
        discount,
        taxOnTop: ZERO,
        shipping: ZERO,
        giftWrap: ZERO,
      };
    }
    const cur = currency as Currency;
    const taxes = [amount(cols.itemTax), amount(cols.shippingTax), amount(cols.giftWrapTax)];
    const onTop = amazonTaxOnTop(salesChannel ?? '', cur);
    return {
      item,
      orderItemId,
      includedTax: onTop ? ZERO : (Math.abs(taxes[0]!) as Minor),
      includedShippingTax: onTop ? ZERO : (Math.abs(sumMinor([taxes[1]!, taxes[2]!], cur)) as Minor),
      itemTaxUnstated: !onTop && f.text(cols.itemTax) === '',
      shippingTaxUnstated: !onTop && f.text(cols.shippingTax) === '' && f.text(cols.giftWrapTax) === '',
      shipPromotion,
      orderedAt: f.date(cols.purchaseDate, dayFirst),
      status: cols.status === null ? ORDER_REPORT_STATUS : f.status(cols.status),
      salesChannel,
      country: f.country(cols.shipCountry),
      currency,
      sku: f.required(cols.sku),
      itemName: f.text(cols.productName),
      quantity: f.quantity(cols.quantity, true),
      lineTotal: amount(cols.itemPrice),
      discount,
      taxOnTop: onTop ? sumMinor(taxes, cur) : ZERO,
      shipping: amount(cols.shippingPrice),
      giftWrap: amount(cols.giftWrapPrice),
    };
  };

  const buildOrder = (orderNo: string, rows: OrderRows<ReportRow>): ImportedOrder => {
    const items = rows.filter((r) => r.value.item);
    const first = items[0];
    if (first === undefined) {
      throw new RowFailure({
        row: rows[0].row,
        column: cols.sku.header,
        code: 'import.row.missingValue',
        params: { column: cols.sku.header },
      });
    }
    const currency = first.value.currency as Currency;
    checkSameCurrency(rows, currencyColumn, currency);
    // a continuation row's promotions go to its item (same order-item-id), else to the first item
    const extra = new Map<(typeof items)[number], { discount: Minor[]; ship: Minor[] }>();
    for (const r of rows) {
      if (r.value.item) continue;
      const owner =
        items.find((i) => i.value.orderItemId !== '' && i.value.orderItemId === r.value.orderItemId) ?? first;
      const e = extra.get(owner) ?? { discount: [], ship: [] };
      e.discount.push(r.value.discount);
      e.ship.push(r.value.shipPromotion);
      extra.set(owner, e);
    }
    const head = first.value;
    const vat = unstatedVatRate(head.country, head.salesChannel);
    let computed = false;
    const merged = items.map((r) => {
      const e = extra.get(r);
      const v = r.value;
      const discount = sumMinor([v.discount, ...(e?.discount ?? [])], currency);
      const shippingDiscount = sumMinor([v.shipPromotion, ...(e?.ship ?? [])], currency);
      const paid = vatInsidePaid({ ...v, discount, shippingDiscount }, vat, currency);
      if (paid.item !== null || paid.shipping !== null) computed = true;
      return {
        row: r.row,
        value: {
          ...v,
          discount,
          shippingDiscount,
          includedTax: paid.item ?? v.includedTax,
          // no more shipping VAT than the shipping the buyer still paid after a shipping promotion
          includedShippingTax:
            paid.shipping ?? (Math.max(0, Math.min(v.includedShippingTax, paid.shippingPaid)) as Minor),
        },
      };
    });
    const keys = lineKeys(items.map((r) => r.value.sku || r.value.itemName));
    return {
      platform: 'amazon',
      orderNo,
      platformStatus: head.status,
      salesChannel: head.salesChannel,
      orderedAt: head.orderedAt ?? '',
      buyerCountry: head.country,
      currency,
      fulfilment: 'self',
      shipping: ZERO,
      discount: ZERO,
      taxOnTop: ZERO,
      refunded: ZERO,
      lines: goodsLines(merged, keys, amazonLineAmounts),
      fees: [],
      sourceRows: rows.map((r) => r.row),
      shopName: head.salesChannel,
      ...(computed && vat !== null ? { computedTax: { country: vat.country, ratePercent: vat.ratePercent } } : {}),
    };
  };

  return groupOrders(table, { orderNo: cols.orderNo, readRow, buildOrder }, options);
}

/**
 * What an Amazon goods line (All Orders or Order Report) states beyond the common cells; the taxes
 * inside and the shipping promotion only where the file has them (VAT markets, shipping promotions).
 */
export function amazonLineAmounts(
  v: Pick<ImportedLine, 'discount' | 'taxOnTop' | 'shipping' | 'giftWrap' | 'includedTax' | 'includedShippingTax'> & {
    readonly shippingDiscount?: Minor;
  },
): Partial<ImportedLine> {
  return {
    discount: v.discount,
    taxOnTop: v.taxOnTop,
    shipping: v.shipping,
    giftWrap: v.giftWrap,
    ...(v.includedTax ? { includedTax: v.includedTax } : {}),
    ...(v.includedShippingTax ? { includedShippingTax: v.includedShippingTax } : {}),
    ...(v.shippingDiscount ? { shippingDiscount: v.shippingDiscount } : {}),
  };
}

/** The destination's standard VAT rate (vat-rates.ts): the ship country, else the marketplace's; null where none is known. */
export interface UnstatedVatRate {
  readonly country: string;
  readonly ratePercent: string;
  readonly rate: { readonly points: bigint; readonly scale: number };
}

export function unstatedVatRate(country: string | null, salesChannel: string | null): UnstatedVatRate | null {
  const c = country ?? amazonChannelCountry(salesChannel ?? '');
  const ratePercent = c === null ? undefined : STANDARD_TAX_PERCENT[c];
  const rate = ratePercent === undefined ? null : percentIn(`${ratePercent}%`);
  return c === null || ratePercent === undefined || rate === null ? null : { country: c, ratePercent, rate };
}

/**
 * A VAT-marketplace line whose export leaves item-tax (resp. shipping-tax and gift-wrap-tax) empty: the
 * VAT inside what the buyer paid for the goods (after the item promotion) and for the shipping (after
 * the shipping promotion), at the destination's standard rate; null where the file states it, the line
 * paid nothing, or no rate is known. Shared by the Order Report and the All Orders report.
 */
export function vatInsidePaid(
  v: {
    readonly lineTotal: Minor;
    readonly discount: Minor;
    readonly shippingDiscount: Minor;
    readonly shipping: Minor;
    readonly giftWrap: Minor;
    readonly itemTaxUnstated: boolean;
    readonly shippingTaxUnstated: boolean;
  },
  vat: UnstatedVatRate | null,
  currency: Currency,
): { readonly shippingPaid: Minor; readonly item: Minor | null; readonly shipping: Minor | null } {
  const shippingPaid = Math.max(0, sumMinor([v.shipping, v.giftWrap, -v.shippingDiscount as Minor], currency)) as Minor;
  const goodsPaid = Math.max(0, sumMinor([v.lineTotal, -v.discount as Minor, v.shippingDiscount], currency)) as Minor;
  return {
    shippingPaid,
    item: vat !== null && v.itemTaxUnstated && goodsPaid > 0 ? taxInside(goodsPaid, vat.rate) : null,
    shipping: vat !== null && v.shippingTaxUnstated && shippingPaid > 0 ? taxInside(shippingPaid, vat.rate) : null,
  };
}
