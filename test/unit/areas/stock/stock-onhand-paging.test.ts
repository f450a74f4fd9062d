/** stock.onHand: optional keyset paging (limit/cursor) walks the same positions as the full list, as of any date. */
import { describe, it, expect, afterEach } from 'vitest';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { StockPosition } from '../../../../src-main/api/contract.ts';
import { ok } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

type OnHand = { asOf: string; items: StockPosition[]; nextCursor?: string | null };

describe('stock.onHand paging', () => {
  it('pages (sku, warehouse) in item-no then code order and matches the full list as of past dates and today', async () => {
    const t = await openTestWorkspace();
    opened.push(t.ws);
    const d = t.dispatch;
    // Warehouse ids in the opposite order of their codes, SKU ids in the opposite order of item numbers.
    const wh = [];
    for (const code of ['ZZ', 'MM', 'AA'])
      wh.push(
        (await ok<{ id: number }>(d, 'stock.warehouses.save', { code, name: code, kind: 'domestic', country: null }))
          .id,
      );
    const skus = [];
    for (let i = 9; i >= 0; i--) {
      skus.push(
        (
          await ok<{ id: number }>(d, 'stock.skus.save', {
            itemNo: `S-${i}`,
            goodsName: 'x',
            gmodel: '',
            hsCode: '6912001000',
            unit: '007',
            legalUnit: '011',
          })
        ).id,
      );
    }
    for (const [k, skuId] of skus.entries()) {
      for (const [j, warehouseId] of wh.entries()) {
        if ((k + j) % 4 === 3) continue;
        await ok(d, 'stock.moves.post', {
          date: '2026-01-01',
          type: 'purchase',
          skuId,
          warehouseId,
          quantity: 10 + k,
          unitCost: '1.00',
        });
        // Some positions are empty by 2026-02-01 (left out), others only exist from then.
        await ok(d, 'stock.moves.post', {
          date: '2026-02-01',
          type: 'sale',
          skuId,
          warehouseId,
          quantity: j === 1 ? 10 + k : 1,
        });
      }
    }
    for (const asOf of ['2025-12-31', '2026-01-15', '2026-02-01', '2030-01-01']) {
      const full = await ok<OnHand>(d, 'stock.onHand', { asOf });
      expect(full.nextCursor ?? null).toBeNull();
      const keys = full.items.map((i) => [i.sku, i.warehouse]);
      expect(keys).toEqual([...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : 1)));
      const walked: StockPosition[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: OnHand = await ok<OnHand>(d, 'stock.onHand', { asOf, limit: 4, cursor });
        expect(page.items.length).toBeLessThanOrEqual(4);
        walked.push(...page.items);
        cursor = page.nextCursor ?? null;
        pages++;
      } while (cursor !== null && pages < 100);
      expect(walked).toEqual(full.items);
      const oneWh = await ok<OnHand>(d, 'stock.onHand', { asOf, warehouseId: wh[2], limit: 3 });
      expect(oneWh.items).toEqual(full.items.filter((i) => i.warehouse === 'AA').slice(0, 3));
      const oneSku = await ok<OnHand>(d, 'stock.onHand', { asOf, skuId: skus[0] });
      expect(oneSku.items).toEqual(full.items.filter((i) => i.sku === 'S-9'));
    }
    expect((await ok<OnHand>(d, 'stock.onHand', { asOf: '2025-12-31' })).items).toEqual([]);
    expect((await ok<OnHand>(d, 'stock.onHand', { asOf: '2026-01-15' })).items).toHaveLength(23);
    const bad = await d('stock.onHand', { limit: 5, cursor: 'nonsense' });
    expect(bad.ok ? null : bad.error.code).toBe('stock.onHand.badCursor');
  });
});
