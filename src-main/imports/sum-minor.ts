/**
 * Exact sum of minor-unit amounts of one currency (bigint inside, via core `sumMoney`), so an
 * order total out of the safe-integer range fails with `money.outOfRange` instead of rounding.
 */
import { type Currency, type Minor, sumMoney } from '../core/money/index.ts';

export function sumMinor(amounts: readonly Minor[], currency: Currency): Minor {
  return sumMoney(
    amounts.map((amount) => ({ amount, currency })),
    currency,
  ).amount;
}
