/**
 * Currencies: every ISO 4217 currency with its own minor unit (JPY 0, KWD 3, CLF 4 …), taken
 * from the maintained ISO list the `currency-codes` package ships (not a hand list), and, where
 * verified, the China Customs (CEB, old 3-digit) currency code used in customs messages.
 * ISO's non-currency entries (gold, silver, bond units, the test code XTS, XXX "no currency")
 * have no minor unit and are not currencies here.
 * Invariants: the table is static; each customs code maps to exactly one currency;
 * lookups that fail throw DomainError with a `money.currency.*` code.
 */
import { data as ISO_4217, publishDate } from 'currency-codes';
import { DomainError } from '../domain-error.ts';

/** An upper-case ISO 4217 alpha code that `isCurrency` accepts ('CNY', 'ZAR', 'BDT' …). */
export type Currency = string;

export type CurrencyInfo = {
  readonly minorDigits: number;
  readonly customsCode?: string;
};

/** The date of the ISO 4217 list in use (shown by `doctor`-like screens and the README). */
export const ISO_4217_PUBLISHED: string = publishDate;

/** ISO marks entries that are not money (precious metals, bond units, testing, no currency) with entity names 'ZZnn_…'. */
const isMoney = (r: { readonly countries: readonly string[] }) => !r.countries.some((c) => /^zz\d\d_/i.test(c));

/** Customs codes are only listed where verified; unknown ones are deliberately absent. */
const CUSTOMS_CODES: Readonly<Record<string, string>> = {
  CNY: '142',
  USD: '502',
  EUR: '300',
  GBP: '303',
  JPY: '116',
  HKD: '110',
  CAD: '501',
  AUD: '601',
  NZD: '609',
  SGD: '132',
  THB: '136',
  TWD: '143',
  KRW: '133',
  // Customs currency table (resources/customs-codes/currencies.csv), issue 15.
  MYR: '122',
  PHP: '129',
  MOP: '121',
  KWD: '118',
  PKR: '127',
  IRR: '113',
  DKK: '302',
  NOK: '326',
  SEK: '330',
  CHF: '331',
};

export const CURRENCY_TABLE: Readonly<Record<Currency, CurrencyInfo>> = Object.freeze(
  Object.fromEntries(
    ISO_4217.filter(isMoney).map((r): [string, CurrencyInfo] => {
      const customsCode = CUSTOMS_CODES[r.code];
      return [
        r.code,
        Object.freeze(customsCode === undefined ? { minorDigits: r.digits } : { minorDigits: r.digits, customsCode }),
      ];
    }),
  ),
);

/** Every supported currency, the common trading ones first, then the rest in code order. */
export const CURRENCIES: readonly Currency[] = Object.freeze([
  ...['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'CAD', 'AUD'],
  ...Object.keys(CURRENCY_TABLE)
    .filter((c) => !['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'CAD', 'AUD'].includes(c))
    .sort(),
]);

const BY_CUSTOMS_CODE: ReadonlyMap<string, Currency> = new Map(
  CURRENCIES.flatMap((c): [string, Currency][] => {
    const code = CURRENCY_TABLE[c]?.customsCode;
    return code === undefined ? [] : [[code, c]];
  }),
);

export function isCurrency(s: unknown): s is Currency {
  return typeof s === 'string' && Object.hasOwn(CURRENCY_TABLE, s);
}

/** Exact match on the upper-case alpha code; trimming/upper-casing is the caller's job. */
export function parseCurrency(s: string): Currency {
  if (!isCurrency(s)) throw new DomainError('money.currency.unknown', { currency: String(s) });
  return s;
}

function infoOf(c: Currency): CurrencyInfo {
  const info = CURRENCY_TABLE[parseCurrency(c)];
  if (info === undefined) throw new DomainError('money.currency.unknown', { currency: String(c) });
  return info;
}

export function minorDigits(c: Currency): number {
  return infoOf(c).minorDigits;
}

export function currencyToCustomsCode(c: Currency): string {
  const code = infoOf(c).customsCode;
  if (code === undefined) throw new DomainError('money.currency.noCustomsCode', { currency: c });
  return code;
}

export function currencyFromCustomsCode(code: string): Currency {
  const c = BY_CUSTOMS_CODE.get(code);
  if (c === undefined) throw new DomainError('money.currency.unknownCustomsCode', { code: String(code) });
  return c;
}
