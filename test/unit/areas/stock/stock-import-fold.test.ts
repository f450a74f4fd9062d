/**
 * stock.import folds each touched SKU once at the end (not after every row). The result must be
 * what posting the same rows one by one (stock.moves.post, a fold each) gives: the same rows
 * rejected with the same codes and params (negative stock included, also backdated), the same
 * moves with the same values, layers and takes.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { StockImportSummary, StockPosition } from '../../../../src-main/api/contract.ts';
import { ok } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const SKUS = ['CUP-1', 'CUP-2', 'POT-1', 'MAT-1', 'BAG-1'];
const WAREHOUSES = ['CN', 'US-1', 'RET'];

async function workspace() {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  const ids = { sku: new Map<string, number>(), wh: new Map<string, number>() };
  for (const itemNo of SKUS) {
    ids.sku.set(
      itemNo,
      (
        await ok<{ id: number }>(t.dispatch, 'stock.skus.save', {
          itemNo,
          goodsName: itemNo,
          gmodel: '',
          hsCode: '6912001000',
          unit: '007',
          legalUnit: '011',
        })
      ).id,
    );
  }
  for (const code of WAREHOUSES) {
    ids.wh.set(
      code,
      (
        await ok<{ id: number }>(t.dispatch, 'stock.warehouses.save', {
          code,
          name: code,
          kind: code === 'RET' ? 'returns' : 'domestic',
          country: null,
        })
      ).id,
    );
  }
  return { ...t, ids };
}

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  date: string;
  type: string;
  sku: string;
  warehouse: string;
  to: string;
  quantity: number;
  unitCost: string;
  reference: string;
  reason: string;
}

/** 2,000 rows over 5 SKUs, dates out of order (backdated rows), some sales too large (negative stock). */
function rows(n: number): Row[] {
  const rnd = seeded(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const day = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 200) * 86_400_000).toISOString().slice(0, 10);
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const x = rnd();
    const base = {
      date: day(),
      sku: pick(SKUS),
      warehouse: pick(WAREHOUSES),
      to: '',
      unitCost: '',
      reference: '',
      reason: '',
    };
    if (x < 0.3)
      out.push({
        ...base,
        type: 'purchase',
        quantity: 1 + Math.floor(rnd() * 50),
        unitCost: `${1 + Math.floor(rnd() * 40)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`,
      });
    else if (x < 0.65)
      out.push({
        ...base,
        type: 'sale',
        quantity: 1 + Math.floor(rnd() * (rnd() < 0.1 ? 200 : 15)),
        reference: `ORD-${i % 300}`,
      });
    else if (x < 0.8)
      out.push({
        ...base,
        type: 'transfer',
        to: pick(WAREHOUSES.filter((w) => w !== base.warehouse)),
        quantity: 1 + Math.floor(rnd() * 10),
      });
    else if (x < 0.88)
      out.push({
        ...base,
        type: 'return',
        quantity: 1 + Math.floor(rnd() * 3),
        reference: `ORD-${Math.floor(rnd() * 300)}`,
      });
    else if (x < 0.94) out.push({ ...base, type: 'count', quantity: Math.floor(rnd() * 40), reason: 'stocktake' });
    else out.push({ ...base, type: 'writeoff', quantity: 1 + Math.floor(rnd() * 5), reason: 'damaged' });
  }
  return out;
}

function state(ws: Workspace) {
  const q = (sql: string) => ws.read.prepare(sql).all();
  return {
    moves:
      q(`SELECT m.date, m.type, s.item_no, w.code, m.quantity, m.value, m.input_value, m.counted, m.reference, m.reason,
      (SELECT code FROM warehouses x JOIN stock_moves p ON p.warehouse_id = x.id WHERE p.id = m.pair_move_id) AS pair_from
      FROM stock_moves m JOIN skus s ON s.id = m.sku_id JOIN warehouses w ON w.id = m.warehouse_id ORDER BY m.id`),
    layers: q(
      'SELECT sku_id, warehouse_id, seq, received_at, quantity, value FROM stock_layers ORDER BY sku_id, warehouse_id, seq',
    ),
    takes: q('SELECT t.quantity, t.value, t.received_at FROM stock_move_takes t ORDER BY t.move_id, t.rowid'),
    balances: q('SELECT * FROM stock_balances ORDER BY sku_id, warehouse_id'),
  };
}

describe('stock.import folds once per SKU', () => {
  it('2,000 rows over 5 SKUs give exactly what posting them one by one gives', async () => {
    const data = rows(2000);
    const header = 'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason';
    const csv = [
      header,
      ...data.map((r) =>
        [r.date, r.type, r.sku, r.warehouse, r.to, r.quantity, r.unitCost, '', 'CNY', r.reference, r.reason].join(','),
      ),
    ].join('\n');

    const a = await workspace();
    const started = Date.now();
    const summary = await ok<StockImportSummary>(a.dispatch, 'stock.import', {
      fileName: 'moves.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      source: 'stock-moves',
      acceptValidRows: true,
    });
    const importMs = Date.now() - started;

    const b = await workspace();
    const rejectedOneByOne: Array<{ row: number; code: string; params: unknown }> = [];
    for (const [i, r] of data.entries()) {
      const res = await b.dispatch('stock.moves.post', {
        date: r.date,
        type: r.type,
        skuId: b.ids.sku.get(r.sku),
        warehouseId: b.ids.wh.get(r.warehouse),
        ...(r.to ? { toWarehouseId: b.ids.wh.get(r.to) } : {}),
        quantity: r.quantity,
        ...(r.unitCost ? { unitCost: r.unitCost, currency: 'CNY' } : {}),
        ...(r.reference ? { reference: r.reference } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
      });
      if (!res.ok) rejectedOneByOne.push({ row: i + 2, code: res.error.code, params: res.error.params });
    }

    // The file exercises the rejections: backdated and plain negative stock both occur.
    expect(rejectedOneByOne.filter((r) => r.code === 'stock.negative').length).toBeGreaterThan(50);
    expect(summary.rows).toBe(2000);
    expect(summary.rejected.map((r) => ({ row: r.row, code: r.code, params: r.params }))).toEqual(rejectedOneByOne);
    expect(summary.posted).toBe(2000 - rejectedOneByOne.length);
    expect(state(a.ws)).toEqual(state(b.ws));
    const val = async (d: Dispatch) =>
      ok<{ items: StockPosition[]; total: unknown }>(d, 'stock.valuation', { asOf: '2025-12-31' });
    expect(await val(a.dispatch)).toEqual(await val(b.dispatch));
    expect(importMs).toBeLessThan(20_000);
  }, 120_000);
});
