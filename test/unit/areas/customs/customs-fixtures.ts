/** A workspace ready for customs: company, customs settings, SKUs, a shop and shipped orders with waybill numbers. */
import { afterEach } from 'vitest';
import type { CustomsSettings, OrderDetail, Shop, SkuRecord } from '../../../../src-main/api/contract.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { openTestWorkspace, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { ok } from '../../../helpers/dispatch.ts';
import { CUP_SKU, CUSTOMS_SETTINGS, seedHeadHaulShipment, type Call } from './customs-fixture-data.ts';
export { ok, errorOf } from '../../../helpers/dispatch.ts';
export { CUSTOMS_SETTINGS } from './customs-fixture-data.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

export async function customsWorkspace(settings: Partial<CustomsSettings> = {}) {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  const d = t.dispatch;
  await ok(d, 'company.save', { ...VALID_PROFILE, dxpId: 'DXPENT0000012345' });
  await ok(d, 'customs.settings.save', { ...CUSTOMS_SETTINGS, ...settings });
  const cup = await ok<SkuRecord>(d, 'stock.skus.save', CUP_SKU);
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

/** A customs workspace with the 9810 head-haul shipment BN20260001 (customs-fixture-data.ts) not yet declared. */
export async function headHaulWorkspace(settings: Partial<CustomsSettings> = {}) {
  const t = await customsWorkspace(settings);
  const call: Call = (command, input) => ok(t.d, command, input);
  return { ...t, call, ...(await seedHeadHaulShipment(call, t.cup)) };
}
