/**
 * The orders use cases that write: manual entry and
 * edit (decimal text parsed with the order currency, totals and exclusion from the core sale
 * rule, edits recorded field by field), bulk customs mode, stats. Writes go through the unit of
 * work; every changed order gets a new revision and one `orders.upsert` outbox row.
 */
import { DateTime } from 'luxon';
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import { multiplyByQuantity, parseDecimal, type Currency, type Minor } from '../../core/money/index.ts';
import type { ImportedLine, Platform } from '../../core/orders/order.ts';
import { normaliseStatusWord, orderTotals, saleExclusion } from '../../core/orders/sale-rule.ts';
import { utcInstant, type OrderContent } from './order-content.ts';
import { getOrderDetail, OrderWriter, type OrderRow } from './order-store.ts';
import { assertMonthOpen, getShop, type ShopRecord } from '../company/index.ts';
import { saveStatusMapping, shopsWithWord } from './status-mappings.ts';
import type { InputOf } from '../area-kit.ts';
import type { ordersContract } from './contract.ts';
import type { Workspace } from '../workspace.ts';

/** Says what a shop's status word means and re-classifies that shop's stored orders (recorded in their history). */
export function mapStatusWord(ws: Workspace, { shopId, word, status }: InputOf<typeof ordersContract, 'statuses.map'>) {
  let shop = shopId;
  if (shop === undefined) {
    const shops = shopsWithWord(ws.read, word);
    if (shops.length === 0) throw new DomainError('statuses.wordNotFound', { word });
    if (shops.length > 1) throw new DomainError('statuses.ambiguousShop', { word, shops: shops.join(', ') });
    shop = shops[0]!;
  } else if (!getShop(ws.read, shop)) throw new DomainError('shops.notFound', { id: shop });
  const target = shop;
  const outcome = ws.uow.run('statuses.map', (tx) => saveStatusMapping(tx, target, word, status));
  return { shopId: target, word: normaliseStatusWord(word), status, ...outcome };
}

/** Saves a manual entry or an edit: a new revision with the changed fields recorded, never a second order. */
export function saveManualOrder(ws: Workspace, input: InputOf<typeof ordersContract, 'orders.save'>) {
  const shop = getShop(ws.read, input.shopId);
  if (!shop) throw new DomainError('shops.notFound', { id: input.shopId });
  const id = ws.uow.run('orders.save', (tx) => {
    const w = new OrderWriter(tx, 'edit');
    const before = input.id === undefined ? undefined : w.byId(input.id);
    if (input.id !== undefined && !before) throw new DomainError('orders.notFound', { id: input.id });
    if (before && before.platform !== shop.platform) {
      throw new DomainError('orders.platformMismatch', { platform: before.platform, shopPlatform: shop.platform });
    }
    const content = manualContent(input, shop, before);
    // a correction dated in a closed month (or of an order stored there) is refused (issue 17 point 1g)
    if (before) assertMonthOpen(tx.db, before.ordered_at);
    assertMonthOpen(tx.db, content.orderedAt);
    // shop + order number is the order's identity (and its outbox keys): a new number is a new order.
    if (before && content.orderNo !== before.order_no)
      throw new DomainError('orders.orderNoLocked', { orderNo: before.order_no });
    const clash = w.find(shop.id, content.orderNo);
    if (clash && clash.id !== before?.id)
      throw new DomainError('orders.duplicate', { platform: content.platform, orderNo: content.orderNo });
    if (!before) {
      return w.insert(content, {
        shopId: shop.id,
        origin: 'manual',
        contentHash: 'manual',
        importId: null,
        customsMode: input.customsMode,
      });
    }
    const changes = w.replace(
      before,
      content,
      {
        shopId: shop.id,
        origin: before.origin as 'import' | 'settlement' | 'manual',
        contentHash: before.content_hash,
        importId: null,
        customsMode: input.customsMode,
      },
      true,
    );
    if (changes.length > 0) w.bump(before.id, content.platform, content.orderNo);
    return before.id;
  });
  return getOrderDetail(ws.read, id);
}

/**
 * A manual entry (or an edit through the same form) as order content. Every field error is
 * collected and thrown at once as `validation.failed` with per-field codes. Edits keep what the
 * form does not show: the platform's status text while the status is unchanged, the sales channel,
 * taxes listed on top and gift wrap (carried on the first line, where Amazon lists it).
 */
