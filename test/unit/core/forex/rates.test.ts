import { m } from '../../../helpers/money.ts';
import { describe, expect, it } from 'vitest';
import { normalisePrecedence, normaliseRate, pickRate, toCny } from '../../../../src-main/core/forex/rates.ts';

describe('rates', () => {
  it('normalises rate text to at least 6 decimals and refuses zero, negative and junk', () => {
    expect(normaliseRate('7.1')).toBe('7.100000');
    expect(normaliseRate('0.04812345')).toBe('0.04812345');
    for (const bad of ['0', '-7.1', '7,1', 'abc', ''])
      expect(() => normaliseRate(bad)).toThrow(expect.objectContaining({ code: 'rates.invalid' }));
  });

  it("takes the day's rate by source precedence, falls back to the last published day, never to 1", () => {
    const c = [
      { date: '2026-03-06', rate: '7.120000', source: 'bank' },
      { date: '2026-03-06', rate: '7.110000', source: 'pboc' },
      { date: '2026-03-05', rate: '7.100000', source: 'pboc' },
    ] as const;
    expect(pickRate('USD', '2026-03-06', c).rate).toBe('7.110000');
    expect(pickRate('USD', '2026-03-06', c, normalisePrecedence(['bank'])).rate).toBe('7.120000');
    // Saturday: the Friday rate, with its own date recorded.
    expect(pickRate('USD', '2026-03-07', c)).toEqual({
      currency: 'USD',
      date: '2026-03-06',
      rate: '7.110000',
      source: 'pboc',
    });
    expect(() => pickRate('USD', '2026-03-04', c)).toThrow(
      expect.objectContaining({ code: 'rates.missing', params: { currency: 'USD', date: '2026-03-04' } }),
    );
    expect(() => pickRate('USD', '2026-04-30', c)).toThrow(expect.objectContaining({ code: 'rates.missing' }));
    expect(() => toCny(m(100), null, 'USD')).toThrow(expect.objectContaining({ code: 'rates.missing' }));
    expect(toCny(m(100), null, 'CNY')).toBe(100);
  });

  it('converts JPY (0 digits) to fen exactly', () => {
    // JPY 12,345 × 0.048123 = CNY 594.078… → 594.08
    expect(toCny(m(12_345), { currency: 'JPY', date: '2026-03-05', rate: '0.048123', source: 'pboc' }, 'JPY')).toBe(
      59_408,
    );
  });
});
