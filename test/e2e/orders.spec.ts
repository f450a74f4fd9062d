/**
 * Orders end to end, in real Chromium against a real `kuajing serve`: after the first-run
 * company profile, a small Amazon "All Orders" TSV (a two-line order, a cancelled one, a plain
 * one and a row with a bad date) goes through the import wizard — progress, preview with counts
 * and the rejected row (downloadable as CSV), confirm, summary — then the orders list shows the
 * three orders and one order's detail shows its lines and a profit breakdown with 未知 parts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, SCREENSHOTS, apiFromPage, completeFirstRun } from './fixtures.ts';

/** Amazon All Orders report headers (../shared/docs/domain.md §9), tab-separated, one row per item. */
const HEADERS = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
] as const;
type Header = (typeof HEADERS)[number];

function row(values: Partial<Record<Header, string>>): string {
  const base: Partial<Record<Header, string>> = {
    'last-updated-date': '2026-03-06T08:00:00+00:00',
    'fulfillment-channel': 'Amazon',
    'sales-channel': 'Amazon.com',
    'ship-service-level': 'Standard',
    'item-status': 'Shipped',
    currency: 'USD',
    'item-tax': '0.00',
    'shipping-price': '0.00',
    'shipping-tax': '0.00',
    'gift-wrap-price': '0.00',
    'gift-wrap-tax': '0.00',
    'item-promotion-discount': '0.00',
    'ship-promotion-discount': '0.00',
    'ship-city': 'Seattle',
    'ship-state': 'WA',
    'ship-postal-code': '98101',
    'ship-country': 'US',
    'is-business-order': 'false',
  };
  const all = { ...base, ...values };
  return HEADERS.map((h) => all[h] ?? '').join('\t');
}

const MULTI = '111-4402011-0000001';
const CANCELLED = '111-4402011-0000002';
const PLAIN = '111-4402011-0000003';
const BAD_DATE = '111-4402011-0000004';

/** Rows 2–6 of the file (row 1 is the header); row 6 has a date nobody can read. */
const TSV =
  [
    HEADERS.join('\t'),
    row({
      'amazon-order-id': MULTI,
      'purchase-date': '2026-03-05T14:02:11+00:00',
      'order-status': 'Shipped',
      'product-name': '陶瓷马克杯 红色',
      sku: 'MUG-RED',
      asin: 'B0TEST0001',
      quantity: '2',
      'item-price': '39.98',
      'shipping-price': '4.99',
    }),
    row({
      'amazon-order-id': MULTI,
      'purchase-date': '2026-03-05T14:02:11+00:00',
      'order-status': 'Shipped',
      'product-name': '陶瓷马克杯 蓝色',
      sku: 'MUG-BLUE',
      asin: 'B0TEST0002',
      quantity: '1',
      'item-price': '15.00',
    }),
    row({
      'amazon-order-id': CANCELLED,
      'purchase-date': '2026-03-05T16:30:00+00:00',
      'order-status': 'Cancelled',
      'item-status': 'Cancelled',
      'product-name': '竹制砧板',
      sku: 'BOARD-1',
      asin: 'B0TEST0003',
      quantity: '1',
      'item-price': '',
    }),
    row({
      'amazon-order-id': PLAIN,
      'purchase-date': '2026-03-06T09:15:00+00:00',
      'order-status': 'Shipped',
      'product-name': '硅胶隔热垫',
      sku: 'PAD-GRN',
      asin: 'B0TEST0004',
      quantity: '1',
      'item-price': '24.50',
    }),
    row({
      'amazon-order-id': BAD_DATE,
      'purchase-date': '2026-13-45 25:61',
      'order-status': 'Shipped',
      'product-name': '不锈钢勺',
      sku: 'SPOON-1',
      asin: 'B0TEST0005',
      quantity: '1',
      'item-price': '9.99',
    }),
  ].join('\n') + '\n';

