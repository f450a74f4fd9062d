/**
 * Amazon "All Orders" report (TSV, one row per item) → orders. item-price is the LINE total;
 * promotion discounts (written negative or positive) become the line's positive discount;
 * shipping-price and gift-wrap-price stay on the line. item-tax, shipping-tax and gift-wrap-tax
 * are `taxOnTop` only where Amazon adds tax on top (amazon.com, amazon.ca; Non-Amazon by USD/CAD):
 * in VAT markets (UK, EU, JP…) item-price already includes the VAT and item-tax is its share, so
 * it is not on top and is not stored. Pending rows have no prices: amounts are 0, currency from
 * the marketplace. Quantity 0 is allowed (Amazon writes it on cancelled items).
 */
import type { Currency, Minor } from '../core/money/index.ts';
import type { Fulfilment, ImportedOrder } from '../core/orders/order.ts';
import { amazonMarketplace, amazonTaxOnTop } from './amazon-marketplaces.ts';
import { type Column, type FieldReader, RowFailure, ZERO } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRows } from './group-orders.ts';
import { lineKeys } from './line-keys.ts';
import { detectDayFirst } from './parse-dates.ts';
import type { Table } from './read-table.ts';
import { sumMinor } from './sum-minor.ts';

const REQUIRED = {
  orderNo: ['amazon-order-id'], purchaseDate: ['purchase-date'], status: ['order-status'], sku: ['sku'],
  quantity: ['quantity'], itemPrice: ['item-price'],
};
const OPTIONAL = {
  fulfilment: ['fulfillment-channel'], salesChannel: ['sales-channel'], productName: ['product-name'],
  itemStatus: ['item-status'], currency: ['currency'], itemTax: ['item-tax'], shippingPrice: ['shipping-price'],
  shippingTax: ['shipping-tax'], giftWrapPrice: ['gift-wrap-price'], giftWrapTax: ['gift-wrap-tax'],
  itemPromotion: ['item-promotion-discount'], shipPromotion: ['ship-promotion-discount'], shipCountry: ['ship-country'],
};

interface AmazonRow {
  readonly orderedAt: string;
  readonly status: string;
  readonly salesChannel: string | null;
  readonly fulfilment: Fulfilment | null;
  readonly country: string | null;
  readonly currency: Currency;
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: number;
  readonly lineTotal: Minor;
  readonly discount: Minor;
  readonly taxOnTop: Minor;
  readonly shipping: Minor;
  readonly giftWrap: Minor;
  readonly cancelled: boolean;
}

const FULFILMENT: Readonly<Record<string, Fulfilment>> = { amazon: 'platform', afn: 'platform', merchant: 'self', mfn: 'self' };

export function parseAmazonOrders(table: Table, options: FormatOptions): FormatResult {
  const cols = findColumns(table, 'amazon-orders', REQUIRED, OPTIONAL);
  const dayFirst = detectDayFirst(table.rows.map((r) => r[cols.purchaseDate.index] ?? ''));
  const currencyColumn: Column = cols.currency ?? { index: -1, header: 'currency' };

  const readRow = (f: FieldReader): AmazonRow => {
    const status = f.status(cols.status, 'amazon');
    const salesChannel = f.text(cols.salesChannel) || null;
    const marketCurrency = salesChannel === null ? null : (amazonMarketplace(salesChannel)?.currency ?? null);
    const currency = f.currency(cols.currency) ?? marketCurrency ?? options.defaultCurrency
      ?? f.fail(currencyColumn, 'import.row.missingValue');
    const taxes = [f.amount(cols.itemTax, currency), f.amount(cols.shippingTax, currency), f.amount(cols.giftWrapTax, currency)];
    const sku = f.text(cols.sku);
    return {
      orderedAt: f.date(cols.purchaseDate, dayFirst),
      status,
      salesChannel,
      fulfilment: FULFILMENT[f.text(cols.fulfilment).toLowerCase()] ?? null,
      country: f.country(cols.shipCountry),
      currency,
      sku,
      itemName: f.text(cols.productName),
      quantity: f.quantity(cols.quantity, true),
      lineTotal: f.amount(cols.itemPrice, currency),
      discount: sumMinor([f.magnitude(cols.itemPromotion, currency), f.magnitude(cols.shipPromotion, currency)], currency),
      taxOnTop: amazonTaxOnTop(salesChannel ?? '', currency) ? sumMinor(taxes, currency) : ZERO,
      shipping: f.amount(cols.shippingPrice, currency),
      giftWrap: f.amount(cols.giftWrapPrice, currency),
      cancelled: f.text(cols.itemStatus).toLowerCase() === 'cancelled',
    };
  };

  const buildOrder = (orderNo: string, rows: OrderRows<AmazonRow>): ImportedOrder => {
    const first = rows[0].value;
    for (const r of rows) {
      if (r.value.currency !== first.currency) {
        throw new RowFailure({
          row: r.row, column: currencyColumn.header, code: 'import.row.currencyMismatch',
          params: { column: currencyColumn.header, value: r.value.currency, expected: first.currency },
        });
      }
    }
    const keys = lineKeys(rows.map((r) => r.value.sku || r.value.itemName));
    return {
      platform: 'amazon',
      orderNo,
      platformStatus: first.status,
      salesChannel: first.salesChannel,
      orderedAt: first.orderedAt,
      buyerCountry: first.country,
      currency: first.currency,
      fulfilment: first.fulfilment,
      shipping: ZERO, discount: ZERO, taxOnTop: ZERO, refunded: ZERO,
      lines: rows.map((r, i) => ({
        lineKey: keys[i] ?? '',
        sku: r.value.sku,
        itemName: r.value.itemName,
        quantity: r.value.quantity,
        unitPrice: null,
        lineTotal: r.value.lineTotal,
        discount: r.value.discount,
        taxOnTop: r.value.taxOnTop,
        shipping: r.value.shipping,
        giftWrap: r.value.giftWrap,
        cancelled: r.value.cancelled,
        sourceRow: r.row,
      })),
      fees: [],
      sourceRows: rows.map((r) => r.row),
      shopName: first.salesChannel !== null && first.salesChannel.toLowerCase() !== 'non-amazon' ? first.salesChannel : null,
    };
  };

  return groupOrders(table, { orderNo: cols.orderNo, readRow, buildOrder }, options);
}
