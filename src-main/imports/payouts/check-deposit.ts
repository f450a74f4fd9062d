/**
 * The payout invariant: the stated deposit equals Σ of the lines exactly, else
 * `payouts.total.mismatch` naming both sums (decimal text in the payout currency).
 * Skipped when rows were rejected (the preview lists them and confirm is refused).
 */
import { DomainError } from '../../core/domain-error.ts';
import { formatDecimal, type Currency, type Minor } from '../../core/money/index.ts';
import { sumMinor } from '../sum-minor.ts';

export function checkDeposit(
  deposit: Minor,
  lines: ReadonlyArray<{ readonly amount: Minor }>,
  currency: Currency,
  rejected: number,
): Minor {
  const sum = sumMinor(
    lines.map((l) => l.amount),
    currency,
  );
  if (rejected === 0 && sum !== deposit) {
    throw new DomainError('payouts.total.mismatch', {
      stated: formatDecimal({ amount: deposit, currency }),
      sum: formatDecimal({ amount: sum, currency }),
      currency,
    });
  }
  return sum;
}