test('imports an Amazon All Orders file through the wizard, then lists the orders and shows an order’s profit', async ({
  page,
  server,
}) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-orders-')), 'All-Orders-2026-03.txt');
  fs.writeFileSync(file, TSV, 'utf8');

  // First run: the company profile.
  await completeFirstRun(page, server);

  // Orders: an empty ledger offers 导入订单.
  await page.getByTestId('nav-orders').click();
  await expect(page.getByTestId('orders-page')).toBeVisible();
  await expect(page.getByText('还没有订单')).toBeVisible();
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page).toHaveURL(/#\/orders\/import$/);

  // Remember whether the progress bar showed (a small file is fast) and the values it took.
  await page.evaluate(() => {
    const seen: { shown: boolean; values: string[] } = { shown: false, values: [] };
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    const look = () => {
      const bar = document.querySelector('[data-testid="import-progress"] [role="progressbar"]');
      if (!bar) return;
      seen.shown = true;
      const now = bar.getAttribute('aria-valuenow');
      if (now !== null && seen.values.at(-1) !== now) seen.values.push(now);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });

  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-chosen')).toContainText('All-Orders-2026-03.txt');
  await expect(page.getByTestId('import-source')).toHaveValue('auto');
  await page.getByTestId('import-start').click();

  // Preview: detected source, counts, the rejected row with a translated reason.
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  const progress = await page.evaluate(
    () => (window as unknown as { __progress: { shown: boolean; values: string[] } }).__progress,
  );
  expect(progress.shown).toBe(true);
  await expect(page.getByTestId('import-detected-source')).toHaveAttribute('data-source', 'amazon-orders');
  await expect(page.getByTestId('import-count-orders')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('import-count-lines')).toHaveAttribute('data-value', '4');
  await expect(page.getByTestId('import-count-new')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('import-count-updated')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('import-count-rejected')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('import-total-USD')).toContainText('84.47'); // 39.98 + 15.00 + 4.99 + 24.50; the cancelled order is not a sale
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toBeVisible();
  const badRow = rejected.getByTestId('import-rejected-row-6');
  await expect(badRow).toHaveAttribute('data-code', 'import.row.badDate');
  await expect(badRow).toContainText('purchase-date');
  await expect(badRow).toContainText('无法识别'); // translated, not the raw code
  await expect(badRow).not.toContainText('import.row');
  // The page scrolls inside the shell: a taller window shows the whole preview in the screenshot.
  await page.setViewportSize({ width: 1280, height: 1700 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'orders-preview.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The rejected rows download as CSV to fix and re-import.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('import-rejected-download').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(BAD_DATE);
  expect(csv).toContain('import.row.badDate');

  // All or nothing: with a rejected row, confirm waits for the explicit "import the valid rows".
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-accept-valid-rows').check();
  // Confirm → summary → the list.
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await page.getByTestId('import-confirm').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByTestId('import-summary-new')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('import-summary-rejected')).toHaveAttribute('data-value', '1');
  await page.getByTestId('import-done').click();

  await expect(page.getByTestId('orders-page')).toBeVisible();
  await expect(page.getByTestId('orders-total')).toHaveText('共 3 单');
  for (const orderNo of [MULTI, CANCELLED, PLAIN])
    await expect(page.getByTestId(`orders-row-${orderNo}`)).toBeVisible();
  await expect(page.getByTestId(`orders-row-${BAD_DATE}`)).toHaveCount(0);
  await expect(page.getByTestId(`orders-row-${CANCELLED}`)).toContainText('已取消');
  await expect(page.getByTestId(`orders-excluded-${CANCELLED}`)).toBeVisible();
  await expect(page.getByTestId(`orders-row-${MULTI}`)).toContainText('$59.97'); // 39.98 + 15.00 + 4.99
  await expect(page.getByTestId(`orders-row-${MULTI}`)).toContainText('3'); // units
  // Newest first by default; the sort header flips it.
  await expect(page.getByTestId('orders-list').locator('[data-testid^="orders-row-"]').first()).toHaveAttribute(
    'data-testid',
    `orders-row-${PLAIN}`,
  );
  await page.getByTestId('orders-sort-orderedAt').click();
  await expect(page.getByTestId('orders-list').locator('[data-testid^="orders-row-"]').first()).toHaveAttribute(
    'data-testid',
    `orders-row-${MULTI}`,
  );
  await page.getByTestId('orders-sort-orderedAt').click();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'orders-list.png'), fullPage: true });

  // A filter narrows the list and the total.
  await page.getByTestId('orders-filter-status').selectOption('cancelled');
  await expect(page.getByTestId('orders-total')).toHaveText('共 1 单');
  await page.getByTestId('orders-filter-clear').click();
  await expect(page.getByTestId('orders-total')).toHaveText('共 3 单');

  // One order: its lines and a profit breakdown where unknown parts are 未知, never 0.
  await page.getByTestId(`orders-row-${MULTI}`).getByRole('link', { name: MULTI }).click();
  const detail = page.getByTestId('order-detail');
  await expect(detail).toBeVisible();
  await expect(page).toHaveURL(/#\/orders\/\d+$/);
  await expect(page.getByTestId('order-detail-orderNo')).toHaveText(MULTI);
  await expect(page.getByTestId('order-lines').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('order-lines')).toContainText('MUG-RED');
  await expect(page.getByTestId('order-lines')).toContainText('陶瓷马克杯 蓝色');
  await expect(page.getByTestId('profit-revenue')).toContainText('59.97');
  for (const part of ['productCost', 'headHaul', 'platformFees', 'profit']) {
    await expect(page.getByTestId(`profit-${part}`)).toHaveAttribute('data-known', 'false');
    await expect(page.getByTestId(`profit-${part}`)).toContainText('未知');
  }
  await expect(page.getByTestId('profit-explanation')).toContainText('商品成本');
  await expect(page.getByTestId('profit-productCost')).toContainText('库存模块');
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'order-detail.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Importing the same file again adds nothing.
  await page.getByTestId('order-detail-back').click();
  await page.getByTestId('orders-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-count-new')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('import-count-unchanged')).toHaveAttribute('data-value', '3');
  await page.getByTestId('import-discard').click();
  await expect(page.getByTestId('orders-total')).toHaveText('共 3 单');
});

