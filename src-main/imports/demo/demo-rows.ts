/**
 * The header rows (exactly as `../shared/docs/domain.md` §9 lists them, plus the Chinese ERP
 * headers) and the cells each demo order becomes in every format. Pure: no I/O. Amounts are
 * printed exactly from minor units (`formatDecimal`); times are printed in the order's time
 * zone in each export's own style. One row per order line in every format.
 */
import { formatDecimal, money, type Currency } from '../../core/money/index.ts';
import type { DemoLine, DemoOrder } from './demo-orders.ts';
import type { DemoSettlement } from './demo-settlement.ts';
import {
  erpTime,
  isoTime,
  settlementTime,
  shopeeTime,
  shopifyTime,
  tiktokTime,
  utcDay,
  zonedParts,
} from './zoned-time.ts';

export const AMAZON_ALL_ORDERS_HEADERS = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
] as const;

export const AMAZON_SETTLEMENT_HEADERS = [
  'settlement-id',
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'transaction-type',
  'order-id',
  'merchant-order-id',
  'adjustment-id',
  'shipment-id',
  'marketplace-name',
  'amount-type',
  'amount-description',
  'amount',
  'fulfillment-id',
  'posted-date',
  'posted-date-time',
  'order-item-code',
  'merchant-order-item-id',
  'merchant-adjustment-item-id',
  'sku',
  'quantity-purchased',
  'promotion-id',
] as const;

/** Shopify's item columns, in its export's order (filled on every row of a multi-line order). */
const SHOPIFY_LINEITEM_HEADERS = [
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
] as const;

export const SHOPIFY_HEADERS = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  ...SHOPIFY_LINEITEM_HEADERS,
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
] as const;

/** Shopee's amount columns after Quantity (written as 0.00 in the demo XLSX). */
export const SHOPEE_AMOUNT_HEADERS = [
  'Total Amount',
  'Commission Fee',
  'Service Fee',
  'Transaction Fee',
  'Estimated Shipping Fee',
  'Shipping Rebate Estimate',
] as const;

export const SHOPEE_HEADERS = [
  'Order ID',
  'Order Status',
  'Order Creation Date',
  'Ship Time',
  'Order Complete Time',
  'Tracking Number*',
  'Product Name',
  'Variation Name',
  'SKU Reference No.',
  'Parent SKU Reference No.',
  'Deal Price',
  'Quantity',
  ...SHOPEE_AMOUNT_HEADERS,
  'Return / Refund Status',
  'Request Approved',
  'Returned quantity',
] as const;

export const TIKTOK_HEADERS = [
  'Order ID',
  'Order Status',
  'Created Time',
  'Shipped Time',
  'Seller SKU',
  'Product Name',
  'Variation',
  'Quantity',
  'SKU Subtotal After Discount',
  'SKU Platform Discount',
  'Tracking ID',
  'Cancelation/Return Type',
] as const;

export const ERP_HEADERS = [
  '订单号',
  '订单状态',
  '下单时间',
  '店铺',
  'SKU',
  '商品名称',
  '数量',
  '单价',
  '币种',
  '运费',
  '买家国家',
] as const;

/** Columns Shopify fills on the continuation rows of a multi-line order (all others blank). */
const SHOPIFY_LINE_COLUMNS: ReadonlySet<string> = new Set([
  'Name',
  ...SHOPIFY_LINEITEM_HEADERS,
  'Vendor',
  'Lineitem discount',
]);

const amountCache = new Map<string, string>();

/** Exact decimal text of a minor-unit amount ('12.50', JPY '1980', negative '-3.22'). */
export function amountText(amount: number, currency: Currency): string {
  if (amount === 0) {
    const key = `0${currency}`;
    let zero = amountCache.get(key);
    if (zero === undefined) {
      zero = formatDecimal(money(0, currency));
      amountCache.set(key, zero);
    }
    return zero;
  }
  return formatDecimal(money(amount, currency));
}

function priced(l: DemoLine): boolean {
  return l.lineTotal !== null;
}

/**
 * Amazon All Orders: item-price is the line total; taxes, shipping and gift wrap per item;
 * promotion discounts printed as negative amounts; Pending rows (and some Cancelled ones) have
 * empty prices. Amounts in the marketplace currency.
 */
