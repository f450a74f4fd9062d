/**
 * The worked scenario of issue 6, end to end through dispatch on a real SQLite file: buy 1,000
 * units at two costs, ship 600 by sea with USD freight split over three SKUs by weight, receive
 * 598 (2 damaged), sell 450 through orders, 10 returned, then a count. Every number is derived
 * in the comments; values are CNY fen.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { openTestWorkspace } from '../helpers/workspace.ts';
import type { Workspace } from '../../src-main/api/workspace.ts';
import type { OrderDetail, Shipment, StockPosition, Warehouse, SkuRecord } from '../../src-main/api/contract.ts';
import { ok } from '../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const sku = (itemNo: string, weightGrams: number) => ({
  itemNo,
  goodsName: `商品 ${itemNo}`,
  gmodel: '0|0|品牌|型号',
  hsCode: '3924100000',
  unit: '007',
  legalUnit: '035',
  weightGrams,
});

describe('worked scenario: purchase → head haul with freight → receipt with damage → sales → return → count', () => {
  it('gives on-hand, cost of goods and closing value exact to the fen', async () => {
    const t = await openTestWorkspace();
    opened.push(t.ws);
    const d = t.dispatch;
    const A = (await ok<SkuRecord>(d, 'stock.skus.save', sku('A-CUP', 500))).id;
    const B = (await ok<SkuRecord>(d, 'stock.skus.save', sku('B-POT', 300))).id;
    const C = (await ok<SkuRecord>(d, 'stock.skus.save', sku('C-LID', 200))).id;
    const wh = async (code: string, kind: string, country: string | null) =>
      (await ok<Warehouse>(d, 'stock.warehouses.save', { code, name: code, kind, country })).id;
    const DOM = await wh('CN-DOM', 'domestic', 'CN');
    const FBA = await wh('FBA-US', 'platform', 'US');
    const RET = await wh('RET-US', 'returns', 'US');

    // Purchases, 1,000 units: A 300 @ 10.00 = 300000 and 100 @ 12.00 = 120000; B 300 @ 8.00 = 240000; C 300 @ 6.00 = 180000.
    const buy = (skuId: number, date: string, quantity: number, unitCost: string) =>
      ok(d, 'stock.moves.post', {
        date,
        type: 'purchase',
        skuId,
        warehouseId: DOM,
        quantity,
        unitCost,
        currency: 'CNY',
        supplierInvoiceNo: `INV-${date}`,
      });
    await buy(A, '2026-01-01', 300, '10.00');
    await buy(A, '2026-01-05', 100, '12.00');
    await buy(B, '2026-01-01', 300, '8.00');
    await buy(C, '2026-01-01', 300, '6.00');

    // Ship 600 by sea. FIFO: A 320 = 300 × 10.00 + 20 × 12.00 = 324000; B 180 = 144000; C 100 = 60000.
    const ship = await ok<Shipment>(d, 'stock.shipments.create', {
      bookingNoteNo: 'BN9810-0001',
      carrier: 'COSCO',
      cartons: 30,
      shipDate: '2026-01-10',
      eta: '2026-02-01',
      fromWarehouseId: DOM,
      toWarehouseId: FBA,
      allocationBasis: 'weight',
      lines: [
        { skuId: A, quantity: 320 },
        { skuId: B, quantity: 180 },
        { skuId: C, quantity: 100 },
      ],
    });
    expect(ship.status).toBe('inTransit');

    // Freight USD 1,000.00 at 7.1234 = 712340 fen, by weight: A 320×500 = 160000, B 180×300 = 54000, C 100×200 = 20000 (Σ 234000).
    // Exact shares 487070.085, 164386.154, 60883.761 → floors Σ 712339, the 1 fen left goes to C (largest remainder):
    // A 487070, B 164386, C 60884.
    const rateless = await d('stock.shipments.addCost', {
      shipmentId: ship.id,
      kind: 'freight',
      date: '2026-01-12',
      amount: '1000.00',
      currency: 'USD',
    });
    expect(!rateless.ok && rateless.error.code).toBe('stock.rate.required');
    const costed = await ok<Shipment>(d, 'stock.shipments.addCost', {
      shipmentId: ship.id,
      kind: 'freight',
      date: '2026-01-12',
      amount: '1000.00',
      currency: 'USD',
      rate: '7.1234',
    });
    expect(costed.lines.map((l) => l.landedCost)).toEqual([487070, 164386, 60884]);
    expect(costed.landedCost).toBe(712340);

    // Receive 598: A 318 (2 damaged). A in transit: 300 @ 300000 + 456628 (487070 × 300/320, rounded) = 756628,
    // and 20 @ 24000 + 30442 = 54442. The receipt takes 300 (756628) + 18 of 20 (54442 × 18/20 = 48997.8 → 48998);
    // the 2 damaged are written off from transit at 54442 − 48998 = 5444.
    const over = await d('stock.shipments.receive', {
      shipmentId: ship.id,
      date: '2026-02-01',
      lines: [
        { skuId: A, received: 321 },
        { skuId: B, received: 180 },
        { skuId: C, received: 100 },
      ],
    });
    expect(!over.ok && over.error.code).toBe('stock.shipment.overReceived');
    const received = await ok<Shipment>(d, 'stock.shipments.receive', {
      shipmentId: ship.id,
      date: '2026-02-01',
      lines: [
        { skuId: A, received: 318, discrepancyReason: '2 cartons crushed' },
        { skuId: B, received: 180 },
        { skuId: C, received: 100 },
      ],
    });
    expect(received.status).toBe('received');
    expect(received.lines[0]).toMatchObject({ shipped: 320, received: 318, discrepancyReason: '2 cartons crushed' });

    // Sell 450 through two FBA orders (USD, fulfilment platform, buyer US).
    const shop = await ok<{ id: number }>(d, 'shops.save', {
      platform: 'amazon',
      name: 'US',
      site: 'Amazon.com',
      currency: 'USD',
      timeZone: 'America/Los_Angeles',
    });
    const order = (orderNo: string, day: string, lines: Array<[string, number]>) =>
      ok<OrderDetail>(d, 'orders.save', {
        shopId: shop.id,
        orderNo,
        status: 'shipped',
        orderedAt: `${day}T10:00:00-08:00`,
        buyerCountry: 'US',
        currency: 'USD',
        customsMode: '9810',
        fulfilment: 'platform',
        shipping: '0',
        discount: '0',
        lines: lines.map(([s, quantity]) => ({ sku: s, itemName: s, quantity, unitPrice: '20.00' })),
      });
    const o1 = await order('111-0000001', '2026-02-10', [
      ['A-CUP', 200],
      ['B-POT', 100],
    ]);
    const o2 = await order('111-0000002', '2026-02-11', [
      ['A-CUP', 100],
      ['C-LID', 50],
    ]);
    expect(o1.profit.productCost).toBeNull();
    const sales = await ok<{ posted: number; skipped: unknown[] }>(d, 'stock.postSales', {});
    expect(sales).toEqual({ posted: 4, skipped: [] });
    expect((await ok<{ posted: number }>(d, 'stock.postSales', {})).posted).toBe(0);

    // Cost of goods. o1: A 200 of 300 @ 756628 → 504418.67 → 504419; B 100 of 180 @ 308386 (144000 + 164386) → 171325.56 → 171326.
    // o2: A the remaining 100 @ 756628 − 504419 = 252209; C 50 of 100 @ 120884 (60000 + 60884) = 60442.
    const p1 = (await ok<OrderDetail>(d, 'orders.get', { id: o1.id })).profit as OrderDetail['profit'] & {
      productCostCny: number | null;
    };
    const p2 = (await ok<OrderDetail>(d, 'orders.get', { id: o2.id })).profit as OrderDetail['profit'] & {
      productCostCny: number | null;
    };
    expect(p1.productCostCny).toBe(504419 + 171326);
    expect(p2.productCostCny).toBe(252209 + 60442);
    // A USD order keeps profit.productCost null until a CNY rate for it is known (never assume 1).
    expect(p1.productCost).toBeNull();

    // 10 of A returned from o1 to the returns warehouse at the sale's unit cost: 504419 × 10 / 200 = 25220.95 → 25221.
    await ok(d, 'stock.moves.post', {
      date: '2026-02-20',
      type: 'return',
      skuId: A,
      warehouseId: RET,
      quantity: 10,
      reference: '111-0000001',
      exportDate: '2026-01-10',
    });

    // Count in FBA: B counted 78 of 80 → −2 at 137060 × 2/80 = 3426.5 → 3427 (half up); 78 left at 133633.
    await ok(d, 'stock.moves.post', {
      date: '2026-02-28',
      type: 'count',
      skuId: B,
      warehouseId: FBA,
      quantity: 78,
      reason: 'FBA lost',
    });

    const onHand = await ok<{ items: StockPosition[] }>(d, 'stock.onHand', { asOf: '2026-03-01' });
    expect(onHand.items).toEqual([
      { sku: 'A-CUP', warehouse: 'CN-DOM', quantity: 80, value: 96000 },
      { sku: 'A-CUP', warehouse: 'FBA-US', quantity: 18, value: 48998 },
      { sku: 'A-CUP', warehouse: 'RET-US', quantity: 10, value: 25221 },
      { sku: 'B-POT', warehouse: 'CN-DOM', quantity: 120, value: 96000 },
      { sku: 'B-POT', warehouse: 'FBA-US', quantity: 78, value: 133633 },
      { sku: 'C-LID', warehouse: 'CN-DOM', quantity: 200, value: 120000 },
      { sku: 'C-LID', warehouse: 'FBA-US', quantity: 50, value: 60442 },
    ]);
    // 1000 − 2 damaged − 450 sold + 10 returned − 2 counted = 556 units.
    // Value: 840000 bought + 712340 freight − 5444 damaged − 988396 sold + 25221 returned − 3427 counted = 580294.
    const val = await ok<{ method: string; total: { quantity: number; value: number } }>(d, 'stock.valuation', {
      asOf: '2026-03-01',
    });
    expect(val.method).toBe('fifo');
    expect(val.total).toEqual({ quantity: 556, value: 580294 });
    const cogs = Number(t.ws.read.prepare("SELECT -sum(value) FROM stock_moves WHERE type = 'sale'").pluck().get());
    expect(cogs).toBe(504419 + 171326 + 252209 + 60442);

    // As of the day before the receipt the goods are in transit: 600 units, 528000 + 712340.
    const before = await ok<{ items: StockPosition[] }>(d, 'stock.onHand', { asOf: '2026-01-31' });
    const transit = before.items.filter((i) => i.warehouse === 'TRANSIT-BN9810-0001');
    expect(transit.reduce((s, i) => s + i.quantity, 0)).toBe(600);
    expect(transit.reduce((s, i) => s + i.value, 0)).toBe(528000 + 712340);
  });
});
