/**
 * Stock reports, read-only: on-hand and valuation per SKU × warehouse as of a date, ageing buckets
 * and reorder hints. As of the last move date or later positions come from `stock_balances` (kept
 * by triggers); for an earlier date they are summed from the moves, by one of two reads (see
 * `positionReadPath`): per position from the (sku, warehouse, date, quantity, value) covering index
 * `stock_moves_by_position` (0004), which reads every move of each SKU it visits whatever the date;
 * or, when few moves fall on or before the date, straight from those moves through the (date, sku,
 * warehouse, quantity, value) covering index `stock_moves_by_date` (0003), grouped and then ordered.
 * A page (`limit`, keyset `cursor` after the last (sku, warehouse) shown) reads only the SKUs it
 * needs, in item-no order, so its cost does not grow with the ledger; the full list (no limit)
 * is one ordered pass. Ageing uses the persisted layers (as of today); reorder hints compare the
 * last 30 days of sales with what is on hand.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Minor } from '../../core/money/index.ts';
import { AGEING_BUCKETS, ageing, type AgeingBucket, type CostLayer } from '../../core/stock/cost-layers.ts';
import type { Db } from '../../db/open-ledger.ts';
import { addDays } from '../../core/time/days.ts';
import type { ReorderHint, StockPosition } from '../../core/stock/stock-views.ts';
import type { Page, PageInput } from '../paging.ts';
import { positionConditions, type PositionFilter } from './stock-ledger-store.ts';

/** A non-zero position: units and value (CNY fen) of a SKU in a warehouse. */
export type Position = StockPosition;

/** Without `limit`, every position at once. */
export interface PositionPageRequest extends PositionFilter, PageInput {}

export type PositionPage = Page<Position>;

function usesBalances(db: Db, asOf: string): boolean {
  const last = db.prepare('SELECT max(date) FROM stock_moves').pluck().get() as string | null;
  return last === null || asOf >= last;
}

/**
 * How positions as of a past date are read. `byPosition`: walk SKUs in item-no order and sum each
 * one's moves from `stock_moves_by_position`; it reads all of a visited SKU's moves (the date is not
 * a prefix of that index), so a full list costs the whole ledger even for an early date, while a
 * page stops after the SKUs it shows. `byDate`: read only the moves on or before the date from
 * `stock_moves_by_date`, group them per position, then attach names and order; its cost follows
 * those moves (plus a sort), not the ledger. Both give the same rows in the same order.
 */
export type PositionReadPath = 'byPosition' | 'byDate';

/**
 * `byDate` when fewer moves fall on or before `asOf` than there are positions (for a page: than the
 * page holds, since then the walk cannot stop early and reads every move); `byPosition` otherwise,
 * and always for one SKU (one short range read). The count is bounded, so deciding costs at most
 * that many entries of the date index. `null` when the balances answer (as of the last move date
 * or later).
 */
export function positionReadPath(db: Db, asOf: string, f: PositionPageRequest = {}): PositionReadPath | null {
  if (usesBalances(db, asOf)) return null;
  if (f.skuId !== undefined) return 'byPosition';
  const positionCount = db.prepare('SELECT count(*) FROM stock_balances').pluck().get() as number;
  const bound = f.limit === undefined ? positionCount : Math.min(positionCount, f.limit);
  const moves = db
    .prepare('SELECT count(*) FROM (SELECT 1 FROM stock_moves INDEXED BY stock_moves_by_date WHERE date <= ? LIMIT ?)')
    .pluck()
    .get(asOf, bound) as number;
  return moves < bound ? 'byDate' : 'byPosition';
}

/** Every non-zero position as of `asOf`, ordered by SKU item no, then warehouse code. */
export function positions(db: Db, asOf: string, f: PositionFilter = {}): readonly Position[] {
  return positionPage(db, asOf, f).items;
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const c = JSON.parse(cursor) as unknown;
    if (Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string') return [c[0], c[1]];
  } catch {
    /* below */
  }
  throw new DomainError('stock.onHand.badCursor');
}

