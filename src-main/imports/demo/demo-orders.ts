/**
 * Seeded demo orders: a plain model of what a seller's export holds (order no, status, time,
 * buyer country, lines with SKU/name/quantity/prices, shipping, discounts, taxes, fees), with the
 * variety real files have — multi-line, cancelled, pending, unpaid, Non-Amazon MCF rows, refunds,
 * Chinese and English names, commas/quotes/newlines and one formula-like name per file.
 * All money is integer minor units (never floats); order numbers are text; orders come out in
 * time order. `kind` says by construction whether the order is a sale (see core sale-rule).
 */
import { DateTime } from 'luxon';
import { convert, minor, minorDigits, money, type Currency, type Minor } from '../../core/money/index.ts';
import type { FeeType, Fulfilment, SaleExclusion } from '../../core/orders/order.ts';
import {
  COUNTRY_ZH,
  DEMO_BUYER_NAMES,
  DEMO_ERP_SHOPS,
  DEMO_PLACES,
  DEMO_PRODUCTS,
  DEMO_STREETS,
  DEMO_USD_RATES,
  INJECTION_NAME,
  type DemoProduct,
} from './demo-catalog.ts';
import { seededRandom, type SeededRandom } from '../../core/random/seeded-random.ts';
import { compactDate, isoTime } from './zoned-time.ts';

export const DEMO_PLATFORMS = ['amazon', 'shopify', 'shopee', 'tiktok', 'erp'] as const;
export type DemoPlatform = (typeof DEMO_PLATFORMS)[number];

/** 'sale' counts as a sale; the others are the core's exclusion reasons. */
export type DemoOrderKind = 'sale' | SaleExclusion;

export interface DemoLine {
  readonly sku: string;
  readonly asin: string;
  readonly name: string;
  readonly variation: string;
  readonly quantity: number;
  /** null when the file leaves prices empty (Amazon Pending, some Amazon Cancelled rows). */
  readonly unitPrice: Minor | null;
  /** quantity × unitPrice (Amazon item-price); null with unitPrice. */
  readonly lineTotal: Minor | null;
  /** Seller discount on the goods of this line (Amazon item-promotion, TikTok seller discount), positive. */
  readonly itemDiscount: Minor;
  /** Discount on this line's shipping (Amazon ship-promotion), positive. */
  readonly shipDiscount: Minor;
  /** Discount the platform pays for (TikTok SKU Platform Discount); not the seller's, not in gross. */
  readonly platformDiscount: Minor;
  /** Tax on the goods: on top of the price (US) or the part included in it (JP/UK/EU VAT). */
  readonly tax: Minor;
  /** Item-level shipping charged to the buyer (Amazon lists it per item). */
  readonly shipping: Minor;
  readonly shippingTax: Minor;
  readonly giftWrap: Minor;
  readonly giftWrapTax: Minor;
  /** The item is cancelled (Amazon item-status Cancelled); its amounts are not counted. */
  readonly cancelled: boolean;
  /** Amazon item-status ('Shipped', 'Unshipped', 'Cancelled'); '' elsewhere. */
  readonly itemStatus: string;
  /** Commission and fulfilment fee of this line (for the settlement file), positive. */
  readonly commission: Minor;
  readonly fulfilmentFee: Minor;
  /** Platform item id (Amazon order-item-code, 14 digits, text). */
  readonly itemId: string;
}

export interface DemoFee {
  readonly type: FeeType;
  readonly description: string;
  /** A cost to the seller, positive. */
  readonly amount: Minor;
}

