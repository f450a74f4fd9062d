/**
 * Posting and reversing stock moves (the rules behind `stock.moves.post` / `.reverse` and the
 * stock-moves import). Quantities are given as positive units and stored signed; purchases carry
 * their cost in CNY fen (a foreign cost needs its rate); counts post the difference to the counted
 * quantity; returns are valued at the original sale's unit cost unless a cost is given. Every
 * touched SKU is re-folded before returning, so values are final and negative stock is refused.
 *
 * Deferred folding (an import): given a `deferred` set, postMove does not re-fold; it adds the SKU
 * to the set and refuses negative stock itself with the same check the fold makes (per warehouse,
 * units on hand in (date, id) order never below zero: `assertNotNegative`), so a row is accepted
 * or rejected exactly as if it were posted alone; the caller folds each SKU in the set once.
 */
import { DomainError } from '../../core/domain-error.ts';
import { minor, type Minor } from '../../core/money/index.ts';
import { amountInCny, costInCny } from '../../core/stock/line-cost.ts';
import { getSku, getWarehouse } from './stock-catalog-store.ts';
import { getMove, insertMove, quantityAt, refoldSku, type MoveRow } from './stock-ledger-store.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';

export type PostableType = 'purchase' | 'transfer' | 'sale' | 'return' | 'count' | 'writeoff';

export interface PostMove {
  readonly date: string;
  readonly type: PostableType;
  readonly skuId: number;
  readonly warehouseId: number;
  readonly toWarehouseId?: number | null | undefined;
  /** Units (> 0); for a count, the counted quantity (≥ 0). */
  readonly quantity: number;
  readonly unitCost?: string | null | undefined;
  /** Whole cost instead of a unit cost (the import's `amount` column). */
  readonly amount?: string | null | undefined;
  readonly currency?: string | null | undefined;
  readonly rate?: string | null | undefined;
  readonly reference?: string | null | undefined;
  readonly reason?: string | null | undefined;
  readonly supplierInvoiceNo?: string | null | undefined;
  readonly supplierInvoiceAmount?: string | null | undefined;
  readonly exportDate?: string | null | undefined;
}

const today = (now: string) => now.slice(0, 10);

function givenCost(p: PostMove): Minor | null {
  const currency = p.currency ?? 'CNY';
  if (p.unitCost != null && p.unitCost !== '') return costInCny(p.unitCost, p.quantity, currency, p.rate);
  if (p.amount != null && p.amount !== '') return amountInCny(p.amount, currency, p.rate);
  return null;
}

/**
 * Inserts the move(s), re-folds the SKU (or, with `deferred`, checks quantities and records the
 * SKU for one fold later) and returns the new move ids.
 */
export function postMove(db: WriteDb, commandId: number, p: PostMove, deferred?: Set<number>): number[] {
  getSku(db, p.skuId);
  getWarehouse(db, p.warehouseId);
  const qty = p.quantity;
  if (!Number.isSafeInteger(qty) || qty < 0 || (qty === 0 && p.type !== 'count'))
    throw new DomainError('stock.badQuantity', { quantity: qty });
  const base = {
    date: p.date,
    skuId: p.skuId,
    warehouseId: p.warehouseId,
    reference: p.reference ?? null,
    reason: p.reason ?? null,
  };
  const ids: number[] = [];
  switch (p.type) {
    case 'purchase': {
      const cost = givenCost(p);
      if (cost === null) throw new DomainError('stock.cost.required', { type: p.type });
      const invoice = p.supplierInvoiceAmount ? amountInCny(p.supplierInvoiceAmount, 'CNY', null) : null;
      ids.push(
        insertMove(db, commandId, {
          ...base,
          type: 'purchase',
          quantity: qty,
          inputValue: cost,
          supplierInvoiceNo: p.supplierInvoiceNo ?? null,
          supplierInvoiceAmount: invoice,
        }),
      );
      break;
    }
    case 'transfer': {
      if (p.toWarehouseId == null) throw new DomainError('stock.transfer.toRequired');
      getWarehouse(db, p.toWarehouseId);
      if (p.toWarehouseId === p.warehouseId) throw new DomainError('stock.transfer.sameWarehouse');
      const out = insertMove(db, commandId, { ...base, type: 'transfer', quantity: -qty });
      ids.push(
        out,
        insertMove(db, commandId, {
          ...base,
          type: 'transfer',
          warehouseId: p.toWarehouseId,
          quantity: qty,
          pairMoveId: out,
        }),
      );
      break;
    }
    case 'sale':
    case 'writeoff':
      if (p.type === 'writeoff' && !p.reason) throw new DomainError('stock.reason.required', { type: p.type });
      ids.push(insertMove(db, commandId, { ...base, type: p.type, quantity: -qty }));
      break;
    case 'return': {
      // The sale's cost is a folded value: fold first (a deferred SKU stays in the set: folding again is harmless).
      if (!deferred || deferred.has(p.skuId)) refoldSku(db, p.skuId);
      const cost = givenCost(p) ?? saleUnitCost(db, p.skuId, p.reference ?? null, qty);
      ids.push(
        insertMove(db, commandId, {
          ...base,
          type: 'return',
          quantity: qty,
          inputValue: cost,
          exportDate: p.exportDate ?? null,
        }),
      );
      break;
    }
    case 'count': {
      const difference = qty - quantityAt(db, p.skuId, p.warehouseId, p.date);
      if (difference !== 0 && !p.reason) throw new DomainError('stock.reason.required', { type: p.type });
      ids.push(insertMove(db, commandId, { ...base, type: 'count', quantity: difference, counted: qty }));
      break;
    }
  }
  if (deferred) {
    deferred.add(p.skuId);
    const out = db.prepare('SELECT warehouse_id, date FROM stock_moves WHERE id = ? AND quantity < 0');
    for (const id of ids) {
      const m = out.get(id) as { warehouse_id: number; date: string } | undefined;
      if (m) assertNotNegative(db, p.skuId, m.warehouse_id, m.date);
    }
  } else {
    refoldSku(db, p.skuId);
  }
  return ids;
}

