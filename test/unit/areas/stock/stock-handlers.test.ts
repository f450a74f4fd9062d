import { describe, it, expect, afterEach } from 'vitest';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type {
  SkuRecord,
  StockImportSummary,
  StockMove,
  StockPosition,
  Warehouse,
} from '../../../../src-main/api/contract.ts';
import { ok, errorOf } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function setup() {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  const d = t.dispatch;
  const sku = await ok<SkuRecord>(d, 'stock.skus.save', {
    itemNo: 'CUP-1',
    goodsName: '陶瓷杯',
    gmodel: '',
    hsCode: '6912001000',
    unit: '007',
    legalUnit: '011',
  });
  const dom = await ok<Warehouse>(d, 'stock.warehouses.save', {
    code: 'CN',
    name: '义乌仓',
    kind: 'domestic',
    country: 'CN',
  });
  const us = await ok<Warehouse>(d, 'stock.warehouses.save', {
    code: 'US-1',
    name: 'LA',
    kind: 'overseasOwn',
    country: 'US',
  });
  const post = (input: Record<string, unknown>) =>
    ok<StockMove[]>(d, 'stock.moves.post', { skuId: sku.id, warehouseId: dom.id, ...input });
  const onHand = async (asOf: string) => (await ok<{ items: StockPosition[] }>(d, 'stock.onHand', { asOf })).items;
  return { ...t, d, sku, dom, us, post, onHand };
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('stock rejections', () => {
  it('refuses an HS code that is not 10 digits and an unknown SKU', async () => {
    const { d, dom } = await setup();
    const e = await errorOf(d, 'stock.skus.save', {
      itemNo: 'X',
      goodsName: 'x',
      gmodel: '',
      hsCode: '691200',
      unit: '007',
      legalUnit: '011',
    });
    expect(e.code).toBe('validation.failed');
    expect(e.fields).toEqual({ hsCode: 'stock.sku.hsCode.length' });
    expect(
      (
        await errorOf(d, 'stock.moves.post', {
          date: '2026-01-01',
          type: 'purchase',
          skuId: 99,
          warehouseId: dom.id,
          quantity: 1,
          unitCost: '1',
        })
      ).code,
    ).toBe('stock.sku.unknown');
    expect(
      (
        await errorOf(d, 'stock.moves.post', {
          date: '2026-01-01',
          type: 'purchase',
          skuId: 1,
          warehouseId: 99,
          quantity: 1,
          unitCost: '1',
        })
      ).code,
    ).toBe('stock.warehouse.unknown');
  });

  it('refuses negative stock, also a backdated sale that would make a later date negative', async () => {
    const { d, post, sku, dom } = await setup();
    await post({ date: '2026-01-01', type: 'purchase', quantity: 10, unitCost: '2.50' });
    const e = await errorOf(d, 'stock.moves.post', {
      date: '2026-01-02',
      type: 'sale',
      skuId: sku.id,
      warehouseId: dom.id,
      quantity: 11,
    });
    expect(e).toMatchObject({ code: 'stock.negative', params: { sku: 'CUP-1', warehouse: 'CN', date: '2026-01-02' } });
    await post({ date: '2026-01-10', type: 'sale', quantity: 8 });
    // On 2026-01-05 there are 10 units, but the sale of 8 on the 10th would then find only 5.
    const back = await errorOf(d, 'stock.moves.post', {
      date: '2026-01-05',
      type: 'sale',
      skuId: sku.id,
      warehouseId: dom.id,
      quantity: 5,
    });
    expect(back).toMatchObject({
      code: 'stock.negative',
      params: { sku: 'CUP-1', warehouse: 'CN', date: '2026-01-10' },
    });
  });

  it('needs a rate for a foreign cost and never assumes 1', async () => {
    const { d, sku, dom, post } = await setup();
    expect(
      (
        await errorOf(d, 'stock.moves.post', {
          date: '2026-01-01',
          type: 'purchase',
          skuId: sku.id,
          warehouseId: dom.id,
          quantity: 3,
          unitCost: '1.10',
          currency: 'USD',
        })
      ).code,
    ).toBe('stock.rate.required');
    const [m] = await post({
      date: '2026-01-01',
      type: 'purchase',
      quantity: 3,
      unitCost: '1.10',
      currency: 'USD',
      rate: '7.2',
    });
    expect(m!.value).toBe(2376); // 3 × 1.10 × 7.2 = 23.76 CNY
  });
});

describe('reversals and the append-only ledger', () => {
  it('a reversal restores on-hand and value exactly; a move is reversed once', async () => {
    const { d, post, onHand, us } = await setup();
    await post({ date: '2026-01-01', type: 'purchase', quantity: 3, unitCost: '3.33' });
    await post({ date: '2026-01-02', type: 'purchase', quantity: 7, unitCost: '1.01' });
    const before = await onHand('2026-12-31');
    const [sale] = await post({ date: '2026-01-03', type: 'sale', quantity: 4 });
    expect(sale!.value).toBe(-(999 + 101));
    const rev = await ok<StockMove[]>(d, 'stock.moves.reverse', { moveId: sale!.id, reason: 'entered twice' });
    expect(rev[0]).toMatchObject({ type: 'reversal', quantity: 4, value: 1100, reversesMoveId: sale!.id });
    expect(await onHand('2026-12-31')).toEqual(before);
    expect((await errorOf(d, 'stock.moves.reverse', { moveId: sale!.id, reason: 'again' })).code).toBe(
      'stock.move.alreadyReversed',
    );

    const legs = await post({ date: '2026-01-04', type: 'transfer', toWarehouseId: us.id, quantity: 5 });
    expect(legs.map((l) => l.quantity)).toEqual([-5, 5]);
    await ok(d, 'stock.moves.reverse', { moveId: legs[0]!.id, reason: 'wrong warehouse' });
    expect(await onHand('2026-12-31')).toEqual(before);

    const [purchase] = await post({ date: '2026-01-05', type: 'purchase', quantity: 2, unitCost: '9.99' });
    await ok(d, 'stock.moves.reverse', { moveId: purchase!.id, reason: 'wrong supplier' });
    expect(await onHand('2026-12-31')).toEqual(before);
    const list = await ok<{ items: StockMove[] }>(d, 'stock.moves.list', {});
    expect(list.items.find((m) => m.id === sale!.id)!.reversedByMoveId).toBe(rev[0]!.id);
  });

  it('posted moves cannot be updated or deleted (triggers); only the derived value may change', async () => {
    const { ws, post } = await setup();
    const [m] = await post({ date: '2026-01-01', type: 'purchase', quantity: 3, unitCost: '1' });
    expect(() => ws.read.prepare('UPDATE stock_moves SET quantity = 4 WHERE id = ?').run(m!.id)).toThrow(/append-only/);
    expect(() => ws.read.prepare('DELETE FROM stock_moves WHERE id = ?').run(m!.id)).toThrow(/append-only/);
    expect(() => ws.read.prepare('UPDATE stock_moves SET value = value WHERE id = ?').run(m!.id)).not.toThrow();
  });
});

describe('valuation method, ageing, reorder hints', () => {
  it('moving average re-folds everything and changes issue values', async () => {
    const { d, post } = await setup();
    await post({ date: '2026-01-01', type: 'purchase', quantity: 1, unitCost: '1.00' });
    await post({ date: '2026-01-02', type: 'purchase', quantity: 2, unitCost: '2.50' });
    const [sale] = await post({ date: '2026-01-03', type: 'sale', quantity: 1 });
    expect(sale!.value).toBe(-100);
    await ok(d, 'settings.setValuationMethod', { method: 'movingAverage' });
    const moves = await ok<{ items: StockMove[] }>(d, 'stock.moves.list', {});
    expect(moves.items.find((m) => m.id === sale!.id)!.value).toBe(-200); // (100 + 500) / 3 = 200
    const v = await ok<{ method: string; total: { value: number } }>(d, 'stock.valuation', { asOf: '2026-12-31' });
    expect(v).toMatchObject({ method: 'movingAverage', total: { value: 400 } });
  });

  it('ages layers into buckets and hints at reorder from the last 30 days of sales', async () => {
    const { d, post } = await setup();
    await post({ date: '2025-01-01', type: 'purchase', quantity: 10, unitCost: '1.00' });
    await post({ date: '2026-03-01', type: 'purchase', quantity: 20, unitCost: '2.00' });
    await post({ date: '2026-03-10', type: 'sale', quantity: 15 });
    const rows = await ok<Array<{ buckets: Record<string, { quantity: number; value: number }> }>>(d, 'stock.ageing', {
      asOf: '2026-03-20',
    });
    expect(rows[0]!.buckets['0-30']).toEqual({ quantity: 15, value: 3000 });
    expect(rows[0]!.buckets['365+']).toEqual({ quantity: 0, value: 0 });
    const hints = await ok<Array<{ onHand: number; sold30d: number; daysOfCover: number | null }>>(
      d,
      'stock.reorderHints',
      { asOf: '2026-03-20' },
    );
    expect(hints[0]).toMatchObject({ onHand: 15, sold30d: 15, daysOfCover: 30 });
  });
});

describe('stock.import', () => {
  const header = 'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason\n';

  it('posts good rows, lists bad ones with row/column/code, and creates unknowns only with createMissing', async () => {
    const { d, onHand } = await setup();
    const file =
      header +
      [
        '2026-01-01,purchase,CUP-1,CN,,10,2.00,,CNY,PO-1,',
        '2026-01-02,sale,CUP-1,CN,,20,,,,,',
        '2026-01-02,purchase,NEW-1,CN,,5,1.00,,CNY,,',
        '2026-01-03,purchase,CUP-1,CN,,1,1.00,,USD,,',
        '2026-13-03,purchase,CUP-1,CN,,1,1.00,,CNY,,',
      ].join('\n');
    const dry = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'm.csv',
      contentBase64: b64(file),
      source: 'stock-moves',
      dryRun: true,
    });
    expect(dry.posted).toBe(1);
    expect(await onHand('2026-12-31')).toEqual([]);
    const all = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'm.csv',
      contentBase64: b64(file),
      source: 'stock-moves',
    });
    expect(all).toMatchObject({ posted: 1, committed: false });
    expect(await onHand('2026-12-31')).toEqual([]);
    const s = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'm.csv',
      contentBase64: b64(file),
      source: 'stock-moves',
      acceptValidRows: true,
    });
    expect(s.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [3, 'quantity', 'stock.negative'],
      [4, 'sku', 'stock.sku.unknown'],
      [5, 'currency', 'stock.rate.required'],
      [6, 'date', 'stock.row.badDate'],
    ]);
    expect(s).toMatchObject({ rows: 5, posted: 1, created: { skus: 0, warehouses: 0 } });
    const c = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'n.csv',
      contentBase64: b64(header + '2026-01-02,purchase,NEW-1,EU-9,,5,1.00,,CNY,,'),
      source: 'stock-moves',
      createMissing: true,
      warehouseKinds: { 'EU-9': { kind: 'overseasPublic', country: 'DE' } },
    });
    expect(c).toMatchObject({ posted: 1, created: { skus: 1, warehouses: 1 } });
  });

  it('lists FBA differences without posting and posts a 3PL count', async () => {
    const { d, post, us, sku } = await setup();
    await post({ date: '2026-01-01', type: 'purchase', quantity: 10, unitCost: '1.00', warehouseId: us.id });
    await ok(d, 'stock.skus.mapPlatform', { skuId: sku.id, platform: 'amazon', kind: 'fnsku', code: 'X00ABC' });
    const fba = 'sku\tfnsku\tasin\tafn-fulfillable-quantity\nAMZ-CUP\tX00ABC\tB0001\t7\n';
    const r = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'fba.txt',
      contentBase64: b64(fba),
      source: 'fba-inventory',
      warehouseId: us.id,
    });
    expect(r.differences).toEqual([{ sku: 'CUP-1', warehouse: 'US-1', ledger: 10, reported: 7, difference: -3 }]);
    expect(r.posted).toBe(0);
    const count = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: '3pl.csv',
      contentBase64: b64('SKU,Qty,Warehouse\nCUP-1,9,US-1\n'),
      source: 'stock-count',
    });
    expect(count).toMatchObject({
      posted: 1,
      differences: [{ sku: 'CUP-1', ledger: 10, reported: 9, difference: -1 }],
    });
    const after = await ok<{ items: StockPosition[] }>(d, 'stock.onHand', {});
    expect(after.items[0]!.quantity).toBe(9);
  });
});