export interface DemoOrder {
  readonly platform: DemoPlatform;
  readonly orderNo: string;
  /** Amazon merchant-order-id (the Shopify name of an MCF order), else null. */
  readonly merchantOrderNo: string | null;
  /** Shopify numeric Id (text), else null. */
  readonly platformId: string | null;
  /** The status text exactly as the file has it. */
  readonly status: string;
  readonly kind: DemoOrderKind;
  /** Amazon sales-channel ('Amazon.com', 'Non-Amazon'), else null. */
  readonly salesChannel: string | null;
  readonly fulfilment: Fulfilment;
  readonly timeZone: string;
  readonly orderedAtMs: number;
  /** ISO-8601 with the offset of `timeZone`, at the precision the file shows. */
  readonly orderedAt: string;
  readonly updatedAtMs: number;
  readonly shippedAtMs: number | null;
  readonly completedAtMs: number | null;
  readonly cancelledAtMs: number | null;
  readonly currency: Currency;
  readonly shopName: string;
  /** ISO 3166 alpha-2 and its Chinese name. */
  readonly country: string;
  readonly countryZh: string;
  readonly street: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly buyerName: string;
  readonly email: string;
  readonly shipServiceLevel: string;
  readonly trackingNo: string;
  readonly promotionIds: string;
  readonly isBusiness: boolean;
  readonly purchaseOrderNumber: string;
  /** Order-level amounts (Shopify Shipping/Discount/Taxes, ERP 运费), positive. */
  readonly shipping: Minor;
  readonly discount: Minor;
  readonly discountCode: string;
  readonly tax: Minor;
  readonly taxName: string;
  /** Line taxes are the VAT inside the prices (JP/UK/EU) rather than tax on top (US). */
  readonly taxIncluded: boolean;
  /** Refunded to the buyer (Shopify Refunded Amount), shown apart from gross. */
  readonly refunded: Minor;
  /** Shopee Shipping Rebate Estimate, positive. */
  readonly shippingRebate: Minor;
  readonly lines: readonly DemoLine[];
  readonly fees: readonly DemoFee[];
}

export interface DemoOrderOptions {
  readonly seed: number;
  readonly orders: number;
  readonly platform: DemoPlatform;
  /** Amazon: USD, JPY, GBP, EUR or CAD picks the marketplace; default per platform. ERP orders take their shop's currency. */
  readonly currency?: Currency;
  /** ISO-8601 instants bounding the order times, start inclusive, end exclusive. */
  readonly start?: string;
  readonly end?: string;
}

export const DEMO_DEFAULT_START = '2026-03-01T00:00:00+08:00';
export const DEMO_DEFAULT_END = '2026-04-01T00:00:00+08:00';

interface AmazonMarket {
  readonly salesChannel: string;
  readonly zone: string;
  readonly prefixes: readonly string[];
  readonly countries: readonly (readonly [string, number])[];
  /** Percent VAT included in prices; null = sales tax on top (US, CA). */
  readonly vatPercent: number | null;
}

const AMAZON_MARKETS: Readonly<Partial<Record<Currency, AmazonMarket>>> = {
  USD: {
    salesChannel: 'Amazon.com',
    zone: 'America/Los_Angeles',
    prefixes: ['111', '112', '113', '114'],
    vatPercent: null,
    countries: [
      ['US', 88],
      ['CA', 4],
      ['GB', 2],
      ['DE', 1],
      ['MX', 1],
      ['AU', 1],
      ['JP', 1],
      ['SG', 1],
      ['MY', 1],
    ],
  },
  JPY: {
    salesChannel: 'Amazon.co.jp',
    zone: 'Asia/Tokyo',
    prefixes: ['249', '250', '503'],
    vatPercent: 10,
    countries: [
      ['JP', 97],
      ['US', 1],
      ['SG', 1],
      ['MY', 1],
    ],
  },
  GBP: {
    salesChannel: 'Amazon.co.uk',
    zone: 'Europe/London',
    prefixes: ['202', '203', '204', '205', '206'],
    vatPercent: 20,
    countries: [
      ['GB', 94],
      ['DE', 3],
      ['FR', 3],
    ],
  },
  EUR: {
    salesChannel: 'Amazon.de',
    zone: 'Europe/Berlin',
    prefixes: ['302', '303', '304', '305', '306'],
    vatPercent: 19,
    countries: [
      ['DE', 80],
      ['FR', 15],
      ['GB', 5],
    ],
  },
  CAD: {
    salesChannel: 'Amazon.ca',
    zone: 'America/Toronto',
    prefixes: ['701', '702'],
    vatPercent: null,
    countries: [
      ['CA', 95],
      ['US', 5],
    ],
  },
};

const DEFAULT_CURRENCY: Readonly<Record<DemoPlatform, Currency>> = {
  amazon: 'USD',
  shopify: 'USD',
  shopee: 'MYR',
  tiktok: 'USD',
  erp: 'USD',
};
const ZONES: Readonly<Record<Exclude<DemoPlatform, 'amazon'>, string>> = {
  shopify: 'America/Los_Angeles',
  shopee: 'Asia/Kuala_Lumpur',
  tiktok: 'America/Los_Angeles',
  erp: 'Asia/Shanghai',
};
/** Shopee and the ERP show minutes only, so their times are generated on whole minutes. */
const MINUTE_PRECISION: ReadonlySet<DemoPlatform> = new Set(['shopee', 'erp']);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const US_SALES_TAX_BP = [0, 600, 725, 825, 887, 1000] as const;
const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** round-half-up(amount × basisPoints / 10000) for non-negative integers. */
function pctOf(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + 5000) / 10000);
}

