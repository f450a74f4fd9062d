/**
 * The stock ledger: append-only moves, and the re-fold that derives their values. After moves of
 * a SKU are inserted, `refoldSku` folds all of that SKU's moves from the start (core stock-fold),
 * rewrites changed derived `value`s (the only column the trigger lets change), and replaces the
 * SKU's layers and takes. A fold that goes below zero throws `stock.negative` and the caller's
 * transaction rolls back. Runs inside a unit-of-work transaction.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Minor } from '../../core/money/index.ts';
import type { ValuationMethod } from '../../core/stock/cost-layers.ts';
import { foldSku, type FoldMove, type FoldMoveType } from '../../core/stock/stock-fold.ts';
import type { StockMove } from '../../core/stock/stock-views.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import { getSetting } from '../../db/settings-store.ts';
import { assertMonthOpen } from '../company/index.ts';
import { idCursor, keysetPage, type Page, type PageInput } from '../paging.ts';

export const VALUATION_SETTING = 'stock.valuationMethod';

export function valuationMethod(db: Db): ValuationMethod {
  return getSetting<ValuationMethod>(db, VALUATION_SETTING, 'fifo');
}

export interface NewMove {
  readonly date: string;
  readonly type: FoldMoveType;
  readonly skuId: number;
  readonly warehouseId: number;
  readonly quantity: number;
  readonly inputValue?: Minor | null;
  readonly counted?: number | null;
  readonly reference?: string | null;
  readonly reason?: string | null;
  readonly reversesMoveId?: number | null;
  readonly pairMoveId?: number | null;
  readonly shipmentId?: number | null;
  readonly orderId?: number | null;
  readonly lineKey?: string | null;
  readonly supplierInvoiceNo?: string | null;
  readonly supplierInvoiceAmount?: Minor | null;
  readonly exportDate?: string | null;
}

/** A stock_moves row as SQLite returns it. */
export interface MoveRow {
  id: number;
  date: string;
  type: FoldMoveType;
  sku_id: number;
  warehouse_id: number;
  quantity: number;
  value: Minor;
  input_value: Minor | null;
  counted: number | null;
  reference: string | null;
  reason: string | null;
  reverses_move_id: number | null;
  pair_move_id: number | null;
  shipment_id: number | null;
  order_id: number | null;
  line_key: string | null;
  export_date: string | null;
}

