/**
 * The journal in SQLite: posting a checked draft (lines staged, then the entry row whose insert
 * triggers re-check the balance and move the lines; see 0005-settlement.sql), reading entries,
 * the trial balance from per-account per-day totals, and foreign balances of currency accounts.
 */
import { draftEntry, reversalOf, trialBalance, type DraftEntry } from '../../core/ledger/entry.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { Currency, Minor } from '../../core/money/index.ts';
import type { JournalEntryView, JournalLineView, SourceKind, TrialBalance } from '../../core/ledger/ledger-views.ts';
import type { RateSource } from '../../core/forex/settlement-views.ts';
import type Database from 'better-sqlite3';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import { keysetPage, type DayRangeInput, type Page, type PageInput } from '../paging.ts';

interface PostStatements {
  readonly nextId: Database.Statement;
  readonly stage: Database.Statement;
  readonly entry: Database.Statement;
}
/** Prepared once per connection: the entry insert compiles its triggers, which is costly per call. */
const statements = new WeakMap<Db, PostStatements>();

function postStatements(db: WriteDb): PostStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      nextId: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM journal_entries').pluck(),
      stage:
        db.prepare(`INSERT INTO journal_staging (entry_id, account, debit, credit, currency, original_amount, rate, rate_source, rate_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      entry:
        db.prepare(`INSERT INTO journal_entries (id, date, memo, source_kind, source_id, evidence, reverses_id, command_id, posted_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    statements.set(db, s);
  }
  return s;
}

export function postEntry(db: WriteDb, commandId: number, now: string, draft: DraftEntry): number {
  const entry = draftEntry(draft);
  const st = postStatements(db);
  const id = st.nextId.get() as number;
  for (const l of entry.lines) {
    st.stage.run(
      id,
      l.account,
      l.debit,
      l.credit,
      l.currency,
      l.originalAmount,
      l.rate?.rate ?? null,
      l.rate?.source ?? null,
      l.rate?.date ?? null,
    );
  }
  st.entry.run(
    id,
    entry.date,
    entry.memo,
    entry.sourceKind,
    entry.sourceId,
    entry.evidence,
    entry.reversesId,
    commandId,
    now,
  );
  return id;
}

interface EntryRow {
  id: number;
  date: string;
  memo: string;
  source_kind: SourceKind;
  source_id: string;
  evidence: string | null;
  reverses_id: number | null;
  reversed_by: number | null;
  posted_at: string;
}
interface LineRow {
  entry_id: number;
  account: string;
  debit: Minor;
  credit: Minor;
  currency: Currency;
  original_amount: Minor;
  rate: string | null;
  rate_source: RateSource | null;
  rate_date: string | null;
}

const ENTRY_COLUMNS = `e.id, e.date, e.memo, e.source_kind, e.source_id, e.evidence, e.reverses_id,
  (SELECT r.id FROM journal_entries r WHERE r.reverses_id = e.id) AS reversed_by, e.posted_at`;

function withLines(db: Db, rows: readonly EntryRow[]): JournalEntryView[] {
  if (rows.length === 0) return [];
  const lines = db
    .prepare(
      `SELECT entry_id, account, debit, credit, currency, original_amount, rate, rate_source, rate_date
    FROM journal_lines WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as LineRow[];
  const byEntry = new Map<number, JournalLineView[]>();
  for (const l of lines) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({
      account: l.account,
      debit: l.debit,
      credit: l.credit,
      currency: l.currency,
      originalAmount: l.original_amount,
      rate: l.rate,
      rateSource: l.rate_source,
      rateDate: l.rate_date,
    });
    byEntry.set(l.entry_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    memo: r.memo,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    evidence: r.evidence,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by,
    postedAt: r.posted_at,
    lines: byEntry.get(r.id) ?? [],
  }));
}

export function getEntry(db: Db, id: number): JournalEntryView {
  const row = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal_entries e WHERE e.id = ?`).get(id) as
    EntryRow | undefined;
  if (!row) throw new DomainError('journal.entry.notFound', { id });
  return withLines(db, [row])[0]!;
}

export interface EntryQuery extends DayRangeInput, PageInput {
  readonly sourceKind?: SourceKind | undefined;
  readonly account?: string | undefined;
}

