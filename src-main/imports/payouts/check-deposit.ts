/**
 * The payout invariant: the stated deposit equals Σ of the lines exactly, else
 * `payouts.total.mismatch` naming both sums (decimal text in the payout currency).
 * Skipped when rows were rejected (the preview lists them and confirm is refused).
 */
import { DomainError } from '../../core/domain-error.ts';
import { formatDecimal, type Currency, type Minor } from '../../core/money/index.ts';
import { sumMinor } from '../sum-minor.ts';

export function checkDeposit(
  deposit: number,
  lines: ReadonlyArray<{ readonly amount: number }>,
  currency: Currency,
  rejected: number,
): number {
  const sum = sumMinor(
    lines.map((l) => l.amount as Minor),
    currency,
  );
  if (rejected === 0 && sum !== deposit) {
    throw new DomainError('payouts.total.mismatch', {
      stated: formatDecimal({ amount: deposit as Minor, currency }),
      sum: formatDecimal({ amount: sum, currency }),
      currency,
    });
  }
  return sum;
}
