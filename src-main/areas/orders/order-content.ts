/**
 * What the store writes for one order: an importer's `ImportedOrder` (or a manual entry) turned
 * into row values — status, sale exclusion and totals from the core sale rule, the UTC instant
 * for sorting, fees summed per type + description — plus a content hash over what the file said
 * (source row numbers left out, so the same order read from an overlapping export is unchanged).
 */
import { createHash } from 'node:crypto';
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import { isCurrency, sumMinor, type Currency, type Minor } from '../../core/money/index.ts';
import type {
  FeeType,
  Fulfilment,
  ImportedOrder,
  OrderStatus,
  Platform,
  RowError,
  SaleExclusion,
} from '../../core/orders/order.ts';
import { orderTotals, saleExclusion, statusFromPlatform, type StatusMappings } from '../../core/orders/sale-rule.ts';
import type { OrderLine } from '../../core/orders/order-views.ts';

/**
 * A line as stored: the read model's line without its id. A null `lineTotal` means the file states no
 * price for the line; its other amounts are then null too (unknown, never 0).
 */
export type LineContent = Omit<OrderLine, 'id'>;

export interface FeeContent {
  readonly type: FeeType;
  readonly description: string;
  readonly amount: Minor;
}

/** The order columns the sale rule and the file decide (not shop, customs mode, refunds). */
export interface OrderContent {
  readonly platform: Platform;
  readonly orderNo: string;
  readonly status: OrderStatus;
  readonly platformStatus: string;
  readonly salesChannel: string | null;
  readonly orderedAt: string;
  readonly orderedAtUtc: string;
  readonly buyerCountry: string | null;
  /** Null only while the order's amounts are unknown and its file names no currency. */
  readonly currency: Currency | null;
  readonly fulfilment: Fulfilment | null;
  /** The amounts are null together when the file states no price for a counted line. */
  readonly goods: Minor | null;
  readonly discount: Minor | null;
  readonly shipping: Minor | null;
  readonly giftWrap: Minor | null;
  readonly taxOnTop: Minor | null;
  readonly gross: Minor | null;
  readonly units: number;
  readonly exclusion: SaleExclusion | null;
  readonly lines: readonly LineContent[];
  /** The total the file states for the order, when it states one. */
  readonly statedTotal: Minor | null;
  /** An Amazon multi-channel order's number in its own channel. */
  readonly channelOrderNo: string | null;
}

export interface ImportedContent extends OrderContent {
  /** Refund total this source reports for the order (a snapshot for order exports). */
  readonly refunded: Minor;
  readonly fees: readonly FeeContent[];
  readonly hash: string;
  readonly shopName: string | null;
  /** First file row of the order, for row errors raised after parsing. */
  readonly sourceRow: number;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ISO-8601 date-time with an offset → `YYYY-MM-DDTHH:MM:SS.sssZ`; null when it is not one, or
 * names a day or time the calendar does not have (2026-02-30, 25:00). Runs once per imported
 * order, so it computes the instant from the digits instead of parsing text twice.
 */
export function utcInstant(iso: string): string | null {
  const m = ISO_INSTANT.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap ? 29 : DAYS[mo - 1]!) || h > 23 || mi > 59 || sec > 59)
    return null;
  const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (Math.abs(offset) > 18 * 60) return null;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset * 60_000;
  const utc = new Date(t).toISOString();
  return utc.length === 24 ? utc : null;
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

function checkMinor(n: number, what: string): Minor {
  if (!Number.isSafeInteger(n)) throw new DomainError('money.outOfRange', { amount: String(n), field: what });
  return n as Minor;
}

/** Fees of one kind listed several times (one per item) are one amount per order (checked sums). */
export function sumFees(fees: readonly { type: FeeType; description: string; amount: number }[]): FeeContent[] {
  const by = new Map<string, { type: FeeType; description: string; amounts: Minor[] }>();
  for (const f of fees) {
    const key = `${f.type}\u0000${f.description}`;
    const amount = checkMinor(f.amount, 'fee');
    const prev = by.get(key);
    if (prev) prev.amounts.push(amount);
    else by.set(key, { type: f.type, description: f.description, amounts: [amount] });
  }
  const summed = [...by.values()].map(({ type, description, amounts }) => ({
    type,
    description,
    amount: sumMinor(amounts),
  }));
  return summed.sort((a, b) =>
    a.type < b.type
      ? -1
      : a.type > b.type
        ? 1
        : a.description < b.description
          ? -1
          : a.description > b.description
            ? 1
            : 0,
  );
}

export interface NormaliseOptions {
  /** Platform the order is stored under (a generic file imported into an Amazon shop is Amazon's). */
  readonly platform?: Platform;
  /** Settlement files: Amazon charges on shipment, so an order seen only there is 'shipped'. */
  readonly settlement?: boolean;
  /** The shop's own meanings of status words (they win over the built-in table). */
  readonly statusMappings?: StatusMappings;
}

