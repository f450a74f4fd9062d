/**
 * Issue 17 point 1g in real Chromium: with March closed, the import wizard previews a Shopify export
 * holding a March and an April order — the month table marks March closed, the March order is listed
 * as held back with its reason — and after confirming the summary says the same; the orders list then
 * holds only the April order. Screenshots: period-close-preview.png, period-close-summary.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, SCREENSHOTS, apiFromPage, completeFirstRun } from './fixtures.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/imports/shopify-orders-usd.csv');

test('an import into a closed month holds back its orders and says where the others went', async ({ page, server }) => {
  // The export's own rows: #1006 (8 March) and a copy dated 2 April as #2001.
  const lines = fs.readFileSync(FIXTURE, 'utf8').split(/\r?\n/);
  const order1006 = lines.find((l) => l.startsWith('#1006,'))!;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-period-')), 'orders-mar-apr.csv');
  fs.writeFileSync(
    file,
    [
      lines[0],
      order1006,
      order1006.replace('#1006,', '#2001,').replaceAll('2026-03-08 23:59:59 -0800', '2026-04-02 10:00:00 -0700'),
      '',
    ].join('\n'),
  );

  await completeFirstRun(page, server);
  const closed = await apiFromPage(page, 'periods.close', JSON.stringify({ month: '2026-03' }));
  expect(closed.status).toBe(200);

  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-start').click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('import-month-2026-03')).toHaveAttribute('data-closed', 'true');
  await expect(preview.getByTestId('import-month-2026-04')).toHaveAttribute('data-closed', 'false');
  await expect(preview.getByTestId('import-held-#1006')).toContainText('2026-03 已结账');
  await expect(preview.getByTestId('import-held-back')).toContainText('确认后不会写入');
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'period-close-preview.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByTestId('import-confirm').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId('import-held-back')).toContainText('没有写入');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'period-close-summary.png'), fullPage: true });
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('orders-page')).toContainText('#2001');
  await expect(page.getByTestId('orders-page')).not.toContainText('#1006');
});
