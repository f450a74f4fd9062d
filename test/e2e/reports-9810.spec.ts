/**
 * The 9810 sold / unsold report on the Reports screen in Chromium (issue 17 point 1d): a head-haul
 * shipment declared on a 报关单 and sold from the overseas warehouse over two months, set up through
 * the app's API; choosing the report shows its headline like the other reports — the unsold value at
 * the period's end (the base of the pre-refund HWC-YT) with the value sold in the period — and the
 * preview; photographed in zh-CN and en.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENSHOTS, apiFromPage, completeFirstRun } from './fixtures.ts';

async function call<T = unknown>(page: Page, command: string, input: unknown): Promise<T> {
  const r = await apiFromPage(page, command, JSON.stringify(input));
  expect(r.body, command).toMatchObject({ ok: true });
  return (r.body as { value: T }).value;
}

test('shows the 9810 report with its headline (unsold at period end, sold in the period), in zh-CN and en', async ({
  page,
  server,
}) => {
  await completeFirstRun(page, server, { dxpId: 'DXPENT0000012345' });
  await call(page, 'customs.settings.save', {
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
  });
  const cup = await call<{ id: number }>(page, 'stock.skus.save', {
    itemNo: 'CUP-1',
    goodsName: '陶瓷杯',
    gmodel: '0|0|陶瓷|无品牌|CUP-1',
    hsCode: '6912001000',
    unit: '007',
    legalUnit: '035',
    weightGrams: 300,
  });
  const led = await call<{ id: number }>(page, 'stock.skus.save', {
    itemNo: 'LED-1',
    goodsName: 'LED灯带',
    gmodel: '1|0|照明用|无品牌|5米',
    hsCode: '9405409000',
    unit: '007',
    legalUnit: '007',
    weightGrams: 80,
  });
  const dom = await call<{ id: number }>(page, 'stock.warehouses.save', {
    code: 'SZ',
    name: '深圳仓',
    kind: 'domestic',
    country: 'CN',
  });
  const la = await call<{ id: number }>(page, 'stock.warehouses.save', {
    code: 'US1',
    name: '洛杉矶自营仓 LA-1',
    kind: 'overseasOwn',
    country: 'US',
  });
  for (const [skuId, quantity, unitCost] of [
    [cup.id, 600, '4.50'],
    [led.id, 100, '20.00'],
  ] as const)
    await call(page, 'stock.moves.post', {
      date: '2026-03-01',
      type: 'purchase',
      skuId,
      warehouseId: dom.id,
      quantity,
      unitCost,
      currency: 'CNY',
    });
  const shipment = await call<{ id: number }>(page, 'stock.shipments.create', {
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
  // declared at cost + 10 %: 4.95 and 22.00 a unit
  await call(page, 'customs.headHaul.build', { bookingNoteNo: 'BN20260001', markupPercent: 10 });
  await call(page, 'stock.shipments.receive', {
    shipmentId: shipment.id,
    date: '2026-03-30',
    lines: [
      { skuId: cup.id, received: 600 },
      { skuId: led.id, received: 100 },
    ],
  });
  for (const [date, skuId, quantity, reference] of [
    ['2026-03-31', cup.id, 100, 'AMZ-0'],
    ['2026-04-02', cup.id, 250, 'AMZ-1'],
    ['2026-04-03', led.id, 30, 'AMZ-2'],
  ] as const)
    await call(page, 'stock.moves.post', { date, type: 'sale', skuId, warehouseId: la.id, quantity, reference });

  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('page-reports')).toBeVisible();
  await page.getByTestId('report-name').selectOption('9810-sold-unsold');
  await page.getByTestId('report-period').fill('2026-04');
  await page.getByTestId('report-preview').click();
  // by hand: unsold CUP 250 × 4.95 + LED 70 × 22.00 = 2,777.50; sold in April CUP 250 × 4.95 + LED 30 × 22.00 = 1,897.50
  await expect(page.getByTestId('report-summary')).toHaveAttribute('data-total', '277750');
  const headline = page.getByTestId('report-headline');
  await expect(headline).toContainText('期末未售金额（出口预退税 HWC-YT 依据）');
  await expect(headline).toContainText('2,777.50');
  await expect(headline).toContainText('本期已售金额');
  await expect(headline).toContainText('1,897.50');
  await expect(page.getByTestId('report-preview-sheet')).toContainText('BN20260001');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-9810-zh-CN.png'), fullPage: true });

  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByTestId('report-preview').click();
  await expect(page.getByTestId('report-headline')).toContainText('Unsold at period end');
  await expect(page.getByTestId('report-headline')).toContainText('Sold in the period');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-9810-en.png'), fullPage: true });
});
