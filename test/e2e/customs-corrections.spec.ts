/**
 * Issue 15 screens end to end, in Chromium against `kuajing serve` with the practice platform
 * started from the Training page (as customs.spec.ts): a SKU customs-data file through the import
 * wizard's `skus` source (a bad file previewed with its coded row error and refused, the good one
 * previewed then confirmed), a warehouse file through the `warehouses` source; two orders declared
 * and released (800); on the customs desk's corrections tab one list withdrawn with a CEB605 (the
 * reason required, previewed, sent, concluded by the platform) and a customer return of the other
 * declared with a CEB213 (too many refused on screen, a date outside the window refused by the host
 * with its translated reason, then previewed, sent and released); a head-haul shipment over
 * CNY 5,000 on the head-haul tab: values from cost plus markup, the 报关单 route, declared, its
 * data file offered and the broker's entryId recorded. Screenshots in zh-CN.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENSHOTS, apiFromPage, completeFirstRun } from './fixtures.ts';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { putSetting } from '../../src-main/db/settings-store.ts';
import { SANDBOX_SETTING } from '../../src-main/areas/sync/index.ts';
import { NO_OPTIONAL_PARTIES } from '../unit/areas/customs/customs-fixture-data.ts';

const SKU = 'MUG-RED';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ORDER_A = '111-5502011-0000001';
const ORDER_B = '111-5502011-0000002';

const SKU_HEADER =
  'sku,goods_name,hs_code,declaration_elements,unit,legal_unit1,legal_qty1_per_unit,legal_unit2,legal_qty2_per_unit,net_weight_kg,gross_weight_kg';
const SKU_BAD = `${SKU_HEADER}\n${SKU},陶瓷马克杯,6912001000,无品牌|350ml|陶瓷,盒子,个,1,,,0.42,0.5\n`;
const SKU_GOOD = `${SKU_HEADER}\n${SKU},陶瓷马克杯,6912001000,无品牌|350ml|陶瓷,个,个,1,,,0.42,0.5\n`;
const WAREHOUSES =
  'code,name,kind,country,address\nSZ,深圳仓,domestic,CN,深圳市宝安区\nUS1,洛杉矶自营仓,overseasOwn,US,Los Angeles CA\n';

const HEADERS = [
  'amazon-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'product-name',
  'sku',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'ship-city',
  'ship-postal-code',
  'ship-country',
];
function orderRow(orderNo: string, date: string, quantity: number, price: string): string {
  return [
    orderNo,
    date,
    date,
    'Shipped',
    'Merchant',
    'Amazon.com',
    '陶瓷马克杯 红色',
    SKU,
    'Shipped',
    String(quantity),
    'USD',
    price,
    '0.00',
    '0.00',
    'Seattle',
    '98101',
    'US',
  ].join('\t');
}

async function markSandbox(dataDir: string): Promise<void> {
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  ws.uow.run('test.sandbox', (tx) =>
    putSetting(tx.db, SANDBOX_SETTING, {
      id: 'e2e-corrections',
      name: 'e2e',
      scenario: 'parcel-9610',
      seed: 1,
      createdAt: '2026-04-01T00:00:00.000Z',
    }),
  );
  ws.close();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `corrections-${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function api<T>(page: Page, command: string, input: unknown): Promise<T> {
  const r = (await apiFromPage(page, command, JSON.stringify(input))).body as {
    ok: boolean;
    value?: T;
    error?: unknown;
  };
  if (!r.ok) throw new Error(`${command}: ${JSON.stringify(r.error)}`);
  return r.value!;
}

/** Sync passes until `done()` holds (receipts arrive over time). */
async function syncUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
  for (let pass = 0; pass < 20; pass += 1) {
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-summary')).toBeVisible({ timeout: 20_000 });
    if (await done()) return;
    await page.waitForTimeout(700);
  }
  throw new Error('the practice platform did not answer in time');
}

