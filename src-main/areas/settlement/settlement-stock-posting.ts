/**
 * Posting stock bought in (purchases at cost, landed costs) into the journal inside the caller's
 * unit of work, so 库存商品 carries what cost of goods later takes out. Idempotent per move: a
 * move with any entry (standing or reversed) is not posted again; a reversed move whose entry
 * stands gets that entry's reversal, dated the reversal move's day. A move reversed within the
 * period before it was ever posted books nothing.
 */
import { reversalOf } from '../../core/ledger/entry.ts';
import { minor, sumMinor, type Minor } from '../../core/money/index.ts';
import { stockInEntry } from '../../core/ledger/postings.ts';
import { getEntry, postEntry } from './journal-store.ts';
import type { PostContext } from './settlement-posting.ts';

interface InRow {
  id: number;
  type: 'purchase' | 'landedCost';
  date: string;
  reference: string | null;
  cost: Minor;
  value: Minor;
}
interface ReversalRow {
  date: string;
  reason: string | null;
  entry_id: number;
}

const STOCK_IN = "m.type IN ('purchase', 'landedCost')";
// 'stock' since migration 0009; 'cogs' is how such entries were booked before it (0009 converts
// them, the 'cogs' arm keeps any unconverted one from being posted twice).
const ENTRY_OF_MOVE = "e.source_kind IN ('stock', 'cogs') AND e.source_id = 'move:' || m.id";

export interface StockPostResult {
  readonly posted: number;
  readonly reversed: number;
}

export function postStockIn(ctx: PostContext, from: string, to: string): StockPostResult {
  const moves = ctx.db
    .prepare(
      `SELECT m.id, m.type, m.date, m.reference, m.input_value AS cost, m.value FROM stock_moves m
    WHERE ${STOCK_IN} AND m.date BETWEEN ? AND ? AND coalesce(m.input_value, 0) <> 0
      AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE ${ENTRY_OF_MOVE})
      AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses_move_id = m.id AND r.date <= ?)
    ORDER BY m.date, m.id`,
    )
    .all(from, to, to) as InRow[];
  for (const m of moves) {
    postEntry(
      ctx.db,
      ctx.commandId,
      ctx.now,
      stockInEntry({
        moveId: m.id,
        type: m.type,
        date: m.date,
        reference: m.reference,
        cost: m.cost,
        toCogs: m.type === 'landedCost' ? sumMinor([m.cost, -m.value]) : minor(0),
      }),
    );
  }
  const reversals = ctx.db
    .prepare(
      `SELECT r.date, r.reason, e.id AS entry_id FROM stock_moves r
    JOIN stock_moves m ON m.id = r.reverses_move_id JOIN journal_entries e ON ${ENTRY_OF_MOVE}
    WHERE ${STOCK_IN} AND r.date BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM journal_entries x WHERE x.reverses_id = e.id)
    ORDER BY r.date, r.id`,
    )
    .all(from, to) as ReversalRow[];
  for (const r of reversals) {
    const original = getEntry(ctx.db, r.entry_id);
    postEntry(
      ctx.db,
      ctx.commandId,
      ctx.now,
      reversalOf(original, r.date < original.date ? original.date : r.date, r.reason ?? '冲销入库'),
    );
  }
  return { posted: moves.length, reversed: reversals.length };
}
