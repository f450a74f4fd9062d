/**
 * Stock reports, read-only: on-hand and valuation per SKU × warehouse as of a date, ageing buckets
 * and reorder hints. As of the last move date or later they read `stock_balances` (kept by
 * triggers); for an earlier date they sum the moves through the (date, sku, warehouse, quantity,
 * value) covering index. Ageing uses the persisted layers (as of today); reorder hints compare
 * the last 30 days of sales with what is on hand.
 */
import { AGEING_BUCKETS, ageing, type AgeingBucket, type CostLayer } from '../core/stock/cost-layers.ts';
import type { Db } from './open-ledger.ts';

export interface Position { readonly sku: string; readonly warehouse: string; readonly quantity: number; readonly value: number }

export interface PositionFilter { readonly skuId?: number | undefined; readonly warehouseId?: number | undefined }

export function positions(db: Db, asOf: string, f: PositionFilter = {}): Position[] {
  const last = db.prepare('SELECT max(date) FROM stock_moves').pluck().get() as string | null;
  const conds: string[] = [];
  const args: Array<string | number> = [];
  if (f.skuId !== undefined) { conds.push('b.sku_id = ?'); args.push(f.skuId); }
  if (f.warehouseId !== undefined) { conds.push('b.warehouse_id = ?'); args.push(f.warehouseId); }
  const extra = conds.map((c) => ` AND ${c}`).join('');
  const source = last === null || asOf >= last
    ? 'stock_balances b'
    : `(SELECT sku_id, warehouse_id, sum(quantity) AS quantity, sum(value) AS value FROM stock_moves INDEXED BY stock_moves_by_date
        WHERE date <= ? GROUP BY sku_id, warehouse_id) b`;
  if (source !== 'stock_balances b') args.unshift(asOf);
  return db.prepare(`SELECT s.item_no AS sku, w.code AS warehouse, b.quantity, b.value FROM ${source}
    JOIN skus s ON s.id = b.sku_id JOIN warehouses w ON w.id = b.warehouse_id
    WHERE (b.quantity <> 0 OR b.value <> 0)${extra} ORDER BY s.item_no, w.code`).all(...args) as Position[];
}

export interface AgeingView { readonly sku: string; readonly warehouse: string; readonly buckets: Record<AgeingBucket, { quantity: number; value: number }> }

export function ageingRows(db: Db, asOf: string): AgeingView[] {
  const rows = db.prepare(`SELECT s.item_no AS sku, w.code AS warehouse, l.source_move_id AS sourceMoveId, l.received_at AS receivedAt,
      l.quantity, l.value FROM stock_layers l JOIN skus s ON s.id = l.sku_id JOIN warehouses w ON w.id = l.warehouse_id
    ORDER BY s.item_no, w.code, l.seq`).all() as Array<CostLayer & { sku: string; warehouse: string }>;
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

export interface ReorderView { readonly sku: string; readonly warehouse: string; readonly onHand: number; readonly sold30d: number; readonly daysOfCover: number | null }

export function reorderHints(db: Db, asOf: string): ReorderView[] {
  const from = new Date(Date.parse(`${asOf}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const sold = db.prepare(`SELECT sku_id, warehouse_id, -sum(quantity) AS sold FROM stock_moves
    WHERE type = 'sale' AND date BETWEEN ? AND ? GROUP BY sku_id, warehouse_id`).all(from, asOf) as Array<{ sku_id: number; warehouse_id: number; sold: number }>;
  const soldBy = new Map(sold.map((s) => [`${s.sku_id}:${s.warehouse_id}`, s.sold]));
  const onHand = db.prepare(`SELECT b.sku_id, b.warehouse_id, s.item_no AS sku, w.code AS warehouse, b.quantity FROM stock_balances b
    JOIN skus s ON s.id = b.sku_id JOIN warehouses w ON w.id = b.warehouse_id WHERE w.kind <> 'transit' AND (b.quantity <> 0 OR EXISTS
      (SELECT 1 FROM stock_moves m WHERE m.sku_id = b.sku_id AND m.warehouse_id = b.warehouse_id AND m.type = 'sale' AND m.date BETWEEN ? AND ?))
    ORDER BY s.item_no, w.code`).all(from, asOf) as Array<{ sku_id: number; warehouse_id: number; sku: string; warehouse: string; quantity: number }>;
  return onHand.map((r) => {
    const sold30d = soldBy.get(`${r.sku_id}:${r.warehouse_id}`) ?? 0;
    // Whole days of cover at the last 30 days' pace (floor: a hint should not promise more).
    const daysOfCover = sold30d > 0 ? Math.floor((r.quantity * 30) / sold30d) : null;
    return { sku: r.sku, warehouse: r.warehouse, onHand: r.quantity, sold30d, daysOfCover };
  }).sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity));
}
