/**
 * Issue 15, point 3 from a marketplace file to the messages: the declared transaction price leaves
 * out the VAT the marketplace collects (the file's own item-tax / shipping-tax where prices include
 * it, Amazon UK/EU) and the freight is after shipping promotions. Fixtures are Amazon "All Orders"
 * rows in the report's real 32-column shape. Hand-worked:
 * - UK 205-…1: 8.99 incl. VAT 1.50, seller promotion 1.80 → goods 5.69; shipping 2.99 incl. VAT 0.50
 *   → freight 2.49; charge = 8.99 − 1.80 + 2.99 − 1.50 − 0.50 = 8.18 = 5.69 + 2.49.
 * - UK 205-…2: 2 × 8.99 = 17.98 incl. VAT 3.00 → 14.98 (7.49 each); shipping 3.99 paid by a free-
 *   shipping promotion → freight 0 (no shipping VAT collected); charge 14.98.
 * - US 111-…2 (amazon-all-orders-us.txt): cable 29.97 for 3 with shipping 4.99 and a shipping
 *   promotion of 4.99 → goods stay 29.97 (9.99 each), freight 0 — before, the shipping promotion was
 *   taken off the goods (declared 24.98) and the freight stayed 4.99.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  CustomsBuildResult,
  CustomsDocumentDetail,
  CustomsDocumentsPage,
  ImportPreview,
  OrdersPage,
  SkuRecord,
} from '../../../../src-main/api/contract.ts';
import { customsWorkspace, ok } from './customs-fixtures.ts';

const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<ceb:${name}>([^<]*)</ceb:${name}>`, 'g'))].map((m) => m[1]);

async function importAmazon(fixture: string) {
  const t = await customsWorkspace({ sendsPaymentReceipts: true, declaresWaybills: false });
  const { d } = t;
  await ok<SkuRecord>(d, 'stock.skus.save', {
    itemNo: 'SKU-CABLE-2M',
    goodsName: '数据线',
    gmodel: '0|0|铜|无品牌|2米',
    hsCode: '8544422100',
    unit: '007',
    legalUnit: '035',
    weightGrams: 60,
  });
  await ok<SkuRecord>(d, 'stock.skus.save', {
    itemNo: 'SKU-CASE-61',
    goodsName: '手机壳',
    gmodel: '0|0|硅胶|无品牌|6.1英寸',
    hsCode: '3926909090',
    unit: '007',
    legalUnit: '035',
    weightGrams: 40,
  });
  const content = fs.readFileSync(new URL(`../../../fixtures/imports/${fixture}`, import.meta.url));
  const preview = await ok<ImportPreview>(d, 'imports.preview', {
    fileName: fixture,
    contentBase64: content.toString('base64'),
    source: 'amazon-orders',
  });
  await ok(d, 'imports.confirm', { previewId: preview.previewId, acceptValidRows: true });
  const page = await ok<OrdersPage>(d, 'orders.list', { limit: 500 });
  const byNo = new Map(page.items.map((o) => [o.orderNo, o.id]));
  return { ...t, byNo };
}

async function buildOne(t: Awaited<ReturnType<typeof importAmazon>>, orderNo: string) {
  const id = t.byNo.get(orderNo)!;
  await ok(t.d, 'orders.setCustomsMode', { ids: [id], mode: '9610' });
  await ok(t.d, 'customs.shipping.save', {
    orderId: id,
    logisticsNo: `SF${id}`.padEnd(12, '0'),
    logisticsCode: null,
    logisticsName: null,
    exportDate: '2026-03-03',
    grossWeightGrams: null,
    packNo: null,
    copNo: null,
  });
  const r = await ok<CustomsBuildResult>(t.d, 'customs.build', { orderIds: [id] });
  expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const xml = async (type: string) => {
    const docs = await ok<CustomsDocumentsPage>(t.d, 'customs.documents.list', { type, q: orderNo });
    return (await ok<CustomsDocumentDetail>(t.d, 'customs.documents.get', { id: docs.items[0]!.id })).xml;
  };
  return { order: await xml('CEB303'), receipt: await xml('CEB403'), list: await xml('CEB603') };
}

describe('declared transaction price from marketplace files (issue 15, point 3)', () => {
  it('UK: the VAT inside item and shipping prices is left out; the seller promotion comes off the goods', async () => {
    const t = await importAmazon('amazon-all-orders-uk-vat.txt');
    const m = await buildOne(t, '205-1000001-1000001');
    expect(texts(m.order, 'goodsValue')).toEqual(['5.69000']);
    expect(texts(m.order, 'price')).toEqual(['5.69000']);
    expect(texts(m.order, 'freight')).toEqual(['2.49000']);
    expect(texts(m.list, 'totalPrice')).toEqual(['5.69000']);
    expect(texts(m.receipt, 'charge')).toEqual(['8.18000']);
  });

  it('UK: a free-shipping promotion leaves no freight and no shipping VAT', async () => {
    const t = await importAmazon('amazon-all-orders-uk-vat.txt');
    const m = await buildOne(t, '205-1000002-1000002');
    expect(texts(m.order, 'goodsValue')).toEqual(['14.98000']);
    expect(texts(m.order, 'price')).toEqual(['7.49000']);
    expect(texts(m.order, 'freight')).toEqual(['0.00000']);
    expect(texts(m.receipt, 'charge')).toEqual(['14.98000']);
  });

  it('US: a shipping promotion lowers the freight, not the goods; sales tax on top stays out', async () => {
    const t = await importAmazon('amazon-all-orders-us.txt');
    const m = await buildOne(t, '111-0000002-0000002');
    const goods = texts(m.order, 'goodsValue')[0];
    // case 12.99 − 2.00 promotion = 10.99; cable 29.97 (3 × 9.99)
    expect(goods).toBe('40.96000');
    expect(texts(m.order, 'totalPrice')).toEqual(['10.99000', '29.97000']);
    // shipping 4.99 − promotion 4.99, plus gift wrap 3.99
    expect(texts(m.order, 'freight')).toEqual(['3.99000']);
  });
});
