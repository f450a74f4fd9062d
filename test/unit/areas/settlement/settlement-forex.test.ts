import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

async function setup(now = '2026-04-10T00:00:00Z'): Promise<Dispatch> {
  const { ws, dispatch } = await openTestWorkspace();
  (ws as { clock: () => Date }).clock = () => new Date(now);
  open.push(ws);
  return dispatch;
}

async function orderAndPayout(dispatch: Dispatch): Promise<number> {
  await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-05', rate: '7.1000', source: 'pboc' }));
  await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.1000', source: 'pboc' }));
  const shop = await ok<{ id: number }>(
    dispatch('shops.save', { platform: 'manual', name: 'S', site: null, currency: 'USD', timeZone: 'UTC' }),
  );
  await ok(
    dispatch('orders.save', {
      shopId: shop.id,
      orderNo: 'A-1',
      status: 'shipped',
      orderedAt: '2026-03-05T10:00:00Z',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: '9810',
      fulfilment: 'overseas',
      shipping: '0',
      discount: '0',
      lines: [{ sku: 'CUP', itemName: 'Cup', quantity: 1, unitPrice: '1000.00' }],
    }),
  );
  const csv =
    'Date,Type,Order ID,Amount,Currency\n2026-03-17,Payment,A-1,1000.00,USD\n2026-03-17,Commission fee,A-1,-100.00,USD\n2026-03-17,Shipping,A-1,-50.00,USD\n';
  const p = await ok<{ previewId: string; matchedOrders: number }>(
    dispatch('payouts.preview', {
      fileName: 'p.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      source: 'payout-csv',
    }),
  );
  expect(p.matchedOrders).toBe(1);
  return (await ok<{ payoutId: number; ordersPosted: number }>(dispatch('payouts.confirm', { previewId: p.previewId })))
    .payoutId;
}

