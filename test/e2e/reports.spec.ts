/**
 * The Reports screen in Chromium (issue 17): a settlement with a reserve movement, a reimbursement
 * and refunds is imported through the app's API, then the netting statement is chosen on the
 * Reports screen, previewed (the document the PDF prints) and saved as a PDF that reads back; the
 * preview is photographed in zh-CN and en.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, SCREENSHOTS, apiFromPage, completeFirstRun } from './fixtures.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/payouts/amazon-settlement-us-reserve.txt');

test('previews and saves the netting statement from the Reports screen, in zh-CN and en', async ({ page, server }) => {
  await completeFirstRun(page, server);
  for (let day = 1; day <= 20; day += 1) {
    const date = `2026-03-${String(day).padStart(2, '0')}`;
    expect(
      (await apiFromPage(page, 'rates.save', JSON.stringify({ currency: 'USD', date, rate: '7.12', source: 'pboc' })))
        .status,
    ).toBe(200);
  }
  const preview = await apiFromPage(
    page,
    'payouts.preview',
    JSON.stringify({
      fileName: 'amazon-settlement-us-reserve.txt',
      contentBase64: fs.readFileSync(FIXTURE).toString('base64'),
      source: 'auto',
    }),
  );
  const previewId = (preview.body as { value: { previewId: string } }).value.previewId;
  const confirmed = await apiFromPage(page, 'payouts.confirm', JSON.stringify({ previewId }));
  expect(confirmed.body).toMatchObject({ ok: true });

  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('page-reports')).toBeVisible();
  await expect(page.getByTestId('page-reports')).not.toContainText('上线后');
  await page.getByTestId('report-name').selectOption('netting');
  await page.getByTestId('report-period').fill('24681357901');
  await page.getByTestId('report-preview').click();
  const sheet = page.getByTestId('report-preview-sheet');
  await expect(sheet).toContainText('轧差结算银行证明材料');
  await expect(sheet).toContainText('减：退款（冲减销售收入）');
  await expect(sheet).toContainText('平台预留金（跨期款项，非扣减）');
  await expect(sheet).toContainText('other-transaction/other-transaction/Storage Fee');
  await expect(page.getByTestId('report-summary')).toHaveAttribute('data-total', '63901');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-netting-zh-CN.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-pdf').click()]);
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kj-report-')), download.suggestedFilename());
  await download.saveAs(pdf);
  expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toMatch(
    /实际汇回金额（净额）\s+639\.01 USD/,
  );

  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByTestId('report-preview').click();
  await expect(page.getByTestId('report-preview-sheet')).toContainText('Netted settlement');
  await expect(page.getByTestId('report-preview-sheet')).toContainText(
    'Platform reserve (timing item, not a deduction)',
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-netting-en.png'), fullPage: true });
});
