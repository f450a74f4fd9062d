/**
 * What counts as a sale, in one table keyed by platform and status word, following each
 * platform's own reports (README "What counts as a sale" prints the same table; a test reads both):
 *  - Amazon: not Cancelled, not Pending (no prices yet), not sales-channel Non-Amazon
 *    (multi-channel fulfilment of an order sold elsewhere), not cancelled items;
 *  - Shopify: every order that is not voided (pending, authorized and expired payments count, as
 *    in Shopify's own sales reports; the payment status is shown); refunds are shown apart;
 *  - Chinese ERP exports and Shopee / TikTok: not cancelled, unpaid or pending.
 * A word in no table is status `unknown` (exclusion `unknownStatus`) until the shop maps it; a
 * shop's mapping overrides the table. An order whose file states no prices counts in orders and
 * lines, never in sales (`amountsUnknown`).
 * Gross = goods (line totals) − discounts + shipping + gift wrap; taxes listed on top excluded.
 */
import { sumMinor, type Minor } from '../money/index.ts';
import type { ImportedOrder, MappableStatus, OrderStatus, Platform, SaleExclusion } from './order.ts';

/** One status word of one platform: our status, whether it counts as a sale, and why (for the README). */
export interface StatusRule {
  readonly status: OrderStatus;
  readonly sale: boolean;
  readonly note?: string;
}

/** Whether a status counts as a sale when no platform rule says otherwise (user mappings use this). */
export const STATUS_COUNTS_AS_SALE: Readonly<Record<OrderStatus, boolean>> = {
  pending: false,
  unpaid: false,
  paid: true,
  shipped: true,
  delivered: true,
  cancelled: false,
  refunding: true,
  refunded: true,
  partially_refunded: true,
  unknown: false,
};

/** Status words are compared trimmed, lower-case, with runs of spaces, `_` and `-` as one space. */
export const normaliseStatusWord = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

const rule = (status: OrderStatus, note?: string): StatusRule =>
  note === undefined
    ? { status, sale: STATUS_COUNTS_AS_SALE[status] }
    : { status, sale: STATUS_COUNTS_AS_SALE[status], note };

/** Amazon "All Orders" order-status, and Amazon's own names for the Order Report's orders. */
const AMAZON: Readonly<Record<string, StatusRule>> = {
  pending: rule('pending', 'not paid yet; Amazon writes no prices'),
  'pending availability': rule('pending', 'pre-order, not charged yet'),
  pendingavailability: rule('pending'),
  unshipped: rule('paid'),
  'partially shipped': rule('shipped'),
  shipped: rule('shipped'),
  shipping: rule('shipped'),
  'shipped delivered to buyer': rule('delivered'),
  cancelled: rule('cancelled'),
  canceled: rule('cancelled'),
};

/** Shopify financial status: every order that is not voided counts (Shopify's sales reports count an order when it is placed). */
const SHOPIFY: Readonly<Record<string, StatusRule>> = {
  pending: {
    status: 'pending',
    sale: true,
    note: 'payment pending (cash on delivery, bank transfer): counts, as in Shopify',
  },
  authorized: { status: 'pending', sale: true, note: 'payment authorised, not captured yet: counts' },
  'partially paid': { status: 'pending', sale: true, note: 'part paid: counts' },
  expired: {
    status: 'unpaid',
    sale: true,
    note: 'the authorisation lapsed before capture (no money taken); Shopify still counts the order until it is voided or cancelled',
  },
  paid: rule('paid'),
  'partially refunded': rule('partially_refunded'),
  refunded: rule('refunded', 'counts; the refund is shown apart'),
  voided: rule('cancelled', 'the payment was voided: not a sale'),
};

/** Shopee / TikTok English exports. */
const MARKETPLACE: Readonly<Record<string, StatusRule>> = {
  unpaid: rule('unpaid'),
  'to ship': rule('paid'),
  'awaiting shipment': rule('paid'),
  'awaiting collection': rule('paid'),
  'ready to ship': rule('paid'),
  'in transit': rule('shipped'),
  delivered: rule('delivered'),
  completed: rule('delivered'),
  'cancelled by buyer': rule('cancelled'),
  'return/refund': rule('refunded'),
  'return refund': rule('refunded'),
  'on hold': rule('pending'),
  'partially shipping': rule('shipped'),
};

/** Chinese ERP and marketplace exports (店小秘, 马帮, 通途, Shopee/TikTok Chinese back ends …). */
const CHINESE: Readonly<Record<string, StatusRule>> = {
  待付款: rule('unpaid'),
  未付款: rule('unpaid'),
  已付款: rule('paid'),
  买家已付款: rule('paid'),
  待发货: rule('paid'),
  待审核: rule('paid'),
  已审核: rule('paid'),
  待揽收: rule('paid', 'labelled, waiting for the carrier'),
  已发货: rule('shipped'),
  运输中: rule('shipped'),
  部分发货: rule('shipped'),
  已签收: rule('delivered'),
  已妥投: rule('delivered'),
  已完成: rule('delivered'),
  交易成功: rule('delivered'),
  已取消: rule('cancelled'),
  交易关闭: rule('cancelled'),
  已关闭: rule('cancelled'),
  退款中: rule(
    'refunding',
    'a refund is in progress: still a sale until it is refunded, then the refund is shown apart',
  ),
  退款完成: rule('refunded'),
  已退款: rule('refunded'),
  已退货: rule('refunded'),
  部分退款: rule('partially_refunded'),
  待处理: rule('pending'),
  风控中: rule('pending', 'held by the platform’s risk control: not a sale until released'),
  已拆分: rule(
    'pending',
    'split into orders of its own, which count; the split original does not, so nothing counts twice',
  ),
};

