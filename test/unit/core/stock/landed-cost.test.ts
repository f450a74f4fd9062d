import { m } from '../../../helpers/money.ts';
import { describe, it, expect } from 'vitest';
import { allocateLandedCost } from '../../../../src-main/core/stock/landed-cost.ts';
import { costInCny, amountInCny } from '../../../../src-main/core/stock/line-cost.ts';

const line = (sku: string, quantity: number, value: number, weightGrams: number | null) => ({
  sku,
  quantity,
  value: m(value),
  weightGrams,
  volumeCm3: null,
});

describe('allocateLandedCost', () => {
  it('splits by weight exactly, the remainder to the largest fraction', () => {
    const parts = allocateLandedCost(
      m(712340),
      [line('A', 320, 0, 500), line('B', 180, 0, 300), line('C', 100, 0, 200)],
      'weight',
    );
    expect(parts).toEqual([487070, 164386, 60884]);
  });
  it('splits by value and by quantity; a missing weight is a coded error', () => {
    expect(allocateLandedCost(m(100), [line('A', 1, 1, null), line('B', 1, 2, null)], 'value')).toEqual([33, 67]);
    expect(allocateLandedCost(m(101), [line('A', 1, 0, null), line('B', 1, 0, null)], 'quantity')).toEqual([51, 50]);
    expect(() => allocateLandedCost(m(1), [line('A', 1, 0, null)], 'weight')).toThrow(
      expect.objectContaining({ code: 'stock.landedCost.missingMeasure' }),
    );
  });
});

describe('costInCny', () => {
  it('multiplies unit × quantity × rate in one exact step, rounding once half away from zero', () => {
    expect(costInCny('0.333', 3, 'CNY', null)).toBe(100); // 0.999 CNY → 99.9 fen → 100
    expect(costInCny('1.005', 1, 'USD', '7')).toBe(704); // 7.035 → 703.5 fen → 704
    expect(costInCny('100', 1, 'JPY', '0.0475')).toBe(475);
    expect(() => costInCny('1', 1, 'EUR', null)).toThrow(expect.objectContaining({ code: 'stock.rate.required' }));
    expect(amountInCny('-1.50', 'CNY', null)).toBe(-150);
  });
});
