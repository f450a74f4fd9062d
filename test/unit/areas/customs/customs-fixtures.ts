/** A workspace ready for customs: company, customs settings, SKUs, a shop and shipped orders with waybill numbers. */
import { afterEach } from 'vitest';
import type { CustomsSettings, OrderDetail, Shop, SkuRecord } from '../../../../src-main/api/contract.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { openTestWorkspace, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { ok } from '../../../helpers/dispatch.ts';
export { ok, errorOf } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

export const CUSTOMS_SETTINGS: CustomsSettings = {
  ebpCode: '无',
  ebpName: 'Amazon',
  customsCode: '5314',
  portCode: '5314',
  pod: '502',
  trafMode: '5',
  wrapType: '2',
  statisticsFlag: 'B',
  logisticsCode: '5314960XYZ',
  logisticsName: '顺丰速运',
  agentCode: null,
  agentName: null,
  ownerCode: null,
  ownerName: null,
  declAgentCode: null,
  declAgentName: null,
  iacCode: null,
  iacName: null,
  emsNo: null,
  loctNo: null,
  appStatus: '1',
  declaresWaybills: true,
  sendsPaymentReceipts: true,
  payCode: null,
  payName: 'Amazon Payments',
};

export async function customsWorkspace(settings: Partial<CustomsSettings> = {}) {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  const d = t.dispatch;
  await ok(d, 'company.save', { ...VALID_PROFILE, dxpId: 'DXPENT0000012345' });
  await ok(d, 'customs.settings.save', { ...CUSTOMS_SETTINGS, ...settings });
  const cup = await ok<SkuRecord>(d, 'stock.skus.save', {
    itemNo: 'CUP-1',
    goodsName: '陶瓷杯',
    gmodel: '0|0|陶瓷|无品牌|CUP-1',
    hsCode: '6912001000',
    unit: '007',
    legalUnit: '035',
    weightGrams: 300,
  });
  const battery = await ok<SkuRecord>(d, 'stock.skus.save', {
    itemNo: 'BAT-1',
    goodsName: '锂电池',
    gmodel: '0|0|锂电|无品牌|BAT-1',
    hsCode: '8507600090',
    unit: '007',
    legalUnit: '007',
    weightGrams: 120,
  });
  const shop = await ok<Shop>(d, 'shops.save', {
    platform: 'manual',
    name: 'Web shop',
    site: null,
    currency: 'USD',
    timeZone: 'Asia/Shanghai',
  });
  let n = 0;
  const order = async (over: Record<string, unknown> = {}, shipping: Record<string, unknown> | null = {}) => {
    n++;
    const o = await ok<OrderDetail>(d, 'orders.save', {
      shopId: shop.id,
      orderNo: `WEB-${String(n).padStart(4, '0')}`,
      status: 'shipped',
      orderedAt: '2026-03-02T10:00:00+08:00',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: '9610',
      fulfilment: 'self',
      shipping: '5.00',
      discount: '0',
      lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 2, unitPrice: '12.50' }],
      ...over,
    });
    if (shipping) {
      await ok(d, 'customs.shipping.save', {
        orderId: o.id,
        logisticsNo: `SF${String(n).padStart(10, '0')}`,
        logisticsCode: null,
        logisticsName: null,
        exportDate: '2026-03-03',
        grossWeightGrams: null,
        packNo: null,
        copNo: null,
        ...shipping,
      });
    }
    return o;
  };
  return { ...t, d, cup, battery, shop, order };
}
