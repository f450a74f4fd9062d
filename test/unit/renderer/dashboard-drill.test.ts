/** Where the dashboard's bars drill: the orders list's own filter (local dates, country, customs mode, text). */
import { describe, expect, it } from 'vitest';
import { drillFilter, monthDays } from '../../../src-renderer/features/dashboard/dashboard-drill.ts';

describe('dashboard drill', () => {
  it('opens a month as its first to last local day, leap years included', () => {
    expect(monthDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(drillFilter({ kind: 'month', month: '2026-03' }, { from: '2025-04', to: '2026-03' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });

  it('narrows a country, a customs mode or a SKU to the period shown', () => {
    const period = { from: '2025-04', to: '2026-03' };
    expect(drillFilter({ kind: 'country', country: 'JP' }, period)).toEqual({
      from: '2025-04-01',
      to: '2026-03-31',
      country: 'JP',
    });
    expect(drillFilter({ kind: 'customsMode', mode: '9810' }, period)).toMatchObject({ customsMode: '9810' });
    expect(drillFilter({ kind: 'sku', sku: 'SKU-MUG-01' }, period)).toMatchObject({ q: 'SKU-MUG-01' });
  });
});