/** Entries newest first (date, id), keyset-paged; the cursor is `<date>|<id>` of the last item. */
export function listEntries(db: Db, q: EntryQuery): Page<JournalEntryView> {
  const limit = q.limit ?? 100;
  const [cDate, cId] = q.cursor ? q.cursor.split('|') : [null, null];
  const rows = db
    .prepare(
      `SELECT ${ENTRY_COLUMNS} FROM journal_entries e
    WHERE e.date BETWEEN ? AND ?
      AND (? IS NULL OR e.source_kind = ?)
      AND (? IS NULL OR EXISTS (SELECT 1 FROM journal_lines l WHERE l.entry_id = e.id AND (l.account = ? OR l.account LIKE ? || '.%')))
      AND (? IS NULL OR (e.date, e.id) < (?, ?))
    ORDER BY e.date DESC, e.id DESC LIMIT ?`,
    )
    .all(
      q.from ?? '0000-00-00',
      q.to ?? '9999-99-99',
      q.sourceKind ?? null,
      q.sourceKind ?? null,
      q.account ?? null,
      q.account ?? null,
      q.account ?? null,
      cDate,
      cDate,
      Number(cId ?? 0),
      limit + 1,
    ) as EntryRow[];
  const page = keysetPage(rows, limit, (last) => `${last.date}|${last.id}`);
  return { items: withLines(db, page.items), nextCursor: page.nextCursor };
}

/** The standing (not reversed) entry booked for a source, if any. */
export function standingEntryId(db: Db, sourceKind: SourceKind, sourceId: string): number | null {
  const id = db
    .prepare(
      `SELECT e.id FROM journal_entries e WHERE e.source_kind = ? AND e.source_id = ?
    AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_id = e.id) ORDER BY e.id DESC LIMIT 1`,
    )
    .pluck()
    .get(sourceKind, sourceId) as number | undefined;
  return id ?? null;
}

export function reverseEntry(db: WriteDb, commandId: number, now: string, entryId: number, reason: string): number {
  const original = getEntry(db, entryId);
  if (original.reversedById !== null)
    throw new DomainError('journal.entry.alreadyReversed', { id: entryId, reversedBy: original.reversedById });
  if (original.sourceKind === 'reversal') throw new DomainError('journal.entry.isReversal', { id: entryId });
  return postEntry(db, commandId, now, reversalOf(original, now.slice(0, 10), reason));
}

/** Σ per account of the day totals up to `asOf` (one index range per account). */
export function trialBalanceAsOf(db: Db, asOf: string): TrialBalance {
  const totals = db
    .prepare(
      `SELECT account, sum(debit) AS debit, sum(credit) AS credit FROM journal_day_totals WHERE date <= ? GROUP BY account`,
    )
    .all(asOf) as Array<{ account: string; debit: Minor; credit: Minor }>;
  return trialBalance(asOf, totals);
}

/** Foreign balance (original units) and CNY carrying value (fen) of one account up to `asOf`. */
export function accountBalance(db: Db, account: string, asOf = '9999-99-99'): { original: Minor; cny: Minor } {
  const row = db
    .prepare(
      `SELECT coalesce(sum(original_amount), 0) AS original, coalesce(sum(debit) - sum(credit), 0) AS cny
    FROM journal_lines WHERE account = ? AND date <= ?`,
    )
    .get(account, asOf) as { original: Minor; cny: Minor };
  return row;
}

/** Debit lines of an account newest first (for FIFO ageing of an open balance). */
export function debitLines(db: Db, account: string, asOf: string): Array<{ date: string; original: Minor }> {
  return db
    .prepare(
      `SELECT date, original_amount AS original FROM journal_lines WHERE account = ? AND date <= ? AND debit > 0 ORDER BY date DESC, id DESC`,
    )
    .all(account, asOf) as Array<{ date: string; original: Minor }>;
}

/** Currency sub-accounts of a base account that have lines (`1122.USD`, `1122.EUR` …). */
export function currencySubAccounts(db: Db, base: string): string[] {
  return db
    .prepare(`SELECT DISTINCT account FROM journal_day_totals WHERE account LIKE ? || '.___' ORDER BY account`)
    .pluck()
    .all(base) as string[];
}
