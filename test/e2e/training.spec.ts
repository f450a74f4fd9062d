/**
 * Training mode end to end (issue 18), in real Chromium against a real `kuajing serve` on a company
 * workspace: the Training page creates a sandbox from a scenario and switches to it in one click
 * (the page reloads; banner and accent colour on every screen, the first run included); a trainee
 * walks the lessons through the screens — 1 (profile, customs modes), 2 (import the scenario's
 * order file, fix the rejected rows, say what the unknown status word means), 3 (warehouses, a
 * purchase, a head-haul to an overseas warehouse, its freight, its receipt), 4 (customs settings,
 * SKU customs data, the waybill file, the pre-check's planted missing waybills, the build) and 5
 * (practice platform, sync, receipts, the scenario's planted customs refusal) — and the lesson
 * steps tick only once done (lesson 2 also in the panel beside the orders screen); a screenshot per
 * lesson; switching back shows the company workspace with its data unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENSHOTS, apiFromPage, completeFirstRun, createMugSku } from './fixtures.ts';

const SANDBOX = 'trainee-1';
const JP_FILE = 'amazon-all-orders-jp.tsv';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `training-${name}.png`), fullPage: false });
}

/** The Training page's ticks of lesson steps: `{ step: done }`, read in one visit. */
async function steps(page: Page, lesson: number, expected: Readonly<Record<string, boolean>>): Promise<void> {
  await page.getByTestId('nav-training').click();
  for (const [step, done] of Object.entries(expected))
    await expect(page.getByTestId(`training-step-${lesson}-${step}`)).toHaveAttribute('data-done', String(done));
}

