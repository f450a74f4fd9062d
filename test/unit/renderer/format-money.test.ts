/**
 * The renderer's one money formatter: minor units → exact decimal text with bigint/string
 * arithmetic (no float division anywhere), formatted by Intl with the currency's digits —
 * exact even next to 2^53, JPY without decimals, negatives and tiny amounts padded right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES, MINOR_DIGITS } from '../../../src-renderer/ui/currencies.ts';
import { CURRENCIES as CORE_CURRENCIES, minorDigits as coreMinorDigits } from '../../../src-main/core/money/index.ts';
import { formatMoney, minorDigitsOf, minorToDecimal } from '../../../src-renderer/ui/format-money.ts';

const MAX = Number.MAX_SAFE_INTEGER;

/** Reference: the digits of |minor| with a decimal point `digits` from the right, by string only. */
function reference(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const s = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

describe('the renderer’s currency table', () => {
  it('lists the same ISO 4217 currencies with the same minor units as the core', () => {
    expect([...CURRENCIES].sort()).toEqual([...CORE_CURRENCIES].sort());
    for (const c of CORE_CURRENCIES) expect(MINOR_DIGITS[c]).toBe(coreMinorDigits(c));
    expect(MINOR_DIGITS.KWD).toBe(3);
    expect(minorToDecimal(12345, 'KWD')).toBe('12.345');
    expect(minorToDecimal(12345, 'ZAR')).toBe('123.45');
  });
});

describe('minorToDecimal', () => {
  it('places the point by the currency’s digits', () => {
    expect(minorToDecimal(1250, 'CNY')).toBe('12.50');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(-5, 'EUR')).toBe('-0.05');
    expect(minorToDecimal(0, 'GBP')).toBe('0.00');
    expect(minorToDecimal(1200, 'JPY')).toBe('1200');
    expect(minorToDecimal(-1, 'JPY')).toBe('-1');
    expect(minorToDecimal(MAX, 'USD')).toBe('90071992547409.91');
    expect(minorToDecimal(-MAX, 'CNY')).toBe('-90071992547409.91');
    expect(minorToDecimal(MAX, 'JPY')).toBe('9007199254740991');
  });

  it('is exact for every safe integer in every supported currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), fc.constantFrom(...CURRENCIES), (minor, currency) => {
        expect(minorToDecimal(minor, currency)).toBe(reference(BigInt(minor), MINOR_DIGITS[currency] ?? NaN));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact next to 2^53, where a float division would round', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX - 10_000, max: MAX }), (minor) => {
        expect(minorToDecimal(minor, 'USD')).toBe(reference(BigInt(minor), 2));
      }),
    );
    // What dividing by 100 as a float gives for one of them: off by a cent.
    expect((9007199254730993 / 100).toFixed(2)).toBe('90071992547309.94');
    expect(minorToDecimal(9007199254730993, 'USD')).toBe('90071992547309.93');
    expect(formatMoney(9007199254730993, 'USD', 'en')).toBe('$90,071,992,547,309.93');
  });

  it('accepts bigint beyond 2^53 as well', () => {
    expect(minorToDecimal(123456789012345678901n, 'USD')).toBe('1234567890123456789.01');
  });

  it('refuses a non-integer amount instead of guessing', () => {
    expect(() => minorToDecimal(1.5, 'USD')).toThrow();
  });
});

describe('formatMoney', () => {
  it('uses the currency’s own digits: JPY none, CNY/USD/EUR/GBP two', () => {
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
    expect(formatMoney(1250, 'CNY', 'zh-CN')).toBe('¥12.50');
    expect(formatMoney(1250, 'EUR', 'en')).toBe('€12.50');
    expect(formatMoney(-99, 'GBP', 'en')).toBe('-£0.99');
    expect(formatMoney(1200, 'JPY', 'zh-CN')).toBe('JP¥1,200');
  });

  it('keeps every digit of amounts near 2^53 (Intl formats the decimal string exactly)', () => {
    expect(formatMoney(MAX, 'USD', 'en')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(MAX, 'JPY', 'en')).toBe('¥9,007,199,254,740,991');
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX, max: MAX }),
        fc.constantFrom('USD', 'EUR', 'GBP', 'CNY', 'JPY'),
        (minor, currency) => {
          const digits = formatMoney(minor, currency, 'en').replace(/[^\d-]/g, '');
          const expected = reference(BigInt(minor), MINOR_DIGITS[currency as 'USD'] ?? NaN)
            .replace('.', '')
            .replace(/^(-?)0+(?=\d)/, '$1');
          expect(digits.replace(/^(-?)0+(?=\d)/, '$1')).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('formats in the display language', () => {
    expect(formatMoney(123456, 'EUR', 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney(123456, 'USD', 'zh-TW')).toBe('US$1,234.56');
  });

  it('takes Intl’s digits for a currency the ledger does not list', () => {
    expect(minorDigitsOf('KWD')).toBe(3);
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
  });
});