export function amazonAllOrdersRows(o: DemoOrder): string[][] {
  const c = o.currency;
  const purchase = isoTime(o.orderedAtMs, o.timeZone);
  const updated = isoTime(o.updatedAtMs, o.timeZone);
  return o.lines.map((l) => {
    const p = priced(l);
    return [
      o.orderNo,
      o.merchantOrderNo ?? '',
      purchase,
      updated,
      o.status,
      o.fulfilment === 'platform' ? 'Amazon' : 'Merchant',
      o.salesChannel ?? '',
      '',
      '',
      o.shipServiceLevel,
      l.name,
      l.sku,
      l.asin,
      l.itemStatus,
      String(l.quantity),
      c,
      p ? amountText(l.lineTotal as number, c) : '',
      p ? amountText(l.tax, c) : '',
      p ? amountText(l.shipping, c) : '',
      p ? amountText(l.shippingTax, c) : '',
      l.giftWrap ? amountText(l.giftWrap, c) : '',
      l.giftWrap ? amountText(l.giftWrapTax, c) : '',
      l.itemDiscount ? amountText(-l.itemDiscount, c) : '',
      l.shipDiscount ? amountText(-l.shipDiscount, c) : '',
      o.city,
      o.state,
      o.postalCode,
      o.country,
      o.promotionIds,
      o.isBusiness ? 'true' : 'false',
      o.purchaseOrderNumber,
      o.isBusiness ? 'BusinessPrice' : '',
    ];
  });
}

/** Settlement V2: the totals row, then one row per amount, signed as Amazon prints them. */
export function amazonSettlementRows(s: DemoSettlement): string[][] {
  const c = s.currency;
  const totals = [
    s.settlementId,
    settlementTime(s.startMs),
    settlementTime(s.endMs),
    settlementTime(s.depositMs),
    amountText(s.totalAmount, c),
    c,
  ];
  const rows: string[][] = [
    [...totals, ...new Array<string>(AMAZON_SETTLEMENT_HEADERS.length - totals.length).fill('')],
  ];
  for (const r of s.rows) {
    rows.push([
      s.settlementId,
      '',
      '',
      '',
      '',
      c,
      r.transactionType,
      r.orderId,
      r.merchantOrderId,
      r.adjustmentId,
      r.shipmentId,
      r.marketplaceName,
      r.amountType,
      r.amountDescription,
      amountText(r.amount, c),
      r.fulfillmentId,
      utcDay(r.postedMs),
      settlementTime(r.postedMs),
      r.orderItemCode,
      '',
      r.merchantAdjustmentItemId,
      r.sku,
      r.quantity === null ? '' : String(r.quantity),
      r.promotionId,
    ]);
  }
  return rows;
}

/**
 * Shopify: order-level columns (Subtotal = goods − Discount Amount, Shipping, Taxes on top,
 * Total, Refunded Amount) on the first line only; continuation rows repeat just `Name` and the
 * Lineitem columns. `Lineitem discount` is 0: the discount is order-level.
 */
export function shopifyRows(o: DemoOrder): string[][] {
  const c = o.currency;
  const created = shopifyTime(o.orderedAtMs, o.timeZone);
  const goods = o.lines.reduce((s, l) => s + (l.lineTotal ?? 0), 0);
  const subtotal = goods - o.discount;
  const total = subtotal + o.shipping + o.tax;
  const paid = o.status === 'paid' || o.status === 'refunded' || o.status === 'partially_refunded';
  const ref = `c${o.platformId ?? ''}.1`;
  const order: Record<string, string> = {
    Email: o.email,
    'Financial Status': o.status,
    'Paid at': paid ? shopifyTime(o.orderedAtMs + 60_000, o.timeZone) : '',
    'Fulfillment Status': o.shippedAtMs !== null ? 'fulfilled' : 'unfulfilled',
    'Fulfilled at': o.shippedAtMs !== null ? shopifyTime(o.shippedAtMs, o.timeZone) : '',
    'Accepts Marketing': '02468'.includes((o.platformId ?? '0').slice(-1)) ? 'yes' : 'no',
    Currency: c,
    Subtotal: amountText(subtotal, c),
    Shipping: amountText(o.shipping, c),
    Taxes: amountText(o.tax, c),
    Total: amountText(total, c),
    'Discount Code': o.discountCode,
    'Discount Amount': amountText(o.discount, c),
    'Shipping Method': o.shipServiceLevel,
    'Created at': created,
    'Billing Name': o.buyerName,
    'Billing Street': o.street,
    'Billing Address1': o.street,
    'Billing City': o.city,
    'Billing Zip': o.postalCode,
    'Billing Province': o.state,
    'Billing Country': o.country,
    'Shipping Name': o.buyerName,
    'Shipping Street': o.street,
    'Shipping Address1': o.street,
    'Shipping City': o.city,
    'Shipping Zip': o.postalCode,
    'Shipping Province': o.state,
    'Shipping Country': o.country,
    'Cancelled at': o.cancelledAtMs !== null ? shopifyTime(o.cancelledAtMs, o.timeZone) : '',
    'Payment Method': 'Shopify Payments',
    'Payment Reference': ref,
    'Refunded Amount': amountText(o.refunded, c),
    'Outstanding Balance': amountText(0, c),
    Id: o.platformId ?? '',
    'Risk Level': 'Low',
    Source: 'web',
    'Tax 1 Name': o.tax ? o.taxName : '',
    'Tax 1 Value': o.tax ? amountText(o.tax, c) : '',
    'Billing Province Name': o.state,
    'Shipping Province Name': o.state,
    'Payment ID': ref.slice(0, -2),
    'Payment References': ref,
  };
  return o.lines.map((l, i) => {
    const cells: Record<string, string> = {
      ...(i === 0 ? order : {}),
      Name: o.orderNo,
      'Lineitem quantity': String(l.quantity),
      'Lineitem name': l.name,
      'Lineitem price': amountText(l.unitPrice ?? 0, c),
      'Lineitem compare at price': '',
      'Lineitem sku': l.sku,
      'Lineitem requires shipping': 'true',
      'Lineitem taxable': 'true',
      'Lineitem fulfillment status': o.shippedAtMs !== null ? 'fulfilled' : 'pending',
      Vendor: 'Kuajing Demo',
      'Lineitem discount': amountText(0, c),
    };
    return SHOPIFY_HEADERS.map((h) => (i === 0 || SHOPIFY_LINE_COLUMNS.has(h) ? (cells[h] ?? '') : ''));
  });
}