export function insertMove(db: WriteDb, commandId: number, m: NewMove): number {
  if (!Number.isSafeInteger(m.quantity)) throw new DomainError('stock.badQuantity', { quantity: m.quantity });
  // every stock move (posted, imported, counted, shipped, sold) is dated: none into a closed month (issue 17 point 1g)
  assertMonthOpen(db, m.date);
  return Number(
    db
      .prepare(
        `INSERT INTO stock_moves (date, type, sku_id, warehouse_id, quantity, value, input_value, counted, reference,
    reason, reverses_move_id, pair_move_id, shipment_id, order_id, line_key, supplier_invoice_no, supplier_invoice_amount, export_date,
    command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.date,
        m.type,
        m.skuId,
        m.warehouseId,
        m.quantity,
        m.inputValue ?? 0,
        m.inputValue ?? null,
        m.counted ?? null,
        m.reference ?? null,
        m.reason ?? null,
        m.reversesMoveId ?? null,
        m.pairMoveId ?? null,
        m.shipmentId ?? null,
        m.orderId ?? null,
        m.lineKey ?? null,
        m.supplierInvoiceNo ?? null,
        m.supplierInvoiceAmount ?? null,
        m.exportDate ?? null,
        commandId,
      ).lastInsertRowid,
  );
}

export function getMove(db: Db, id: number): MoveRow {
  const r = db.prepare('SELECT * FROM stock_moves WHERE id = ?').get(id) as MoveRow | undefined;
  if (!r) throw new DomainError('stock.move.notFound', { id });
  return r;
}

/** Re-folds one SKU over all its warehouses; see the module comment. */
export function refoldSku(db: WriteDb, skuId: number, method: ValuationMethod = valuationMethod(db)): void {
  const rows = db
    .prepare(
      `SELECT id, date, type, warehouse_id, quantity, value, input_value, reverses_move_id, pair_move_id
    FROM stock_moves WHERE sku_id = ? ORDER BY date, id`,
    )
    .all(skuId) as Array<{
    id: number;
    date: string;
    type: FoldMoveType;
    warehouse_id: number;
    quantity: number;
    value: Minor;
    input_value: Minor | null;
    reverses_move_id: number | null;
    pair_move_id: number | null;
  }>;
  const moves: FoldMove[] = rows.map((r) => ({
    id: r.id,
    date: r.date,
    type: r.type,
    warehouseId: r.warehouse_id,
    quantity: r.quantity,
    inputValue: r.input_value,
    reversesMoveId: r.reverses_move_id,
    pairMoveId: r.pair_move_id,
  }));
  const itemNo = String(db.prepare('SELECT item_no FROM skus WHERE id = ?').pluck().get(skuId));
  const codes = new Map<number, string>();
  const code = (id: number) => {
    let c = codes.get(id);
    if (c === undefined) {
      c = String(db.prepare('SELECT code FROM warehouses WHERE id = ?').pluck().get(id));
      codes.set(id, c);
    }
    return c;
  };
  const folded = foldSku(moves, method, { sku: itemNo, warehouse: code });
  const setValue = db.prepare('UPDATE stock_moves SET value = ? WHERE id = ?');
  for (const r of rows) {
    const v = folded.values.get(r.id) ?? 0;
    if (v !== r.value) setValue.run(v, r.id);
  }
  db.prepare('DELETE FROM stock_layers WHERE sku_id = ?').run(skuId);
  const insLayer = db.prepare(
    'INSERT INTO stock_layers (sku_id, warehouse_id, seq, source_move_id, received_at, quantity, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [wh, layers] of folded.layers) {
    layers.forEach((l, i) => insLayer.run(skuId, wh, i, l.sourceMoveId, l.receivedAt, l.quantity, l.value));
  }
  db.prepare('DELETE FROM stock_move_takes WHERE sku_id = ?').run(skuId);
  const insTake = db.prepare(
    'INSERT INTO stock_move_takes (move_id, sku_id, source_move_id, received_at, quantity, value) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [moveId, pieces] of folded.takes) {
    for (const p of pieces) insTake.run(moveId, skuId, p.sourceMoveId, p.receivedAt, p.quantity, p.value);
  }
}

/** Changing the valuation method re-folds every SKU. */
export function refoldAll(db: WriteDb, method: ValuationMethod): void {
  const ids = db.prepare('SELECT DISTINCT sku_id FROM stock_moves').pluck().all() as number[];
  for (const id of ids) refoldSku(db, id, method);
}

/** Units on hand of one SKU in one warehouse after every move dated on or before `date`. */
export function quantityAt(db: Db, skuId: number, warehouseId: number, date: string): number {
  return Number(
    db
      .prepare('SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE sku_id = ? AND warehouse_id = ? AND date <= ?')
      .pluck()
      .get(skuId, warehouseId, date),
  );
}

/** A move as the screens and the CLI see it: the core read model, typed by the fold's move kinds. */
export type StockMoveView = Omit<StockMove, 'type'> & { readonly type: FoldMoveType };

const VIEW = `SELECT m.id, m.date, m.type, s.item_no AS sku, w.code AS warehouse, m.quantity, m.value, m.reference, m.reason,
  m.reverses_move_id AS reversesMoveId, (SELECT r.id FROM stock_moves r WHERE r.reverses_move_id = m.id) AS reversedByMoveId
  FROM stock_moves m JOIN skus s ON s.id = m.sku_id JOIN warehouses w ON w.id = m.warehouse_id`;

export function moveViews(db: Db, ids: readonly number[]): StockMoveView[] {
  return db
    .prepare(`${VIEW} WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.id`)
    .all(JSON.stringify(ids)) as StockMoveView[];
}

/** A SKU and/or a warehouse to narrow a stock read to. */
export interface PositionFilter {
  readonly skuId?: number | undefined;
  readonly warehouseId?: number | undefined;
}

/** `f` as SQL conditions on the query's SKU id and warehouse id columns; their values are appended to `args`. */
export function positionConditions(
  f: PositionFilter,
  columns: { readonly sku: string; readonly warehouse: string },
  args: Array<string | number>,
): string[] {
  const conds: string[] = [];
  if (f.skuId !== undefined) {
    conds.push(`${columns.sku} = ?`);
    args.push(f.skuId);
  }
  if (f.warehouseId !== undefined) {
    conds.push(`${columns.warehouse} = ?`);
    args.push(f.warehouseId);
  }
  return conds;
}

/** Newest first, keyset-paged by id. */
export function listMoves(db: Db, f: PageInput & PositionFilter): Page<StockMoveView> {
  const limit = f.limit ?? 100;
  const args: Array<string | number> = [];
  const where = positionConditions(f, { sku: 'm.sku_id', warehouse: 'm.warehouse_id' }, args);
  if (f.cursor) {
    where.push('m.id < ?');
    args.push(idCursor(f.cursor, 'stock.moves.badCursor'));
  }
  const rows = db
    .prepare(`${VIEW} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY m.id DESC LIMIT ?`)
    .all(...args, limit + 1) as StockMoveView[];
  return keysetPage(rows, limit, (last) => String(last.id));
}