/** Orders page: every order to 9610 (a tall window so that every row is on screen to be selected). */
async function allOrdersTo9610(page: Page): Promise<void> {
  await page.getByTestId('nav-orders').click();
  await page.setViewportSize({ width: 1280, height: 4000 });
  await page.getByTestId('orders-select-visible').check();
  await page.getByTestId('orders-bulk-mode').selectOption('9610');
  await page.getByTestId('orders-bulk-apply').click();
  await expect(page.getByTestId('orders-bulk-done')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function lessonShot(page: Page, lesson: number): Promise<void> {
  await page.getByTestId('nav-training').click();
  await page.getByTestId(`training-lesson-${lesson}`).scrollIntoViewIfNeeded();
  await shot(page, `lesson-${lesson}`);
}

test('a trainee switches to a sandbox and walks lessons 1 to 5; the company workspace is untouched', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await completeFirstRun(page, server);
  const companyOrders = await apiFromPage(page, 'orders.list', JSON.stringify({ limit: 500 }));

  // The Training page: a sandbox from the 9610 parcel scenario, then one click into it.
  await page.getByTestId('nav-training').click();
  await expect(page.getByTestId('training-company-notice')).toBeVisible();
  await page.getByTestId('training-new-name').fill(SANDBOX);
  await page.getByTestId('training-new-scenario').selectOption('parcel-9610');
  await page.getByTestId('training-new-create').click();
  await expect(page.getByTestId(`training-sandbox-${SANDBOX}`)).toBeVisible({ timeout: 30_000 });
  await shot(page, 'company-sandboxes');
  await page.getByTestId(`training-sandbox-open-${SANDBOX}`).click();

  // The sandbox has no profile yet: its first run, marked as a sandbox.
  const firstRun = page.getByTestId('first-run');
  await expect(firstRun).toHaveAttribute('data-sandbox', 'true');
  await expect(page.getByTestId('sandbox-banner')).toContainText(SANDBOX);
  await shot(page, 'sandbox-first-run');

  // Lesson 1: the scenario's company profile, then every order's customs mode.
  await page.getByTestId('field-name').fill('杭州练习跨境电商有限公司');
  await page.getByTestId('field-uscc').fill('91350100M000100Y43');
  await page.getByTestId('field-customsCode').fill('3301960ABC');
  await page.getByTestId('field-dxpId').fill('DXPENT0000012345');
  await page.getByTestId('field-pilotZone').selectOption('hangzhou');
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('app-shell')).toHaveAttribute('data-sandbox', 'true');
  await steps(page, 1, { profile: true, customsModes: false });
  await allOrdersTo9610(page);
  // every screen says it is the sandbox: banner and the sandbox accent colour
  for (const screenName of ['dashboard', 'orders', 'stock', 'settlement', 'customs', 'sync', 'reports', 'settings']) {
    await page.getByTestId(`nav-${screenName}`).click();
    await expect(page.getByTestId('sandbox-banner')).toBeVisible();
    await expect(page.getByTestId('app-shell')).toHaveClass(/sandbox-mode/);
  }
  await steps(page, 1, { customsModes: true });
  await lessonShot(page, 1);

  // Lesson 2: the scenario's JP order file — valid rows first, the unknown status word explained.
  const filesDir = path.join(server.dataDir, 'sandboxes', SANDBOX, 'files');
  await steps(page, 2, { import: false, fixRejected: false, statuses: false });
  await page.getByTestId('training-follow-2').click(); // the lesson panel beside every screen
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-import').click();
  await page.getByTestId('import-file').setInputFiles(path.join(filesDir, JP_FILE));
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-rejected')).toBeVisible();
  await page.getByTestId('import-status-map-On Hold Review').selectOption('pending');
  await page.getByTestId('import-accept-valid-rows').check();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').click();
  // beside the orders screen, the lesson panel ticks the import (a read-only check)
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', '2');
  await expect(page.getByTestId('lesson-panel-step-import')).toHaveAttribute('data-done', 'true');
  await shot(page, 'lesson-2-panel');
  await page.getByTestId('lesson-panel-stop').click();
  await steps(page, 2, { import: true, fixRejected: false, statuses: true });
  // the rejected rows fixed in a copy of the file (the quantity as a number) and imported again
  const fixed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-training-')), JP_FILE);
  fs.writeFileSync(fixed, fs.readFileSync(path.join(filesDir, JP_FILE), 'utf8').replaceAll('\ttwo\t', '\t2\t'));
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-import').click();
  await page.getByTestId('import-file').setInputFiles(fixed);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').click();
  await steps(page, 2, { fixRejected: true });
  await lessonShot(page, 2);

  // Lesson 3: a head-haul shipment to an overseas warehouse, its landed cost, its receipt.
  await steps(page, 3, { shipment: false, landedCost: false, received: false });
  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-tab-warehouses').click();
  for (const [code, name, kind, country] of [
    ['YW', '义乌仓', 'domestic', 'CN'],
    ['US-LA', '洛杉矶公共海外仓', 'overseasPublic', 'US'],
  ] as const) {
    await page.getByTestId('warehouse-new').click();
    await page.getByTestId('warehouse-form-code').fill(code);
    await page.getByTestId('warehouse-form-name').fill(name);
    await page.getByTestId('warehouse-form-kind').selectOption(kind);
    await page.getByTestId('warehouse-form-country').fill(country);
    await page.getByTestId('warehouse-form-save').click();
    await expect(page.getByTestId(`warehouse-${code}`)).toBeVisible();
  }
  await page.getByTestId('stock-tab-skus').click();
  await createMugSku(page, 'MUG-RED');
  await page.getByTestId('stock-tab-moves').click();
  const move = page.getByTestId('move-form');
  await move.getByTestId('move-form-type').selectOption('purchase');
  await move.getByTestId('move-form-sku').selectOption({ label: 'MUG-RED · 陶瓷马克杯' });
  await move.getByTestId('move-form-warehouse').selectOption({ label: '义乌仓 (YW)' });
  await move.getByTestId('move-form-quantity').fill('100');
  await move.getByTestId('move-form-unitCost').fill('12.00');
  await move.getByTestId('move-form-currency').selectOption('CNY');
  await move.getByTestId('move-form-save').click();
  await expect(page.getByTestId('move-form-posted')).toBeVisible();
  await page.getByTestId('stock-tab-transit').click();
  await page.getByTestId('shipment-new').click();
  const shipment = page.getByTestId('shipment-form');
  await shipment.getByTestId('shipment-form-bookingNoteNo').fill('BN-9810-001');
  await shipment.getByTestId('shipment-form-carrier').fill('中远海运');
  await shipment.getByTestId('shipment-form-cartons').fill('3');
  await shipment.getByTestId('shipment-form-from').selectOption({ label: '义乌仓 (YW)' });
  await shipment.getByTestId('shipment-form-to').selectOption({ label: '洛杉矶公共海外仓 (US-LA)' });
  await shipment.getByTestId('shipment-line-0-sku').selectOption({ label: 'MUG-RED · 陶瓷马克杯' });
  await shipment.getByTestId('shipment-line-0-quantity').fill('60');
  await page.getByTestId('shipment-create').click();
  await expect(page.getByTestId('shipment-detail')).toBeVisible();
  await page.getByTestId('shipment-cost-kind').selectOption('freight');
  await page.getByTestId('shipment-cost-amount').fill('120.00');
  await page.getByTestId('shipment-cost-currency').selectOption('CNY');
  await page.getByTestId('shipment-cost-add').click();
  await expect(page.getByTestId('shipment-landed-cost')).toHaveAttribute('data-value', '12000');
  await page.getByTestId('shipment-receive-save').click();
  await expect(page.getByTestId('shipment-BN-9810-001')).toHaveAttribute('data-status', 'received');
  await steps(page, 3, { shipment: true, landedCost: true, received: true });
  await lessonShot(page, 3);

  // Lesson 4: customs settings, the SKUs' customs data, the waybill file, the planted fault, the build.
  await steps(page, 4, { settings: false, skus: false, waybills: false, fixPrecheck: false, build: false });
  await page.getByTestId('nav-customs').click();
  await page.getByTestId('customs-tab-settings').click();
  const settings: Record<string, string> = {
    ebpCode: '3301964J31',
    ebpName: '亚马逊美国站',
    customsCode: '2991',
    portCode: '2991',
    pod: '502',
    trafMode: '5',
    wrapType: '2',
    logisticsCode: '3120980105',
    logisticsName: '示例国际物流有限公司',
  };
  for (const [k, v] of Object.entries(settings)) await page.getByTestId(`customs-setting-${k}`).fill(v);
  await page.getByTestId('customs-setting-statisticsFlag').selectOption('B');
  await page.getByTestId('customs-setting-appStatus').selectOption('2');
  await page.getByTestId('customs-settings-save').click();
  await expect(page.getByTestId('customs-settings-saved')).toBeVisible();
  await steps(page, 4, { settings: true, skus: false, waybills: false });
  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-tab-skus').click();
  await page.getByTestId('sku-file').setInputFiles(path.join(filesDir, 'sku-customs.csv'));
  await expect(page.getByTestId('sku-file-imported')).toHaveAttribute('data-created', '26');
  await steps(page, 4, { skus: true });
  // the lists are signed: the practice platform sets the practice SM2 signer (lesson 5's first step)
  await steps(page, 5, { connect: false });
  await page.getByTestId('practice-start').click();
  await expect(page.getByTestId('practice-address')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);
  await steps(page, 5, { connect: true });
  await allOrdersTo9610(page); // the JP orders imported in lesson 2 too
  await page.getByTestId('nav-customs').click();
  await page.getByTestId('customs-tab-build').click();
  await page.getByTestId('waybill-file').setInputFiles(path.join(filesDir, 'waybills.csv'));
  await page.getByTestId('waybill-confirm').click();
  await expect(page.getByTestId('waybill-saved')).toBeVisible();
  await steps(page, 4, { waybills: true, fixPrecheck: false });
  // the pre-check names the orders the waybill file left out; the trainee fills in their numbers
  const pre = (await apiFromPage(page, 'training.lessons.check', JSON.stringify({ lesson: 4 }))).body as {
    value: Array<{ steps: Array<{ id: string; params: Record<string, string> }> }>;
  };
  const planted = pre.value[0]!.steps.find((s) => s.id === 'fixPrecheck')!.params['orders']!.split(', ');
  expect(planted).toHaveLength(2);
  await page.getByTestId('nav-customs').click();
  await page.getByTestId('customs-tab-build').click();
  await page.getByTestId('customs-order-nos').fill(planted.join('\n'));
  await page.getByTestId('customs-precheck').click();
  const findings = page.getByTestId('customs-findings');
  await expect(findings.locator('[data-code="precheck.logisticsNo.missing"]')).toHaveCount(2);
  await findings.scrollIntoViewIfNeeded();
  await shot(page, 'lesson-4-precheck');
  for (const [i, orderNo] of planted.entries()) {
    await findings.locator('tr', { hasText: orderNo }).locator('[data-testid^="finding-fix-"]').first().click();
    const form = page.locator('form[data-testid^="customs-shipping-"]');
    await form.getByTestId('customs-shipping-logisticsNo').fill(`SF900000000${i}`);
    await form.getByTestId('customs-shipping-save').click();
    await expect(form).toHaveCount(0);
    // the pre-check ran again: that order's waybill finding is gone
    await expect(findings.locator('[data-code="precheck.logisticsNo.missing"]')).toHaveCount(planted.length - i - 1);
  }
  await steps(page, 4, { fixPrecheck: true, build: false });
  await page.getByTestId('nav-customs').click();
  await page.getByTestId('customs-tab-build').click();
  await page.getByTestId('customs-order-nos').fill('');
  await page.getByTestId('customs-build').click(); // every order the pre-check lets through
  const built = page.getByTestId('customs-build-summary');
  await expect(built).toBeVisible({ timeout: 20_000 });
  expect(Number(await built.getAttribute('data-built'))).toBeGreaterThan(20);
  await steps(page, 4, { build: true });
  await lessonShot(page, 4);

  // Lesson 5: send, receipts, and the list customs refused (the scenario's planted refusal).
  await steps(page, 5, { send: false, rejection: false });
  for (let pass = 0; pass < 10; pass += 1) {
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-summary')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('nav-training').click();
    if ((await page.getByTestId('training-step-5-rejection').getAttribute('data-done')) === 'true') break;
  }
  await steps(page, 5, { send: true, receipts: true, rejection: true });
  // the refused list and customs' reason on the Customs screen
  await page.getByTestId('nav-customs').click();
  await page.getByTestId('customs-tab-documents').click();
  await page.getByTestId('customs-filter-status').selectOption('100');
  const refused = page.locator('[data-testid^="customs-doc-CEB603-"][data-status="100"]');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('申报品名与商品编码不符');
  await shot(page, 'lesson-5-rejected');
  await lessonShot(page, 5);

  // Back to the company: no banner, its own data, nothing of the sandbox.
  await page.getByTestId('sandbox-banner-company').click();
  await expect(page.getByTestId('app-shell')).toHaveAttribute('data-sandbox', 'false');
  await expect(page.getByTestId('sandbox-banner')).toHaveCount(0);
  await page.getByTestId('nav-training').click();
  await expect(page.getByTestId('training-company-notice')).toBeVisible();
  expect(await apiFromPage(page, 'orders.list', JSON.stringify({ limit: 500 }))).toEqual(companyOrders);
  await shot(page, 'company-again');
});
