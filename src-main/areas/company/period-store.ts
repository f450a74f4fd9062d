/**
 * Period close (issue 17 point 1g): the month's latest recorded act (close / reopen) says whether
 * it is closed. Write paths call `assertMonthOpen` with the date a change is dated on; a closed
 * month refuses it with `period.closed` naming the month and the date.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';

export interface PeriodEvent {
  readonly id: number;
  readonly month: string;
  readonly action: 'close' | 'reopen';
  readonly reason: string | null;
  readonly at: string;
}
export interface PeriodState {
  readonly month: string;
  readonly closed: boolean;
  readonly events: readonly PeriodEvent[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function checkMonth(month: string): string {
  if (!MONTH.test(month)) throw new DomainError('period.month.invalid', { month });
  return month;
}

export function periodStates(db: Db): PeriodState[] {
  const events = db
    .prepare('SELECT id, month, action, reason, at FROM period_events ORDER BY month, id')
    .all() as PeriodEvent[];
  const byMonth = new Map<string, PeriodEvent[]>();
  for (const e of events) byMonth.set(e.month, [...(byMonth.get(e.month) ?? []), e]);
  return [...byMonth.entries()].map(([month, list]) => ({
    month,
    closed: list.at(-1)!.action === 'close',
    events: list,
  }));
}

export function isMonthClosed(db: Db, month: string): boolean {
  return (
    (db.prepare('SELECT action FROM period_events WHERE month = ? ORDER BY id DESC LIMIT 1').pluck().get(month) as
      string | undefined) === 'close'
  );
}

/** Every month whose latest act is a close (few rows: one per month ever closed). */
export function closedMonths(db: Db): Set<string> {
  const rows = db
    .prepare(
      `SELECT month, action FROM period_events e WHERE id = (SELECT max(id) FROM period_events x WHERE x.month = e.month)`,
    )
    .all() as Array<{ month: string; action: string }>;
  return new Set(rows.filter((r) => r.action === 'close').map((r) => r.month));
}

/** Refuses a change dated `date` (YYYY-MM-DD…) in a closed month. */
export function assertMonthOpen(db: Db, date: string): void {
  const month = date.slice(0, 7);
  if (isMonthClosed(db, month)) throw new DomainError('period.closed', { month, date: date.slice(0, 10) });
}

export function recordPeriodEvent(
  db: WriteDb,
  commandId: number,
  now: string,
  month: string,
  action: 'close' | 'reopen',
  reason: string | null,
): void {
  const closed = isMonthClosed(db, month);
  if (action === 'close' && closed) throw new DomainError('period.alreadyClosed', { month });
  if (action === 'reopen' && !closed) throw new DomainError('period.notClosed', { month });
  db.prepare('INSERT INTO period_events (month, action, reason, command_id, at) VALUES (?, ?, ?, ?, ?)').run(
    month,
    action,
    reason,
    commandId,
    now,
  );
}