export type ShopeeCell = string | number | Date;

/** An exact decimal as an Excel number cell: the double nearest to it, which prints back the same. */
const excelNumber = (amount: number, c: Currency): number => Number(amountText(amount, c));

/** Local wall time as a Date whose UTC fields hold it (Excel stores wall time, no zone). */
function excelDate(ms: number, zone: string): Date {
  const t = zonedParts(ms, zone);
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
}

/**
 * Shopee: one row per product; order-level columns (Total Amount = Σ Deal Price × Quantity, the
 * fees) repeated on every row of the order. Amounts are number cells; Ship Time is an Excel date
 * cell (serial), the other times text.
 */
export function shopeeRows(o: DemoOrder): ShopeeCell[][] {
  const c = o.currency;
  const goods = o.lines.reduce((s, l) => s + (l.lineTotal ?? 0), 0);
  const fee = (d: string) => o.fees.find((f) => f.description === d)?.amount ?? 0;
  return o.lines.map((l) => [
    o.orderNo,
    o.status,
    shopeeTime(o.orderedAtMs, o.timeZone),
    o.shippedAtMs !== null ? excelDate(o.shippedAtMs, o.timeZone) : '',
    o.completedAtMs !== null ? shopeeTime(o.completedAtMs, o.timeZone) : '',
    o.trackingNo,
    l.name,
    l.variation,
    `${l.sku}-${l.variation.toUpperCase().replace(/[^A-Z0-9]+/g, '')}`,
    l.sku,
    excelNumber(l.unitPrice ?? 0, c),
    l.quantity,
    excelNumber(goods, c),
    excelNumber(fee('Commission Fee'), c),
    excelNumber(fee('Service Fee'), c),
    excelNumber(fee('Transaction Fee'), c),
    excelNumber(fee('Estimated Shipping Fee'), c),
    excelNumber(o.shippingRebate, c),
    '',
    '',
    0,
  ]);
}

/** TikTok Shop: order fields repeated per SKU row; as the real export, After Discount = line − seller − platform discount. */
export function tiktokRows(o: DemoOrder): string[][] {
  const c = o.currency;
  const created = tiktokTime(o.orderedAtMs, o.timeZone);
  const shipped = o.shippedAtMs !== null ? tiktokTime(o.shippedAtMs, o.timeZone) : '';
  return o.lines.map((l) => [
    o.orderNo,
    o.status,
    created,
    shipped,
    l.sku,
    l.name,
    l.variation,
    String(l.quantity),
    amountText((l.lineTotal ?? 0) - l.itemDiscount - l.platformDiscount, c),
    amountText(l.platformDiscount, c),
    o.trackingNo,
    o.status === 'Cancelled' ? 'Cancel' : '',
  ]);
}

/** Chinese ERP: 单价 per unit, 运费 order-level and repeated on every line of the order. */
export function erpRows(o: DemoOrder): string[][] {
  const c = o.currency;
  const time = erpTime(o.orderedAtMs, o.timeZone);
  const shipping = amountText(o.shipping, c);
  return o.lines.map((l) => [
    o.orderNo,
    o.status,
    time,
    o.shopName,
    l.sku,
    l.name,
    String(l.quantity),
    amountText(l.unitPrice ?? 0, c),
    c,
    shipping,
    o.countryZh,
  ]);
}