/** A master-data file through the import wizard: source, file, preview. */
async function previewCatalog(page: Page, source: string, file: string): Promise<void> {
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-import').click();
  await page.getByTestId('import-source').selectOption(source);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('catalog-preview').click();
  await expect(page.getByTestId('catalog-preview-panel')).toBeVisible();
}

test('SKU and warehouse files through the import wizard; a list withdrawn (CEB605), a return declared (CEB213), a head-haul on a 报关单', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-corrections-'));
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text, 'utf8');
    return path.join(dir, name);
  };
  await server.restart(markSandbox);
  await completeFirstRun(page, server, { dxpId: 'DXPENT0000012345' });

  // The SKU customs-data file: a bad unit is reported with its row, column and reason, nothing is imported.
  await previewCatalog(page, 'skus', write('sku-bad.csv', SKU_BAD));
  await expect(page.getByTestId('catalog-count-rejected')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('catalog-rejected-2')).toHaveAttribute('data-code', 'stock.sku.unit.unknown');
  await expect(page.getByTestId('catalog-rejected-2')).toContainText('无法识别的计量单位');
  await expect(page.getByTestId('catalog-rejected')).not.toContainText('stock.sku.unit');
  await expect(page.getByTestId('catalog-confirm')).toBeDisabled();
  await shot(page, 'sku-import-rejected');
  // The corrected file: previewed (1 new), confirmed, then the same file again changes nothing.
  await page.getByTestId('import-file').setInputFiles(write('sku-good.csv', SKU_GOOD));
  await page.getByTestId('catalog-preview').click();
  await expect(page.getByTestId('catalog-count-created')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('catalog-count-rejected')).toHaveAttribute('data-value', '0');
  await shot(page, 'sku-import-preview');
  await page.getByTestId('catalog-confirm').click();
  await expect(page.getByTestId('catalog-summary-created')).toHaveAttribute('data-value', '1');
  await page.getByTestId('catalog-preview').click();
  await expect(page.getByTestId('catalog-count-unchanged')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('catalog-confirm')).toBeDisabled();

  // The warehouse file: preview → confirm.
  await previewCatalog(page, 'warehouses', write('warehouses.csv', WAREHOUSES));
  await expect(page.getByTestId('catalog-count-created')).toHaveAttribute('data-value', '2');
  await page.getByTestId('catalog-confirm').click();
  await expect(page.getByTestId('catalog-summary-created')).toHaveAttribute('data-value', '2');
  await page.getByTestId('catalog-done').click();
  await expect(page.getByTestId('page-stock')).toBeVisible();

  // Customs settings (declaring, appStatus 2) and the practice platform with its signer.
  await api(page, 'customs.settings.save', {
    ebpCode: '3301964J31',
    ebpName: '亚马逊美国站',
    customsCode: '4900',
    portCode: '4900',
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
  });
  await page.getByTestId('nav-training').click();
  await page.getByTestId('practice-start').click();
  await expect(page.getByTestId('practice-address')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);

  // Two orders exported a few days ago, declared as 9610 and released by the platform.
  const tsv = [
    HEADERS.join('\t'),
    orderRow(ORDER_A, `${day(-6)}T14:02:11+00:00`, 2, '39.98'),
    orderRow(ORDER_B, `${day(-6)}T09:15:00+00:00`, 2, '49.00'),
  ].join('\n');
  const preview = await api<{ previewId: string }>(page, 'imports.preview', {
    fileName: 'All-Orders.txt',
    contentBase64: Buffer.from(`${tsv}\n`, 'utf8').toString('base64'),
    source: 'auto',
  });
  await api(page, 'imports.confirm', { previewId: preview.previewId });
  const orders = (await api<{ items: Array<{ id: number; orderNo: string }> }>(page, 'orders.list', { limit: 10 }))
    .items;
  await api(page, 'orders.setCustomsMode', { ids: orders.map((o) => o.id), mode: '9610' });
  await api(page, 'customs.shipping.saveMany', {
    items: orders.map((o, i) => ({
      orderId: o.id,
      logisticsNo: `SF10000000${i + 1}`,
      logisticsCode: null,
      logisticsName: null,
      exportDate: day(-4),
      grossWeightGrams: null,
      packNo: null,
      copNo: null,
    })),
  });
  const built = await api<{ built: number }>(page, 'customs.build', {});
  expect(built.built).toBe(2);
  const lists = page.locator('[data-testid^="customs-doc-CEB603-"]');
  await syncUntil(page, async () => {
    await page.getByTestId('nav-customs').click();
    await page.getByTestId('customs-tab-documents').click();
    await expect(lists).toHaveCount(2);
    const statuses = await lists.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    return statuses.every((s) => s === '800' || s === '399' || s === '899');
  });
  const numbered = (
    await api<{ items: Array<{ invtNo: string | null; orderNo: string | null }> }>(page, 'customs.documents.list', {
      type: 'CEB603',
    })
  ).items;
  const invtA = numbered.find((d) => d.orderNo === ORDER_A)!.invtNo!;
  const invtB = numbered.find((d) => d.orderNo === ORDER_B)!.invtNo!;

  // Withdraw list A: from the document, to the corrections tab; the reason is required; previewed, then sent.
  await lists.first().locator('[data-testid^="customs-doc-open-"]').click();
  await page.getByTestId('customs-document-correct').click();
  await expect(page.getByTestId('customs-corrections')).toBeVisible();
  await page.getByTestId('corrections-list').selectOption(invtA);
  await expect(page.getByTestId('corrections-facts')).toContainText(invtA);
  await page.getByTestId('corrections-withdraw-preview').click();
  await expect(page.getByTestId('field-error-withdraw-reason')).toHaveText('此项必填。');
  await expect(page.getByTestId('corrections-withdraw-send')).toBeDisabled();
  await page.getByTestId('corrections-withdraw-reason').fill('订单取消，货物未出境');
  await page.getByTestId('corrections-withdraw-preview').click();
  await expect(page.getByTestId('corrections-withdraw-outcome')).toHaveAttribute('data-preview', 'true');
  await expect(page.getByTestId('corrections-withdraw-outcome')).toContainText('预览通过');
  await page.getByTestId('corrections-withdraw-send').click();
  await expect(page.getByTestId('corrections-withdraw-outcome')).toHaveAttribute('data-preview', 'false');
  await expect(page.getByTestId('corrections-withdrawal-row')).toHaveAttribute('data-status', 'queued');
  await shot(page, 'withdraw-sent');
  await syncUntil(page, async () => {
    await page.getByTestId('nav-customs').click();
    await page.getByTestId('customs-tab-corrections').click();
    await page.getByTestId('corrections-list').selectOption(invtA);
    const s = await page.getByTestId('corrections-withdrawal-row').getAttribute('data-status');
    return s === '399' || s === '800' || s === '899';
  });
  await expect(page.getByTestId('corrections-list-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('corrections-withdraw-reason')).toHaveCount(0); // nothing more to withdraw
  await shot(page, 'withdrawn');

  // A customer return of list B: too many refused on screen; a date outside the window refused by the host, translated.
  await page.getByTestId('corrections-list').selectOption(invtB);
  await expect(page.getByTestId('corrections-line-1')).toContainText('2');
  const fill = async (values: Record<string, string>) => {
    for (const [k, v] of Object.entries(values)) await page.getByTestId(`corrections-return-${k}`).fill(v);
  };
  await fill({
    coElNo: 'RT-0001',
    reason: '买家退货',
    logisticsNo: 'RT-SF0001',
    billNo: 'MAWB-1',
    trafName: 'CA988',
    voyageNo: 'CA988',
    returnDate: day(-1),
  });
  await page.getByTestId('corrections-qty-1').fill('3');
  await page.getByTestId('corrections-return-preview').click();
  await expect(page.getByTestId('corrections-qty-error-1')).toContainText('最多还能退 2');
  await page.getByTestId('corrections-qty-1').fill('1');
  await fill({ returnDate: day(250) });
  await expect(page.getByTestId('corrections-outside-window')).toBeVisible();
  await page.getByTestId('corrections-return-preview').click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-code', 'customs.return.outsideWindow');
  await expect(banner).toContainText('不在退运免税期限内');
  await shot(page, 'return-refused');
  await fill({ returnDate: day(-1) });
  await page.getByTestId('corrections-return-preview').click();
  await expect(page.getByTestId('corrections-return-outcome')).toHaveAttribute('data-preview', 'true');
  await page.getByTestId('corrections-return-send').click();
  await expect(page.getByTestId('corrections-return-RT-0001')).toHaveAttribute('data-status', 'queued');
  await syncUntil(page, async () => {
    await page.getByTestId('nav-customs').click();
    await page.getByTestId('customs-tab-corrections').click();
    await page.getByTestId('corrections-list').selectOption(invtB);
    return (await page.getByTestId('corrections-return-RT-0001').getAttribute('data-status')) === '800';
  });
  await expect(page.getByTestId('corrections-line-1')).toContainText('1');
  await shot(page, 'returned');

  // A head-haul of 600 mugs at CNY 8.00 to the LA warehouse: cost plus 10 % = 8.80 × 600 = 5,280.00 → the 报关单 route.
  const skus = await api<Array<{ id: number; itemNo: string }>>(page, 'stock.skus.list', {});
  const warehouses = await api<Array<{ id: number; code: string }>>(page, 'stock.warehouses.list', {});
  const wh = (code: string) => warehouses.find((w) => w.code === code)!.id;
  await api(page, 'stock.moves.post', {
    date: day(-10),
    type: 'purchase',
    skuId: skus[0]!.id,
    warehouseId: wh('SZ'),
    quantity: 600,
    unitCost: '8.00',
    currency: 'CNY',
  });
  await api(page, 'stock.shipments.create', {
    bookingNoteNo: 'BN20261201',
    carrier: 'Matson',
    cartons: 12,
    shipDate: day(-2),
    eta: null,
    fromWarehouseId: wh('SZ'),
    toWarehouseId: wh('US1'),
    allocationBasis: 'value',
    lines: [{ skuId: skus[0]!.id, quantity: 600 }],
  });
  await page.getByTestId('customs-tab-headHaul').click();
  await expect(page.getByTestId('headhaul-BN20261201')).toHaveAttribute('data-route', 'list'); // 4,800.00 at cost
  await page.getByTestId('headhaul-open-BN20261201').click();
  await page.getByTestId('headhaul-markup').fill('10');
  await page.getByTestId('headhaul-apply-markup').click();
  await expect(page.getByTestId('headhaul-value-1')).toHaveValue('8.80');
  await expect(page.getByTestId('headhaul-route-now')).toHaveAttribute('data-route', 'declarationForm');
  await expect(page.getByTestId('headhaul-route-now')).toContainText('5280.00');
  await page.getByTestId('headhaul-preview').click();
  await expect(page.getByTestId('headhaul-result')).toHaveAttribute('data-route', 'declarationForm');
  await page.getByTestId('headhaul-build').click();
  await expect(page.getByTestId('headhaul-declared')).toBeVisible();
  await expect(page.getByTestId('headhaul-form-xlsx')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('headhaul-form-xlsx').click();
  expect((await download).suggestedFilename()).toBe('declaration-BN20261201.xlsx');
  await page.getByTestId('headhaul-entry').fill('490020261000012345');
  await page.getByTestId('headhaul-entry-save').click();
  await expect(page.getByTestId('headhaul-entry-saved')).toBeVisible();
  await expect(page.getByTestId('headhaul-BN20261201')).toContainText('490020261000012345');
  await shot(page, 'head-haul');
});
