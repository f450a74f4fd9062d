/**
 * The integrity check after the first screen (issue 19 point 3) in real Chromium against a real
 * `kuajing serve`: a ledger whose file was damaged while the app was closed (one index page
 * overwritten: it still opens, its first screen still answers) starts as usual; the check that
 * runs a little later fails, and a banner says so and restores the newest good backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, completeFirstRun, SCREENSHOTS } from './fixtures.ts';

test('a ledger damaged while the app was closed opens, and the banner after its check restores the newest good backup', async ({
  page,
  server,
}) => {
  test.setTimeout(150_000);
  await completeFirstRun(page, server);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-backup-now').click();
  await expect(page.getByTestId('settings-backups-done')).toContainText('manual/');

  await server.restart(async (dataDir) => {
    const file = path.join(dataDir, 'ledger.sqlite');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const root = Number(
      db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'orders_by_channel_order'").pluck().get(),
    );
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize); // an index page no screen reads
    fs.closeSync(fd);
  });
  await page.goto(server.url);
  await expect(page.getByTestId('app-shell')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('integrity-banner')).toHaveCount(0); // the check runs after the first screen

  // 15 s after opening: the daily copy fails its verification; the banner names the newest good copy
  const banner = page.getByTestId('integrity-banner');
  await expect(banner).toBeVisible({ timeout: 90_000 });
  await expect(banner).toContainText('账簿文件检查未通过');
  const restore = page.getByTestId('integrity-restore');
  await expect(restore).toHaveAttribute('data-backup', /^(manual|daily)\//);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'integrity-banner-damaged.png'), fullPage: true });
  await restore.click();
  await restore.click(); // the confirming second click
  await expect(page.getByTestId('integrity-restored')).toContainText('pre-restore/');
  // the page reloads on the restored ledger: no banner (its own check is pending again)
  await expect(page.getByTestId('integrity-restored')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('app-shell')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('integrity-banner')).toHaveCount(0);
  // the damaged file kept aside as it was; the restored ledger answers as usual
  const aside = fs.readdirSync(path.join(server.dataDir, 'backups', 'pre-restore'));
  expect(aside.filter((f) => f.includes('-damaged-') && f.endsWith('.sqlite'))).toHaveLength(1);
  await page.getByTestId('nav-orders').click();
  await expect(page.getByTestId('orders-page')).toBeVisible();
});