/** The VAT part of a VAT-inclusive amount: round-half-up(amount × p / (100 + p)). */
function includedVat(amount: number, percent: number): number {
  return Math.floor((2 * amount * percent + 100 + percent) / (2 * (100 + percent)));
}

/** A US-cent amount in `currency`, rounded to tens for zero-decimal currencies. */
const usdCache = new Map<string, number>();

function fromUsd(usdCents: number, currency: Currency): number {
  const key = `${currency}${usdCents}`;
  let amount = usdCache.get(key);
  if (amount === undefined) {
    const rate = DEMO_USD_RATES[currency] ?? '1';
    amount = convert(money(usdCents, 'USD'), rate, currency).amount;
    if (minorDigits(currency) === 0) amount = Math.floor((amount + 5) / 10) * 10;
    if (usdCache.size > 50_000) usdCache.clear();
    usdCache.set(key, amount);
  }
  return amount;
}

/** A shelf price: the base price ±8 %, ending in .99 (or in tens of yen). */
function shelfPrice(product: DemoProduct, currency: Currency, rng: SeededRandom): number {
  const usd = Math.floor((product.usdCents * rng.int(92, 108)) / 100);
  const amount = fromUsd(usd, currency);
  if (minorDigits(currency) === 0) return Math.max(10, amount);
  return Math.max(99, Math.floor(amount / 100) * 100 + 99);
}

function quantity(rng: SeededRandom): number {
  return rng.weighted([
    [1, 70],
    [2, 18],
    [3, 7],
    [4, 3],
    [6, 2],
  ]);
}

function lineCount(rng: SeededRandom): number {
  return rng.chance(0.2)
    ? rng.weighted([
        [2, 60],
        [3, 30],
        [4, 7],
        [5, 3],
      ])
    : 1;
}

interface NameStyle {
  readonly weights: readonly (readonly ['en' | 'zh' | 'mix', number])[];
  readonly newlines: boolean;
}

const NAME_STYLES: Readonly<Record<DemoPlatform, NameStyle>> = {
  amazon: {
    weights: [
      ['en', 55],
      ['zh', 30],
      ['mix', 15],
    ],
    newlines: false,
  },
  shopify: {
    weights: [
      ['en', 70],
      ['zh', 15],
      ['mix', 15],
    ],
    newlines: true,
  },
  shopee: {
    weights: [
      ['en', 50],
      ['zh', 35],
      ['mix', 15],
    ],
    newlines: true,
  },
  tiktok: {
    weights: [
      ['en', 60],
      ['zh', 25],
      ['mix', 15],
    ],
    newlines: true,
  },
  // an ERP export: mostly Chinese; no newlines inside cells so every record ends in CRLF
  erp: {
    weights: [
      ['zh', 70],
      ['en', 20],
      ['mix', 10],
    ],
    newlines: false,
  },
};

function itemName(product: DemoProduct, variation: string, style: NameStyle, rng: SeededRandom): string {
  const lang = rng.weighted(style.weights);
  let name = lang === 'en' ? product.en : lang === 'zh' ? product.zh : `${product.zh} ${product.en}`;
  if (lang !== 'en' && rng.chance(0.04)) name = `${name}，"爆款"`;
  if (style.newlines && rng.chance(0.03)) name = `${name}\n${variation}`;
  return name;
}

function place(country: string, rng: SeededRandom) {
  const places = DEMO_PLACES[country];
  return places ? rng.pick(places) : { city: '', state: '', postalCode: '' };
}

interface Ctx {
  readonly rng: SeededRandom;
  readonly platform: DemoPlatform;
  readonly currency: Currency;
  readonly zone: string;
  readonly market: AmazonMarket | null;
  readonly usedNos: Set<string>;
  readonly injectAt: number;
}

function uniqueNo(ctx: Ctx, make: () => string): string {
  for (;;) {
    const no = make();
    if (!ctx.usedNos.has(no)) {
      ctx.usedNos.add(no);
      return no;
    }
  }
}

interface LineDraft {
  product: DemoProduct;
  variation: string;
  name: string;
  quantity: number;
  unitPrice: number | null;
}

function draftLines(ctx: Ctx, index: number, currency: Currency): LineDraft[] {
  const { rng } = ctx;
  const style = NAME_STYLES[ctx.platform];
  return rng.sample(DEMO_PRODUCTS, lineCount(rng)).map((product, i) => {
    const variation = rng.pick(product.variations);
    const name = index === ctx.injectAt && i === 0 ? INJECTION_NAME : itemName(product, variation, style, rng);
    return { product, variation, name, quantity: quantity(rng), unitPrice: shelfPrice(product, currency, rng) };
  });
}