/** Words every platform's files may use (ERP sheets write English statuses too). */
const COMMON: Readonly<Record<string, StatusRule>> = {
  ...AMAZON,
  ...MARKETPLACE,
  ...CHINESE,
  paid: rule('paid'),
  'partially refunded': rule('partially_refunded'),
  refunded: rule('refunded'),
  voided: rule('cancelled'),
  'partially paid': rule('pending'),
  authorized: rule('pending'),
  expired: rule('cancelled'),
};

/**
 * The sale-rule table: per platform, its own words first; every platform also reads COMMON.
 * Platform-specific entries win (Shopify `pending` counts, Amazon `Pending` does not).
 */
export const SALE_RULES: Readonly<Record<Platform, Readonly<Record<string, StatusRule>>>> = {
  amazon: AMAZON,
  shopify: SHOPIFY,
  shopee: MARKETPLACE,
  tiktok: MARKETPLACE,
  erp: CHINESE,
  manual: {},
};
/** The words every platform shares, for the README and the settings screen. */
export const COMMON_STATUS_RULES: Readonly<Record<string, StatusRule>> = COMMON;

/** A shop's own meaning for status words: normalised word → status. */
export type StatusMappings = ReadonlyMap<string, MappableStatus>;

/** The rule for a word: the shop's mapping, else the platform's table, else the common words, else null. */
export function statusRule(platform: Platform, platformStatus: string, mappings?: StatusMappings): StatusRule | null {
  const key = normaliseStatusWord(platformStatus);
  const mapped = mappings?.get(key);
  if (mapped !== undefined) return rule(mapped);
  const own = SALE_RULES[platform];
  return own[key] ?? own[platformStatus.trim()] ?? COMMON[key] ?? COMMON[platformStatus.trim()] ?? null;
}

/** Maps a platform's status word to our status; a word no table (and no mapping) knows is `unknown`, never guessed. */
export function statusFromPlatform(platform: Platform, platformStatus: string, mappings?: StatusMappings): OrderStatus {
  return statusRule(platform, platformStatus, mappings)?.status ?? 'unknown';
}

/** True when the word is in no table (the import preview lists these words). */
export function isUnknownStatusWord(platform: Platform, platformStatus: string, mappings?: StatusMappings): boolean {
  return statusRule(platform, platformStatus, mappings) === null;
}

const EXCLUSION_OF: Readonly<Partial<Record<OrderStatus, SaleExclusion>>> = {
  cancelled: 'cancelled',
  pending: 'pending',
  unpaid: 'unpaid',
  unknown: 'unknownStatus',
};

/**
 * Why the order is not a sale (null = it is one). `status` is the order's status (an edit may
 * have changed it): the platform's rule for the word decides only while it gives that status.
 */
export function saleExclusion(
  order: Pick<ImportedOrder, 'platform' | 'platformStatus' | 'salesChannel'> & { readonly amountsKnown?: boolean },
  status: OrderStatus,
  mappings?: StatusMappings,
): SaleExclusion | null {
  if (
    order.platform === 'amazon' &&
    order.salesChannel !== null &&
    normaliseStatusWord(order.salesChannel) === 'non amazon'
  )
    return 'otherChannel';
  const r = statusRule(order.platform, order.platformStatus, mappings);
  const sale = r !== null && r.status === status ? r.sale : STATUS_COUNTS_AS_SALE[status];
  if (!sale) return EXCLUSION_OF[status] ?? 'pending';
  if (order.amountsKnown === false) return 'amountsUnknown';
  return null;
}

export interface OrderTotals {
  /** Goods of counted lines, before discounts. */
  readonly goods: Minor;
  readonly discount: Minor;
  readonly shipping: Minor;
  readonly giftWrap: Minor;
  readonly taxOnTop: Minor;
  /** goods − discount + shipping + gift wrap (no taxes listed on top). */
  readonly gross: Minor;
  readonly units: number;
  /** False when a counted line states no price: the amounts above are then unknown (stored as NULL). */
  readonly amountsKnown: boolean;
}

/**
 * Totals over the lines that count (cancelled items left out), in minor units of the order currency;
 * every sum goes through the checked `sumMinor` ('money.outOfRange' when a total leaves the safe range).
 */
export function orderTotals(order: Pick<ImportedOrder, 'lines' | 'shipping' | 'discount' | 'taxOnTop'>): OrderTotals {
  const goods: Minor[] = [];
  const discount: Minor[] = [order.discount];
  const shipping: Minor[] = [order.shipping];
  const giftWrap: Minor[] = [];
  const taxOnTop: Minor[] = [order.taxOnTop];
  let units = 0;
  let amountsKnown = true;
  for (const l of order.lines) {
    if (l.cancelled) continue;
    units += l.quantity;
    if (l.lineTotal === null) {
      amountsKnown = false;
      continue;
    }
    goods.push(l.lineTotal);
    discount.push(l.discount);
    shipping.push(l.shipping);
    giftWrap.push(l.giftWrap);
    taxOnTop.push(l.taxOnTop);
  }
  const totals = {
    goods: sumMinor(goods),
    discount: sumMinor(discount),
    shipping: sumMinor(shipping),
    giftWrap: sumMinor(giftWrap),
    taxOnTop: sumMinor(taxOnTop),
  };
  const gross = sumMinor([totals.goods, -totals.discount, totals.shipping, totals.giftWrap]);
  return { ...totals, gross, units, amountsKnown };
}

/** What the order's parts add up to, to compare with the total the file states: gross + taxes on top. */
export function computedOrderTotal(totals: OrderTotals): Minor {
  return sumMinor([totals.gross, totals.taxOnTop]);
}
