/**
 * Posting into the journal from the other areas' data, inside the caller's unit of work:
 * order revenue at each order day's rate, cost of goods from the stock ledger's sale moves, and
 * a payout's fees / refunds / taxes / unbooked sales at its deposit day's rate. Idempotent: a
 * source with a standing (unreversed) entry is not posted again. Missing rates are reported.
 */
import { isDomainError } from '../../core/domain-error.ts';
import { categoryAccount } from '../../core/forex/netting.ts';
import type { AppliedRate } from '../../core/forex/settlement-views.ts';
import { cogsEntry, orderRevenueEntry, payoutEntry } from '../../core/ledger/postings.ts';
import { toCny } from '../../core/forex/rates.ts';
import { minor, type Currency, type Minor } from '../../core/money/index.ts';
import type { ParsedPayout } from '../../core/forex/payout.ts';
import { postEntry, standingEntryId } from './journal-store.ts';
import type { Db } from '../../db/open-ledger.ts';
import { RateBook } from './rates-store.ts';
import { insertPayout, orderIdsByNo, type NewPayoutLine } from './settlement-payout-store.ts';
import { orderProductCost } from '../stock/index.ts';
import type { WriteDb } from '../../db/ports.ts';

export interface PostContext {
  readonly db: WriteDb;
  readonly commandId: number;
  readonly now: string;
  readonly rates: RateBook;
}

export function postContext(db: WriteDb, commandId: number, now: string): PostContext {
  return { db, commandId, now, rates: new RateBook(db) };
}

export interface Skipped {
  readonly orderNo: string;
  readonly code: string;
  readonly currency: string;
  readonly date: string;
}

interface OrderRow {
  id: number;
  order_no: string;
  day: string;
  currency: Currency;
  gross: Minor;
}

// An order that arrived after a payout whose sales lines named it (0008 late matches) had those
// lines booked as revenue with the payout: posting the order too would book its revenue twice.
const UNPOSTED_ORDERS = `SELECT o.id, o.order_no, substr(o.ordered_at, 1, 10) AS day, o.currency, o.gross FROM orders o
  WHERE o.exclusion IS NULL AND o.gross <> 0 AND NOT EXISTS (
    SELECT 1 FROM journal_entries e WHERE e.source_kind = 'order' AND e.source_id = CAST(o.id AS TEXT)
      AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_id = e.id))
    AND NOT EXISTS (SELECT 1 FROM payout_late_matches m
      JOIN payout_lines l INDEXED BY payout_lines_waiting ON l.order_no = m.order_no AND l.payout_id = m.payout_id AND l.order_id IS NULL
      JOIN payout_keys k ON k.id = l.key_id WHERE m.order_id = o.id AND k.category = 'sales')`;

function postOrderRows(ctx: PostContext, rows: readonly OrderRow[], skipped: Skipped[]): number {
  let posted = 0;
  for (const o of rows) {
    try {
      const rate = ctx.rates.rate(o.currency, o.day);
      postEntry(
        ctx.db,
        ctx.commandId,
        ctx.now,
        orderRevenueEntry({ id: o.id, orderNo: o.order_no, date: o.day, currency: o.currency, revenue: o.gross }, rate),
      );
      posted++;
    } catch (e) {
      if (!isDomainError(e) || !e.code.startsWith('rates.')) throw e;
      skipped.push({ orderNo: o.order_no, code: e.code, currency: o.currency, date: o.day });
    }
  }
  return posted;
}

/** Revenue of every sale order of the period without a standing entry. */
export function postOrders(ctx: PostContext, from: string, to: string, skipped: Skipped[]): number {
  const rows = ctx.db
    .prepare(`${UNPOSTED_ORDERS} AND substr(o.ordered_at, 1, 10) BETWEEN ? AND ? ORDER BY o.ordered_at_utc, o.id`)
    .all(from, to) as OrderRow[];
  return postOrderRows(ctx, rows, skipped);
}