const Z = minor(0);

function line(d: LineDraft, extra: Partial<Omit<DemoLine, 'sku' | 'asin' | 'name' | 'variation'>>): DemoLine {
  const unitPrice = d.unitPrice === null ? null : minor(d.unitPrice);
  const lineTotal = d.unitPrice === null ? null : minor(d.unitPrice * d.quantity);
  return {
    sku: d.product.sku,
    asin: d.product.asin,
    name: d.name,
    variation: d.variation,
    quantity: d.quantity,
    unitPrice,
    lineTotal,
    itemDiscount: Z,
    shipDiscount: Z,
    platformDiscount: Z,
    tax: Z,
    shipping: Z,
    shippingTax: Z,
    giftWrap: Z,
    giftWrapTax: Z,
    cancelled: false,
    itemStatus: '',
    commission: Z,
    fulfilmentFee: Z,
    itemId: '',
    ...extra,
  };
}

interface OrderBase {
  readonly orderedAtMs: number;
  readonly orderedAt: string;
  readonly buyerName: string;
  readonly email: string;
}

type OrderDefaults = Omit<
  DemoOrder,
  | 'platform'
  | 'orderNo'
  | 'status'
  | 'kind'
  | 'lines'
  | 'currency'
  | 'country'
  | 'countryZh'
  | 'street'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'timeZone'
  | 'shopName'
  | keyof OrderBase
>;

const ORDER_DEFAULTS: OrderDefaults = {
  merchantOrderNo: null,
  platformId: null,
  salesChannel: null,
  fulfilment: 'self',
  updatedAtMs: 0,
  shippedAtMs: null,
  completedAtMs: null,
  cancelledAtMs: null,
  shipServiceLevel: '',
  trackingNo: '',
  promotionIds: '',
  isBusiness: false,
  purchaseOrderNumber: '',
  shipping: Z,
  discount: Z,
  discountCode: '',
  tax: Z,
  taxName: '',
  taxIncluded: false,
  refunded: Z,
  shippingRebate: Z,
  fees: [],
};

function located(country: string, rng: SeededRandom) {
  const p = place(country, rng);
  const street = `${rng.int(1, 999)} ${rng.pick(DEMO_STREETS)}`;
  return {
    country,
    countryZh: COUNTRY_ZH[country] ?? country,
    street,
    city: p.city,
    state: p.state,
    postalCode: p.postalCode,
  };
}

type OrderHead = Pick<DemoOrder, 'platform' | 'orderNo' | 'status' | 'kind' | 'currency' | 'shopName' | 'lines'>;

/** An order as every platform's starts: the defaults, the drawn base, the buyer's place, then what `head` states. */
function demoOrder(ctx: Ctx, base: OrderBase, place: ReturnType<typeof located>, head: OrderHead): DemoOrder {
  return { ...ORDER_DEFAULTS, ...base, ...place, ...head, timeZone: ctx.zone };
}

/** What a marketplace's status word makes of an order: its cancelled and unpaid words, else a sale. */
function kindOf(status: string, cancelled: string, unpaid: string): DemoOrderKind {
  return status === cancelled ? 'cancelled' : status === unpaid ? 'unpaid' : 'sale';
}

