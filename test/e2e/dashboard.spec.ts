/**
 * The dashboard (issue 17 point 4) in real Chromium against a real `kuajing serve`: the first
 * screen after setup says there are no orders yet; after a year of seeded demo exports from
 * several marketplaces it draws exports by month, market, customs mode and currency and the top
 * SKUs; a table row and a month bar drill to the orders list filtered accordingly; the page reads
 * in zh-CN, en and zh-TW (screenshots in test-results/screenshots/dashboard-*.png).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoFiles } from '../../src-main/imports/demo/write-demo-files.ts';
import { test, expect, SCREENSHOTS, apiFromPage, completeFirstRun } from './fixtures.ts';

test('the dashboard is the first screen, draws a year of exports and drills to the orders behind a bar', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await completeFirstRun(page, server);
  await expect(page.getByTestId('page-dashboard')).toBeVisible();
  await expect(page.getByText('还没有订单')).toBeVisible();

  // a year of orders from the seeded demo generator, imported as a user's files would be
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-dashboard-'));
  const demo = await writeDemoFiles({
    seed: 17,
    orders: 150,
    outDir: dir,
    start: '2025-04-01T00:00:00+08:00',
    end: '2026-04-01T00:00:00+08:00',
  });
  let imported = 0;
  for (const f of demo.files) {
    if (!/orders|shopify|tiktok|shopee|erp/i.test(f.file) || /settlement/i.test(f.file)) continue;
    const body = JSON.stringify({
      fileName: path.basename(f.file),
      contentBase64: fs.readFileSync(path.join(dir, path.basename(f.file))).toString('base64'),
      source: 'auto',
    });
    const preview = (await apiFromPage(page, 'imports.preview', body)).body as {
      ok: boolean;
      value?: { previewId: string; unmappedRequired: string[] };
    };
    if (!preview.ok || preview.value!.unmappedRequired.length > 0) continue;
    const confirm = (
      await apiFromPage(
        page,
        'imports.confirm',
        JSON.stringify({ previewId: preview.value!.previewId, acceptValidRows: true }),
      )
    ).body as { ok: boolean };
    if (confirm.ok) imported++;
  }
  expect(imported).toBeGreaterThanOrEqual(3);
  // customs modes on part of the orders, as a seller sets them in the orders list
  const list = (await apiFromPage(page, 'orders.list', JSON.stringify({ limit: 500 }))).body as {
    value: { items: Array<{ id: number }> };
  };
  const ids = list.value.items.map((o) => o.id);
  await apiFromPage(
    page,
    'orders.setCustomsMode',
    JSON.stringify({ ids: ids.filter((_, i) => i % 2 === 0), mode: '9610' }),
  );
  await apiFromPage(
    page,
    'orders.setCustomsMode',
    JSON.stringify({ ids: ids.filter((_, i) => i % 5 === 1), mode: '9810' }),
  );

  const summary = (await apiFromPage(page, 'dashboard.summary', '{}')).body as {
    value: {
      from: string;
      to: string;
      totals: { orders: number };
      byCountry: Array<{ key: string | null; orders: number }>;
      byCurrency: Array<{ currency: string | null }>;
    };
  };
  expect(summary.value.to).toBe('2026-03');
  expect(summary.value.totals.orders).toBeGreaterThan(100);
  expect(summary.value.byCurrency.length).toBeGreaterThan(1);

  // the page follows the ledger: the imports above refreshed it
  await expect(page.getByTestId('dashboard-kpi-orders')).toHaveAttribute(
    'data-value',
    String(summary.value.totals.orders),
  );
  await expect(page.getByTestId('chart-by-month').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('table-by-country')).toBeVisible();
  await expect(page.getByTestId('dashboard-period')).toContainText('2025年4月');
  await expect(page.getByRole('heading', { name: '按月出口额' })).toBeVisible();
  await expect(page.getByTestId('table-by-mode')).toContainText('9610 跨境电商零售出口（直邮）');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-zh-CN.png'), fullPage: true });

  // a country row opens the orders list filtered by that country (within the period)
  const top = summary.value.byCountry.find((g) => g.key !== null)!;
  await page.getByTestId(`table-by-country-${top.key}`).getByRole('button').click();
  await expect(page.getByTestId('orders-page')).toBeVisible();
  await expect(page.getByTestId('orders-filter-country')).toHaveValue(top.key!);
  await expect(page.getByTestId('orders-filter-from')).toHaveValue(`${summary.value.from}-01`);
  const count = (
    await apiFromPage(
      page,
      'orders.count',
      JSON.stringify({ filter: { country: top.key, from: `${summary.value.from}-01`, to: '2026-03-31' } }),
    )
  ).body as { value: { total: number } };
  expect(count.value.total).toBeGreaterThanOrEqual(top.orders);

  // a month bar opens that month's orders
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('page-dashboard')).toBeVisible();
  const bars = page.getByTestId('chart-by-month').locator('.recharts-bar-rectangle');
  await bars.last().click();
  await expect(page.getByTestId('orders-page')).toBeVisible();
  await expect(page.getByTestId('orders-filter-from')).toHaveValue('2026-03-01');
  await expect(page.getByTestId('orders-filter-to')).toHaveValue('2026-03-31');

  // English and 繁體中文: every label translated, money with its currency
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Exports by month' })).toBeVisible();
  await expect(page.getByTestId('dashboard-period')).toContainText('Apr 2025');
  await expect(page.getByTestId('table-by-mode')).toContainText('9610');
  await expect(page.getByTestId('dashboard-kpi-gross')).toContainText('$');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-en.png'), fullPage: true });
  await page.getByTestId('lang-switch').selectOption('zh-TW');
  await expect(page.getByRole('heading', { name: '按月出口額' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-zh-TW.png'), fullPage: true });
});
