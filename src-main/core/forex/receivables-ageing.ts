/**
 * Receivables ageing, FIFO: the open balance of an account is its newest debits, so walking the
 * debits newest first, each takes what is still open into the bucket of its age; whatever no
 * debit covers (an opening balance, say) is '365+'. Used for the balances in their own currency
 * (应收账龄) and in CNY as booked (the dashboard).
 */
import { minor, sumMinor, type Minor } from '../money/index.ts';
import { daysBetween } from '../time/days.ts';
import { AGEING_BUCKETS, type AgeingBucket } from './settlement-views.ts';

export function receivableAgeBucket(days: number): AgeingBucket {
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

/** `open` (> 0) split into age buckets as of `asOf`, over the account's debits newest first. */
export function ageOpenBalance(
  open: Minor,
  debitsNewestFirst: Iterable<{ readonly date: string; readonly amount: Minor }>,
  asOf: string,
): Record<AgeingBucket, Minor> {
  const buckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, minor(0)])) as Record<AgeingBucket, Minor>;
  let left = open;
  for (const d of debitsNewestFirst) {
    if (left <= 0) break;
    const take = minor(Math.min(left, d.amount));
    const bucket = receivableAgeBucket(daysBetween(d.date, asOf));
    buckets[bucket] = sumMinor([buckets[bucket], take]);
    left = sumMinor([left, -take]);
  }
  if (left > 0) buckets['365+'] = sumMinor([buckets['365+'], left]);
  return buckets;
}
