/**
 * Orders: the write primitives every path shares (`OrderWriter`: insert, replace content with a
 * field-by-field change history, fees and refunds per source, revision + one outbox row per
 * changed order), order detail, stats as SQL aggregates on integer minor units, bulk customs mode.
 * Writers run inside a unit-of-work transaction; readers take the database.
 */
import { DomainError } from '../../core/domain-error.ts';
import { minor, type Minor } from '../../core/money/index.ts';
import type {
  CustomsMode,
  FeeType,
  Fulfilment,
  OrderStatus,
  Platform,
  SaleExclusion,
} from '../../core/orders/order.ts';
import { SALE_EXCLUSIONS } from '../../core/orders/order.ts';
import { profitBreakdown } from '../../core/orders/profit.ts';
import type { OrderDetail, OrderListItem, OrdersStats } from '../../core/orders/order-views.ts';
import {
  diffLines,
  lineContentValues,
  ORDER_FIELDS,
  text,
  type FeeContent,
  type FieldChange,
  type LineContent,
  type OrderContent,
} from './order-content.ts';
import type { Db } from '../../db/open-ledger.ts';
import { BulkMaintenance } from './bulk-maintenance.ts';
import { orderProductCost } from '../stock/index.ts';
import { assertMonthOpen } from '../company/index.ts';
import type { Tx } from '../../db/unit-of-work.ts';

export type OrderOrigin = 'import' | 'settlement' | 'manual';
export type ChangeCause = 'import' | 'edit';

/** An `orders` row as SQLite returns it. */
export interface OrderRow {
  id: number;
  shop_id: number;
  platform: string;
  order_no: string;
  status: string;
  platform_status: string;
  sales_channel: string | null;
  ordered_at: string;
  ordered_at_utc: string;
  buyer_country: string | null;
  currency: string;
  customs_mode: string | null;
  fulfilment: string | null;
  goods: Minor | null;
  discount: Minor | null;
  shipping: Minor | null;
  gift_wrap: Minor | null;
  tax_on_top: Minor | null;
  gross: Minor | null;
  refunded: Minor;
  units: number;
  exclusion: string | null;
  origin: string;
  revision: number;
  content_hash: string;
  last_import_id: number | null;
  stated_total: Minor | null;
  channel_order_no: string | null;
  gross_sort: number;
}

interface LineRow {
  id: number;
  line_key: string;
  sku: string;
  item_name: string;
  quantity: number;
  unit_price: Minor | null;
  line_total: Minor | null;
  discount: Minor | null;
  tax_on_top: Minor | null;
  shipping: Minor | null;
  gift_wrap: Minor | null;
  cancelled: number;
  included_tax: Minor | null;
  included_shipping_tax: Minor | null;
  shipping_discount: Minor | null;
  platform_discount: Minor | null;
}

/** Read models are defined once, in the core; these names stay for the store's callers. */
export type OrderListItemRecord = OrderListItem;
export type OrderDetailRecord = OrderDetail;
export type OrdersStatsRecord = OrdersStats;

export function toListItem(r: OrderRow, shopName: string): OrderListItemRecord {
  return {
    id: r.id,
    platform: r.platform as Platform,
    shopId: r.shop_id,
    shopName,
    orderNo: r.order_no,
    status: r.status as OrderStatus,
    orderedAt: r.ordered_at,
    buyerCountry: r.buyer_country,
    currency: r.currency,
    customsMode: r.customs_mode as CustomsMode | null,
    fulfilment: r.fulfilment as Fulfilment | null,
    units: r.units,
    gross: r.gross,
    refunded: r.refunded,
    exclusion: r.exclusion as SaleExclusion | null,
  };
}

const toLine = (r: LineRow): LineContent & { id: number } => ({
  id: r.id,
  lineKey: r.line_key,
  sku: r.sku,
  itemName: r.item_name,
  quantity: r.quantity,
  unitPrice: r.unit_price,
  lineTotal: r.line_total,
  discount: r.discount,
  taxOnTop: r.tax_on_top,
  shipping: r.shipping,
  giftWrap: r.gift_wrap,
  cancelled: r.cancelled === 1,
  ...(r.included_tax !== null ? { includedTax: r.included_tax } : {}),
  ...(r.included_shipping_tax !== null ? { includedShippingTax: r.included_shipping_tax } : {}),
  ...(r.shipping_discount !== null ? { shippingDiscount: r.shipping_discount } : {}),
  ...(r.platform_discount !== null ? { platformDiscount: r.platform_discount } : {}),
});

