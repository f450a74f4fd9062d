/**
 * Handlers for shops and orders: list (keyset pages), count, detail with profit, manual entry and
 * edit (decimal text parsed with the order currency, totals and exclusion from the core sale
 * rule, edits recorded field by field), bulk customs mode, stats. Writes go through the unit of
 * work; every changed order gets a new revision and one `orders.upsert` outbox row.
 */
import { DateTime } from 'luxon';
import { DomainError, isDomainError } from '../core/domain-error.ts';
import { multiplyByQuantity, parseDecimal, type Currency, type Minor } from '../core/money/index.ts';
import type { ImportedLine, Platform } from '../core/orders/order.ts';
import { orderTotals, saleExclusion } from '../core/orders/sale-rule.ts';
import { utcInstant, type OrderContent } from '../db/order-content.ts';
import { countOrders, listOrders } from '../db/order-list-query.ts';
import { getOrderDetail, orderStats, OrderWriter, setCustomsMode, type OrderRow } from '../db/order-store.ts';
import { getShop, insertShop, listShops, updateShop, type ShopRecord } from '../db/shop-store.ts';
import type { ParsedInput } from './contract.ts';
import { readSyncStatus, type Handlers } from './handlers.ts';
import type { Workspace } from './workspace.ts';

type OrdersHandlers = Pick<Handlers, 'shops.list' | 'shops.save' | 'orders.list' | 'orders.count' | 'orders.get' | 'orders.save' | 'orders.setCustomsMode' | 'orders.stats'>;

/** Canonical IANA name, or `shops.badTimeZone` (fixed offsets like '+08:00' are not zones). */
export function canonicalTimeZone(timeZone: string): string {
  const zone = timeZone.trim();
  try {
    if (/^[A-Za-z]/.test(zone)) return new Intl.DateTimeFormat(undefined, { timeZone: zone }).resolvedOptions().timeZone;
  } catch { /* reported below */ }
  throw new DomainError('shops.badTimeZone', { timeZone });
}

export function createOrdersHandlers(ws: Workspace): OrdersHandlers {
  return {
    'shops.list': () => listShops(ws.db),
    'shops.save': (input) => {
      const name = input.name.trim();
      if (name === '') throw new DomainError('shops.nameRequired');
      const shop = { platform: input.platform, name, site: input.site?.trim() || null, currency: input.currency, timeZone: canonicalTimeZone(input.timeZone) };
      return ws.uow.run('shops.save', (tx) => (input.id === undefined ? insertShop(tx.db, shop) : updateShop(tx.db, { id: input.id, ...shop })));
    },
    'orders.list': (input) => listOrders(ws.db, input),
    'orders.count': (input) => ({ total: countOrders(ws.db, input.filter) }),
    'orders.get': ({ id }) => getOrderDetail(ws.db, id),
    'orders.stats': () => orderStats(ws.db),
    'orders.setCustomsMode': ({ ids, mode }) => {
      const changed = ws.uow.run('orders.setCustomsMode', (tx) => setCustomsMode(tx, ids, mode));
      if (changed > 0) ws.events.emit('sync.status', readSyncStatus(ws));
      return { changed };
    },
    'orders.save': (input) => {
      const shop = getShop(ws.db, input.shopId);
      if (!shop) throw new DomainError('shops.notFound', { id: input.shopId });
      const id = ws.uow.run('orders.save', (tx) => {
        const w = new OrderWriter(tx, 'edit');
        const before = input.id === undefined ? undefined : w.byId(input.id);
        if (input.id !== undefined && !before) throw new DomainError('orders.notFound', { id: input.id });
        if (before && before.platform !== shop.platform) {
          throw new DomainError('orders.platformMismatch', { platform: before.platform, shopPlatform: shop.platform });
        }
        const content = manualContent(input, shop, before);
        // platform + order number is the order's identity (and its outbox keys): a new number is a new order.
        if (before && content.orderNo !== before.order_no) throw new DomainError('orders.orderNoLocked', { orderNo: before.order_no });
        const clash = w.find(content.platform, content.orderNo);
        if (clash && clash.id !== before?.id) throw new DomainError('orders.duplicate', { platform: content.platform, orderNo: content.orderNo });
        if (!before) {
          return w.insert(content, { shopId: shop.id, origin: 'manual', contentHash: 'manual', importId: null, customsMode: input.customsMode });
        }
        const changes = w.replace(before, content, {
          shopId: shop.id, origin: before.origin as 'import' | 'settlement' | 'manual', contentHash: before.content_hash,
          importId: null, customsMode: input.customsMode,
        }, true);
        if (changes.length > 0) w.bump(before.id, content.platform, content.orderNo);
        return before.id;
      });
      ws.events.emit('sync.status', readSyncStatus(ws));
      return getOrderDetail(ws.db, id);
    },
  };
}

/**
 * A manual entry (or an edit through the same form) as order content. Every field error is
 * collected and thrown at once as `validation.failed` with per-field codes. Edits keep what the
 * form does not show: the platform's status text while the status is unchanged, the sales channel,
 * taxes listed on top and gift wrap (carried on the first line, where Amazon lists it).
 */
export function manualContent(input: ParsedInput<'orders.save'>, shop: ShopRecord, before?: OrderRow): OrderContent {
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
    const giftWrap = (i === 0 ? before?.gift_wrap ?? 0 : 0) as Minor;
    return {
      lineKey: `${sku}#${n}`, sku, itemName: l.itemName.trim(), quantity: l.quantity, unitPrice, lineTotal,
      discount: 0 as Minor, taxOnTop: 0 as Minor, shipping: 0 as Minor, giftWrap, cancelled: false, sourceRow: 0,
    };
  });
  if (Object.keys(fields).length > 0 || orderedAt === null || orderedAtUtc === null) throw new DomainError('validation.failed', {}, fields);
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
  return {
    platform, orderNo, status: input.status, platformStatus, salesChannel, orderedAt, orderedAtUtc, buyerCountry: country, currency,
    fulfilment: input.fulfilment, ...totals, exclusion: saleExclusion({ platform, platformStatus, salesChannel }, input.status),
    lines: lines.map(({ sourceRow: _row, ...l }) => l),
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
