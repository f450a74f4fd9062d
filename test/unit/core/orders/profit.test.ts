import { describe, it, expect } from 'vitest';
import { profitBreakdown } from '../../../../src-main/core/orders/profit.ts';
import { m } from '../../../helpers/money.ts';

describe('profitBreakdown', () => {
  it('shows every cost as unknown (null), never as zero, while no fee has been reported', () => {
    expect(profitBreakdown({ currency: 'USD', gross: m(2500), refunded: m(500), fees: [] })).toEqual({
      currency: 'USD',
      revenue: 2000,
      productCost: null,
      headHaul: null,
      lastMile: null,
      platformFees: null,
      advertising: null,
      fxDifference: null,
      profit: null,
    });
  });

  it('tells a reported zero fee apart from an unreported one', () => {
    const zero = profitBreakdown({
      currency: 'USD',
      gross: m(1000),
      refunded: m(0),
      fees: [{ type: 'commission', amount: m(0), currency: 'USD' }],
    });
    expect(zero.platformFees).toBe(0);
    expect(zero.lastMile).toBeNull();
    expect(zero.advertising).toBeNull();
  });

  it('sums commission and other fees as platform fees, fulfilment and shipping as last mile, refunded fees negative', () => {
    const b = profitBreakdown({
      currency: 'USD',
      gross: m(4000),
      refunded: m(0),
      fees: [
        { type: 'commission', amount: m(600), currency: 'USD' },
        { type: 'commission', amount: m(-120), currency: 'USD' },
        { type: 'other', amount: m(99), currency: 'USD' },
        { type: 'fulfilment', amount: m(350), currency: 'USD' },
        { type: 'shipping', amount: m(50), currency: 'USD' },
        { type: 'advertising', amount: m(200), currency: 'USD' },
      ],
    });
    expect(b).toMatchObject({ revenue: 4000, platformFees: 579, lastMile: 400, advertising: 200, profit: null });
  });

  it('knows platform fees once any fee row exists, even when that row is not a commission', () => {
    const b = profitBreakdown({
      currency: 'JPY',
      gross: m(3000),
      refunded: m(0),
      fees: [{ type: 'fulfilment', amount: m(400), currency: 'JPY' }],
    });
    expect(b).toMatchObject({ platformFees: 0, lastMile: 400 });
  });

  it('computes the profit only when every part is known', () => {
    const b = profitBreakdown({
      currency: 'USD',
      gross: m(5000),
      refunded: m(1000),
      productCost: m(1200),
      headHaul: m(150),
      fxDifference: m(-30),
      fees: [
        { type: 'commission', amount: m(600), currency: 'USD' },
        { type: 'fulfilment', amount: m(350), currency: 'USD' },
        { type: 'advertising', amount: m(0), currency: 'USD' },
      ],
    });
    expect(b.profit).toBe(4000 - 1200 - 150 - 350 - 600 - 0 + 30);
  });

  it('leaves a part unknown when one of its fees is in another currency (no rate to add it with)', () => {
    const b = profitBreakdown({
      currency: 'USD',
      gross: m(1000),
      refunded: m(0),
      fees: [
        { type: 'commission', amount: m(80), currency: 'EUR' },
        { type: 'fulfilment', amount: m(300), currency: 'USD' },
      ],
    });
    expect(b).toMatchObject({ platformFees: null, lastMile: 300, profit: null });
  });
});