export function manualContent(
  input: InputOf<typeof ordersContract, 'orders.save'>,
  shop: ShopRecord,
  before?: OrderRow,
): OrderContent {
  const fields: Record<string, string> = {};
  const currency: Currency = input.currency;
  const amount = (field: string, value: string, blankIsZero: boolean): Minor => {
    if (blankIsZero && value.trim() === '') return 0 as Minor;
    try {
      const m = parseDecimal(value, currency).amount;
      if (m < 0) fields[field] = 'money.negative';
      return m;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      fields[field] = e.code;
      return 0 as Minor;
    }
  };
  const orderNo = input.orderNo.trim();
  if (orderNo === '') fields.orderNo = 'orders.orderNo.required';
  const orderedAt = orderedAtText(input.orderedAt, shop.timeZone);
  const orderedAtUtc = orderedAt === null ? null : utcInstant(orderedAt);
  if (orderedAtUtc === null) fields.orderedAt = 'orders.orderedAt.invalid';
  const country = input.buyerCountry?.trim().toUpperCase() || null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) fields.buyerCountry = 'orders.buyerCountry.invalid';
  const shipping = amount('shipping', input.shipping, true);
  const discount = amount('discount', input.discount, true);
  const seen = new Map<string, number>();
  const lines: ImportedLine[] = input.lines.map((l, i) => {
    const sku = l.sku.trim();
    if (sku === '') fields[`lines.${i}.sku`] = 'orders.line.skuRequired';
    if (l.quantity < 1) fields[`lines.${i}.quantity`] = 'orders.line.badQuantity';
    const unitPrice = amount(`lines.${i}.unitPrice`, l.unitPrice, false);
    let lineTotal = 0 as Minor;
    try {
      lineTotal = multiplyByQuantity({ amount: unitPrice, currency }, Math.max(l.quantity, 0)).amount;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      fields[`lines.${i}.quantity`] = e.code;
    }
    const n = (seen.get(sku) ?? 0) + 1;
    seen.set(sku, n);
    const giftWrap = (i === 0 ? (before?.gift_wrap ?? 0) : 0) as Minor;
    return {
      lineKey: `${sku}#${n}`,
      sku,
      itemName: l.itemName.trim(),
      quantity: l.quantity,
      unitPrice,
      lineTotal,
      discount: 0 as Minor,
      taxOnTop: 0 as Minor,
      shipping: 0 as Minor,
      giftWrap,
      cancelled: false,
      sourceRow: 0,
    };
  });
  if (Object.keys(fields).length > 0 || orderedAt === null || orderedAtUtc === null)
    throw new DomainError('validation.failed', {}, fields);
  const platform: Platform = shop.platform;
  const platformStatus = before && before.status === input.status ? before.platform_status : input.status;
  const salesChannel = before?.sales_channel ?? null;
  const taxOnTop = (before?.tax_on_top ?? 0) as Minor;
  let totals;
  try {
    totals = orderTotals({ lines, shipping, discount, taxOnTop });
  } catch (e) {
    if (isDomainError(e)) throw new DomainError('validation.failed', {}, { lines: e.code });
    throw e;
  }
  const { amountsKnown: _known, ...amounts } = totals;
  return {
    platform,
    orderNo,
    status: input.status,
    platformStatus,
    salesChannel,
    orderedAt,
    orderedAtUtc,
    buyerCountry: country,
    currency,
    fulfilment: input.fulfilment,
    ...amounts,
    exclusion: saleExclusion({ platform, platformStatus, salesChannel }, input.status),
    lines: lines.map(({ sourceRow: _row, ...l }) => l),
    statedTotal: before?.stated_total ?? null,
    channelOrderNo: before?.channel_order_no ?? null,
  };
}

/** ISO date-time with offset as given; a plain date is midnight in the shop's zone; else null. */
function orderedAtText(value: string, timeZone: string): string | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = DateTime.fromISO(v, { zone: timeZone });
    return d.isValid ? d.toISO({ suppressMilliseconds: true }) : null;
  }
  return utcInstant(v) === null ? null : v;
}