function amazonOrder(ctx: Ctx, index: number, base: OrderBase): DemoOrder {
  const { rng, currency } = ctx;
  const market = ctx.market as AmazonMarket;
  const kind = rng.weighted<'shipped' | 'unshipped' | 'cancelled' | 'pending' | 'mcf'>([
    ['shipped', 90],
    ['unshipped', 3],
    ['cancelled', 3],
    ['pending', 2],
    ['mcf', 2],
  ]);
  const status =
    kind === 'unshipped'
      ? 'Unshipped'
      : kind === 'cancelled'
        ? 'Cancelled'
        : kind === 'pending'
          ? 'Pending'
          : 'Shipped';
  const fba = kind === 'mcf' || kind === 'pending' || rng.chance(0.8);
  const orderNo = uniqueNo(
    ctx,
    () => `${kind === 'mcf' ? 'S01' : rng.pick(market.prefixes)}-${rng.digits(7)}-${rng.digits(7)}`,
  );
  const country =
    kind === 'mcf'
      ? rng.weighted([
          ['US', 70],
          ['CA', 10],
          ['GB', 10],
          ['AU', 10],
        ])
      : rng.weighted(market.countries);
  const shipServiceLevel = rng.weighted([
    ['Standard', 70],
    ['Expedited', 20],
    ['SecondDay', 7],
    ['NextDay', 3],
  ]);
  const salesTaxBp = market.vatPercent === null && country === 'US' ? rng.pick(US_SALES_TAX_BP) : 0;
  const taxOf = (amount: number) =>
    minor(market.vatPercent === null ? pctOf(amount, salesTaxBp) : includedVat(amount, market.vatPercent));
  const drafts = draftLines(ctx, index, currency);
  const promotionIds: string[] = [];
  const blankCancelled = kind === 'cancelled' && rng.chance(0.5);
  const lines = drafts.map((d, i): DemoLine => {
    const itemId = rng.digits(14, true);
    if (kind === 'pending') return line({ ...d, unitPrice: null }, { itemStatus: 'Unshipped', itemId });
    if (blankCancelled)
      return line({ ...d, quantity: 0, unitPrice: null }, { itemStatus: 'Cancelled', cancelled: true, itemId });
    const total = (d.unitPrice as number) * d.quantity;
    const shippingUsd =
      i > 0 ? 0 : !fba ? rng.pick([499, 599, 799]) : shipServiceLevel === 'Standard' ? 0 : rng.pick([599, 899]);
    const shipping = fromUsd(shippingUsd, currency);
    let shipDiscount = 0;
    if (shipping > 0 && rng.chance(0.3)) {
      shipDiscount = shipping;
      promotionIds.push(`${market.salesChannel} Core Free Shipping Promotion ${rng.digits(7, true)}`);
    }
    let itemDiscount = 0;
    if (rng.chance(0.06)) {
      itemDiscount = pctOf(total, 1000);
      promotionIds.push(`SPRING10-${rng.chars(6, ALNUM)}`);
    }
    const giftWrap = rng.chance(0.01) ? fromUsd(399, currency) : 0;
    const itemCancelled =
      kind === 'cancelled' || (kind === 'shipped' && i > 0 && i === drafts.length - 1 && rng.chance(0.1));
    const commission = Math.max(fromUsd(30, currency), pctOf(total - itemDiscount, 1500));
    return line(d, {
      itemStatus: itemCancelled ? 'Cancelled' : kind === 'unshipped' ? 'Unshipped' : 'Shipped',
      cancelled: itemCancelled,
      tax: taxOf(total - itemDiscount),
      shipping: minor(shipping),
      shippingTax: taxOf(shipping - shipDiscount),
      giftWrap: minor(giftWrap),
      giftWrapTax: taxOf(giftWrap),
      itemDiscount: minor(itemDiscount),
      shipDiscount: minor(shipDiscount),
      commission: minor(commission),
      fulfilmentFee: minor(fba ? fromUsd(d.product.fbaCents * d.quantity, currency) : 0),
      itemId,
    });
  });
  const business = kind !== 'mcf' && rng.chance(0.03);
  const shipped = status === 'Shipped';
  const shippedAtMs = shipped ? base.orderedAtMs + rng.int(4 * 3600, 48 * 3600) * 1000 : null;
  const fees: DemoFee[] = [];
  if (kind === 'shipped' || kind === 'unshipped') {
    for (const l of lines) {
      if (l.cancelled) continue;
      fees.push({ type: 'commission', description: 'Commission', amount: l.commission });
      if (l.fulfilmentFee > 0)
        fees.push({ type: 'fulfilment', description: 'FBAPerUnitFulfillmentFee', amount: l.fulfilmentFee });
    }
  }
  return {
    ...demoOrder(ctx, base, located(country, rng), {
      platform: 'amazon',
      orderNo,
      status,
      kind:
        kind === 'mcf' ? 'otherChannel' : kind === 'cancelled' ? 'cancelled' : kind === 'pending' ? 'pending' : 'sale',
      currency,
      shopName: market.salesChannel,
      lines,
    }),
    merchantOrderNo: kind === 'mcf' ? `#${rng.int(1001, 99999)}` : null,
    salesChannel: kind === 'mcf' ? 'Non-Amazon' : market.salesChannel,
    fulfilment: fba ? 'platform' : 'self',
    updatedAtMs: (shippedAtMs ?? base.orderedAtMs) + rng.int(0, 6 * 3600) * 1000,
    shippedAtMs,
    shipServiceLevel,
    promotionIds: promotionIds.join(','),
    isBusiness: business,
    purchaseOrderNumber: business ? `PO-${rng.digits(6, true)}` : '',
    taxIncluded: market.vatPercent !== null,
    fees,
  };
}