/** Cost of goods of orders whose sale moves all stand, once per order. */
export function postCogs(ctx: PostContext, from: string, to: string): number {
  const orders = ctx.db
    .prepare(
      `SELECT DISTINCT m.order_id AS id, o.order_no, substr(o.ordered_at, 1, 10) AS day FROM stock_moves m JOIN orders o ON o.id = m.order_id
    WHERE m.type = 'sale' AND m.order_id IS NOT NULL AND substr(o.ordered_at, 1, 10) BETWEEN ? AND ?`,
    )
    .all(from, to) as Array<{ id: number; order_no: string; day: string }>;
  let posted = 0;
  for (const o of orders) {
    if (standingEntryId(ctx.db, 'cogs', String(o.id)) !== null) continue;
    const cost = orderProductCost(ctx.db, o.id);
    if (cost === null || cost === 0) continue;
    postEntry(ctx.db, ctx.commandId, ctx.now, cogsEntry(o.id, o.order_no, o.day, cost));
    posted++;
  }
  return posted;
}

/** CNY value of `amount` of an order's currency at the rate its revenue entry used (else null). */
function orderRate(db: Db, orderId: number): AppliedRate | null | undefined {
  const row = db
    .prepare(
      `SELECT l.currency, l.rate, l.rate_source AS source, l.rate_date AS date FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
    WHERE e.source_kind = 'order' AND e.source_id = ? AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_id = e.id)
    ORDER BY e.id DESC, l.id LIMIT 1`,
    )
    .get(String(orderId)) as
    { currency: Currency; rate: string | null; source: AppliedRate['source']; date: string } | undefined;
  if (!row) return undefined;
  return row.rate === null ? null : { currency: row.currency, rate: row.rate, source: row.source, date: row.date };
}

export interface PayoutWrite {
  readonly payoutId: number;
  readonly journalEntryId: number | null;
  readonly ordersPosted: number;
}

/**
 * Writes a parsed payout: matched orders' revenue is posted first (their sales lines are then
 * carried at the order's rate), the rest posts at the deposit day's rate (`rates.missing`
 * otherwise — the whole import is refused, nothing half-written).
 */
export function writePayout(
  ctx: PostContext,
  p: ParsedPayout & { readonly fileName: string; readonly fileSha256: string },
): PayoutWrite {
  const ids = orderIdsByNo(
    ctx.db,
    p.lines.flatMap((l) => (l.orderNo === null ? [] : [l.orderNo])),
  );
  const matched = [
    ...new Set(p.lines.flatMap((l) => (l.orderNo !== null && ids.has(l.orderNo) ? [ids.get(l.orderNo)!] : []))),
  ];
  const skipped: Skipped[] = [];
  const rows = ctx.db
    .prepare(`${UNPOSTED_ORDERS} AND o.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(matched)) as OrderRow[];
  const ordersPosted = postOrderRows(ctx, rows, skipped);
  const first = skipped[0];
  if (first !== undefined) ctx.rates.rate(first.currency as Currency, first.date);
  const rate = ctx.rates.rate(p.currency, p.depositDate);
  const rateOf = new Map<number, AppliedRate | null | undefined>();
  const lineOrder = p.lines.map((l) => (l.orderNo === null ? null : (ids.get(l.orderNo) ?? null)));
  const booked = lineOrder.map((orderId) => {
    if (orderId === null) return undefined;
    if (!rateOf.has(orderId)) rateOf.set(orderId, orderRate(ctx.db, orderId));
    return rateOf.get(orderId);
  });
  const id = Number(ctx.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM payouts').pluck().get());
  const { entry, cny } = payoutEntry(
    { id, settlementId: p.settlementId, fileName: p.fileName, depositDate: p.depositDate, currency: p.currency },
    p.lines.map((l, i) => ({
      row: l.row,
      category: l.category,
      amount: l.amount,
      booked: booked[i] !== undefined,
      key: `${l.transactionType}/${l.amountType}/${l.amountDescription}`,
    })),
    rate,
    (i) => toCny(p.lines[i]!.amount, booked[i] ?? null, p.currency),
  );
  const journalEntryId = entry === null ? null : postEntry(ctx.db, ctx.commandId, ctx.now, entry);
  const lines: NewPayoutLine[] = p.lines.map((l, i) => ({
    ...l,
    orderId: lineOrder[i] ?? null,
    account: categoryAccount(l.category, p.currency, `${l.transactionType}/${l.amountType}/${l.amountDescription}`),
    cny: minor(cny[i]!),
  }));
  const payoutId = insertPayout(
    ctx.db,
    ctx.commandId,
    ctx.now,
    { ...p, periodStart: p.periodStart, periodEnd: p.periodEnd },
    lines,
    journalEntryId,
  );
  if (payoutId !== id) throw new Error('payout id changed while posting');
  return { payoutId, journalEntryId, ordersPosted };
}
