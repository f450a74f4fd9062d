/**
 * Receivables by age in CNY as booked (the dashboard, issue 17 point 4): per currency sub-account of
 * 应收账款 (1122.USD …), the open balance as of a date and its age, FIFO over the days' debits newest
 * first — read from `journal_day_totals` (Σ debit and Σ credit per account and day, kept in the
 * posting transaction), so it costs a row per account-day, never a walk over the journal's lines.
 * Amounts are CNY fen at the rates the receivables were booked at; the 应收账龄 screen ages the
 * same balances in their own currency (`receivablesAgeing`).
 */
import { ACC } from '../../core/ledger/chart.ts';
import type { AgeingBucket } from '../../core/forex/settlement-views.ts';
import { ageOpenBalance } from '../../core/forex/receivables-ageing.ts';
import { sumMinor, type Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';
import { currencySubAccounts } from './journal-store.ts';

export interface BookedAgeingRow {
  readonly currency: string;
  /** CNY minor units per age bucket. */
  readonly buckets: Readonly<Record<AgeingBucket, Minor>>;
  /** The open balance in CNY minor units (as booked). */
  readonly total: Minor;
}

export function receivablesAgeingBooked(db: Db, asOf: string): BookedAgeingRow[] {
  const accounts = currencySubAccounts(db, ACC.receivable);
  const days = db.prepare(
    'SELECT date, debit, credit FROM journal_day_totals WHERE account = ? AND date <= ? ORDER BY date DESC',
  );
  return accounts.flatMap((account) => {
    const rows = days.all(account, asOf) as Array<{ date: string; debit: Minor; credit: Minor }>;
    const total = sumMinor(rows.flatMap((r) => [r.debit, -r.credit]));
    if (total <= 0) return [];
    const buckets = ageOpenBalance(
      total,
      rows.map((r) => ({ date: r.date, amount: r.debit })),
      asOf,
    );
    return [{ currency: account.slice(-3), buckets, total }];
  });
}
