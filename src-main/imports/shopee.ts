/**
 * Shopee order export (XLSX or CSV, one row per item) → orders. Headers are localised per site:
 * `SHOPEE_HEADERS` holds one dictionary per language (English now; add a site by adding its
 * spellings). A unit in a header ("Deal Price (RM)") is ignored for matching and hints the
 * currency. Line = Deal Price × Quantity. Order-level values repeated on the rows — Commission
 * Fee → commission, Service Fee and Transaction Fee → other, Buyer Paid Shipping Fee → shipping,
 * Seller Voucher and Seller Bundle Discount → discount — are taken once, from the order's first row.
 * What Shopee pays (issue 15, point 3) is not the seller's discount: the seller is paid it, so it
 * stays in the goods value and is the line's `platformDiscount` (non-cash; the buyer paid that much
 * less): `Shopee Rebate` (Shopee's share of an item discount, per item: Deal Price is after it, so
 * the line is Deal Price × Quantity + Shopee Rebate) on its line, and the order's Shopee Voucher,
 * Shopee Coins Offset and Shopee Bundle Discount split over its lines by line value. `Total Amount` /
 * `Grand Total` (order-level) is what the buyer paid: items − the seller's and Shopee's vouchers,
 * bundle discounts and coins + Buyer Paid Shipping Fee; the order is checked against it plus what
 * Shopee paid, `import.order.totalMismatch`. The export has no tax column: prices are what the buyer
 * pays (a cross-border tax Shopee charges the buyer is on top and not in it). Currency: a Currency
 * column, else the shop's currency (defaultCurrency), else the header unit, else `import.file.noCurrency`.
 */
import { DomainError } from '../core/domain-error.ts';
import { type Currency, type Minor, multiplyByQuantity } from '../core/money/index.ts';
import type { FeeType, ImportedFee, ImportedOrder } from '../core/orders/order.ts';
import { allocateMinor } from './allocate-minor.ts';
import { currencyFromText } from './currency-from-text.ts';
import type { Column, FieldReader } from './field-reader.ts';
import { checkSameCurrency, marketplaceOrderHead, ZERO, goodsLines, findColumn } from './field-reader.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRows } from './group-orders.ts';
import { stripUnit } from './header-dictionary.ts';
import { lineKeys } from './line-keys.ts';
import { detectDayFirst } from './parse-dates.ts';
import type { Table } from './read-table.ts';
import { sumMinor } from './sum-minor.ts';

export const SHOPEE_FIELDS = [
  'orderNo',
  'status',
  'createdAt',
  'productName',
  'variation',
  'sku',
  'parentSku',
  'dealPrice',
  'quantity',
  'commissionFee',
  'serviceFee',
  'transactionFee',
  'buyerShipping',
  'sellerVoucher',
  'shopeeVoucher',
  'coinsOffset',
  'shopeeRebate',
  'shopeeBundle',
  'sellerBundle',
  'totalAmount',
  'currency',
  'country',
] as const;
export type ShopeeField = (typeof SHOPEE_FIELDS)[number];

/** Per site language: normalised header spellings of each field. */
export const SHOPEE_HEADERS: Readonly<Record<string, Readonly<Record<ShopeeField, readonly string[]>>>> = {
  en: {
    orderNo: ['order id'],
    status: ['order status'],
    createdAt: ['order creation date'],
    productName: ['product name'],
    variation: ['variation name'],
    sku: ['sku reference no.'],
    parentSku: ['parent sku reference no.'],
    dealPrice: ['deal price'],
    quantity: ['quantity'],
    commissionFee: ['commission fee'],
    serviceFee: ['service fee'],
    transactionFee: ['transaction fee'],
    buyerShipping: ['buyer paid shipping fee'],
    sellerVoucher: ['seller voucher'],
    shopeeVoucher: ['shopee voucher'],
    coinsOffset: ['shopee coins offset'],
    shopeeRebate: ['shopee rebate'],
    shopeeBundle: ['shopee bundle discount'],
    sellerBundle: ['seller bundle discount'],
    totalAmount: ['total amount', 'grand total'],
    currency: ['currency'],
    country: ['country'],
  },
};

const REQUIRED: readonly ShopeeField[] = ['orderNo', 'status', 'createdAt', 'dealPrice', 'quantity'];
/** Headers that identify a Shopee order export (TikTok shares `Order ID`, not `Deal Price`). */
const SIGNATURE: readonly ShopeeField[] = ['orderNo', 'status', 'dealPrice', 'sku'];

/** The site language whose signature headers are all present, or null. */
export function shopeeSite(keys: readonly string[]): string | null {
  const stripped = new Set(keys.map(stripUnit));
  for (const [site, dict] of Object.entries(SHOPEE_HEADERS)) {
    if (SIGNATURE.every((field) => dict[field].some((k) => stripped.has(k)))) return site;
  }
  return null;
}

function headerCurrency(headers: readonly string[]): Currency | null {
  for (const h of headers) {
    const m = /\(([^()]+)\)\s*$/.exec(h.normalize('NFKC'));
    const c = m === null ? null : currencyFromText(m[1] ?? '');
    if (c !== null) return c;
  }
  return null;
}

const FEES: readonly [ShopeeField, FeeType, string][] = [
  ['commissionFee', 'commission', 'Commission Fee'],
  ['serviceFee', 'other', 'Service Fee'],
  ['transactionFee', 'other', 'Transaction Fee'],
];