/** An imported order as row values, or the coded reason it cannot be stored (whole order rejected). */
export function normaliseImported(order: ImportedOrder, opts: NormaliseOptions = {}): ImportedContent | RowError {
  const row = order.sourceRows[0] ?? order.lines[0]?.sourceRow ?? 0;
  const reject = (code: string, params: Record<string, string | number>, column: string | null = null): RowError => ({
    row,
    column,
    code,
    params: { orderNo: order.orderNo, ...params },
  });
  try {
    const platform = opts.platform ?? order.platform;
    const orderNo = order.orderNo.trim();
    if (orderNo.length === 0 || orderNo.length > 60) return reject('import.row.badOrderNo', {});
    if (order.currency !== null && !isCurrency(order.currency))
      return reject('money.currency.unknown', { currency: String(order.currency) });
    const orderedAtUtc = utcInstant(order.orderedAt);
    if (orderedAtUtc === null) return reject('import.row.badDate', { value: order.orderedAt });
    const country = order.buyerCountry?.trim().toUpperCase() || null;
    if (country !== null && !/^[A-Z]{2}$/.test(country)) return reject('import.row.badCountry', { value: country });
    let status: OrderStatus = statusFromPlatform(platform, order.platformStatus, opts.statusMappings);
    if (status === 'unknown' && opts.settlement) status = 'shipped';
    const keys = new Set<string>();
    const lines: LineContent[] = [];
    for (const l of order.lines) {
      if (keys.has(l.lineKey)) return reject('import.row.duplicateLine', { lineKey: l.lineKey });
      if (l.lineKey.length === 0 || l.lineKey.length > 200)
        return reject('import.row.badLineKey', { lineKey: l.lineKey.slice(0, 40) });
      if (!Number.isSafeInteger(l.quantity) || l.quantity < 0)
        return reject('import.row.badQuantity', { value: String(l.quantity) });
      keys.add(l.lineKey);
      const known = l.lineTotal !== null;
      const amount = (v: number, what: string) => (known ? checkMinor(v, what) : null);
      lines.push({
        lineKey: l.lineKey,
        sku: l.sku,
        itemName: l.itemName,
        quantity: l.quantity,
        unitPrice: l.unitPrice === null ? null : checkMinor(l.unitPrice, 'unitPrice'),
        lineTotal: l.lineTotal === null ? null : checkMinor(l.lineTotal, 'lineTotal'),
        discount: amount(l.discount, 'discount'),
        taxOnTop: amount(l.taxOnTop, 'taxOnTop'),
        shipping: amount(l.shipping, 'shipping'),
        giftWrap: amount(l.giftWrap, 'giftWrap'),
        cancelled: l.cancelled,
        // transaction-price parts (issue 15): kept only where the file states them (not 0), so other orders hash as before
        ...(known && l.includedTax ? { includedTax: checkMinor(l.includedTax, 'includedTax') } : {}),
        ...(known && l.includedShippingTax
          ? { includedShippingTax: checkMinor(l.includedShippingTax, 'includedShippingTax') }
          : {}),
        ...(known && l.shippingDiscount
          ? { shippingDiscount: checkMinor(l.shippingDiscount, 'shippingDiscount') }
          : {}),
        ...(known && l.platformDiscount
          ? { platformDiscount: checkMinor(l.platformDiscount, 'platformDiscount') }
          : {}),
      });
    }
    const computed = orderTotals(order);
    const known = computed.amountsKnown && order.currency !== null;
    const totals = {
      goods: known ? computed.goods : null,
      discount: known ? computed.discount : null,
      shipping: known ? computed.shipping : null,
      giftWrap: known ? computed.giftWrap : null,
      taxOnTop: known ? computed.taxOnTop : null,
      gross: known ? computed.gross : null,
      units: computed.units,
    };
    const exclusion = saleExclusion({ ...order, platform, amountsKnown: known }, status, opts.statusMappings);
    const statedTotal = order.statedTotal == null ? null : checkMinor(order.statedTotal, 'statedTotal');
    const channelOrderNo = order.channelOrderNo?.trim().slice(0, 60) || null;
    const fees = sumFees(order.fees);
    const refunded = checkMinor(order.refunded, 'refunded');
    const content = {
      platform,
      orderNo,
      status,
      platformStatus: order.platformStatus,
      salesChannel: order.salesChannel,
      orderedAt: order.orderedAt.trim(),
      orderedAtUtc,
      buyerCountry: country,
      currency: order.currency,
      fulfilment: order.fulfilment,
      ...totals,
      exclusion,
      lines,
      statedTotal,
      channelOrderNo,
    };
    // The hash is over what the file says: status and exclusion as the built-in table reads the
    // word, so a shop's mapping (applied to stored orders when it is saved) never makes the same
    // file look changed.
    const tableStatus = opts.statusMappings === undefined ? status : statusFromPlatform(platform, order.platformStatus);
    const hashStatus = tableStatus === 'unknown' && opts.settlement ? 'shipped' : tableStatus;
    const hashExclusion =
      opts.statusMappings === undefined
        ? exclusion
        : saleExclusion({ ...order, platform, amountsKnown: known }, hashStatus);
    const hash = sha1(
      JSON.stringify([
        hashStatus,
        content.platformStatus,
        content.salesChannel,
        content.orderedAt,
        country,
        content.currency,
        content.fulfilment,
        totals.goods,
        totals.discount,
        totals.shipping,
        totals.giftWrap,
        totals.taxOnTop,
        totals.gross,
        totals.units,
        hashExclusion,
        order.shipping,
        order.discount,
        order.taxOnTop,
        refunded,
        ...(statedTotal === null && channelOrderNo === null ? [] : [statedTotal, channelOrderNo]),
        [...lines]
          .sort((a, b) => (a.lineKey < b.lineKey ? -1 : 1))
          .map((l) => [
            ...lineContentValues(l),
            l.cancelled,
            ...(l.includedTax || l.includedShippingTax || l.shippingDiscount
              ? [l.includedTax ?? null, l.includedShippingTax ?? null, l.shippingDiscount ?? null]
              : []),
            ...(l.platformDiscount ? [l.platformDiscount] : []),
          ]),
        fees.map((f) => [f.type, f.description, f.amount]),
      ]),
    );
    return { ...content, refunded, fees, hash, shopName: order.shopName, sourceRow: row };
  } catch (e) {
    if (isDomainError(e)) return reject(e.code, e.params);
    throw e;
  }
}