function shopifyOrder(ctx: Ctx, index: number, base: OrderBase): DemoOrder {
  const { rng, currency } = ctx;
  const status = rng.weighted([
    ['paid', 90],
    ['refunded', 1.5],
    ['partially_refunded', 1.5],
    ['voided', 3],
    ['pending', 2],
    ['authorized', 2],
  ]);
  const country = rng.weighted([
    ['US', 50],
    ['GB', 10],
    ['DE', 8],
    ['FR', 6],
    ['CA', 8],
    ['AU', 8],
    ['JP', 4],
    ['SG', 3],
    ['MY', 3],
  ]);
  const loc = located(country, rng);
  const drafts = draftLines(ctx, index, currency);
  const lines = drafts.map((d) => line(d, {}));
  const goods = lines.reduce((s, l) => s + (l.lineTotal as number), 0);
  let discount = 0;
  let discountCode = '';
  if (rng.chance(0.15)) {
    discountCode = rng.pick(['WELCOME10', 'SPRING5']);
    discount = discountCode === 'WELCOME10' ? pctOf(goods, 1000) : Math.min(goods, fromUsd(500, currency));
  }
  const shipping =
    country === 'US'
      ? goods - discount >= fromUsd(5000, currency)
        ? 0
        : fromUsd(499, currency)
      : fromUsd(1299, currency);
  let tax = 0;
  let taxName = '';
  if (country === 'US') {
    const bp = rng.pick(US_SALES_TAX_BP);
    if (bp > 0) {
      tax = pctOf(goods - discount, bp);
      taxName = `${loc.state} State Tax ${bp / 100}%`;
    }
  }
  if (country === 'CA') {
    tax = pctOf(goods - discount + shipping, 1300);
    taxName = 'HST 13%';
  }
  const total = goods - discount + shipping + tax;
  const refunded =
    status === 'refunded'
      ? total
      : status === 'partially_refunded'
        ? Math.max(1, pctOf(total, rng.int(10, 60) * 100))
        : 0;
  const voided = status === 'voided';
  const paid = status === 'paid' || status === 'refunded' || status === 'partially_refunded';
  const shippedAtMs = paid && rng.chance(0.9) ? base.orderedAtMs + rng.int(6 * 3600, 72 * 3600) * 1000 : null;
  return {
    ...demoOrder(ctx, base, loc, {
      platform: 'shopify',
      orderNo: `#${1001 + index}`,
      status,
      // Shopify counts every order that is not voided (pending and authorized payments too): core sale-rule.ts
      kind: voided ? 'cancelled' : 'sale',
      currency,
      shopName: 'Demo Store',
      lines,
    }),
    platformId: String(5_800_000_000_000 + index * 1000 + rng.int(0, 999)),
    fulfilment: 'self',
    updatedAtMs: shippedAtMs ?? base.orderedAtMs,
    shippedAtMs,
    cancelledAtMs: voided ? base.orderedAtMs + rng.int(600, 2 * 86_400) * 1000 : null,
    shipServiceLevel: country === 'US' ? 'Standard Shipping' : 'International Shipping',
    shipping: minor(shipping),
    discount: minor(discount),
    discountCode,
    tax: minor(tax),
    taxName,
    refunded: minor(refunded),
  };
}

function shopeeOrder(ctx: Ctx, index: number, base: OrderBase): DemoOrder {
  const { rng, currency } = ctx;
  const status = rng.weighted([
    ['Completed', 80],
    ['Shipping', 7],
    ['To ship', 6],
    ['Cancelled', 4],
    ['Unpaid', 3],
  ]);
  const day = compactDate(base.orderedAtMs, ctx.zone, true);
  const orderNo = uniqueNo(ctx, () => day + rng.chars(8, ALNUM));
  const lines = draftLines(ctx, index, currency).map((d) => line(d, {}));
  const goods = lines.reduce((s, l) => s + (l.lineTotal as number), 0);
  const live = status !== 'Cancelled' && status !== 'Unpaid';
  const shippedAtMs =
    status === 'Completed' || status === 'Shipping' ? base.orderedAtMs + rng.int(12, 60) * HOUR : null;
  const completedAtMs = status === 'Completed' && shippedAtMs !== null ? shippedAtMs + rng.int(2, 7) * DAY : null;
  const estShipping = fromUsd(rng.int(100, 250), currency);
  const fees: DemoFee[] = live
    ? [
        { type: 'commission', description: 'Commission Fee', amount: minor(pctOf(goods, 500)) },
        { type: 'other', description: 'Service Fee', amount: minor(pctOf(goods, 400)) },
        { type: 'other', description: 'Transaction Fee', amount: minor(pctOf(goods, 200)) },
        { type: 'shipping', description: 'Estimated Shipping Fee', amount: minor(estShipping) },
      ]
    : [];
  return {
    ...demoOrder(ctx, base, located('MY', rng), {
      platform: 'shopee',
      orderNo,
      status,
      kind: kindOf(status, 'Cancelled', 'Unpaid'),
      currency,
      shopName: 'Shopee MY',
      lines,
    }),
    fees,
    updatedAtMs: completedAtMs ?? shippedAtMs ?? base.orderedAtMs,
    shippedAtMs,
    completedAtMs,
    trackingNo: shippedAtMs !== null ? `SPXMY0${rng.digits(11)}` : '',
    shippingRebate: minor(live && rng.chance(0.5) ? Math.floor(estShipping / 2) : 0),
  };
}

