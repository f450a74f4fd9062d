/**
 * The currencies the ledger supports and their minor-unit digits, copied from
 * src-main/core/money/currency.ts (the renderer may only `import type` from the contract,
 * which reaches the union through `orders.save`'s input). `satisfies` and the full
 * `Record<Currency, …>` fail to compile if the lists drift.
 */
import type { CommandInput } from '../../src-main/api/contract.ts';

export type Currency = CommandInput<'orders.save'>['currency'];

export const CURRENCIES = [
  'CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'CAD', 'AUD', 'NZD', 'SGD', 'THB', 'TWD',
  'MYR', 'KRW', 'PHP', 'VND', 'IDR', 'MXN', 'BRL', 'AED', 'SAR', 'PLN', 'SEK', 'CHF',
] as const satisfies readonly Currency[];

type MissingCurrency = Exclude<Currency, (typeof CURRENCIES)[number]>;
const everyCurrencyListed: [MissingCurrency] extends [never] ? true : never = true;
void everyCurrencyListed;

/** Digits after the decimal point of one major unit (JPY 0: amounts are whole yen). */
export const MINOR_DIGITS: Readonly<Record<Currency, number>> = {
  CNY: 2, USD: 2, EUR: 2, GBP: 2, JPY: 0, HKD: 2, CAD: 2, AUD: 2, NZD: 2, SGD: 2, THB: 2, TWD: 2,
  MYR: 2, KRW: 0, PHP: 2, VND: 0, IDR: 2, MXN: 2, BRL: 2, AED: 2, SAR: 2, PLN: 2, SEK: 2, CHF: 2,
};

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}
