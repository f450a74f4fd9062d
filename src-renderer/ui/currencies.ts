/**
 * The currencies the ledger supports and their minor-unit digits: every ISO 4217 currency from
 * the same maintained list the core uses (`currency-codes`, filtered the same way: ISO's
 * non-money entries — metals, bond units, XTS, XXX — are left out). The renderer may not import
 * the core, so the two-line filter is repeated here; test/unit/renderer/format-money.test.ts
 * checks that both sides agree on every code and digit.
 */
import { data as ISO_4217 } from 'currency-codes';
import type { CommandInput } from '../../src-main/api/contract.ts';

export type Currency = CommandInput<'orders.save'>['currency'];

const COMMON = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'CAD', 'AUD'];
const MONEY = ISO_4217.filter((r) => !r.countries.some((c) => /^zz\d\d_/i.test(c)));

/** Common trading currencies first, then every other ISO 4217 code in code order. */
export const CURRENCIES: readonly Currency[] = [
  ...COMMON,
  ...MONEY.map((r) => r.code)
    .filter((c) => !COMMON.includes(c))
    .sort(),
];

/** Digits after the decimal point of one major unit (JPY 0: amounts are whole yen; KWD 3). */
export const MINOR_DIGITS: Readonly<Record<Currency, number>> = Object.fromEntries(
  MONEY.map((r) => [r.code, r.digits]),
);

export function isCurrency(value: string): value is Currency {
  return Object.hasOwn(MINOR_DIGITS, value);
}
