/**
 * The customs fixtures' data and the 9810 head-haul seeding, without a test runner: the unit tests (through
 * customs-fixtures.ts) and the e2e specs (through the app's API in Chromium) seed the same company setup,
 * SKUs, warehouses and booking note from here. `call` runs one command and returns its value.
 */
import type { CustomsSettings, SkuRecord, Warehouse } from '../../../../src-main/api/contract.ts';

export type Call = <T = unknown>(command: string, input: unknown) => Promise<T>;

/** The optional parties and numbers a small seller leaves empty (agent, owner, declaring agent, inspection body, account book, place). */
export const NO_OPTIONAL_PARTIES = {
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
} as const;

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
  ...NO_OPTIONAL_PARTIES,
  appStatus: '1',
  declaresWaybills: true,
  sendsPaymentReceipts: true,
  payCode: null,
  payName: 'Amazon Payments',
};

export const CUP_SKU = {
  itemNo: 'CUP-1',
  goodsName: '陶瓷杯',
  gmodel: '0|0|陶瓷|无品牌|CUP-1',
  hsCode: '6912001000',
  unit: '007',
  legalUnit: '035',
  weightGrams: 300,
};

export const LED_SKU = {
  itemNo: 'LED-1',
  goodsName: 'LED灯带',
  gmodel: '1|0|照明用|无品牌|5米',
  hsCode: '9405409000',
  unit: '007',
  legalUnit: '007',
  weightGrams: 80,
};

/**
 * A 9810 head-haul shipment (booking note BN20260001, shipped 2026-03-05, due 2026-03-30) from the Shenzhen
 * warehouse to the own Los Angeles warehouse: 600 cups bought at CNY 4.50 and 100 LED strips at CNY 20.00
 * on 2026-03-01, all of them shipped (costs allocated by value). The cup SKU is the customs workspace's.
 */
export async function seedHeadHaulShipment(call: Call, cup: { id: number }) {
  const led = await call<SkuRecord>('stock.skus.save', LED_SKU);
  const dom = await call<Warehouse>('stock.warehouses.save', {
    code: 'SZ',
    name: '深圳仓',
    kind: 'domestic',
    country: 'CN',
  });
  const la = await call<Warehouse>('stock.warehouses.save', {
    code: 'US1',
    name: '洛杉矶自营仓 LA-1',
    kind: 'overseasOwn',
    country: 'US',
  });
  for (const [skuId, quantity, unitCost] of [
    [cup.id, 600, '4.50'],
    [led.id, 100, '20.00'],
  ] as const)
    await call('stock.moves.post', {
      date: '2026-03-01',
      type: 'purchase',
      skuId,
      warehouseId: dom.id,
      quantity,
      unitCost,
      currency: 'CNY',
    });
  const shipment = await call<{ id: number }>('stock.shipments.create', {
    bookingNoteNo: 'BN20260001',
    carrier: 'Matson',
    cartons: 12,
    shipDate: '2026-03-05',
    eta: '2026-03-30',
    fromWarehouseId: dom.id,
    toWarehouseId: la.id,
    allocationBasis: 'value',
    lines: [
      { skuId: cup.id, quantity: 600 },
      { skuId: led.id, quantity: 100 },
    ],
  });
  return { led, dom, la, shipment };
}

/**
 * The shipment declared on a 报关单 at cost + 10 % (4.95 and 22.00 a unit), received whole on 2026-03-30 and
 * sold from the Los Angeles warehouse: `sales` as [date, 'cup' | 'led', quantity, reference].
 */
export async function declareReceiveAndSell(
  call: Call,
  s: { cup: { id: number }; led: { id: number }; la: { id: number }; shipment: { id: number } },
  sales: ReadonlyArray<readonly [date: string, sku: 'cup' | 'led', quantity: number, reference: string]>,
) {
  await call('customs.headHaul.build', { bookingNoteNo: 'BN20260001', markupPercent: 10 });
  await call('stock.shipments.receive', {
    shipmentId: s.shipment.id,
    date: '2026-03-30',
    lines: [
      { skuId: s.cup.id, received: 600 },
      { skuId: s.led.id, received: 100 },
    ],
  });
  for (const [date, sku, quantity, reference] of sales)
    await call('stock.moves.post', { date, type: 'sale', skuId: s[sku].id, warehouseId: s.la.id, quantity, reference });
}