/** A line's key, texts, quantity and amounts in one order: hashed here, stored in this order by OrderWriter. */
export function lineContentValues(l: LineContent): Array<string | number | null> {
  return [
    l.lineKey,
    l.sku,
    l.itemName,
    l.quantity,
    l.unitPrice,
    l.lineTotal,
    l.discount,
    l.taxOnTop,
    l.shipping,
    l.giftWrap,
  ];
}

export function isRowError(x: ImportedContent | RowError): x is RowError {
  return 'code' in x;
}

/** The order columns compared for the change history, content name → SQL column. */
export const ORDER_FIELDS = [
  ['status', 'status'],
  ['platformStatus', 'platform_status'],
  ['salesChannel', 'sales_channel'],
  ['orderedAt', 'ordered_at'],
  ['buyerCountry', 'buyer_country'],
  ['currency', 'currency'],
  ['fulfilment', 'fulfilment'],
  ['goods', 'goods'],
  ['discount', 'discount'],
  ['shipping', 'shipping'],
  ['giftWrap', 'gift_wrap'],
  ['taxOnTop', 'tax_on_top'],
  ['gross', 'gross'],
  ['units', 'units'],
  ['exclusion', 'exclusion'],
  ['statedTotal', 'stated_total'],
  ['channelOrderNo', 'channel_order_no'],
] as const satisfies readonly (readonly [keyof OrderContent, string])[];

export const LINE_FIELDS = [
  'sku',
  'itemName',
  'quantity',
  'unitPrice',
  'lineTotal',
  'discount',
  'taxOnTop',
  'shipping',
  'giftWrap',
  'cancelled',
  'includedTax',
  'includedShippingTax',
  'shippingDiscount',
  'platformDiscount',
] as const satisfies readonly (keyof LineContent)[];

export interface FieldChange {
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export const text = (v: string | number | boolean | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/** Field-by-field differences between two line lists, keyed by line key (`lines[KEY].field`). */
export function diffLines(before: readonly LineContent[], after: readonly LineContent[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const old = new Map(before.map((l) => [l.lineKey, l]));
  const summary = (l: LineContent) =>
    JSON.stringify({
      sku: l.sku,
      itemName: l.itemName,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      cancelled: l.cancelled,
    });
  for (const l of after) {
    const o = old.get(l.lineKey);
    if (!o) {
      changes.push({ field: `lines[${l.lineKey}]`, oldValue: null, newValue: summary(l) });
      continue;
    }
    old.delete(l.lineKey);
    for (const f of LINE_FIELDS) {
      if (o[f] !== l[f])
        changes.push({ field: `lines[${l.lineKey}].${f}`, oldValue: text(o[f]), newValue: text(l[f]) });
    }
  }
  for (const o of old.values()) changes.push({ field: `lines[${o.lineKey}]`, oldValue: summary(o), newValue: null });
  return changes;
}
