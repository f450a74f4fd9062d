import { describe, it, expect } from 'vitest';
import { DomainError } from '../../../../src-main/core/domain-error.ts';
import {
  CURRENCIES,
  CURRENCY_TABLE,
  ISO_4217_PUBLISHED,
  currencyFromCustomsCode,
  currencyToCustomsCode,
  isCurrency,
  minorDigits,
  parseCurrency,
} from '../../../../src-main/core/money/index.ts';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError to be thrown');
}

describe('currency table', () => {
  it('maps every currency that has a customs code to that code and back again', () => {
    const withCode = CURRENCIES.filter((c) => CURRENCY_TABLE[c]?.customsCode !== undefined);
    expect(withCode.length).toBeGreaterThanOrEqual(13);
    for (const c of withCode) {
      const code = currencyToCustomsCode(c);
      expect(code).toMatch(/^\d{3}$/);
      expect(currencyFromCustomsCode(code)).toBe(c);
    }
  });

  it('uses the CEB customs codes for the main trading currencies', () => {
    expect(currencyToCustomsCode('CNY')).toBe('142');
    expect(currencyToCustomsCode('USD')).toBe('502');
    expect(currencyToCustomsCode('EUR')).toBe('300');
    expect(currencyToCustomsCode('GBP')).toBe('303');
    expect(currencyToCustomsCode('JPY')).toBe('116');
    expect(currencyToCustomsCode('HKD')).toBe('110');
    expect(currencyToCustomsCode('KRW')).toBe('133');
    expect(currencyFromCustomsCode('609')).toBe('NZD');
    expect(currencyFromCustomsCode('143')).toBe('TWD');
  });

  it('never assigns one customs code to two currencies', () => {
    const codes = CURRENCIES.map((c) => CURRENCY_TABLE[c]?.customsCode).filter((c) => c !== undefined);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('rejects unknown customs codes with money.currency.unknownCustomsCode', () => {
    for (const code of ['999', '', '142 ', '0142', 'CNY', '156']) {
      const e = thrown(() => currencyFromCustomsCode(code));
      expect(e.code).toBe('money.currency.unknownCustomsCode');
      expect(e.params).toEqual({ code });
    }
  });

  it('reports money.currency.noCustomsCode for a currency without a known customs code', () => {
    // MYR has one since issue 15 (122 马来西亚林吉特); the Vietnamese dong is not in the customs table.
    const e = thrown(() => currencyToCustomsCode('VND'));
    expect(e.code).toBe('money.currency.noCustomsCode');
    expect(e.params).toEqual({ currency: 'VND' });
  });

  it('parses only exact upper-case ISO codes of supported currencies', () => {
    expect(parseCurrency('USD')).toBe('USD');
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XXX')).toBe(false);
    const e = thrown(() => parseCurrency('usd'));
    expect(e.code).toBe('money.currency.unknown');
    expect(e.params).toEqual({ currency: 'usd' });
  });

  it('knows every ISO 4217 currency with its own minor unit, from the maintained list, not a hand list', () => {
    expect(CURRENCIES.length).toBeGreaterThanOrEqual(150);
    for (const c of ['ZAR', 'BDT', 'NGN', 'PKR', 'KES', 'EGP', 'TRY', 'CLP', 'KWD']) expect(isCurrency(c)).toBe(true);
    expect(minorDigits('ZAR')).toBe(2);
    expect(minorDigits('BDT')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorDigits('CLP')).toBe(0);
    expect(minorDigits('CLF')).toBe(4);
    expect(ISO_4217_PUBLISHED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('leaves out ISO entries that are not money (gold, test code, no currency)', () => {
    for (const c of ['XAU', 'XAG', 'XTS', 'XXX']) expect(isCurrency(c)).toBe(false);
    expect(thrown(() => minorDigits('XXX')).code).toBe('money.currency.unknown');
  });

  it('knows zero-decimal currencies', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('VND')).toBe(0);
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('IDR')).toBe(2);
  });
});
