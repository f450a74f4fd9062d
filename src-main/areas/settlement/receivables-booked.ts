/**
 * Receivables by age in CNY as booked (the dashboard, issue 17 point 4): per currency sub-account of
 * 应收账款 (1122.USD …), the open balance as of a date and its age, FIFO over the days' debits newest
 * first — read from `journal_day_totals` (Σ debit and Σ credit per account and day, kept in the
 * posting transaction), so it costs a row per account-day, never a walk over the journal's lines.
 * Amounts are CNY fen at the rates the receivables were booked at; the 应收账龄 screen ages the
 * same balances in their own currency (`receivablesAgeing`).
 */
import { ACC } from '../../core/ledger/chart.ts';
import { AGEING_BUCKETS, type AgeingBucket } from '../../core/forex/settlement-views.ts';
import { daysBetween } from '../../core/time/days.ts';
import type { Db } from '../../db/open-ledger.ts';

export interface BookedAgeingRow {
  readonly currency: string;
  /** CNY minor units per age bucket. */
  readonly buckets: Readonly<Record<AgeingBucket, number>>;
  /** The open balance in CNY minor units (as booked). */
  readonly total: number;
}

function bucketOf(days: number): AgeingBucket {
  return days <= 30
    ? '0-30'
    : days <= 60
      ? '31-60'
      : days <= 90
        ? '61-90'
        : days <= 180
          ? '91-180'
          : days <= 365
            ? '181-365'
            : '365+';
}

export function receivablesAgeingBooked(db: Db, asOf: string): BookedAgeingRow[] {
  const accounts = db
    .prepare(`SELECT DISTINCT account FROM journal_day_totals WHERE account LIKE ? || '.___' ORDER BY account`)
    .pluck()
    .all(ACC.receivable) as string[];
  const days = db.prepare(
    'SELECT date, debit, credit FROM journal_day_totals WHERE account = ? AND date <= ? ORDER BY date DESC',
  );
  return accounts.flatMap((account) => {
    const rows = days.all(account, asOf) as Array<{ date: string; debit: number; credit: number }>;
    let open = rows.reduce((s, r) => s + r.debit - r.credit, 0);
    if (open <= 0) return [];
    const total = open;
    const buckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, 0])) as Record<AgeingBucket, number>;
    for (const r of rows) {
      if (open <= 0) break;
      const take = Math.min(open, r.debit);
      buckets[bucketOf(daysBetween(r.date, asOf))] += take;
      open -= take;
    }
    if (open > 0) buckets['365+'] += open;
    return [{ currency: account.slice(-3), buckets, total }];
  });
}
