/**
 * Supported currencies: ISO 4217 alpha codes, their minor-unit digits and, where known,
 * the China Customs (CEB, old 3-digit) currency code used in customs messages.
 * Invariants: the table is static; each customs code maps to exactly one currency;
 * lookups that fail throw DomainError with a `money.currency.*` code.
 */
import { DomainError } from '../domain-error.ts';

export const CURRENCIES = [
  'CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'CAD', 'AUD', 'NZD', 'SGD', 'THB', 'TWD',
  'MYR', 'KRW', 'PHP', 'VND', 'IDR', 'MXN', 'BRL', 'AED', 'SAR', 'PLN', 'SEK', 'CHF',
] as const;

export type Currency = (typeof CURRENCIES)[number];

export type CurrencyInfo = {
  readonly minorDigits: number;
  readonly customsCode?: string;
};

/** Customs codes are only listed where verified; unknown ones are deliberately absent. */
export const CURRENCY_TABLE: Readonly<Record<Currency, CurrencyInfo>> = Object.freeze({
  CNY: { minorDigits: 2, customsCode: '142' },
  USD: { minorDigits: 2, customsCode: '502' },
  EUR: { minorDigits: 2, customsCode: '300' },
  GBP: { minorDigits: 2, customsCode: '303' },
  JPY: { minorDigits: 0, customsCode: '116' },
  HKD: { minorDigits: 2, customsCode: '110' },
  CAD: { minorDigits: 2, customsCode: '501' },
  AUD: { minorDigits: 2, customsCode: '601' },
  NZD: { minorDigits: 2, customsCode: '609' },
  SGD: { minorDigits: 2, customsCode: '132' },
  THB: { minorDigits: 2, customsCode: '136' },
  TWD: { minorDigits: 2, customsCode: '143' },
  MYR: { minorDigits: 2 },
  KRW: { minorDigits: 0, customsCode: '133' },
  PHP: { minorDigits: 2 },
  VND: { minorDigits: 0 },
  IDR: { minorDigits: 2 },
  MXN: { minorDigits: 2 },
  BRL: { minorDigits: 2 },
  AED: { minorDigits: 2 },
  SAR: { minorDigits: 2 },
  PLN: { minorDigits: 2 },
  SEK: { minorDigits: 2 },
  CHF: { minorDigits: 2 },
});

const CURRENCY_SET: ReadonlySet<string> = new Set<string>(CURRENCIES);

const BY_CUSTOMS_CODE: ReadonlyMap<string, Currency> = new Map(
  CURRENCIES.flatMap((c): [string, Currency][] => {
    const code = CURRENCY_TABLE[c].customsCode;
    return code === undefined ? [] : [[code, c]];
  }),
);

export function isCurrency(s: unknown): s is Currency {
  return typeof s === 'string' && CURRENCY_SET.has(s);
}

/** Exact match on the upper-case alpha code; trimming/upper-casing is the caller's job. */
export function parseCurrency(s: string): Currency {
  if (!isCurrency(s)) throw new DomainError('money.currency.unknown', { currency: String(s) });
  return s;
}

export function minorDigits(c: Currency): number {
  return CURRENCY_TABLE[parseCurrency(c)].minorDigits;
}

export function currencyToCustomsCode(c: Currency): string {
  const code = CURRENCY_TABLE[parseCurrency(c)].customsCode;
  if (code === undefined) throw new DomainError('money.currency.noCustomsCode', { currency: c });
  return code;
}

export function currencyFromCustomsCode(code: string): Currency {
  const c = BY_CUSTOMS_CODE.get(code);
  if (c === undefined) throw new DomainError('money.currency.unknownCustomsCode', { code: String(code) });
  return c;
}