/** Rows per multi-row INSERT of `insertMany` (27 values an order: 1,350 parameters a statement). */
const MULTI_ROWS = 50;
const ORDER_INSERT_COLUMNS = [
  'id',
  'shop_id',
  'platform',
  'order_no',
  'status',
  'platform_status',
  'sales_channel',
  'ordered_at',
  'ordered_at_utc',
  'buyer_country',
  'currency',
  'customs_mode',
  'fulfilment',
  'goods',
  'discount',
  'shipping',
  'gift_wrap',
  'tax_on_top',
  'gross',
  'refunded',
  'units',
  'exclusion',
  'origin',
  'revision',
  'content_hash',
  'last_import_id',
  'stated_total',
  'channel_order_no',
] as const;
const LINE_INSERT_COLUMNS = [
  'order_id',
  'text_id',
  'line_key',
  'sku',
  'item_name',
  'quantity',
  'unit_price',
  'line_total',
  'discount',
  'tax_on_top',
  'shipping',
  'gift_wrap',
  'cancelled',
  'included_tax',
  'included_shipping_tax',
  'shipping_discount',
  'platform_discount',
] as const;
/** The columns `orderValues` gives, in its order (the id is assigned, the revision starts at 1). */
const ORDER_VALUE_COLUMNS = ORDER_INSERT_COLUMNS.filter((c) => c !== 'id' && c !== 'revision');
/** What `replace` overwrites: not the identity (platform + order number), nor the refunds' sum. */
const ORDER_UPDATE_COLUMNS = ORDER_VALUE_COLUMNS.filter(
  (c) => c !== 'platform' && c !== 'order_no' && c !== 'refunded',
);
const ORDER_UPDATE_AT = ORDER_UPDATE_COLUMNS.map((c) => ORDER_VALUE_COLUMNS.indexOf(c));

/** New orders per `insertMany` call from which the derived tables are kept set-based rather than by the per-row triggers. */
const BULK_FROM = 8;

export interface WriteOptions {
  readonly shopId: number;
  readonly origin: OrderOrigin;
  /** Hash of the file content this write comes from; manual writes keep the stored one. */
  readonly contentHash: string;
  readonly importId: number | null;
  readonly customsMode: CustomsMode | null;
}

/**
 * Writes orders inside one unit-of-work transaction. Statements are prepared once per writer and
 * SKU/item-name ids are cached, so a 100k-order import costs a few statements per order.
 */
export class OrderWriter {
  readonly #tx: Tx;
  readonly #cause: ChangeCause;
  readonly #textIds = new Map<string, number>();
  readonly #multiStmts = new Map<string, ReturnType<Db['prepare']>>();
  #bulk: BulkMaintenance | undefined;
  readonly #s;