function tiktokOrder(ctx: Ctx, index: number, base: OrderBase): DemoOrder {
  const { rng, currency } = ctx;
  const status = rng.weighted([
    ['Completed', 60],
    ['Delivered', 14],
    ['In transit', 10],
    ['Awaiting shipment', 9],
    ['Cancelled', 4],
    ['Unpaid', 3],
  ]);
  // 18 digits: beyond 2^53, so it must never pass through Number
  const orderNo = uniqueNo(ctx, () => `57${rng.digits(16)}`);
  const lines = draftLines(ctx, index, currency).map((d) => {
    const total = (d.unitPrice as number) * d.quantity;
    return line(d, {
      itemDiscount: minor(rng.chance(0.15) ? pctOf(total, rng.int(10, 20) * 100) : 0),
      platformDiscount: minor(rng.chance(0.2) ? pctOf(total, rng.int(5, 15) * 100) : 0),
    });
  });
  const shipped = status === 'Completed' || status === 'Delivered' || status === 'In transit';
  const shippedAtMs = shipped ? base.orderedAtMs + rng.int(8 * 3600, 60 * 3600) * 1000 : null;
  return {
    ...demoOrder(ctx, base, located('US', rng), {
      platform: 'tiktok',
      orderNo,
      status,
      kind: kindOf(status, 'Cancelled', 'Unpaid'),
      currency,
      shopName: 'TikTok Shop US',
      lines,
    }),
    updatedAtMs: shippedAtMs ?? base.orderedAtMs,
    shippedAtMs,
    trackingNo: shipped ? `9400${rng.digits(18)}` : '',
    cancelledAtMs: status === 'Cancelled' ? base.orderedAtMs + rng.int(600, 86_400) * 1000 : null,
  };
}

function erpOrder(ctx: Ctx, index: number, base: OrderBase): DemoOrder {
  const { rng } = ctx;
  const shop = rng.weighted(DEMO_ERP_SHOPS.map((s) => [s, s.weight] as const));
  const currency: Currency = shop.currency;
  const status = rng.weighted([
    ['已发货', 55],
    ['已完成', 25],
    ['待发货', 8],
    ['已付款', 3],
    ['已取消', 5],
    ['未付款', 4],
  ]);
  const day = compactDate(base.orderedAtMs, ctx.zone, false);
  const lines = draftLines(ctx, index, currency).map((d) => line(d, {}));
  const shipping = rng.chance(0.4) ? 0 : fromUsd(rng.int(399, 1299), currency);
  return {
    ...demoOrder(ctx, base, located(rng.weighted(shop.countries), rng), {
      platform: 'erp',
      orderNo: `XS${day}${String(index + 1).padStart(6, '0')}`,
      status,
      kind: kindOf(status, '已取消', '未付款'),
      currency,
      shopName: shop.name,
      lines,
    }),
    shipping: minor(shipping),
    updatedAtMs: base.orderedAtMs,
  };
}

const MAKERS: Readonly<Record<DemoPlatform, (ctx: Ctx, index: number, base: OrderBase) => DemoOrder>> = {
  amazon: amazonOrder,
  shopify: shopifyOrder,
  shopee: shopeeOrder,
  tiktok: tiktokOrder,
  erp: erpOrder,
};

function instant(text: string, what: string): number {
  const dt = DateTime.fromISO(text, { setZone: true });
  if (!dt.isValid) throw new RangeError(`${what} is not an ISO-8601 time: ${text}`);
  return dt.toMillis();
}