describe('repatriation, FX, ageing, advances, thresholds', () => {
  it('worked example through the ledger: booked at 7.1000, converted at 7.0500 with fees, exact to the fen', async () => {
    const dispatch = await setup();
    const payoutId = await orderAndPayout(dispatch);
    const net = await ok<{
      net: number;
      declarations: Array<{ orderNo: string; declarationNo: null; orderValue: number; received: number }>;
    }>(dispatch('settlement.netting', { payoutId }));
    expect(net.net).toBe(85_000);
    expect(net.declarations).toEqual([
      expect.objectContaining({
        orderNo: 'A-1',
        declarationNo: null,
        declaredValue: null,
        orderValue: 100_000,
        received: 85_000,
      }),
    ]);
    // Booked: order 1,000.00 × 7.1 = 7,100.00; fees 150.00 × 7.1 = 1,065.00 → USD 850.00 carried at 6,035.00.
    // Bank: 850.00 × 7.05 = 5,992.50, charges 15.00, credited 5,977.50 → realised 5,977.50 + 15.00 − 6,035.00 = −42.50.
    const r = await ok<{ cnyBooked: number; cnyReceived: number; fxGainLoss: number }>(
      dispatch('settlement.receipts.record', {
        payoutId,
        date: '2026-03-20',
        currency: 'USD',
        amount: '850.00',
        bankRate: '7.0500',
        bankCharges: '15.00',
        bankName: '中国银行',
      }),
    );
    expect(r).toMatchObject({ cnyBooked: 603_500, cnyReceived: 597_750, fxGainLoss: -4_250 });
    const tb = await ok<{ balanced: boolean; rows: Array<{ account: string; balance: number }> }>(
      dispatch('journal.trialBalance', { asOf: '2026-03-31' }),
    );
    expect(tb.balanced).toBe(true);
    expect(Object.fromEntries(tb.rows.map((x) => [x.account, x.balance]))).toEqual({
      '1002': 597_750,
      '1122.USD': 0,
      '5001': -710_000,
      '5601.01': 71_000,
      '5601.03': 35_500,
      '5603.01': 4_250,
      '5603.02': 1_500,
    });
    expect(
      await dispatch('settlement.receipts.record', {
        payoutId,
        date: '2026-03-21',
        currency: 'USD',
        amount: '0.01',
        bankRate: '7.05',
      }),
    ).toEqual({
      ok: false,
      error: { code: 'settlement.receipt.exceedsOpen', params: { currency: 'USD', amount: '0.01', open: '0.00' } },
    });
    const fx = await ok<{ realisedTotal: number }>(
      dispatch('settlement.fxReport', { from: '2026-03-01', to: '2026-03-31' }),
    );
    expect(fx.realisedTotal).toBe(-4_250);
  });

  it('reports unrealised differences and ages open receivables by currency', async () => {
    const dispatch = await setup();
    await orderAndPayout(dispatch);
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-31', rate: '7.0800', source: 'pboc' }));
    const fx = await ok<{
      unrealised: Array<{ currency: string; open: number; booked: number; revalued: number; difference: number }>;
    }>(dispatch('settlement.fxReport', { from: '2026-03-01', to: '2026-03-31' }));
    // Open USD 850.00 carried at 6,035.00; at 7.08 = 6,018.00 → −17.00 (report only).
    expect(fx.unrealised).toEqual([
      expect.objectContaining({
        currency: 'USD',
        open: 85_000,
        booked: 603_500,
        revalued: 601_800,
        difference: -1_700,
      }),
    ]);
    const ageing = await ok<Array<{ currency: string; total: number; buckets: Record<string, number> }>>(
      dispatch('settlement.receivablesAgeing', { asOf: '2026-04-20' }),
    );
    // The open 850.00 is the newest debit: the order of 03-05, 46 days old.
    expect(ageing).toEqual([
      {
        currency: 'USD',
        total: 85_000,
        buckets: { '0-30': 0, '31-60': 85_000, '61-90': 0, '91-180': 0, '181-365': 0, '365+': 0 },
      },
    ]);
  });

  it('warns about advances from month 11, lists them overdue at 12 months, posts repayments with their FX difference', async () => {
    const dispatch = await setup('2026-04-15T00:00:00Z');
    await ok(dispatch('rates.save', { currency: 'USD', date: '2025-05-01', rate: '7.2000', source: 'pboc' }));
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-04-01', rate: '7.1000', source: 'pboc' }));
    const a = await ok<{ id: number; status: string; dueDate: string }>(
      dispatch('settlement.advances.save', {
        party: '深圳某物流',
        date: '2025-05-01',
        currency: 'USD',
        amount: '1000.00',
        category: 'logistics',
      }),
    );
    expect(a).toMatchObject({ status: 'warning', dueDate: '2026-05-01' });
    const repaid = await ok<{ outstanding: number; status: string }>(
      dispatch('settlement.advances.repay', { advanceId: a.id, date: '2026-04-01', amount: '400.00' }),
    );
    expect(repaid).toMatchObject({ outstanding: 60_000, status: 'warning' });
    const overdue = await ok<Array<{ id: number }>>(
      dispatch('settlement.advances.list', { asOf: '2026-05-01', status: 'overdue' }),
    );
    expect(overdue.map((x) => x.id)).toEqual([a.id]);
    expect(
      await dispatch('settlement.advances.repay', { advanceId: a.id, date: '2026-04-01', amount: '600.01' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'settlement.advance.overRepaid',
        params: { currency: 'USD', amount: '600.01', outstanding: '600.00' },
      },
    });
    // Booked 400 × 7.2 = 2,880.00, paid 400 × 7.1 = 2,840.00 → gain 40.00 credited to 5603.01.
    const tb = await ok<{ balanced: boolean; rows: Array<{ account: string; balance: number }> }>(
      dispatch('journal.trialBalance', { asOf: '2026-04-30' }),
    );
    expect(tb.balanced).toBe(true);
    expect(tb.rows.find((r) => r.account === '5603.01')!.balance).toBe(-4_000);
    expect(tb.rows.find((r) => r.account === '2241.01.USD')!.balance).toBe(-432_000);
  });

  it("adds up the year's receipts in USD against USD 200,000 and notes the personal quota for individuals", async () => {
    const dispatch = await setup();
    await orderAndPayout(dispatch);
    await ok(
      dispatch('settlement.receipts.record', {
        date: '2026-03-20',
        currency: 'USD',
        amount: '850.00',
        bankRate: '7.05',
      }),
    );
    await ok(dispatch('settlement.settings.save', { sellerKind: 'individual' }));
    const t = await ok<Record<string, unknown>>(dispatch('settlement.thresholds', { year: 2026 }));
    expect(t).toEqual({
      year: 2026,
      receiptsUsd: 85_000,
      limitUsd: 20_000_000,
      percent: '0.4',
      level: 'ok',
      missingRates: [],
      sellerKind: 'individual',
      notes: ['settlement.thresholds.individualNote'],
    });
    expect(await dispatch('rates.lookup', { currency: 'EUR', date: '2026-03-20' })).toEqual({
      ok: false,
      error: { code: 'rates.missing', params: { currency: 'EUR', date: '2026-03-20' } },
    });
  });

  it('lists entries newest first with their rates, pages by cursor, and corrects by a reversal entry', async () => {
    const dispatch = await setup();
    await orderAndPayout(dispatch);
    const page = await ok<{
      items: Array<{
        id: number;
        sourceKind: string;
        lines: Array<{ account: string; rate: string | null; rateSource: string | null }>;
      }>;
      nextCursor: string | null;
    }>(dispatch('journal.entries', { limit: 1 }));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ sourceKind: 'payout' });
    expect(page.items[0]!.lines.find((l) => l.account === '1122.USD')).toMatchObject({
      rate: '7.100000',
      rateSource: 'pboc',
    });
    const next = await ok<{ items: Array<{ id: number; sourceKind: string }>; nextCursor: string | null }>(
      dispatch('journal.entries', { limit: 1, cursor: page.nextCursor }),
    );
    expect(next.items.map((e) => e.sourceKind)).toEqual(['order']);
    expect(next.nextCursor).toBeNull();
    const reversal = await ok<{ reversesId: number; lines: Array<{ account: string; debit: number; credit: number }> }>(
      dispatch('journal.reverse', { entryId: next.items[0]!.id, reason: '汇率录错' }),
    );
    expect(reversal.reversesId).toBe(next.items[0]!.id);
    expect(reversal.lines.find((l) => l.account === '5001')).toMatchObject({ debit: 710_000, credit: 0 });
    expect(await dispatch('journal.reverse', { entryId: next.items[0]!.id, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'journal.entry.alreadyReversed' },
    });
    // Posting the period again re-books the order whose entry was reversed.
    expect(await ok(dispatch('journal.postPeriod', {}))).toEqual({
      orders: 1,
      cogs: 0,
      stockIn: 0,
      stockReversed: 0,
      skipped: [],
    });
    expect((await ok<{ balanced: boolean }>(dispatch('journal.trialBalance', { asOf: '2026-12-31' }))).balanced).toBe(
      true,
    );
  });

  it('posts stock bought in (Dr 1405 / Cr 2202) before cost of goods, each once, so 1405 never goes negative', async () => {
    const dispatch = await setup();
    const sku = await ok<{ id: number }>(
      dispatch('stock.skus.save', {
        itemNo: 'CUP',
        goodsName: '陶瓷杯',
        gmodel: '',
        hsCode: '6912001000',
        unit: '007',
        legalUnit: '011',
      }),
    );
    const wh = await ok<{ id: number }>(
      dispatch('stock.warehouses.save', { code: 'US-1', name: 'LA', kind: 'overseasOwn', country: 'US' }),
    );
    await ok(dispatch('stock.skus.mapPlatform', { skuId: sku.id, platform: 'manual', kind: 'sellerSku', code: 'CUP' }));
    // 10 cups at CNY 12.50 each.
    await ok(
      dispatch('stock.moves.post', {
        date: '2026-03-01',
        type: 'purchase',
        skuId: sku.id,
        warehouseId: wh.id,
        quantity: 10,
        unitCost: '12.50',
        reference: 'PO-1',
      }),
    );
    await orderAndPayout(dispatch);
    await ok(dispatch('stock.postSales', {}));
    expect(await ok(dispatch('journal.postPeriod', {}))).toEqual({
      orders: 0,
      cogs: 1,
      stockIn: 1,
      stockReversed: 0,
      skipped: [],
    });
    expect(await ok(dispatch('journal.postPeriod', {}))).toEqual({
      orders: 0,
      cogs: 0,
      stockIn: 0,
      stockReversed: 0,
      skipped: [],
    });
    const balances = async (asOf: string) => {
      const tb = await ok<{ rows: Array<{ account: string; balance: number }>; balanced: boolean }>(
        dispatch('journal.trialBalance', { asOf }),
      );
      expect(tb.balanced).toBe(true);
      return Object.fromEntries(
        tb.rows.filter((r) => ['5401', '1405', '2202'].includes(r.account)).map((r) => [r.account, r.balance]),
      );
    };
    expect(await balances('2026-03-31')).toEqual({ '1405': 11_250, '2202': -12_500, '5401': 1_250 });
    // A second purchase, reversed (a wrong delivery), and a purchase reversed before it was ever posted.
    const [bad] = await ok<Array<{ id: number }>>(
      dispatch('stock.moves.post', {
        date: '2026-03-20',
        type: 'purchase',
        skuId: sku.id,
        warehouseId: wh.id,
        quantity: 4,
        unitCost: '10.00',
        reference: 'PO-2',
      }),
    );
    expect(await ok(dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 1, stockReversed: 0 });
    const [back] = await ok<Array<{ date: string }>>(
      dispatch('stock.moves.reverse', { moveId: bad!.id, reason: '错发退回' }),
    );
    const [never] = await ok<Array<{ id: number }>>(
      dispatch('stock.moves.post', {
        date: '2026-03-21',
        type: 'purchase',
        skuId: sku.id,
        warehouseId: wh.id,
        quantity: 2,
        unitCost: '9.00',
      }),
    );
    await ok(dispatch('stock.moves.reverse', { moveId: never!.id, reason: '录错' }));
    expect(await ok(dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 0, stockReversed: 1 });
    expect(await ok(dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 0, stockReversed: 0 });
    expect(await balances('2026-12-31')).toEqual({ '1405': 11_250, '2202': -12_500, '5401': 1_250 });
    const entries = await ok<{
      items: Array<{
        id: number;
        memo: string;
        sourceKind: string;
        sourceId: string;
        reversesId: number | null;
        date: string;
      }>;
    }>(dispatch('journal.entries', { account: '1405' }));
    const po2 = entries.items.find((e) => e.memo === '采购入库 PO-2')!;
    expect(po2.sourceId).toBe(`move:${bad!.id}`);
    expect(entries.items.map((e) => [e.sourceKind, e.memo, e.date])).toEqual([
      ['reversal', `错发退回 (#${po2.id})`, back!.date],
      ['stock', '采购入库 PO-2', '2026-03-20'],
      ['cogs', '销售成本 A-1', '2026-03-05'],
      ['stock', '采购入库 PO-1', '2026-03-01'],
    ]);
  });

  it('posts a landed cost into 1405, its share of units already sold to cost of goods', async () => {
    const dispatch = await setup();
    const sku = await ok<{ id: number }>(
      dispatch('stock.skus.save', {
        itemNo: 'CUP',
        goodsName: '陶瓷杯',
        gmodel: '',
        hsCode: '6912001000',
        unit: '007',
        legalUnit: '011',
      }),
    );
    const cn = await ok<{ id: number }>(
      dispatch('stock.warehouses.save', { code: 'CN-1', name: 'SZ', kind: 'domestic', country: 'CN' }),
    );
    const us = await ok<{ id: number }>(
      dispatch('stock.warehouses.save', { code: 'US-1', name: 'LA', kind: 'overseasOwn', country: 'US' }),
    );
    await ok(
      dispatch('stock.moves.post', {
        date: '2026-03-01',
        type: 'purchase',
        skuId: sku.id,
        warehouseId: cn.id,
        quantity: 10,
        unitCost: '12.50',
      }),
    );
    const shipment = await ok<{ id: number }>(
      dispatch('stock.shipments.create', {
        bookingNoteNo: 'BN-1',
        carrier: 'COSCO',
        cartons: 1,
        shipDate: '2026-03-02',
        eta: null,
        fromWarehouseId: cn.id,
        toWarehouseId: us.id,
        allocationBasis: 'quantity',
        lines: [{ skuId: sku.id, quantity: 10 }],
      }),
    );
    await ok(
      dispatch('stock.shipments.addCost', {
        shipmentId: shipment.id,
        kind: 'freight',
        date: '2026-03-03',
        amount: '30.00',
        currency: 'CNY',
      }),
    );
    expect(await ok(dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 2, stockReversed: 0 });
    expect(await ok(dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 0 });
    const tb = await ok<{ rows: Array<{ account: string; balance: number }> }>(
      dispatch('journal.trialBalance', { asOf: '2026-03-31' }),
    );
    expect(
      Object.fromEntries(
        tb.rows.filter((r) => ['1405', '2202'].includes(r.account)).map((r) => [r.account, r.balance]),
      ),
    ).toEqual({ '1405': 15_500, '2202': -15_500 });
  });

  it('books the share of a landed cost that falls on units already sold to cost of goods, keeping 1405 equal to the stock value', async () => {
    const dispatch = await setup();
    const sku = await ok<{ id: number }>(
      dispatch('stock.skus.save', {
        itemNo: 'CUP',
        goodsName: '陶瓷杯',
        gmodel: '',
        hsCode: '6912001000',
        unit: '007',
        legalUnit: '011',
      }),
    );
    const cn = await ok<{ id: number }>(
      dispatch('stock.warehouses.save', { code: 'CN-1', name: 'SZ', kind: 'domestic', country: 'CN' }),
    );
    const us = await ok<{ id: number }>(
      dispatch('stock.warehouses.save', { code: 'US-1', name: 'LA', kind: 'overseasOwn', country: 'US' }),
    );
    await ok(dispatch('stock.skus.mapPlatform', { skuId: sku.id, platform: 'manual', kind: 'sellerSku', code: 'CUP' }));
    await ok(
      dispatch('stock.moves.post', {
        date: '2026-03-01',
        type: 'purchase',
        skuId: sku.id,
        warehouseId: cn.id,
        quantity: 10,
        unitCost: '12.50',
      }),
    );
    const shipment = await ok<{ id: number }>(
      dispatch('stock.shipments.create', {
        bookingNoteNo: 'BN-1',
        carrier: 'COSCO',
        cartons: 1,
        shipDate: '2026-03-02',
        eta: null,
        fromWarehouseId: cn.id,
        toWarehouseId: us.id,
        allocationBasis: 'quantity',
        lines: [{ skuId: sku.id, quantity: 10 }],
      }),
    );
    await ok(
      dispatch('stock.shipments.receive', {
        shipmentId: shipment.id,
        date: '2026-03-04',
        lines: [{ skuId: sku.id, received: 10 }],
      }),
    );
    await orderAndPayout(dispatch);
    await ok(dispatch('stock.postSales', {}));
    // Freight billed after one of the ten cups was sold.
    await ok(
      dispatch('stock.shipments.addCost', {
        shipmentId: shipment.id,
        kind: 'freight',
        date: '2026-03-20',
        amount: '30.00',
        currency: 'CNY',
      }),
    );
    await ok(dispatch('journal.postPeriod', {}));
    const tb = await ok<{ rows: Array<{ account: string; balance: number }> }>(
      dispatch('journal.trialBalance', { asOf: '2026-12-31' }),
    );
    const balance = (a: string) => tb.rows.find((r) => r.account === a)?.balance ?? 0;
    const stockValue = open[0]!.read.prepare('SELECT sum(value) FROM stock_balances').pluck().get() as number;
    const landed = open[0]!.read
      .prepare("SELECT input_value - value FROM stock_moves WHERE type = 'landedCost'")
      .pluck()
      .get() as number;
    expect(landed).toBeGreaterThan(0);
    expect(balance('1405')).toBe(stockValue);
    expect(balance('2202')).toBe(-15_500);
    expect(balance('5401')).toBe(1_250 + landed);
  });
});