/**
 * Throws `stock.negative` (the fold's code and params) when the units of one SKU in one warehouse,
 * taken in (date, id) order, go below zero on or after `from`. Units alone decide it: a warehouse's
 * layers always hold exactly its running quantity.
 */
export function assertNotNegative(db: Db, skuId: number, warehouseId: number, from: string): void {
  const r = db
    .prepare(
      `SELECT date, quantity, running FROM (SELECT id, date, quantity, sum(quantity) OVER (ORDER BY date, id) AS running
    FROM stock_moves INDEXED BY stock_moves_by_position WHERE sku_id = ? AND warehouse_id = ?) WHERE date >= ? AND running < 0 ORDER BY date, id LIMIT 1`,
    )
    .get(skuId, warehouseId, from) as { date: string; quantity: number; running: number } | undefined;
  if (!r) return;
  const sku = String(db.prepare('SELECT item_no FROM skus WHERE id = ?').pluck().get(skuId));
  const warehouse = String(db.prepare('SELECT code FROM warehouses WHERE id = ?').pluck().get(warehouseId));
  throw new DomainError('stock.negative', {
    sku,
    warehouse,
    date: r.date,
    onHand: r.running - r.quantity,
    wanted: -r.quantity,
  });
}

/**
 * Cost of `quantity` returned units at the average unit cost of the sale(s) the reference names
 * (the order number sales are posted with); null (valued at the latest unit cost) when none.
 */
function saleUnitCost(db: Db, skuId: number, reference: string | null, quantity: number): Minor | null {
  if (!reference) return null;
  const s = db
    .prepare(
      `SELECT -coalesce(sum(quantity), 0) AS q, -coalesce(sum(value), 0) AS v FROM stock_moves
    WHERE sku_id = ? AND type = 'sale' AND reference = ?`,
    )
    .get(skuId, reference) as { q: number; v: number };
  if (s.q <= 0) return null;
  return minor(Number((BigInt(s.v) * BigInt(quantity) * 2n + BigInt(s.q)) / (2n * BigInt(s.q))));
}

const NOT_REVERSIBLE = new Set(['reversal', 'landedCost', 'shipmentDispatch', 'shipmentReceipt']);

/**
 * Posts the reversal of a move (both legs for a transfer), dated today or the move's own date if
 * later. It takes back exactly the units the move brought in, or returns exactly what it took.
 */
export function reverseMove(db: WriteDb, commandId: number, now: string, moveId: number, reason: string): number[] {
  const m = getMove(db, moveId);
  if (NOT_REVERSIBLE.has(m.type) || (m.type === 'writeoff' && m.shipment_id !== null)) {
    throw new DomainError('stock.move.notReversible', { id: moveId, type: m.type });
  }
  const legs: MoveRow[] = [m];
  if (m.type === 'transfer') {
    const other =
      m.pair_move_id !== null
        ? getMove(db, m.pair_move_id)
        : (db.prepare('SELECT * FROM stock_moves WHERE pair_move_id = ?').get(m.id) as MoveRow | undefined);
    if (other) legs.push(other);
  }
  for (const l of legs) {
    const by = db.prepare('SELECT id FROM stock_moves WHERE reverses_move_id = ?').pluck().get(l.id) as
      number | undefined;
    if (by !== undefined) throw new DomainError('stock.move.alreadyReversed', { id: l.id, reversedBy: by });
  }
  const date = m.date > today(now) ? m.date : today(now);
  // The in-leg goes first (it gives the units back), then the out-leg receives them.
  legs.sort((a, b) => b.quantity - a.quantity);
  const ids: number[] = [];
  for (const l of legs) {
    ids.push(
      insertMove(db, commandId, {
        date,
        type: 'reversal',
        skuId: l.sku_id,
        warehouseId: l.warehouse_id,
        quantity: -l.quantity,
        reason,
        reference: l.reference,
        reversesMoveId: l.id,
        pairMoveId: ids.length > 0 ? ids[0]! : null,
        orderId: l.order_id,
        lineKey: l.line_key,
      }),
    );
  }
  refoldSku(db, m.sku_id);
  return ids;
}
