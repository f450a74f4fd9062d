/**
 * Settings → 备份与恢复 in real Chromium against a real `kuajing serve` (issue 16, point 4): a copy
 * taken by hand, a later change (the display language, kept in the ledger), then restore from the
 * copy after the confirming click: the page reloads — re-authenticating from sessionStorage — and
 * shows the ledger as it was, with the pre-restore copy listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, completeFirstRun, SCREENSHOTS } from './fixtures.ts';

test('a backup taken by hand is restored from Settings, and the page comes back on the restored ledger', async ({
  page,
  server,
}) => {
  await completeFirstRun(page, server);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-backups')).toBeVisible();
  await page.getByTestId('settings-backup-now').click();
  await expect(page.getByTestId('settings-backups-done')).toContainText('manual/');

  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.getByTestId('nav-orders')).toContainText('Orders');

  const restore = page.locator('[data-testid^="backup-restore-manual/"]').first();
  await restore.click();
  await page.locator('[data-testid^="backup-restore-confirm-manual/"]').first().click();
  await expect(page.getByTestId('settings-backups-done')).toContainText('pre-restore/');
  // the reload after a restore shows the ledger as it was when the copy was taken: Chinese
  await expect(page.getByTestId('nav-orders')).toContainText('订单', { timeout: 15_000 });
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await expect(page.locator('[data-testid^="backup-pre-restore/"]')).toHaveCount(1);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-backups.png'), fullPage: true });
});

test('a ledger damaged while the app was closed opens in recovery, and the first screen restores the newest backup', async ({
  page,
  server,
}) => {
  await completeFirstRun(page, server);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-backup-now').click();
  await expect(page.getByTestId('settings-backups-done')).toContainText('manual/');
  // everything as one zip (a CSV and a JSON file per table) in the data folder's exports/
  await page.getByTestId('settings-export-all').click();
  await expect(page.getByTestId('settings-backups-done')).toContainText('exports/kuajing-export-');
  expect(fs.readdirSync(path.join(server.dataDir, 'exports')).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
  await server.restart(async (dataDir) => {
    const file = path.join(dataDir, 'ledger.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0); // the header is gone: not a database any more
    fs.closeSync(fd);
  });
  await page.goto(server.url);
  await expect(page.getByTestId('boot-failed')).toBeVisible();
  await expect(page.getByTestId('recover-panel')).toBeVisible();
  const first = page.locator('[data-testid^="recover-backup-manual/"]').first();
  await expect(first).toBeChecked();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'recover-damaged-ledger.png'), fullPage: true });
  await page.getByTestId('recover-restore').click();
  await expect(page.getByTestId('app-shell')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('nav-settings').click();
  // the damaged file is kept aside, listed with the other backups
  await expect(page.locator('[data-testid^="backup-pre-restore/"]')).toHaveCount(1);
});