/**
 * One page of non-zero positions as of `asOf` (all of them without `limit`), ordered by SKU item
 * no, then warehouse code, keyset-paged after the cursor's (sku, warehouse). SKUs stream in
 * item-no order through their unique index and each SKU's positions come from one range read, so
 * a page stops after the SKUs it shows; only one SKU's few warehouses are ordered by code (here).
 * Before the last move date the read is chosen by `positionReadPath`; `forcePath` (tests, bench)
 * overrides that choice.
 */
export function positionPage(
  db: Db,
  asOf: string,
  f: PositionPageRequest = {},
  forcePath?: PositionReadPath,
): PositionPage {
  const after = f.cursor ? decodeCursor(f.cursor) : null;
  const limit = f.limit;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1))
    throw new DomainError('stock.onHand.badLimit', { limit });
  const conds: string[] = [];
  const args: Array<string | number> = [];
  const read = forcePath ?? positionReadPath(db, asOf, f);
  let sql: string;
  if (read === null) {
    sql = `SELECT s.item_no AS sku, w.code AS warehouse, b.quantity, b.value FROM skus s ${f.skuId === undefined ? 'INDEXED BY sqlite_autoindex_skus_1' : ''}
      CROSS JOIN stock_balances b ON b.sku_id = s.id CROSS JOIN warehouses w ON w.id = b.warehouse_id WHERE (b.quantity <> 0 OR b.value <> 0)`;
    conds.push(...positionConditions(f, { sku: 's.id', warehouse: 'b.warehouse_id' }, args));
  } else if (read === 'byPosition') {
    sql = `SELECT s.item_no AS sku, w.code AS warehouse, sum(m.quantity) AS quantity, sum(m.value) AS value
      FROM skus s ${f.skuId === undefined ? 'INDEXED BY sqlite_autoindex_skus_1' : ''}
      CROSS JOIN stock_moves m INDEXED BY stock_moves_by_position ON m.sku_id = s.id AND m.date <= ?
      CROSS JOIN warehouses w ON w.id = m.warehouse_id WHERE 1`;
    args.push(asOf);
    conds.push(...positionConditions(f, { sku: 's.id', warehouse: 'm.warehouse_id' }, args));
  } else {
    // The moves up to the date, grouped per position (same HAVING as the walk), then named and ordered like it.
    args.push(asOf);
    const inner = ['date <= ?', ...positionConditions(f, { sku: 'sku_id', warehouse: 'warehouse_id' }, args)];
    sql = `SELECT s.item_no AS sku, w.code AS warehouse, t.quantity, t.value
      FROM (SELECT sku_id, warehouse_id, sum(quantity) AS quantity, sum(value) AS value FROM stock_moves INDEXED BY stock_moves_by_date
        WHERE ${inner.join(' AND ')} GROUP BY sku_id, warehouse_id HAVING sum(quantity) <> 0 OR sum(value) <> 0) t
      CROSS JOIN skus s ON s.id = t.sku_id CROSS JOIN warehouses w ON w.id = t.warehouse_id WHERE 1`;
  }
  if (after !== null) {
    conds.push('s.item_no >= ?');
    args.push(after[0]);
  }
  sql += conds.map((c) => ` AND ${c}`).join('');
  sql +=
    read === null
      ? ' ORDER BY s.item_no'
      : read === 'byPosition'
        ? ' GROUP BY s.item_no, m.warehouse_id HAVING sum(m.quantity) <> 0 OR sum(m.value) <> 0 ORDER BY s.item_no, m.warehouse_id'
        : ' ORDER BY s.item_no, t.warehouse_id';
  const stmt = db.prepare(sql);
  const keep = (p: Position) => after === null || p.sku !== after[0] || p.warehouse > after[1];
  const byCode = (a: Position, b: Position) => (a.warehouse < b.warehouse ? -1 : a.warehouse > b.warehouse ? 1 : 0);
  let items: Position[] = [];
  let more = false;
  if (limit === undefined) {
    // Everything: one read (iterating row by row costs more than the rows), then each SKU's run sorted by code.
    items = (stmt.all(...args) as Position[]).filter(keep);
    // Insertion sort in place: a run is one SKU's few warehouses, already sorted by id.
    for (let i = 1; i < items.length; i++) {
      const p = items[i]!;
      let j = i - 1;
      while (j >= 0 && items[j]!.sku === p.sku && byCode(items[j]!, p) > 0) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = p;
    }
  } else {
    let group: Position[] = [];
    const flush = () => {
      for (const p of group.sort(byCode)) if (keep(p)) items.push(p);
      group = [];
    };
    for (const p of stmt.iterate(...args) as IterableIterator<Position>) {
      if (group.length > 0 && group[0]!.sku !== p.sku) {
        flush();
        if (items.length > limit) break;
      }
      group.push(p);
    }
    flush();
    if (items.length > limit) {
      more = true;
      items.length = limit;
    }
  }
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? JSON.stringify([last.sku, last.warehouse]) : null };
}