interface ShopeeRow {
  readonly status: string;
  readonly createdAt: string;
  readonly currency: Currency;
  readonly country: string | null;
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: number;
  readonly unitPrice: Minor;
  readonly lineTotal: Minor;
  readonly fees: readonly ImportedFee[];
  readonly shipping: Minor;
  readonly discount: Minor;
  /** Shopee's share of this item's discount (Shopee Rebate): in lineTotal, paid by Shopee. */
  readonly rebate: Minor;
  /** The order's Shopee-funded amounts: Shopee Voucher, Shopee Coins Offset, Shopee Bundle Discount. */
  readonly orderPlatform: Minor;
  /** What the buyer was charged; null without a Total Amount. */
  readonly buyerTotal: Minor | null;
}

export function parseShopee(table: Table, options: FormatOptions): FormatResult {
  const site = shopeeSite(table.keys) ?? 'en';
  const dict = SHOPEE_HEADERS[site] ?? SHOPEE_HEADERS['en'];
  if (dict === undefined)
    throw new DomainError('import.file.unknownSource', { headers: table.headers.slice(0, 10).join(', ') });
  const stripped = { headers: table.headers, keys: table.keys.map(stripUnit) };
  const cols = {} as Record<ShopeeField, Column | null>;
  for (const field of SHOPEE_FIELDS) cols[field] = findColumn(stripped, ...dict[field]);
  const missing = REQUIRED.filter((field) => cols[field] === null);
  if (missing.length > 0) {
    throw new DomainError('import.file.missingColumns', {
      source: 'shopee',
      columns: missing.map((f) => dict[f][0] ?? f).join(', '),
    });
  }
  const need = (field: ShopeeField): Column => cols[field] ?? { index: -1, header: field };
  const fileCurrency = options.defaultCurrency ?? headerCurrency(table.headers);
  if (cols.currency === null && fileCurrency === null)
    throw new DomainError('import.file.noCurrency', { source: 'shopee' });
  const dayFirst = detectDayFirst(table.rows.map((r) => r[need('createdAt').index] ?? ''));

  const readRow = (f: FieldReader): ShopeeRow => {
    const currency = f.currency(cols.currency) ?? fileCurrency ?? f.fail(need('currency'), 'import.row.missingValue');
    const quantity = f.quantity(need('quantity'));
    const unitPrice = f.amount(need('dealPrice'), currency);
    const fees: ImportedFee[] = [];
    for (const [field, type, description] of FEES) {
      const amount = f.magnitude(cols[field], currency);
      if (amount !== 0) fees.push({ type, description, amount, sourceRow: f.row });
    }
    const sku = f.text(cols.sku) || f.text(cols.parentSku);
    const rebate = f.magnitude(cols.shopeeRebate, currency);
    return {
      status: f.status(need('status')),
      createdAt: f.date(need('createdAt'), dayFirst),
      currency,
      country: f.country(cols.country),
      sku,
      itemName: f.text(cols.productName),
      quantity,
      unitPrice,
      lineTotal: sumMinor([multiplyByQuantity({ amount: unitPrice, currency }, quantity).amount, rebate], currency),
      fees,
      shipping: f.amount(cols.buyerShipping, currency),
      discount: sumMinor(
        [f.magnitude(cols.sellerVoucher, currency), f.magnitude(cols.sellerBundle, currency)],
        currency,
      ),
      rebate,
      orderPlatform: sumMinor(
        [
          f.magnitude(cols.shopeeVoucher, currency),
          f.magnitude(cols.coinsOffset, currency),
          f.magnitude(cols.shopeeBundle, currency),
        ],
        currency,
      ),
      buyerTotal: f.text(cols.totalAmount) === '' ? null : f.amount(cols.totalAmount, currency),
    };
  };

  const buildOrder = (orderNo: string, rows: OrderRows<ShopeeRow>): ImportedOrder => {
    const head = rows[0].value;
    if (rows.some((r) => r.value.currency !== head.currency)) checkSameCurrency(rows, need('currency'), head.currency);
    const keys = lineKeys(rows.map((r) => r.value.sku || r.value.itemName));
    // the order's Shopee-funded amounts over its lines by value (exact), each line's own rebate added
    const shares = allocateMinor(
      head.orderPlatform,
      rows.map((r) => r.value.lineTotal),
    );
    const platformDiscount = rows.map((r, i) => sumMinor([r.value.rebate, shares[i]!], head.currency));
    const shopeePaid = sumMinor(platformDiscount, head.currency);
    return {
      ...marketplaceOrderHead('shopee', orderNo, head),
      fulfilment: null,
      shipping: head.shipping,
      discount: head.discount,
      taxOnTop: ZERO,
      refunded: ZERO,
      lines: goodsLines(rows, keys).map((l, i) =>
        platformDiscount[i] ? { ...l, platformDiscount: platformDiscount[i] } : l,
      ),
      fees: head.fees,
      sourceRows: rows.map((r) => r.row),
      shopName: null,
      // what the buyer paid plus what Shopee paid for them: the seller's sale
      statedTotal: head.buyerTotal === null ? null : sumMinor([head.buyerTotal, shopeePaid], head.currency),
    };
  };

  return groupOrders(table, { orderNo: need('orderNo'), readRow, buildOrder }, options);
}
