/**
 * The checks of lessons 1 and 5 (issue 18 point 2) in a sandbox made by `kuajing training new`: each
 * step is not done before the trainee does it and is done right after (lesson 2: training-sandbox.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { runCli } from '../../src-main/cli/run-cli.ts';
import { checkLessons } from '../../src-main/areas/training/index.ts';
import { buildMessages, orders, queueThroughCustoms, tempDir } from '../unit/sync/sync-test-kit.ts';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

async function sandbox(scenario: string) {
  const dir = path.join(tempDir('kuajing-sandboxes-'), 'lessons');
  const code = await runCli(['training', 'new', '--scenario', scenario, '--data-dir', dir], {
    out: () => undefined,
    err: () => undefined,
    untilStopped: () => new Promise(() => undefined),
  });
  expect(code).toBe(0);
  ws = await openWorkspace({ dataDir: dir, host: 'cli' });
  const dispatch = createDispatch(createHandlers(ws), () => undefined);
  const w = ws;
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const done = (lesson: number) => Object.fromEntries(checkLessons(w, lesson).map((s) => [s.step, s.done]));
  return { w, call, done };
}

const declared = (xml: string) => xml.replaceAll('<ceb:appStatus>1<', '<ceb:appStatus>2<');

describe('lesson checks', () => {
  it("lesson 1: the profile must be saved with the scenario's pilot zone, and every order needs a customs mode", async () => {
    const { call, done } = await sandbox('parcel-9610');
    expect(done(1)).toEqual({ profile: false, customsModes: false });
    const profile = {
      name: '杭州练习跨境电商有限公司',
      uscc: '91350100M000100Y43',
      customsCode: '3301960ABC',
      pilotZone: 'ningbo',
      baseCurrency: 'CNY',
    };
    await call('company.save', profile);
    expect(done(1)).toEqual({ profile: false, customsModes: false }); // wrong pilot zone
    await call('company.save', { ...profile, pilotZone: 'hangzhou' });
    expect(done(1)).toEqual({ profile: true, customsModes: false });
    const list = await call<{ items: Array<{ id: number }> }>('orders.list', { limit: 500 });
    const ids = list.items.map((o) => o.id);
    expect(ids.length).toBeGreaterThan(1);
    await call('orders.setCustomsMode', { ids: ids.slice(1), mode: '9610' });
    expect(done(1)).toEqual({ profile: true, customsModes: false }); // one order left
    await call('orders.setCustomsMode', { ids: ids.slice(0, 1), mode: '9810' });
    expect(done(1)).toEqual({ profile: true, customsModes: true });
  });

  it('lesson 3: a head-haul to an overseas warehouse, its landed cost and its receipt tick in turn', async () => {
    const { call, done } = await sandbox('overseas-9810');
    expect(done(3)).toEqual({ shipment: false, landedCost: false, received: false });
    const sku = await call<{ id: number }>('stock.skus.save', {
      itemNo: 'CUP-1',
      goodsName: '陶瓷杯',
      gmodel: '',
      hsCode: '6912001000',
      unit: '007',
      legalUnit: '011',
    });
    const dom = await call<{ id: number }>('stock.warehouses.save', {
      code: 'CN',
      name: '义乌仓',
      kind: 'domestic',
      country: 'CN',
    });
    const us = await call<{ id: number }>('stock.warehouses.save', {
      code: 'US-1',
      name: 'LA',
      kind: 'overseasPublic',
      country: 'US',
    });
    await call('stock.moves.post', {
      date: '2026-03-01',
      type: 'purchase',
      skuId: sku.id,
      warehouseId: dom.id,
      quantity: 10,
      unitCost: '12.50',
    });
    expect(done(3)).toEqual({ shipment: false, landedCost: false, received: false });
    const shipment = await call<{ id: number }>('stock.shipments.create', {
      bookingNoteNo: 'BN-9810-1',
      carrier: 'COSCO',
      cartons: 1,
      shipDate: '2026-03-02',
      eta: '2026-03-20',
      fromWarehouseId: dom.id,
      toWarehouseId: us.id,
      allocationBasis: 'quantity',
      lines: [{ skuId: sku.id, quantity: 10 }],
    });
    expect(done(3)).toEqual({ shipment: true, landedCost: false, received: false });
    await call('stock.shipments.addCost', {
      shipmentId: shipment.id,
      kind: 'freight',
      date: '2026-03-03',
      amount: '300.00',
      currency: 'CNY',
    });
    expect(done(3)).toEqual({ shipment: true, landedCost: true, received: false });
    await call('stock.shipments.receive', {
      shipmentId: shipment.id,
      date: '2026-03-20',
      lines: [{ skuId: sku.id, received: 10 }],
    });
    expect(done(3)).toEqual({ shipment: true, landedCost: true, received: true });
  });

  it('lesson 7: rates, the settlement report and the FX receipt tick in turn', async () => {
    const { w, call, done } = await sandbox('parcel-9610');
    expect(done(7)).toEqual({ rates: false, payout: false, fxReceipt: false });
    const file = path.join(w.dataDir, 'files', 'amazon-settlement-v2.tsv');
    const preview = (input: unknown) => call<{ previewId: string }>('payouts.preview', input);
    const content = {
      fileName: 'amazon-settlement-v2.tsv',
      contentBase64: fs.readFileSync(file).toString('base64'),
      source: 'amazon-settlement',
    };
    await expect(call('payouts.confirm', { previewId: (await preview(content)).previewId })).rejects.toThrow(
      'rates.missing',
    ); // no rate yet: not booked
    expect(done(7)).toEqual({ rates: false, payout: false, fxReceipt: false });
    for (
      let d = new Date('2026-02-01T00:00:00Z');
      d <= new Date('2026-04-30T00:00:00Z');
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      await call('rates.save', { currency: 'USD', date: d.toISOString().slice(0, 10), rate: '7.1000', source: 'pboc' });
    }
    expect(done(7)).toEqual({ rates: true, payout: false, fxReceipt: false });
    await call('payouts.confirm', { previewId: (await preview(content)).previewId });
    expect(done(7)).toEqual({ rates: true, payout: true, fxReceipt: false });
    const payout = w.read.prepare('SELECT id, deposit, deposit_date AS date FROM payouts').get() as {
      id: number;
      deposit: number;
      date: string;
    };
    expect(payout.deposit).toBeGreaterThan(0);
    await call('settlement.receipts.record', {
      payoutId: payout.id,
      date: payout.date,
      currency: 'USD',
      amount: (payout.deposit / 100).toFixed(2),
      bankRate: '7.1200',
    });
    expect(done(7)).toEqual({ rates: true, payout: true, fxReceipt: true });
  });

  it('lesson 5: connect, send, read receipts and find the rejection tick one after another', async () => {
    const { w, call, done } = await sandbox('overseas-9810');
    expect(done(5)).toEqual({ connect: false, send: false, receipts: false, rejection: false });
    await call('training.practice.start', { stepMs: 0 });
    expect(done(5)).toEqual({ connect: true, send: false, receipts: false, rejection: false });
    const built = buildMessages(orders(3), 1);
    const syncUntil = async (step: string) => {
      for (let i = 0; i < 5 && !done(5)[step]; i++) await call('sync.now');
    };
    queueThroughCustoms(
      w,
      built.ceb303.slice(0, 2).map((m) => ({ ...m, xml: declared(m.xml) })),
    );
    expect(await call<{ sent: number }>('sync.now')).toMatchObject({ sent: 2 });
    expect(done(5)).toMatchObject({ connect: true, send: true, rejection: false });
    await syncUntil('receipts');
    expect(done(5)).toEqual({ connect: true, send: true, receipts: true, rejection: false }); // only accepted receipts so far
    // the list of order 3 goes without its order → 三单比对 fails (receipt 100)
    queueThroughCustoms(
      w,
      [built.ceb603[2]!].map((m) => ({ ...m, xml: declared(m.xml) })),
    );
    await syncUntil('rejection');
    expect(done(5)).toEqual({ connect: true, send: true, receipts: true, rejection: true });
    await call('training.practice.stop');
  });
});