/** Orders one by one, in time order, so 100k-order files can be written without holding them all. */
export function* iterateDemoOrders(options: DemoOrderOptions): Generator<DemoOrder, void, undefined> {
  const { seed, orders: n, platform } = options;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`orders must be a non-negative integer, got ${n}`);
  if (!DEMO_PLATFORMS.includes(platform)) throw new RangeError(`unknown demo platform ${String(platform)}`);
  const start = instant(options.start ?? DEMO_DEFAULT_START, 'start');
  const end = instant(options.end ?? DEMO_DEFAULT_END, 'end');
  if (end <= start) throw new RangeError('end must be after start');
  const currency = options.currency ?? DEFAULT_CURRENCY[platform];
  const market = platform === 'amazon' ? (AMAZON_MARKETS[currency] ?? null) : null;
  if (platform === 'amazon' && market === null) throw new RangeError(`no demo Amazon marketplace for ${currency}`);
  const rng = seededRandom(seed);
  const ctx: Ctx = {
    rng,
    platform,
    currency,
    market,
    usedNos: new Set(),
    zone: market?.zone ?? ZONES[platform as Exclude<DemoPlatform, 'amazon'>],
    injectAt: n > 0 ? rng.int(0, n - 1) : -1,
  };
  const unit = MINUTE_PRECISION.has(platform) ? 60_000 : 1000;
  const span = end - start;
  const slot = Math.floor(span / Math.max(n, 1));
  for (let i = 0; i < n; i++) {
    const raw = start + Math.floor((i * span) / n) + (slot > 1 ? rng.int(0, Math.min(slot - 1, 0xffffffff)) : 0);
    const orderedAtMs = Math.floor(raw / unit) * unit;
    const orderedAt = isoTime(orderedAtMs, ctx.zone);
    const buyerName = rng.pick(DEMO_BUYER_NAMES);
    const email = `${
      buyerName
        .split(' ')[0]
        ?.toLowerCase()
        .replace(/[^a-z]/g, '') || 'buyer'
    }.${rng.digits(4)}@example.com`;
    yield MAKERS[platform](ctx, i, { orderedAtMs, orderedAt, buyerName, email });
  }
}

export function generateDemoOrders(options: DemoOrderOptions): DemoOrder[] {
  return [...iterateDemoOrders(options)];
}

/** Gross (goods − discounts + shipping + gift wrap, no taxes on top) and units over the lines that count. */
export function demoOrderGross(order: DemoOrder): { readonly gross: number; readonly units: number } {
  let gross = order.shipping - order.discount;
  let units = 0;
  for (const l of order.lines) {
    if (l.cancelled) continue;
    gross += (l.lineTotal ?? 0) - l.itemDiscount - l.shipDiscount + l.shipping + l.giftWrap;
    units += l.quantity;
  }
  return { gross, units };
}

export interface DemoSalesTotals {
  readonly orders: number;
  readonly units: number;
  readonly gross: number;
  readonly refunded: number;
}

export interface DemoTally {
  readonly orders: number;
  readonly lines: number;
  readonly salesOrders: number;
  readonly excluded: Readonly<Record<SaleExclusion, number>>;
  /** Per currency, over the orders counted as sales; money in minor units. */
  readonly sales: Readonly<Record<string, DemoSalesTotals>>;
}

/** Adds orders up as the import tests expect them (one line per file row). */
export function createDemoTally(): { readonly add: (order: DemoOrder) => void; readonly result: () => DemoTally } {
  let orders = 0;
  let lines = 0;
  let salesOrders = 0;
  const excluded: Record<SaleExclusion, number> = {
    cancelled: 0,
    pending: 0,
    otherChannel: 0,
    unpaid: 0,
    unknownStatus: 0,
    amountsUnknown: 0,
  };
  const sales: Record<string, { orders: number; units: number; gross: number; refunded: number }> = {};
  return {
    add(order) {
      orders += 1;
      lines += order.lines.length;
      if (order.kind !== 'sale') {
        excluded[order.kind] += 1;
        return;
      }
      salesOrders += 1;
      const { gross, units } = demoOrderGross(order);
      const s = (sales[order.currency] ??= { orders: 0, units: 0, gross: 0, refunded: 0 });
      s.orders += 1;
      s.units += units;
      s.gross += gross;
      s.refunded += order.refunded;
    },
    result() {
      for (const s of Object.values(sales)) {
        if (!Number.isSafeInteger(s.gross) || !Number.isSafeInteger(s.refunded))
          throw new RangeError('demo totals out of range');
      }
      const sorted = Object.fromEntries(Object.entries(sales).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return { orders, lines, salesOrders, excluded: { ...excluded }, sales: sorted };
    },
  };
}