export interface AgeingView {
  readonly sku: string;
  readonly warehouse: string;
  readonly buckets: Record<AgeingBucket, { quantity: number; value: Minor }>;
}

export function ageingRows(db: Db, asOf: string): AgeingView[] {
  const rows = db
    .prepare(
      `SELECT s.item_no AS sku, w.code AS warehouse, l.source_move_id AS sourceMoveId, l.received_at AS receivedAt,
      l.quantity, l.value FROM stock_layers l JOIN skus s ON s.id = l.sku_id JOIN warehouses w ON w.id = l.warehouse_id
    ORDER BY s.item_no, w.code, l.seq`,
    )
    .all() as Array<CostLayer & { sku: string; warehouse: string }>;
  const groups = new Map<string, { sku: string; warehouse: string; layers: CostLayer[] }>();
  for (const r of rows) {
    const key = `${r.sku}\u0000${r.warehouse}`;
    const g = groups.get(key) ?? { sku: r.sku, warehouse: r.warehouse, layers: [] };
    g.layers.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ sku: g.sku, warehouse: g.warehouse, buckets: ageing(g.layers, asOf) }));
}

export { AGEING_BUCKETS };

export function reorderHints(db: Db, asOf: string): ReorderHint[] {
  const from = addDays(asOf, -29);
  const sold = db
    .prepare(
      `SELECT sku_id || ':' || warehouse_id AS key, -sum(quantity) AS sold FROM stock_moves
    WHERE type = 'sale' AND date BETWEEN ? AND ? GROUP BY sku_id, warehouse_id`,
    )
    .all(from, asOf) as Array<{ key: string; sold: number }>;
  const soldBy = new Map(sold.map((s) => [s.key, s.sold]));
  const onHand = db
    .prepare(
      `SELECT b.sku_id || ':' || b.warehouse_id AS key, s.item_no AS sku, w.code AS warehouse, b.quantity FROM stock_balances b
    JOIN skus s ON s.id = b.sku_id JOIN warehouses w ON w.id = b.warehouse_id WHERE w.kind <> 'transit' AND (b.quantity <> 0 OR EXISTS
      (SELECT 1 FROM stock_moves m WHERE m.sku_id = b.sku_id AND m.warehouse_id = b.warehouse_id AND m.type = 'sale' AND m.date BETWEEN ? AND ?))
    ORDER BY s.item_no, w.code`,
    )
    .all(from, asOf) as Array<{ key: string; sku: string; warehouse: string; quantity: number }>;
  return onHand
    .map((r) => {
      const sold30d = soldBy.get(r.key) ?? 0;
      // Whole days of cover at the last 30 days' pace (floor: a hint should not promise more).
      const daysOfCover = sold30d > 0 ? Math.floor((r.quantity * 30) / sold30d) : null;
      return { sku: r.sku, warehouse: r.warehouse, onHand: r.quantity, sold30d, daysOfCover };
    })
    .sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity));
}
