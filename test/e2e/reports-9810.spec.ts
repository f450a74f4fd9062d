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
import {
  CUP_SKU,
  CUSTOMS_SETTINGS,
  declareReceiveAndSell,
  seedHeadHaulShipment,
  type Call,
} from '../unit/areas/customs/customs-fixture-data.ts';

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
  const api: Call = (command, input) => call(page, command, input);
  await api('customs.settings.save', CUSTOMS_SETTINGS);
  const cup = await api<{ id: number }>('stock.skus.save', CUP_SKU);
  const shipment = await seedHeadHaulShipment(api, cup);
  // declared at cost + 10 %: 4.95 and 22.00 a unit
  await declareReceiveAndSell(api, { cup, ...shipment }, [
    ['2026-03-31', 'cup', 100, 'AMZ-0'],
    ['2026-04-02', 'cup', 250, 'AMZ-1'],
    ['2026-04-03', 'led', 30, 'AMZ-2'],
  ]);

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
  // a SKU stays on one line in its narrow column; every April sale is covered by a declared line: said so, not bare headers
  const skuCell = page.getByTestId('report-preview-sheet').getByRole('cell', { name: 'CUP-1', exact: true });
  await expect(skuCell).toHaveCSS('white-space', 'nowrap');
  expect((await skuCell.boundingBox())!.height).toBeLessThan(30);
  await expect(page.getByTestId('report-preview-empty-table')).toHaveText('本期无。');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-9810-zh-CN.png'), fullPage: true });

  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByTestId('report-preview').click();
  await expect(page.getByTestId('report-headline')).toContainText('Unsold at period end');
  await expect(page.getByTestId('report-headline')).toContainText('Sold in the period');
  await expect(page.getByTestId('report-preview-empty-table')).toHaveText('None in this period.');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-9810-en.png'), fullPage: true });
});
