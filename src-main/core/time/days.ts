/**
 * Calendar days as ISO dates ('2026-03-01'), counted in UTC so no time zone or DST moves a
 * day: the one place the ledger computes day differences (ageing, rate look-back, advances).
 */
const DAY_MS = 86_400_000;

function dayMs(day: string): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
}

/** Whole days from `from` to `to` (negative when `to` is earlier); only the date part is read. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** The ISO date `n` days after `day` (before it for negative `n`). */
export function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}
