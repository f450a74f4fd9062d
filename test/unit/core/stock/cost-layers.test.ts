import { m } from '../../../helpers/money.ts';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addValue,
  ageing,
  issue,
  onHand,
  receive,
  type CostLayer,
} from '../../../../src-main/core/stock/cost-layers.ts';
import { DomainError } from '../../../../src-main/core/domain-error.ts';

const ctx = { sku: 'MUG-01', warehouse: 'SZ', date: '2026-03-05' };
const layer = (id: number, quantity: number, value: number, receivedAt = '2026-01-01'): CostLayer => ({
  sourceMoveId: id,
  receivedAt,
  quantity,
  value: m(value),
});

describe('FIFO cost layers', () => {
  it('takes the oldest layer first and values a partial take exactly, the rest staying in the layer', () => {
    // 600 units at ¥12.00 (720000 fen) then 400 at ¥12.50 (500000 fen); take 650:
    // 600 × 12.00 = 720000 + 50 × 12.50 = 62500 → 782500; left 350 at 437500.
    const layers = receive([], [layer(1, 600, 720_000), layer(2, 400, 500_000)], 'fifo');
    const { taken, left } = issue(layers, 650, ctx);
    expect(taken.map((t) => [t.sourceMoveId, t.quantity, t.value])).toEqual([
      [1, 600, 720_000],
      [2, 50, 62_500],
    ]);
    expect(left).toEqual([layer(2, 350, 437_500)]);
  });

  it('rounds a partial take half up and lets the last unit carry the remaining fen', () => {
    const one = [layer(1, 3, 100)]; // 3 units for 1.00: 33.33… each
    const a = issue(one, 1, ctx); // 33.33 → 33
    const b = issue(a.left, 1, ctx); // 67 × 1/2 = 33.5 → 34
    const c = issue(b.left, 1, ctx); // last unit: 33
    expect([a.taken[0]!.value, b.taken[0]!.value, c.taken[0]!.value]).toEqual([33, 34, 33]);
    expect(c.left).toEqual([]);
  });

  it('refuses to take more than is on hand with stock.negative naming SKU, warehouse and date', () => {
    const e = (() => {
      try {
        issue([layer(1, 5, 500)], 6, ctx);
      } catch (err) {
        return err;
      }
    })() as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('stock.negative');
    expect(e.params).toEqual({ sku: 'MUG-01', warehouse: 'SZ', date: '2026-03-05', onHand: 5, wanted: 6 });
  });

  it('never creates or loses a fen: taken + left always equals what was there (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.integer({ min: 1, max: 500 }), v: fc.integer({ min: 0, max: 10_000_000 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 10 }),
        (ins, outs) => {
          let layers = receive(
            [],
            ins.map((x, i) => layer(i + 1, x.q, x.v)),
            'fifo',
          );
          const start = onHand(layers);
          let takenQ = 0;
          let takenV = 0;
          for (const q of outs) {
            if (q > onHand(layers).quantity) continue;
            const r = issue(layers, q, ctx);
            layers = r.left;
            takenQ += r.taken.reduce((s, t) => s + t.quantity, 0);
            takenV += r.taken.reduce((s, t) => s + t.value, 0);
          }
          const end = onHand(layers);
          return takenQ + end.quantity === start.quantity && takenV + end.value === start.value;
        },
      ),
    );
  });
});

describe('moving average', () => {
  it('pools receipts into one layer and issues at the pooled average', () => {
    const pooled = receive([], [layer(1, 600, 720_000), layer(2, 400, 500_000)], 'movingAverage');
    expect(pooled).toEqual([layer(1, 1000, 1_220_000)]);
    expect(issue(pooled, 650, ctx).taken[0]!.value).toBe(793_000); // 1220000 × 650 / 1000
  });
});

describe('landed cost on layers', () => {
  it('adds freight to the layers still on hand and sends the share of units already sold to cost of goods', () => {
    // shipment move 7 brought 100 units; 40 are gone; freight 1000.00 → 600.00 stays, 400.00 to COGS
    const layers = [layer(7, 60, 60_000), layer(9, 10, 10_000)];
    const r = addValue(layers, m(100_000), [{ sourceMoveId: 7, originalQuantity: 100 }]);
    expect(r.toCostOfGoods).toBe(40_000);
    expect(r.layers).toEqual([layer(7, 60, 120_000), layer(9, 10, 10_000)]);
  });
});

describe('ageing', () => {
  it('puts layers into 0–30, 31–90, 91–180, 181–365 and >365 day buckets by receipt date', () => {
    const a = ageing(
      [layer(1, 1, 10, '2026-03-01'), layer(2, 2, 20, '2025-12-01'), layer(3, 3, 30, '2024-01-01')],
      '2026-03-05',
    );
    expect(a['0-30']).toEqual({ quantity: 1, value: 10 });
    expect(a['91-180']).toEqual({ quantity: 2, value: 20 });
    expect(a['365+']).toEqual({ quantity: 3, value: 30 });
    expect(a['31-90']).toEqual({ quantity: 0, value: 0 });
  });
});