  constructor(tx: Tx, cause: ChangeCause) {
    this.#tx = tx;
    this.#cause = cause;
    const db = tx.db;
    this.#s = {
      find: db.prepare('SELECT * FROM orders WHERE shop_id = ? AND order_no = ?'),
      firstOfNo: db.prepare('SELECT min(id) FROM orders WHERE platform = ? AND order_no = ?').pluck(),
      // the outbox rows of new orders (revision 1) as #enqueue writes them, for ids first…last
      enqueueNew: db.prepare(`INSERT INTO outbox (command_id, kind, idempotency_key, payload, created_at)
        SELECT @commandId, 'orders.upsert', 'orders:' || o.platform || ':' || o.order_no
            || CASE WHEN (SELECT min(x.id) FROM orders x WHERE x.platform = o.platform AND x.order_no = o.order_no) = o.id
              THEN '' ELSE '@' || o.id END || ':v1',
          json_object('orderId', o.id, 'platform', o.platform, 'orderNo', o.order_no, 'revision', 1), @now
        FROM orders o WHERE o.id BETWEEN @first AND @last ORDER BY o.id`),
      byId: db.prepare('SELECT * FROM orders WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO orders (${ORDER_VALUE_COLUMNS.join(', ')}, revision) VALUES (${ORDER_VALUE_COLUMNS.map(() => '?').join(', ')}, 1)`,
      ),
      update: db.prepare(
        `UPDATE orders SET ${ORDER_UPDATE_COLUMNS.map((c) => (c === 'last_import_id' ? `${c} = coalesce(?, ${c})` : `${c} = ?`)).join(', ')} WHERE id = ?`,
      ),
      lines: db.prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY id'),
      deleteLines: db.prepare('DELETE FROM order_lines WHERE order_id = ?'),
      insertLine: db.prepare(
        `INSERT INTO order_lines (${LINE_INSERT_COLUMNS.join(', ')}) VALUES (${LINE_INSERT_COLUMNS.map(() => '?').join(', ')})`,
      ),
      nextId: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM orders').pluck(),
      textId: db.prepare('SELECT id FROM line_texts WHERE sku = ? AND item_name = ?').pluck(),
      insertText: db.prepare('INSERT INTO line_texts (sku, item_name) VALUES (?, ?)'),
      fees: db.prepare(
        'SELECT type, description, amount, currency FROM order_fees WHERE order_id = ? AND source_key = ?',
      ),
      deleteFees: db.prepare('DELETE FROM order_fees WHERE order_id = ? AND source_key = ?'),
      insertFee: db.prepare(
        'INSERT INTO order_fees (order_id, type, description, amount, currency, source_key, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      refund: db.prepare('SELECT amount, currency FROM order_refunds WHERE order_id = ? AND source_key = ?'),
      deleteRefund: db.prepare('DELETE FROM order_refunds WHERE order_id = ? AND source_key = ?'),
      insertRefund: db.prepare(
        'INSERT INTO order_refunds (order_id, source_key, amount, currency, import_id) VALUES (?, ?, ?, ?, ?)',
      ),
      refundSum: db.prepare('SELECT coalesce(sum(amount), 0) FROM order_refunds WHERE order_id = ?').pluck(),
      setRefunded: db.prepare('UPDATE orders SET refunded = ? WHERE id = ?'),
      bump: db.prepare('UPDATE orders SET revision = revision + 1 WHERE id = ? RETURNING revision').pluck(),
      change: db.prepare(
        'INSERT INTO order_changes (order_id, command_id, at, field, old_value, new_value, cause) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  /** An order is its shop's: found by shop + order number (two stores may both have a #1058). */
  find(shopId: number, orderNo: string): OrderRow | undefined {
    return this.#s.find.get(shopId, orderNo) as OrderRow | undefined;
  }

  byId(id: number): OrderRow | undefined {
    return this.#s.byId.get(id) as OrderRow | undefined;
  }

  lines(orderId: number): LineContent[] {
    return (this.#s.lines.all(orderId) as LineRow[]).map(toLine);
  }

  /** A new order at revision 1 with its lines, and its outbox row. */
  insert(c: OrderContent, o: WriteOptions, refunded: Minor = 0 as Minor): number {
    const info = this.#s.insert.run(...orderValues(c, o, refunded));
    const id = Number(info.lastInsertRowid);
    this.#insertLines(id, c.lines);
    this.#enqueue(id, c.platform, c.orderNo, 1);
    return id;
  }

  /**
   * Many new orders at once (an import's batch), exactly as `insert` one by one, with ids given
   * in order from the next free one: the orders, then their lines, go in as multi-row INSERTs of
   * up to MULTI_ROWS rows. Each statement is journaled once (every table here has triggers, the
   * audit trail's included, so each statement keeps a statement journal of the pages it changes):
   * rows that share an index page share its copy. From BULK_FROM orders on, the per-row insert
   * triggers wait meanwhile and the derived tables (month totals, payout late matches, register
   * rows) are kept for the whole batch at once by BulkMaintenance. Then each order's outbox row.
   * Returns the ids.
   */
  insertMany(
    entries: ReadonlyArray<{ readonly c: OrderContent; readonly o: WriteOptions; readonly refunded: Minor }>,
  ): number[] {
    const first = Number(this.#s.nextId.get());
    const ids = entries.map((_, i) => first + i);
    const orderRows = entries.map(({ c, o, refunded }, i) => [ids[i], ...orderValues(c, o, refunded)]);
    const bulk = entries.length >= BULK_FROM ? (this.#bulk ??= new BulkMaintenance(this.#tx.db)) : null;
    bulk?.begin();
    this.#multi('orders', ORDER_INSERT_COLUMNS, orderRows);
    const lineRows: unknown[][] = [];
    entries.forEach(({ c }, i) => {
      for (const l of c.lines) lineRows.push(this.#lineRow(ids[i]!, l));
    });
    this.#multi('order_lines', LINE_INSERT_COLUMNS, lineRows);
    const last = first + entries.length - 1;
    bulk?.end(first, last);
    // each order's outbox row, keyed as #enqueue keys it, in id order: one statement for the batch
    this.#s.enqueueNew.run({ commandId: this.#tx.commandId, now: this.#tx.now, first, last });
    return ids;
  }

  /** Rows into `table` as INSERTs of MULTI_ROWS rows each (statements prepared once per writer), then the rest. */
  #multi(table: string, columns: readonly string[], rows: readonly unknown[][]): void {
    const stmt = (n: number) => {
      const key = `${table}:${n}`;
      let st = this.#multiStmts.get(key);
      if (!st) {
        const values = columns.map((c) => (c === 'revision' ? '1' : '?')).join(', ');
        st = this.#tx.db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => `(${values})`).join(', ')}`,
        );
        this.#multiStmts.set(key, st);
      }
      return st;
    };
    let i = 0;
    for (; i + MULTI_ROWS <= rows.length; i += MULTI_ROWS) stmt(MULTI_ROWS).run(rows.slice(i, i + MULTI_ROWS).flat());
    if (i < rows.length) stmt(rows.length - i).run(rows.slice(i).flat());
  }

  /**
   * Overwrites an order's content and lines (never its platform + order number: its identity).
   * Returns the field changes; they are written to the history when `record` (a placeholder
   * completed by its first order export is not a change). The caller then calls `bump` once.
   */
  replace(before: OrderRow, c: OrderContent, o: WriteOptions, record: boolean): FieldChange[] {
    const changes: FieldChange[] = [];
    if (before.shop_id !== o.shopId)
      changes.push({ field: 'shopId', oldValue: text(before.shop_id), newValue: text(o.shopId) });
    for (const [key, col] of ORDER_FIELDS) {
      const was = before[col as keyof OrderRow] as string | number | null;
      if (was !== c[key])
        changes.push({ field: key, oldValue: text(was), newValue: text(c[key] as string | number | null) });
    }
    if (before.customs_mode !== o.customsMode)
      changes.push({ field: 'customsMode', oldValue: before.customs_mode, newValue: o.customsMode });
    const oldLines = this.lines(before.id);
    const lineChanges = diffLines(oldLines, c.lines);
    changes.push(...lineChanges);
    const values = orderValues(c, o, before.refunded);
    this.#s.update.run(...ORDER_UPDATE_AT.map((k) => values[k]), before.id);
    if (lineChanges.length > 0 || oldLines.length !== c.lines.length) {
      this.#s.deleteLines.run(before.id);
      this.#insertLines(before.id, c.lines);
    }
    if (record) this.recordChanges(before.id, changes);
    return changes;
  }

  /** Replaces the fees one source reported for an order; true when they differ from before. */
  setFees(
    orderId: number,
    sourceKey: string,
    fees: readonly FeeContent[],
    currency: string,
    importId: number | null,
  ): boolean {
    const old = this.#s.fees.all(orderId, sourceKey) as Array<{
      type: FeeType;
      description: string;
      amount: Minor;
      currency: string;
    }>;
    const key = (f: { type: string; description: string }) => `${f.type}\u0000${f.description}`;
    const was = new Map(old.map((f) => [key(f), f]));
    const same =
      old.length === fees.length &&
      fees.every((f) => {
        const w = was.get(key(f));
        return w !== undefined && w.amount === f.amount && w.currency === currency;
      });
    if (same) return false;
    this.#s.deleteFees.run(orderId, sourceKey);
    for (const f of fees)
      this.#s.insertFee.run(orderId, f.type, f.description, f.amount, currency, sourceKey, importId);
    return true;
  }

  /** Sets the refund one source reported (0 removes it); true when it changed. */
  setRefund(orderId: number, sourceKey: string, amount: Minor, currency: string, importId: number | null): boolean {
    const old = this.#s.refund.get(orderId, sourceKey) as { amount: Minor; currency: string } | undefined;
    if ((old?.amount ?? 0) === amount && (amount === 0 || old?.currency === currency)) return false;
    this.#s.deleteRefund.run(orderId, sourceKey);
    if (amount !== 0) this.#s.insertRefund.run(orderId, sourceKey, amount, currency, importId);
    return true;
  }

  /** orders.refunded = the sum of the refunds of every source; returns the change, if any. */
  refreshRefunded(orderId: number, before: Minor): FieldChange | null {
    const now = minor(Number(this.#s.refundSum.get(orderId)));
    if (now === before) return null;
    this.#s.setRefunded.run(now, orderId);
    return { field: 'refunded', oldValue: String(before), newValue: String(now) };
  }

  recordChanges(orderId: number, changes: readonly FieldChange[]): void {
    const { commandId, now } = this.#tx;
    for (const ch of changes)
      this.#s.change.run(orderId, commandId, now, ch.field, ch.oldValue, ch.newValue, this.#cause);
  }

  /** Next revision, and the one outbox row that tells sync this order changed. */
  bump(orderId: number, platform: string, orderNo: string): number {
    const revision = Number(this.#s.bump.get(orderId));
    this.#enqueue(orderId, platform, orderNo, revision);
    return revision;
  }

  #enqueue(orderId: number, platform: string, orderNo: string, revision: number): void {
    // the first order of a platform + number keeps the plain key; another shop's order of that number adds its id
    const first = Number(this.#s.firstOfNo.get(platform, orderNo));
    this.#tx.enqueue({
      kind: 'orders.upsert',
      idempotencyKey:
        first === orderId
          ? `orders:${platform}:${orderNo}:v${revision}`
          : `orders:${platform}:${orderNo}@${orderId}:v${revision}`,
      payload: { orderId, platform, orderNo, revision },
    });
  }

  #insertLines(orderId: number, lines: readonly LineContent[]): void {
    for (const l of lines) this.#s.insertLine.run(this.#lineRow(orderId, l));
  }

  /** An order_lines row's values in LINE_INSERT_COLUMNS order. */
  #lineRow(orderId: number, l: LineContent): unknown[] {
    return [
      orderId,
      this.#textId(l.sku, l.itemName),
      ...lineContentValues(l),
      l.cancelled ? 1 : 0,
      l.includedTax ?? null,
      l.includedShippingTax ?? null,
      l.shippingDiscount ?? null,
      l.platformDiscount ?? null,
    ];
  }

  #textId(sku: string, itemName: string): number {
    const key = `${sku}\u0000${itemName}`;
    let id = this.#textIds.get(key);
    if (id === undefined) {
      id =
        (this.#s.textId.get(sku, itemName) as number | undefined) ??
        Number(this.#s.insertText.run(sku, itemName).lastInsertRowid);
      this.#textIds.set(key, id);
    }
    return id;
  }
}

// ---- reads --------------------------------------------------------------------------------

export function getOrderDetail(db: Db, id: number): OrderDetailRecord {
  const r = db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
  if (!r) throw new DomainError('orders.notFound', { id });
  const shopName = String(db.prepare('SELECT name FROM shops WHERE id = ?').pluck().get(r.shop_id));
  const lines = (db.prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY id').all(id) as LineRow[]).map(
    toLine,
  );
  const fees = db
    .prepare('SELECT id, type, description, amount, currency FROM order_fees WHERE order_id = ? ORDER BY id')
    .all(id) as Array<{ id: number; type: FeeType; description: string; amount: Minor; currency: string }>;
  const changes = db
    .prepare(
      'SELECT at, field, old_value AS oldValue, new_value AS newValue, cause FROM order_changes WHERE order_id = ? ORDER BY id',
    )
    .all(id) as Array<{
    at: string;
    field: string;
    oldValue: string | null;
    newValue: string | null;
    cause: ChangeCause;
  }>;
  return {
    ...toListItem(r, shopName),
    platformStatus: r.platform_status,
    salesChannel: r.sales_channel,
    goods: r.goods,
    discount: r.discount,
    shipping: r.shipping,
    giftWrap: r.gift_wrap,
    taxOnTop: r.tax_on_top,
    origin: r.origin as OrderOrigin,
    revision: r.revision,
    statedTotal: r.stated_total,
    channelOrderNo: r.channel_order_no,
    lines,
    fees,
    changes,
    profit: profitBreakdown({
      currency: r.currency ?? '',
      gross: r.gross,
      refunded: r.refunded,
      fees,
      productCostCny: orderProductCost(db, id),
    }),
  };
}

/** Counts and sums in SQL on integers; sales = orders whose exclusion is null, per currency. */
export function orderStats(db: Db): OrdersStatsRecord {
  const orders = Number(db.prepare('SELECT count(*) FROM orders').pluck().get());
  const lines = Number(db.prepare('SELECT count(*) FROM order_lines').pluck().get());
  const byStatus: Record<string, number> = {};
  for (const r of db
    .prepare('SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY status')
    .all() as Array<{ status: string; n: number }>) {
    byStatus[r.status] = r.n;
  }
  const sales: Record<string, { orders: number; units: number; gross: Minor; refunded: Minor }> = {};
  const rows = db
    .prepare(
      `SELECT currency, count(*) AS orders, sum(units) AS units, sum(gross) AS gross, sum(refunded) AS refunded
    FROM orders WHERE exclusion IS NULL GROUP BY currency ORDER BY currency`,
    )
    .all() as Array<{ currency: string; orders: number; units: number; gross: number; refunded: number }>;
  // SQLite's integer sum() fails on int64 overflow; minor() refuses a sum past the safe range.
  for (const r of rows)
    sales[r.currency] = { orders: r.orders, units: r.units, gross: minor(r.gross), refunded: minor(r.refunded) };
  const excluded = Object.fromEntries(SALE_EXCLUSIONS.map((e) => [e, 0])) as Record<SaleExclusion, number>;
  for (const r of db
    .prepare('SELECT exclusion, count(*) AS n FROM orders WHERE exclusion IS NOT NULL GROUP BY exclusion')
    .all() as Array<{ exclusion: SaleExclusion; n: number }>) {
    excluded[r.exclusion] = r.n;
  }
  const unknownStatuses: Record<string, number> = {};
  for (const r of db
    .prepare(
      `SELECT platform_status AS word, count(*) AS n FROM orders WHERE status = 'unknown'
    GROUP BY platform_status ORDER BY platform_status`,
    )
    .all() as Array<{ word: string; n: number }>)
    unknownStatuses[r.word] = r.n;
  return { orders, lines, byStatus, sales, excluded, unknownStatuses };
}

/**
 * Sets the customs mode of many orders in the caller's transaction. Orders already in that mode
 * are left alone; each changed one gets a history row, a new revision and an outbox row.
 */
export function setCustomsMode(tx: Tx, ids: readonly number[], mode: CustomsMode): number {
  const unique = [...new Set(ids)];
  const rows = tx.db
    .prepare(
      'SELECT id, platform, order_no, customs_mode, ordered_at FROM orders WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(unique)) as Array<{
    id: number;
    platform: string;
    order_no: string;
    customs_mode: string | null;
    ordered_at: string;
  }>;
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new DomainError('orders.notFound', { id: unique.find((i) => !found.has(i)) ?? 0 });
  }
  const writer = new OrderWriter(tx, 'edit');
  const set = tx.db.prepare('UPDATE orders SET customs_mode = ? WHERE id = ?');
  let changed = 0;
  for (const r of rows) {
    if (r.customs_mode === mode) continue;
    // the mode decides the register an order is printed in: refused in a closed month (issue 17 point 1g)
    assertMonthOpen(tx.db, r.ordered_at);
    set.run(mode, r.id);
    writer.recordChanges(r.id, [{ field: 'customsMode', oldValue: r.customs_mode, newValue: mode }]);
    writer.bump(r.id, r.platform, r.order_no);
    changed++;
  }
  return changed;
}

/** An order row's values after its id, in the order of the orders INSERT (`insert`, `insertMany`). */
function orderValues(c: OrderContent, o: WriteOptions, refunded: Minor): unknown[] {
  return [
    o.shopId,
    c.platform,
    c.orderNo,
    c.status,
    c.platformStatus,
    c.salesChannel,
    c.orderedAt,
    c.orderedAtUtc,
    c.buyerCountry,
    c.currency,
    o.customsMode,
    c.fulfilment,
    c.goods,
    c.discount,
    c.shipping,
    c.giftWrap,
    c.taxOnTop,
    c.gross,
    refunded,
    c.units,
    c.exclusion,
    o.origin,
    o.contentHash,
    o.importId,
    c.statedTotal,
    c.channelOrderNo,
  ];
}
