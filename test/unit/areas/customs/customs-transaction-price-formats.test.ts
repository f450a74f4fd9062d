/**
 * Issue 15, point 3, from each order export to the messages: the declared transaction price is
 * after the seller's promotions, without the VAT the marketplace collects inside the prices, with
 * the freight after shipping promotions; what the platform paid (Shopee vouchers and coins, TikTok
 * platform discounts) stays in the goods value and is the CEB403's non-cash part, so the payment
 * `charge` (what the buyer paid) + those discounts = goodsValue + freight. Fixtures are the real
 * exports' column shapes (see test/unit/imports/transaction-price-formats.test.ts for the parsing).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  CustomsBuildResult,
  CustomsDocumentDetail,
  CustomsDocumentsPage,
  ImportPreview,
  OrdersPage,
  Shop,
  SkuRecord,
} from '../../../../src-main/api/contract.ts';
import { customsWorkspace, ok } from './customs-fixtures.ts';

const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<ceb:${name}>([^<]*)</ceb:${name}>`, 'g'))].map((m) => m[1]);

const SKUS: Array<[string, string, string]> = [
  ['SKU-CABLE-2M', '数据线', '8544422100'],
  ['SKU-CASE-61', '手机壳', '3926909090'],
  ['SKU-MUG-01', '陶瓷杯', '6912001000'],
  ['SKU-MUG-03', '陶瓷杯', '6912001000'],
  ['SKU-COASTER-4', '软木杯垫', '4503900000'],
];

async function importFile(
  fixture: string,
  source: string,
  shop?: { platform: string; currency: string; timeZone: string },
) {
  const t = await customsWorkspace({ sendsPaymentReceipts: true, declaresWaybills: false });
  for (const [itemNo, goodsName, hsCode] of SKUS) {
    await ok<SkuRecord>(t.d, 'stock.skus.save', {
      itemNo,
      goodsName,
      gmodel: `0|0|无|无品牌|${itemNo}`,
      hsCode,
      unit: '007',
      legalUnit: '035',
      weightGrams: 100,
    });
  }
  const shopId = shop
    ? (await ok<Shop>(t.d, 'shops.save', { ...shop, name: `${shop.platform} shop`, site: null })).id
    : undefined;
  const content = fs.readFileSync(new URL(`../../../fixtures/imports/${fixture}`, import.meta.url));
  const preview = await ok<ImportPreview>(t.d, 'imports.preview', {
    fileName: fixture,
    contentBase64: content.toString('base64'),
    source,
    ...(shopId === undefined ? {} : { shopId }),
  });
  await ok(t.d, 'imports.confirm', { previewId: preview.previewId, acceptValidRows: true });
  const page = await ok<OrdersPage>(t.d, 'orders.list', { limit: 500 });
  return { ...t, byNo: new Map(page.items.map((o) => [o.orderNo, o.id])) };
}

async function build(t: Awaited<ReturnType<typeof importFile>>, orderNo: string) {
  const id = t.byNo.get(orderNo);
  expect(id, orderNo).toBeDefined();
  await ok(t.d, 'orders.setCustomsMode', { ids: [id], mode: '9610' });
  await ok(t.d, 'customs.shipping.save', {
    orderId: id,
    logisticsNo: `SF${id}`.padEnd(12, '0'),
    logisticsCode: null,
    logisticsName: null,
    exportDate: '2026-03-20',
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
  const order = await xml('CEB303');
  const receipt = await xml('CEB403');
  return {
    goodsValue: texts(order, 'goodsValue')[0],
    freight: texts(order, 'freight')[0],
    totalPrice: texts(order, 'totalPrice'),
    price: texts(order, 'price'),
    charge: texts(receipt, 'charge')[0],
  };
}

describe('declared transaction price per order export (issue 15, point 3)', () => {
  it('Amazon Order Report, UK: VAT inside item and shipping prices left out; the seller promotion off the goods', async () => {
    const t = await importFile('amazon-order-report-uk-vat.txt', 'amazon-orders');
    // case 8.99 − 1.80 promotion − 1.50 VAT = 5.69; cables 17.98 − 3.00 VAT = 14.98; shipping 2.99 − 0.50 VAT
    expect(await build(t, '202-3000001-0000001')).toMatchObject({
      goodsValue: '20.67000',
      freight: '2.49000',
      totalPrice: ['5.69000', '14.98000'],
      price: ['5.69000', '7.49000'],
      charge: '23.16000', // 28.16 paid − 5.00 VAT = 20.67 + 2.49
    });
    // free shipping stated on a continuation row: freight 0, no shipping VAT; 9.99 − 1.67 VAT
    expect(await build(t, '202-3000002-0000002')).toMatchObject({
      goodsValue: '8.32000',
      freight: '0.00000',
      charge: '8.32000',
    });
    // item-tax and shipping-tax empty: the UK rate's VAT (computed, marked at import) left out
    expect(await build(t, '202-3000003-0000003')).toMatchObject({
      goodsValue: '10.00000',
      freight: '2.00000',
      charge: '12.00000',
    });
  });

  it('Shopify, prices include VAT: the VAT inside goods and shipping left out', async () => {
    const t = await importFile('shopify-orders-eur-taxes-included.csv', 'shopify', {
      platform: 'shopify',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
    // mug 47.60 − 4.76 − 6.84 VAT = 36.00 (18.00 each); coaster 11.90 − 1.90 = 10.00; shipping 5.95 − 0.95
    expect(await build(t, '#3001')).toMatchObject({
      goodsValue: '46.00000',
      freight: '5.00000',
      totalPrice: ['36.00000', '10.00000'],
      price: ['18.00000', '10.00000'],
      charge: '51.00000', // Total 60.69 − Taxes 9.69
    });
  });

  it('Shopee: the seller’s voucher off the goods; Shopee’s rebate, voucher and coins kept in them as the non-cash part', async () => {
    const t = await importFile('shopee-orders-ph-vouchers.csv', 'shopee', {
      platform: 'shopee',
      currency: 'PHP',
      timeZone: 'Asia/Manila',
    });
    // 540.00 + 150.00 − 30.00 seller voucher = 660.00 (the voucher split by value: 23.48 / 6.52);
    // the buyer paid Grand Total 640.00; Shopee paid 65.00: 640.00 + 65.00 = 660.00 + 45.00
    expect(await build(t, '260310PH7K2Q9A')).toMatchObject({
      goodsValue: '660.00000',
      freight: '45.00000',
      charge: '640.00000',
    });
    const coins = await build(t, '260311PH8M3R1B');
    expect(coins).toMatchObject({ goodsValue: '99.00000', freight: '0.00000', charge: '89.00000' });
  });

  it('TikTok Shop, UK cross-border: VAT inside left out, the seller’s discount off, TikTok’s discounts the non-cash part', async () => {
    const t = await importFile('tiktok-orders-uk-crossborder.csv', 'tiktok', {
      platform: 'tiktok',
      currency: 'GBP',
      timeZone: 'Europe/London',
    });
    // mugs 24.00 − 2.40 seller − 3.60 VAT = 18.00; case 3.00 − 0.50 = 2.50; shipping 2.40 − 0.40 VAT;
    // the buyer paid 22.60 − 4.50 VAT = 18.10; TikTok paid 2.00 + 2.40: 18.10 + 4.40 = 20.50 + 2.00
    expect(await build(t, '577012345678901234')).toMatchObject({
      goodsValue: '20.50000',
      freight: '2.00000',
      totalPrice: ['18.00000', '2.50000'],
      charge: '18.10000',
    });
    // no Taxes stated: the UK rate's VAT (computed, marked at import) left out
    expect(await build(t, '577012345678905678')).toMatchObject({
      goodsValue: '10.00000',
      freight: '1.66000',
      charge: '11.66000',
    });
  });
});