test('an empty file gets a clear, translated error and nothing is imported', async ({ page, server }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-orders-')), 'empty.csv');
  fs.writeFileSync(file, '');
  await completeFirstRun(page, server);
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-code', 'import.file.empty');
  await expect(page.getByTestId('error-banner')).toContainText('文件是空的');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
});

test('two Shopify stores: the wizard asks which shop a file is from, and both stores keep their own #1058', async ({
  page,
  server,
}) => {
  const fixtures = path.resolve(import.meta.dirname, '../fixtures/imports');
  await completeFirstRun(page, server);
  for (const name of ['Maple 店', 'Kiwi 店'])
    expect(
      (
        await apiFromPage(
          page,
          'shops.save',
          JSON.stringify({ platform: 'shopify', name, site: null, currency: 'USD', timeZone: 'America/New_York' }),
        )
      ).status,
    ).toBe(200);
  await page.getByTestId('nav-orders').click();
  for (const [file, shop, orders] of [
    ['shopify-store-a.csv', 'Maple 店', 3],
    ['shopify-store-b.csv', 'Kiwi 店', 2],
  ] as const) {
    await page.getByTestId('orders-import').click();
    await page.getByTestId('import-file').setInputFiles(path.join(fixtures, file));
    await page.getByTestId('import-start').click();
    const dialog = page.getByRole('dialog', { name: '这份文件属于哪个店铺？' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio')).toHaveCount(2);
    if (file === 'shopify-store-a.csv')
      await page.screenshot({ path: path.join(SCREENSHOTS, 'import-which-shop.png'), fullPage: true });
    await dialog.getByRole('radio', { name: new RegExp(shop) }).check();
    await dialog.getByTestId('import-choose-shop-ok').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await expect(page.getByTestId('import-count-new')).toHaveAttribute('data-value', String(orders));
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').click();
  }
  // 3 + 2 orders, the two #1058 kept apart: one per store
  await expect(page.getByTestId('orders-total')).toHaveText('共 5 单');
});
