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
import { statusRank } from '../../src-main/core/customs/index.ts';
import { buildMessages, orders, queueThroughCustoms, tempDir } from '../unit/sync/sync-test-kit.ts';
import { NO_OPTIONAL_PARTIES } from '../unit/areas/customs/customs-fixture-data.ts';

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

const CUSTOMS_SETTINGS = {
  ebpCode: '3301964J31',
  ebpName: '亚马逊美国站',
  customsCode: '2991',
  portCode: '2991',
  pod: '502',
  trafMode: '5',
  wrapType: '2',
  statisticsFlag: 'B',
  logisticsCode: '3120980105',
  logisticsName: '示例国际物流有限公司',
  ...NO_OPTIONAL_PARTIES,
  appStatus: '2',
  declaresWaybills: false,
  sendsPaymentReceipts: false,
  payCode: null,
  payName: null,
} as const;

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

  it('lessons 4, 6 and 8: declarations with the planted waybill fault, the summary declaration and the tax printouts tick step by step', async () => {
    const { w, call, done } = await sandbox('parcel-9610');
    const file = (name: string) => ({
      fileName: name,
      contentBase64: fs.readFileSync(path.join(w.dataDir, 'files', name)).toString('base64'),
    });
    const L4 = { settings: false, skus: false, waybills: false, fixPrecheck: false, build: false };
    expect(done(4)).toEqual(L4);
    expect(done(6)).toEqual({ released: false, apply: false, declared: false });
    expect(done(8)).toEqual({ register: false, rates: false, close: false });

    // lesson 1 first (a build needs the profile with the DXP id and the orders' customs mode)
    await call('company.save', {
      name: '杭州练习跨境电商有限公司',
      uscc: '91350100M000100Y43',
      customsCode: '3301960ABC',
      dxpId: 'DXPENT0000012345',
      pilotZone: 'hangzhou',
      baseCurrency: 'CNY',
    });
    const ids = (await call<{ items: Array<{ id: number }> }>('orders.list', { limit: 500 })).items.map((o) => o.id);
    await call('orders.setCustomsMode', { ids, mode: '9610' });
    expect(done(4)).toEqual(L4);

    await call('customs.settings.save', CUSTOMS_SETTINGS);
    expect(done(4)).toEqual({ ...L4, settings: true });
    await call('stock.skus.import', file('sku-customs.csv'));
    expect(done(4)).toEqual({ ...L4, settings: true, skus: true });
    await call('customs.shipping.import', file('waybills.csv'));
    expect(done(4)).toEqual({ ...L4, settings: true, skus: true, waybills: true });

    // the planted fault: the pre-check (三单比对) blocks the orders left out of the waybill file
    const pre = await call<{ findings: Array<{ code: string; orderId: number | null; orderNo: string }> }>(
      'customs.precheck',
      { orderIds: ids },
    );
    const blocked = pre.findings.filter((f) => f.code === 'precheck.logisticsNo.missing');
    expect(blocked).toHaveLength(2);
    // a declaration (appStatus 2) is signed: the practice platform sets the practice SM2 signer
    await call('training.practice.start', { stepMs: 0 });
    const built0 = await call<{ built: number }>('customs.build', { orderIds: ids });
    expect(built0.built).toBeGreaterThan(20);
    expect(done(4)).toEqual({ settings: true, skus: true, waybills: true, fixPrecheck: false, build: false });
    for (const [i, f] of blocked.entries()) {
      await call('customs.shipping.save', {
        orderId: f.orderId,
        logisticsNo: `SF90000000${i}`,
        logisticsCode: null,
        logisticsName: null,
        exportDate: '2026-03-20',
        grossWeightGrams: null,
        packNo: null,
        copNo: null,
      });
    }
    expect(done(4)).toEqual({ settings: true, skus: true, waybills: true, fixPrecheck: true, build: false });
    const built1 = await call<{ built: number }>('customs.build', { orderIds: blocked.map((f) => f.orderId!) });
    expect(built1.built).toBe(2);
    expect(done(4)).toEqual({ settings: true, skus: true, waybills: true, fixPrecheck: true, build: true });

    // lesson 6: released lists, the summary application, the declaration number
    expect(done(6)).toEqual({ released: false, apply: false, declared: false });
    expect(done(8)).toEqual({ register: false, rates: false, close: false });
    expect(done(5)['rejection']).toBe(false);
    for (let i = 0; i < 10 && !done(6)['released']; i++) await call('sync.now');
    // the scenario's planted customs refusal: one list comes back refused (lesson 5)
    expect(done(5)['rejection']).toBe(true);
    expect(done(6)).toEqual({ released: true, apply: false, declared: false });
    const releasedDays = () =>
      w.read
        .prepare(
          "SELECT DISTINCT substr(o.ordered_at, 1, 10) FROM customs_documents d JOIN orders o ON o.id = d.order_id WHERE d.type = 'CEB603' AND d.status_rank >= ?",
        )
        .pluck()
        .all(statusRank('800')) as string[];
    // one application per group of the 194号 plan (one month, one exit office…)
    const plan = await call<{ groups: Array<{ invtNos: string[] }> }>('customs.summary.plan', {});
    const group = [...plan.groups].sort((x, y) => y.invtNos.length - x.invtNos.length)[0]!;
    await call('customs.summary.apply', { invtNos: group.invtNos, summaryFlag: '1', itemNameFlag: '0' });
    expect(done(6)).toEqual({ released: true, apply: true, declared: false });
    for (let i = 0; i < 10 && !done(6)['declared']; i++) await call('sync.now');
    expect(done(6)).toEqual({ released: true, apply: true, declared: true });
    await call('training.practice.stop');

    // lesson 8: the register has exports; PBoC rates for every sale day; the months closed
    expect(done(8)).toEqual({ register: true, rates: false, close: false });
    const days = releasedDays();
    const allMonths = [...new Set(days.map((d) => d.slice(0, 7)))].sort();
    for (const m of allMonths) {
      const end = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
      for (let d = 1; d <= end; d++)
        await call('rates.save', {
          currency: 'USD',
          date: `${m}-${String(d).padStart(2, '0')}`,
          rate: '7.1000',
          source: 'pboc',
        });
    }
    expect(done(8)).toEqual({ register: true, rates: true, close: false });
    for (const m of allMonths.slice(0, -1)) await call('periods.close', { month: m });
    if (allMonths.length > 1) expect(done(8)).toEqual({ register: true, rates: true, close: false });
    await call('periods.close', { month: allMonths.at(-1)! });
    expect(done(8)).toEqual({ register: true, rates: true, close: true });
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
