/**
 * Customs and sync end to end, in real Chromium against a real `kuajing serve` running the
 * practice platform in-process (training mode, started from the Training page): first run; a
 * SKU with its customs data; the customs settings; an Amazon orders file imported through the
 * wizard; the orders set to 9610 and taken to the build tab with "生成申报"; pre-check → the
 * missing waybill numbers fixed from the findings; build (validated against the XSDs, queued);
 * training mode starts the practice platform (address, counters) and points the sync at it with
 * the practice SM2 signer (the settings declare, appStatus 2, so every message is signed and
 * verified); sync now until the receipts move the documents to 800 released; a document's
 * history and receipts; the summary application (CEB701) synced until the CEB792 result
 * brings the declaration number (entryId); stopping the practice platform sets sync off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENSHOTS, completeFirstRun, createMugSku } from './fixtures.ts';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { putSetting } from '../../src-main/db/settings-store.ts';
import { SANDBOX_SETTING } from '../../src-main/areas/sync/index.ts';

const ORDER_A = '111-5502011-0000001';
const ORDER_B = '111-5502011-0000002';
const SKU = 'MUG-RED';

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
] as const;

function row(orderNo: string, date: string, quantity: number, price: string): string {
  const v: Record<(typeof HEADERS)[number], string> = {
    'amazon-order-id': orderNo,
    'purchase-date': date,
    'last-updated-date': date,
    'order-status': 'Shipped',
    'fulfillment-channel': 'Merchant',
    'sales-channel': 'Amazon.com',
    'product-name': '陶瓷马克杯 红色',
    sku: SKU,
    'item-status': 'Shipped',
    quantity: String(quantity),
    currency: 'USD',
    'item-price': price,
    'item-tax': '0.00',
    'shipping-price': '0.00',
    'ship-city': 'Seattle',
    'ship-postal-code': '98101',
    'ship-country': 'US',
  };
  return HEADERS.map((h) => v[h]).join('\t');
}

const TSV =
  [
    HEADERS.join('\t'),
    row(ORDER_A, '2026-03-05T14:02:11+00:00', 2, '39.98'),
    row(ORDER_B, '2026-03-06T09:15:00+00:00', 1, '24.50'),
  ].join('\n') + '\n';

/** Marks the (stopped) data folder as a training sandbox, as `kuajing training new` does. */
async function markSandbox(dataDir: string): Promise<void> {
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  ws.uow.run('test.sandbox', (tx) =>
    putSetting(tx.db, SANDBOX_SETTING, {
      id: 'e2e-customs',
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
  await page.screenshot({ path: path.join(SCREENSHOTS, `customs-${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Sync passes on the Sync screen until `done()` holds on the customs documents (receipts arrive over time). */
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

test('builds, pre-checks, syncs to the practice platform and shows receipts, statuses and the summary declaration number', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-customs-')), 'All-Orders-2026-03.txt');
  fs.writeFileSync(file, TSV, 'utf8');

  // The practice platform runs only in a training sandbox (issue 18): this folder is marked as one.
  await server.restart(markSandbox);
  // First run.
  await completeFirstRun(page, server, { dxpId: 'DXPENT0000012345' });

  // A SKU with its customs data.
  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-tab-skus').click();
  await createMugSku(page, SKU);

  // Customs settings.
  await page.getByTestId('nav-customs').click();
  await expect(page.getByTestId('page-customs')).toBeVisible();
  await page.getByTestId('customs-tab-settings').click();
  await expect(page.getByTestId('customs-settings-missing')).toBeVisible();
  const settings: Record<string, string> = {
    ebpCode: '3301964J31',
    ebpName: '亚马逊美国站',
    customsCode: '4900',
    portCode: '4900',
    pod: '502',
    trafMode: '5',
    wrapType: '2',
    logisticsCode: '3120980105',
    logisticsName: '示例国际物流有限公司',
  };
  for (const [k, v] of Object.entries(settings)) await page.getByTestId(`customs-setting-${k}`).fill(v);
  await page.getByTestId('customs-setting-appStatus').selectOption('2');
  await page.getByTestId('customs-settings-save').click();
  await expect(page.getByTestId('customs-settings-saved')).toBeVisible();

  // Training mode: start the practice platform inside the app; sync points at it, and its signer signs
  // what is declared (appStatus 2 needs a signer before the pre-check passes: customs.signer.required).
  await page.getByTestId('nav-training').click();
  await expect(page.getByTestId('practice-stopped')).toBeVisible();
  await page.getByTestId('practice-start').click();
  const address = page.getByTestId('practice-address');
  await expect(address).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);
  const practiceUrl = (await address.textContent())!;
  await expect(page.getByTestId('practice-current-text')).toContainText(practiceUrl);
  await expect(page.getByTestId('practice-counter-keys')).toHaveText('0');
  await expect(page.getByTestId('sandbox-banner')).toBeVisible(); // every screen says it is a sandbox
  await shot(page, 'training');

  // Orders through the import wizard, then set to 9610.
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-count-orders')).toHaveAttribute('data-value', '2');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary-new')).toHaveAttribute('data-value', '2');
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId(`orders-row-${ORDER_A}`)).toBeVisible();
  await page.getByTestId('orders-select-visible').check();
  await page.getByTestId('orders-bulk-mode').selectOption('9610');
  await page.getByTestId('orders-bulk-apply').click();
  await expect(page.getByTestId('orders-bulk-done')).toBeVisible();

  // "生成申报": the selected orders go to the build tab, prefilled.
  await page.getByTestId('orders-select-visible').check();
  await page.getByTestId('orders-bulk-declare').click();
  await expect(page.getByTestId('page-customs')).toBeVisible();
  await expect(page.getByTestId('customs-picked-orders')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('customs-picked-order-nos')).toContainText(ORDER_A);
  expect(page.url()).toMatch(/#\/customs\/build\?orders=\d+,\d+$/);

  // Pre-check: both orders lack a waybill number; fix them from the findings.
  await page.getByTestId('customs-precheck').click();
  await expect(page.getByTestId('customs-precheck-summary')).toBeVisible();
  const findings = page.getByTestId('customs-findings');
  await expect(findings.locator('[data-code="precheck.logisticsNo.missing"]')).toHaveCount(2);
  await expect(findings).not.toContainText('precheck.logisticsNo');
  await shot(page, 'precheck');
  for (const [orderNo, waybill] of [
    [ORDER_A, 'SF1000000001'],
    [ORDER_B, 'SF1000000002'],
  ] as const) {
    await findings.locator('tr', { hasText: orderNo }).locator('[data-testid^="finding-fix-"]').first().click();
    const form = page.locator('form[data-testid^="customs-shipping-"]');
    await expect(form).toContainText(orderNo);
    await form.getByTestId('customs-shipping-logisticsNo').fill(waybill);
    await form.getByTestId('customs-shipping-save').click();
    await expect(form).toHaveCount(0);
    await expect(findings.locator('tr[data-code="precheck.logisticsNo.missing"]', { hasText: orderNo })).toHaveCount(0);
  }
  // March exports declared in December: a reminder per order that the summary deadline has passed (not an error)
  await expect(findings.locator('tr[data-code^="customs.declaration."]')).toHaveCount(2);
  await expect(page.getByTestId('customs-precheck-summary')).toContainText('2 笔没有问题');

  // Build: validated against the XSDs and queued.
  await page.getByTestId('customs-build').click();
  const built = page.getByTestId('customs-build-summary');
  await expect(built).toBeVisible({ timeout: 20_000 });
  await expect(built).toHaveAttribute('data-built', '2');
  await expect(page.getByTestId('customs-validation-errors')).toHaveCount(0);
  expect(Number(await built.getAttribute('data-queued'))).toBeGreaterThan(0);
  await shot(page, 'build');
  await page.getByTestId('customs-open-documents').click();
  const lists = page.locator('[data-testid^="customs-doc-CEB603-"]');
  await expect(lists).toHaveCount(2);
  expect(await lists.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual([
    'queued',
    'queued',
  ]);

  // Sync until every export list is released (800) by the practice platform.
  await syncUntil(page, async () => {
    await page.getByTestId('nav-customs').click();
    await page.getByTestId('customs-tab-documents').click();
    await expect(lists).toHaveCount(2);
    const statuses = await lists.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    return statuses.every((s) => s === '800' || s === '399' || s === '899');
  });
  await page.getByTestId('nav-training').click();
  await expect(page.getByTestId('practice-counter-keys')).not.toHaveText('0');
  await expect(page.getByTestId('practice-counter-rejectedKeys')).toHaveText('0'); // signed, verified, taken
  await shot(page, 'training-running');
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('sync-receipts')).toContainText('CEB604');
  await page.getByTestId('sync-outbox-sent').click();
  await expect(page.getByTestId('sync-outbox')).toBeVisible();
  await shot(page, 'sync');

  await page.getByTestId('nav-customs').click();
  await page.getByTestId('customs-tab-documents').click();
  await expect(page.getByTestId('customs-documents')).toBeVisible();
  await shot(page, 'documents');
  await lists.first().locator('[data-testid^="customs-doc-open-"]').click();
  const history = page.getByTestId('customs-document-history');
  await expect(history).toBeVisible();
  const steps = await history.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(steps.slice(0, 3)).toEqual(['validated', 'queued', 'sent']);
  expect(steps).toContain('120');
  await expect(page.getByTestId('customs-document-receipts')).toContainText('CEB604');
  await expect(page.getByTestId('customs-document-invtNo')).not.toHaveText('—');
  await shot(page, 'document');

  // Summary application for March → CEB701 → sync → CEB792 with the declaration number.
  await page.getByTestId('customs-tab-summary').click();
  await page.getByTestId('customs-summary-start').fill('2026-03-01');
  await page.getByTestId('customs-summary-end').fill('2026-03-31');
  await page.getByTestId('customs-summary-apply').click();
  await expect(page.getByTestId('customs-summary-result')).toBeVisible();
  const entry = page.locator('[data-testid^="customs-summary-entry-"]').first();
  await syncUntil(page, async () => {
    await page.getByTestId('nav-customs').click();
    await page.getByTestId('customs-tab-summary').click();
    await expect(entry).toBeVisible();
    return /^\d{18}$/.test((await entry.textContent()) ?? '');
  });
  const entryId = (await entry.textContent())!;
  await shot(page, 'summary');

  // The summary keeps the CEB792 result; the declaration number and the list-line → declaration-line
  // mapping reach the lists of the summarised orders.
  await page.locator('[data-testid="customs-summaries"] a').first().click();
  await expect(page.getByTestId('customs-document-entryId')).toHaveText(entryId);
  await expect(page.getByTestId('customs-document-receipts')).toContainText('CEB792');
  await page.getByTestId('customs-document-back').click();
  await expect(lists).toHaveCount(2);
  for (const text of await lists.allTextContents()) expect(text).toContain(entryId);
  await lists.first().locator('[data-testid^="customs-doc-open-"]').click();
  await expect(page.getByTestId('customs-document-entryId')).toHaveText(entryId);
  await expect(page.getByTestId('customs-document-lines').locator('tbody tr')).toHaveCount(1);
  await shot(page, 'list-declared');

  // Stopping the practice platform sets the sync back to off.
  await page.getByTestId('nav-training').click();
  await page.getByTestId('practice-stop').click();
  await expect(page.getByTestId('practice-stopped')).toBeVisible();
  await expect(page.getByTestId('practice-current-text')).toHaveText('同步未开启。');
});
