import { m } from '../../../helpers/money.ts';
import { describe, it, expect } from 'vitest';
import { foldSku, issuePreferring, type FoldMove } from '../../../../src-main/core/stock/stock-fold.ts';
import type { ValuationMethod } from '../../../../src-main/core/stock/cost-layers.ts';

const names = { sku: 'S', warehouse: (id: number) => `W${id}` };

/** Seeded LCG, so a failure can be replayed from the printed seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function randomMoves(seed: number): FoldMove[] {
  const r = rng(seed);
  const moves: FoldMove[] = [];
  const qty = [0, 0, 0];
  let id = 1;
  const base = { reversesMoveId: null, pairMoveId: null, inputValue: null } as const;
  for (let i = 0; i < 60; i++) {
    const date = `2026-01-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`;
    const wh = r(3);
    const kind = r(4);
    if (kind === 0 || qty[wh]! === 0) {
      const q = 1 + r(50);
      moves.push({
        ...base,
        id: id++,
        date,
        type: 'purchase',
        warehouseId: wh,
        quantity: q,
        inputValue: m(r(100_000)),
      });
      qty[wh]! += q;
    } else if (kind === 1) {
      const q = 1 + r(qty[wh]!);
      moves.push({ ...base, id: id++, date, type: 'sale', warehouseId: wh, quantity: -q });
      qty[wh]! -= q;
    } else if (kind === 2) {
      const to = (wh + 1 + r(2)) % 3;
      const q = 1 + r(qty[wh]!);
      const out = id++;
      moves.push({ ...base, id: out, date, type: 'transfer', warehouseId: wh, quantity: -q });
      moves.push({ ...base, id: id++, date, type: 'transfer', warehouseId: to, quantity: q, pairMoveId: out });
      qty[wh]! -= q;
      qty[to]! += q;
    } else {
      moves.push({
        ...base,
        id: id++,
        date,
        type: 'landedCost',
        warehouseId: wh,
        quantity: 0,
        inputValue: m(r(5000)),
        pairMoveId: 1,
      });
    }
  }
  return moves;
}

describe('foldSku', () => {
  for (const method of ['fifo', 'movingAverage'] as ValuationMethod[]) {
    it(`${method}: over random purchases, issues, transfers and landed costs, Σ move values = Σ layer values and no layer goes negative`, () => {
      for (let seed = 1; seed <= 200; seed++) {
        const moves = randomMoves(seed);
        const f = foldSku(moves, method, names);
        const layers = [...f.layers.values()].flat();
        const totalMoves = [...f.values.values()].reduce((s, v) => s + v, 0);
        const totalLayers = layers.reduce((s, l) => s + l.value, 0);
        expect(totalMoves, `seed ${seed}`).toBe(totalLayers);
        for (const l of layers) expect(l.quantity, `seed ${seed}`).toBeGreaterThan(0);
        for (const l of layers) expect(l.value, `seed ${seed}`).toBeGreaterThanOrEqual(0);
        for (const [wh, ls] of f.layers) {
          const q = moves.filter((m) => m.warehouseId === wh).reduce((s, m) => s + m.quantity, 0);
          expect(
            ls.reduce((s, l) => s + l.quantity, 0),
            `seed ${seed}`,
          ).toBe(q);
        }
      }
    });
  }

  it('folds by date, so a backdated issue that starves a later one throws stock.negative at the later date', () => {
    const base = { reversesMoveId: null, pairMoveId: null, inputValue: null, warehouseId: 1 } as const;
    const moves: FoldMove[] = [
      { ...base, id: 1, date: '2026-01-01', type: 'purchase', quantity: 10, inputValue: m(1000) },
      { ...base, id: 2, date: '2026-01-10', type: 'sale', quantity: -8 },
      { ...base, id: 3, date: '2026-01-05', type: 'sale', quantity: -5 },
    ];
    expect(() => foldSku(moves, 'fifo', names)).toThrow(
      expect.objectContaining({
        code: 'stock.negative',
        params: expect.objectContaining({ date: '2026-01-10', warehouse: 'W1' }),
      }),
    );
  });

  it('issuePreferring takes the preferred layer first and keeps FIFO order for the rest', () => {
    const layers = [
      { sourceMoveId: 1, receivedAt: '2026-01-01', quantity: 5, value: m(500) },
      { sourceMoveId: 2, receivedAt: '2026-01-02', quantity: 5, value: m(1000) },
      { sourceMoveId: 3, receivedAt: '2026-01-03', quantity: 5, value: m(1500) },
    ];
    const r = issuePreferring(layers, 7, new Set([2]), { sku: 'S', warehouse: 'W', date: 'd' });
    expect(r.taken.map((t) => [t.sourceMoveId, t.quantity, t.value])).toEqual([
      [2, 5, 1000],
      [1, 2, 200],
    ]);
    expect(r.left.map((l) => [l.sourceMoveId, l.quantity, l.value])).toEqual([
      [1, 3, 300],
      [3, 5, 1500],
    ]);
  });
});
