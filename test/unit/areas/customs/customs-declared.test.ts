/**
 * Issue 15 through the customs area: each shop's platform on its orders' messages (point 2),
 * the destination's port (point 4), legal quantities from the SKU's conversion (point 4) and the
 * declared value after the seller's discount with charge = goods value + freight (point 3).
 * Hand-worked: a $8.99 item with a $1.80 discount declares 7.19, freight 5.00, charge 12.19.
 */
import { describe, expect, it } from 'vitest';
import type {
  CustomsBuildResult,
  CustomsDocumentDetail,
  CustomsDocumentsPage,
  CustomsShop,
  SkuRecord,
} from '../../../../src-main/api/contract.ts';
import { markMessagesSent, orderIdsByNumber } from '../../../../src-main/areas/customs/index.ts';
import { customsWorkspace, errorOf, ok } from './customs-fixtures.ts';

const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<ceb:${name}>([^<]*)</ceb:${name}>`, 'g'))].map((m) => m[1]);

async function xmlOf(d: Parameters<typeof ok>[0], type: string, businessKey: string): Promise<string> {
  const page = await ok<CustomsDocumentsPage>(d, 'customs.documents.list', { type });
  const doc = page.items.find((i) => i.businessKey === businessKey)!;
  return (await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: doc.id })).xml;
}

describe('declarations customs would accept (issue 15)', () => {
  it('a shop’s platform goes on its orders’ order, payment and list; a foreign platform is 无 + its name', async () => {
    const { d, shop, order } = await customsWorkspace();
    const shops = await ok<CustomsShop[]>(d, 'customs.shops.save', {
      shopId: shop.id,
      ebpCode: '3301968SMT',
      ebpName: '全球速卖通',
      pod: null,
    });
    expect(shops.find((s) => s.shopId === shop.id)?.declared).toEqual({ ebpCode: '3301968SMT', ebpName: '全球速卖通' });
    await order();
    expect((await ok<CustomsBuildResult>(d, 'customs.build', {})).built).toBe(1);
    for (const [type, key] of [
      ['CEB303', 'WEB-0001'],
      ['CEB403', 'WEB-0001'],
      ['CEB603', 'WEB-0001'],
    ] as const) {
      const xml = await xmlOf(d, type, key);
      expect(texts(xml, 'ebpCode')).toEqual(['3301968SMT']);
      expect(texts(xml, 'ebpName')).toEqual(['全球速卖通']);
    }
    expect(
      (await errorOf(d, 'customs.shops.save', { shopId: shop.id, ebpCode: 'abc', ebpName: 'X', pod: null })).code,
    ).toBe('customs.ebpCode.invalid');
    const amazon = await ok<{ id: number }>(d, 'shops.save', {
      platform: 'amazon',
      name: 'Amazon.co.uk',
      site: 'amazon.co.uk',
      currency: 'GBP',
      timeZone: 'Europe/London',
    });
    expect(
      (await ok<CustomsShop[]>(d, 'customs.shops.list', {})).find((s) => s.shopId === amazon.id)?.declared,
    ).toEqual({ ebpCode: '无', ebpName: 'Amazon' });
  });

  it('POD is the destination’s port, or the shop’s port when it has one', async () => {
    const { d, shop, order } = await customsWorkspace();
    await order({ buyerCountry: 'GB' });
    await order({ buyerCountry: 'SG' });
    await ok(d, 'customs.build', {});
    // one message holds both lists: GB then SG
    expect(texts(await xmlOf(d, 'CEB603', 'WEB-0001'), 'POD')).toEqual(['303', '132']);
    await ok(d, 'customs.shops.save', { shopId: shop.id, ebpCode: '无', ebpName: 'Web shop', pod: '3302' });
    await order({ buyerCountry: 'GB' });
    await ok(d, 'customs.build', {});
    expect(texts(await xmlOf(d, 'CEB603', 'WEB-0003'), 'POD')).toEqual(['3302']);
    // a list's own port and statisticsFlag choice win
    await order({ buyerCountry: 'GB' }, { pod: '3303', statisticsFlag: 'A' });
    await ok(d, 'customs.build', {});
    const own = await xmlOf(d, 'CEB603', 'WEB-0004');
    expect([texts(own, 'POD'), texts(own, 'statisticsFlag')]).toEqual([['3303'], ['A']]);
  });

  it('declares the price after the seller’s discount; charge = goods value + freight', async () => {
    const { d, order } = await customsWorkspace();
    await order({ discount: '1.80', lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 1, unitPrice: '8.99' }] });
    const r = await ok<CustomsBuildResult>(d, 'customs.build', {});
    expect(r.findings).toEqual([]);
    const o = await xmlOf(d, 'CEB303', 'WEB-0001');
    expect(texts(o, 'goodsValue')).toEqual(['7.19000']);
    expect(texts(o, 'price')).toEqual(['7.19000']);
    expect(texts(o, 'freight')).toEqual(['5.00000']);
    expect(texts(await xmlOf(d, 'CEB403', 'WEB-0001'), 'charge')).toEqual(['12.19000']);
  });

  it('legal quantity from the SKU’s conversion: a set of 3 pieces (legal unit 个) sold twice is 6', async () => {
    const { d, order } = await customsWorkspace();
    await ok<SkuRecord>(d, 'stock.skus.save', {
      itemNo: 'LED-SET',
      goodsName: 'LED灯带',
      gmodel: '1|0|照明用|无品牌|5米',
      hsCode: '9405409000',
      unit: '006',
      legalUnit: '007',
      legalQty1PerUnit: '3',
      weightGrams: 400,
      supervisionConditions: null,
      exportDutyRate: null,
    });
    await order({ lines: [{ sku: 'LED-SET', itemName: 'LED strip', quantity: 2, unitPrice: '10.00' }] });
    await ok(d, 'customs.build', {});
    const list = await xmlOf(d, 'CEB603', 'WEB-0001');
    expect(texts(list, 'unit1')).toEqual(['007']);
    expect(texts(list, 'qty1')).toEqual(['6.00000']);
  });

  it('names orders by platform order number, with the shop when a number is in two shops', async () => {
    const { d, ws, shop, order } = await customsWorkspace();
    const a = await order();
    const other = await ok<{ id: number }>(d, 'shops.save', {
      platform: 'manual',
      name: 'Second shop',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    });
    const b = await ok<{ id: number }>(d, 'orders.save', {
      shopId: other.id,
      orderNo: a.orderNo,
      status: 'shipped',
      orderedAt: '2026-03-02T10:00:00+08:00',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: '9610',
      fulfilment: 'self',
      shipping: '0',
      discount: '0',
      lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 1, unitPrice: '1.00' }],
    });
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return [(e as { code: string }).code, (e as { params: unknown }).params];
      }
    };
    expect(code(() => orderIdsByNumber(ws.read, [a.orderNo]))).toEqual([
      'orders.ambiguousNumber',
      { orderNo: a.orderNo, shops: 'Web shop, Second shop' },
    ]);
    expect(orderIdsByNumber(ws.read, [a.orderNo], shop.name)).toEqual([a.id]);
    expect(orderIdsByNumber(ws.read, [a.orderNo], 'Second shop')).toEqual([b.id]);
    expect(code(() => orderIdsByNumber(ws.read, ['NOPE-1']))).toEqual(['orders.notFound', { orderNo: 'NOPE-1' }]);
  });

  it('a change to a sent order goes out as appType 2 (a new revision), never as a second new; a released list is refused', async () => {
    const { d, ws, order, shop } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    const o = await order();
    await ok(d, 'customs.build', {});
    const keys = ws.read
      .prepare("SELECT idempotency_key FROM outbox WHERE kind = 'ceb.message'")
      .pluck()
      .all() as string[];
    ws.uow.run('t', (tx) => markMessagesSent(tx, keys, '2026-03-03T10:00:00.000Z'));
    await ok(d, 'orders.save', {
      id: o.id,
      shopId: shop.id,
      orderNo: o.orderNo,
      status: 'shipped',
      orderedAt: '2026-03-02T10:00:00+08:00',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: '9610',
      fulfilment: 'self',
      shipping: '5.00',
      discount: '0',
      lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 3, unitPrice: '12.50' }],
    });
    const plain = await ok<CustomsBuildResult>(d, 'customs.build', { orderIds: [o.id], dryRun: true });
    expect(plain.findings.map((f) => f.code)).toContain('precheck.match.mismatch');
    const fixed = await ok<CustomsBuildResult>(d, 'customs.build', { orderIds: [o.id], corrections: true });
    expect(fixed).toMatchObject({ built: 1, findings: [], documents: { CEB303: 1, CEB603: 1 } });
    const docs = ws.read.prepare('SELECT type, revision FROM customs_documents ORDER BY type, revision').all();
    expect(docs).toEqual([
      { type: 'CEB303', revision: 1 },
      { type: 'CEB303', revision: 2 },
      { type: 'CEB603', revision: 1 },
      { type: 'CEB603', revision: 2 },
    ]);
    const page = await ok<CustomsDocumentsPage>(d, 'customs.documents.list', { type: 'CEB303' });
    const latest = page.items.find((i) => i.revision === 2)!;
    const xml = (await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: latest.id })).xml;
    expect(texts(xml, 'appType')).toEqual(['2']);
    expect(texts(xml, 'qty')).toEqual(['3.00000']);
    // once the list is released, a change is refused: it must be withdrawn (CEB605), not changed
    const again = ws.read
      .prepare("SELECT idempotency_key FROM outbox WHERE kind = 'ceb.message'")
      .pluck()
      .all() as string[];
    ws.uow.run('t', (tx) => markMessagesSent(tx, again, '2026-03-04T10:00:00.000Z'));
    ws.uow.run('t', (tx) => {
      tx.db.prepare("UPDATE customs_documents SET status = '800', status_rank = 20 WHERE type = 'CEB603'").run();
    });
    await ok(d, 'orders.save', {
      id: o.id,
      shopId: shop.id,
      orderNo: o.orderNo,
      status: 'shipped',
      orderedAt: '2026-03-02T10:00:00+08:00',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: '9610',
      fulfilment: 'self',
      shipping: '5.00',
      discount: '0',
      lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 4, unitPrice: '12.50' }],
    });
    const refused = await ok<CustomsBuildResult>(d, 'customs.build', {
      orderIds: [o.id],
      corrections: true,
      dryRun: true,
    });
    expect(refused.findings.map((f) => [f.code, f.field, f.severity])).toEqual([
      ['customs.correction.released', 'CEB603', 'error'],
    ]);
  });

  it('9710 B2B orders: at most CNY 5,000 go on a list; above it the order goes with the 报关单 data and no list; no rate, no judgement', async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    const small = await order({
      customsMode: '9710',
      currency: 'CNY',
      shipping: '0',
      lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 400, unitPrice: '12.50' }],
    }); // 5,000.00
    const big = await order({
      customsMode: '9710',
      currency: 'CNY',
      shipping: '0',
      lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 401, unitPrice: '12.50' }],
    }); // 5,012.50
    const usd = await order({
      customsMode: '9710',
      currency: 'USD',
      shipping: '0',
      lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 1, unitPrice: '12.50' }],
    });
    const r = await ok<CustomsBuildResult>(d, 'customs.build', {});
    expect(r.findings.map((f) => [f.orderNo, f.code, f.severity, f.params])).toEqual([
      [
        big.orderNo,
        'customs.b2b.declarationForm',
        'warning',
        { orderNo: big.orderNo, totalCny: '5012.50', reasons: 'overLimit' },
      ],
      [usd.orderNo, 'customs.b2b.noRate', 'error', { currency: 'USD', date: '2026-03-03' }],
    ]);
    expect(r.documents).toEqual({ CEB303: 2, CEB603: 1 });
    expect(
      r.declarationForms!.map((f) => [f.order, f.data.head.tradeMode, f.data.head.totalValue, f.data.head.currency]),
    ).toEqual([[big.orderNo, '9710', '5012.50', 'CNY']]);
    const page = await ok<CustomsDocumentsPage>(d, 'customs.documents.list', { type: 'CEB603' });
    expect(page.items.map((i) => i.businessKey)).toEqual([small.orderNo]);
    // the six items (财税〔2018〕103号) are for 9610 only
    expect(ws.read.prepare("SELECT count(*) FROM outbox WHERE kind = 'tax.sixItems'").pluck().get()).toBe(0);
  });
});
