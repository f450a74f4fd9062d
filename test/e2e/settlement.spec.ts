/**
 * Settlement end to end, in real Chromium against a real `kuajing serve`: after the first-run
 * company profile, an Amazon settlement (flat file V2, generated here) is previewed — deposit
 * USD 98.75 equal to the sum of its lines — and confirmed, entering the missing USD rate when
 * booking asks for it; a PBoC rate is added on the rates tab; the netting
 * statement then shows the hand computation
 *   gross 100.00 + 25.00 = 125.00
 *   − platform fees 15.00 + 3.75 = 18.75, − logistics 3.00 + 2.50 = 5.50, − warehousing 2.00
 *   = net 98.75 = the deposit,
 * with each deduction's evidence rows; the evidence pack PDF is downloaded, read back with
 * pdftotext and rendered with pdftoppm; a bank conversion at 7.05 shows its realised FX loss and
 * the trial balance stays balanced. Screenshots go to test-results/screenshots/settlement-*.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, VALID, SCREENSHOTS, completeFirstRun } from './fixtures.ts';

const SETTLEMENT_ID = '24681357900';
const HEADER = [
  'settlement-id',
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'transaction-type',
  'order-id',
  'merchant-order-id',
  'adjustment-id',
  'shipment-id',
  'marketplace-name',
  'amount-type',
  'amount-description',
  'amount',
  'fulfillment-id',
  'posted-date',
  'posted-date-time',
  'order-item-code',
  'merchant-order-item-id',
  'merchant-adjustment-item-id',
  'sku',
  'quantity-purchased',
  'promotion-id',
];

function row(values: Record<string, string>): string {
  return HEADER.map((h) => values[h] ?? '').join('\t');
}

function line(
  type: string,
  order: string,
  amountType: string,
  description: string,
  amount: string,
  day: string,
  sku: string,
): string {
  return row({
    'settlement-id': SETTLEMENT_ID,
    'transaction-type': type,
    'order-id': order,
    'marketplace-name': 'Amazon.com',
    'amount-type': amountType,
    'amount-description': description,
    amount,
    'fulfillment-id': 'AFN',
    'posted-date': day,
    'posted-date-time': `${day} 10:00:00 UTC`,
    sku,
    'quantity-purchased': order === '' ? '' : '1',
  });
}

/** Rows 3–9 of the file (row 1 = header, row 2 = the settlement summary). */
const SETTLEMENT_FILE =
  [
    HEADER.join('\t'),
    row({
      'settlement-id': SETTLEMENT_ID,
      'settlement-start-date': '2026-03-01 00:00:00 UTC',
      'settlement-end-date': '2026-03-15 00:00:00 UTC',
      'deposit-date': '2026-03-17 00:00:00 UTC',
      'total-amount': '98.75',
      currency: 'USD',
    }),
    line('Order', '113-1111111-1111111', 'ItemPrice', 'Principal', '100.00', '2026-03-02', 'MUG-01'),
    line('Order', '113-1111111-1111111', 'ItemFees', 'Commission', '-15.00', '2026-03-02', 'MUG-01'),
    line('Order', '113-1111111-1111111', 'ItemFees', 'FBAPerUnitFulfillmentFee', '-3.00', '2026-03-02', 'MUG-01'),
    line('Order', '113-2222222-2222222', 'ItemPrice', 'Principal', '25.00', '2026-03-05', 'CASE-02'),
    line('Order', '113-2222222-2222222', 'ItemFees', 'Commission', '-3.75', '2026-03-05', 'CASE-02'),
    line('Order', '113-2222222-2222222', 'ItemFees', 'FBAPerUnitFulfillmentFee', '-2.50', '2026-03-05', 'CASE-02'),
    line('other-transaction', '', 'other-transaction', 'Storage Fee', '-2.00', '2026-03-12', ''),
  ].join('\n') + '\n';

test('imports an Amazon settlement, shows the netting statement and exports the evidence pack', async ({
  page,
  server,
}) => {
  // First run: the company profile.
  await completeFirstRun(page, server);

  await page.getByTestId('nav-settlement').click();
  await expect(page.getByTestId('page-settlement')).toBeVisible();

  // Import: preview shows the deposit equal to the sum of the lines, then confirm.
  await page.getByTestId('settlement-tab-payouts').click();
  await page.getByTestId('payout-import-open').click();
  await page.getByTestId('payout-import-file').setInputFiles({
    name: `settlement-${SETTLEMENT_ID}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(SETTLEMENT_FILE),
  });
  await page.getByTestId('payout-import-preview').click();
  const preview = page.getByTestId('payout-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('data-deposit', '9875');
  await expect(preview).toHaveAttribute('data-sum', '9875');
  await expect(page.getByTestId('payout-preview-deposit')).toContainText('98.75');
  await expect(page.getByTestId('payout-preview-category-sales')).toHaveAttribute('data-amount', '12500');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-preview.png'), fullPage: true });
  // No USD rate exists yet: booking asks for the deposit day's rate (1 is never assumed), then confirms again.
  await page.getByTestId('payout-import-confirm').click();
  await expect(page.getByTestId('missing-rate-form')).toContainText('2026-03-17');
  await expect(page.getByTestId('missing-rate-currency')).toHaveValue('USD');
  await page.getByTestId('missing-rate-rate').fill('7.1');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-missing-rate.png'), fullPage: true });
  await page.getByTestId('missing-rate-save').click();
  await expect(page.getByTestId('payout-imported')).toContainText(SETTLEMENT_ID);
  await expect(page.getByTestId('payout-1')).toHaveAttribute('data-deposit', '9875');
  await expect(page.getByTestId('payout-gross-1')).toHaveAttribute('data-gross', '12500');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-payouts.png'), fullPage: true });

  // The rate typed at the prompt is kept with its source; a PBoC central parity is added by hand.
  await page.getByTestId('settlement-tab-rates').click();
  await expect(page.getByTestId('rate-USD-2026-03-17-manual')).toContainText('7.100000');
  await page.getByTestId('rate-new').click();
  await page.getByTestId('rate-currency').selectOption('USD');
  await page.getByTestId('rate-date').fill('2026-03-31');
  await page.getByTestId('rate-rate').fill('7.0812');
  await page.getByTestId('rate-source').selectOption('pboc');
  await page.getByTestId('rate-save').click();
  await expect(page.getByTestId('rate-saved')).toContainText('7.081200');
  await expect(page.getByTestId('rate-USD-2026-03-31-pboc')).toContainText('7.081200');
  await page.getByTestId('settlement-tab-payouts').click();
  await page.getByTestId('payout-open-1').click();

  // The netting statement equals the hand computation in the header comment.
  const statement = page.getByTestId('netting-statement');
  await expect(statement).toBeVisible();
  await expect(statement).toHaveAttribute('data-gross', '12500');
  await expect(statement).toHaveAttribute('data-net', '9875');
  await expect(statement).toHaveAttribute('data-deposit', '9875');
  await expect(page.getByTestId('netting-gross')).toContainText('125.00');
  await expect(page.getByTestId('netting-gross')).toContainText('第 3, 6 行');
  await expect(page.getByTestId('netting-deduction-platformFees')).toHaveAttribute('data-amount', '1875');
  await expect(page.getByTestId('netting-deduction-platformFees')).toContainText('第 4, 7 行');
  await expect(page.getByTestId('netting-deduction-logistics')).toHaveAttribute('data-amount', '550');
  await expect(page.getByTestId('netting-deduction-warehousing')).toHaveAttribute('data-amount', '200');
  await expect(page.getByTestId('netting-deduction-warehousing')).toContainText('第 9 行');
  await expect(page.getByTestId('netting-net')).toContainText('98.75');
  await expect(page.getByTestId('netting-deposit')).toHaveAttribute('data-balanced', 'true');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-netting.png'), fullPage: true });

  // Evidence pack: a real PDF download, read back and rendered.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-pack-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-pack-'));
  const pdf = path.join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(SETTLEMENT_ID);
  expect(text).toContain(VALID.name);
  expect(text).toMatch(/125\.00/);
  expect(text).toMatch(/98\.75/);
  expect(text).toMatch(/18\.75/);
  expect(text).toMatch(/第\s*1\s*\/\s*\d+\s*页/);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    path.join(SCREENSHOTS, 'settlement-evidence-pack'),
  ]);

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-pack-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxPath = path.join(dir, xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  expect(workbook.worksheets.length).toBeGreaterThan(1);
  const numbers = workbook.worksheets.flatMap((sheet) => {
    const found: number[] = [];
    sheet.eachRow((r) =>
      r.eachCell((c) => {
        if (typeof c.value === 'number') found.push(c.value);
      }),
    );
    return found;
  });
  expect(numbers).toEqual(expect.arrayContaining([125, 98.75, 18.75, 5.5, 2]));

  // Repatriation: USD 98.75 converted at the bank's 7.05 → ¥696.19 (98.75 × 7.05 = 696.1875). The
  // receivable was booked at 7.1 line by line: 710.00 + 177.50 − 106.50 − 26.63 − 21.30 − 17.75 − 14.20
  // = ¥701.12, so the realised FX loss is 696.19 − 701.12 = −¥4.93.
  await page.getByTestId('settlement-tab-receipts').click();
  await page.getByTestId('receipt-new').click();
  await page.getByTestId('receipt-payout').selectOption('1');
  await page.getByTestId('receipt-date').fill('2026-03-20');
  await page.getByTestId('receipt-amount').fill('98.75');
  await page.getByTestId('receipt-bankRate').fill('7.05');
  await page.getByTestId('receipt-bankName').fill('中国银行');
  await page.getByTestId('receipt-save').click();
  await expect(page.getByTestId('receipt-recorded')).toHaveAttribute('data-gain', '-493');
  await expect(page.getByTestId('receipt-1')).toContainText('696.19');
  await page.getByTestId('settlement-tab-fx').click();
  await page.getByTestId('fx-from').fill('2026-03-01');
  await page.getByTestId('fx-to').fill('2026-03-31');
  await expect(page.getByTestId('fx-realised-total')).toHaveAttribute('data-total', '-493');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-fx.png'), fullPage: true });

  // The other sections open on real data.
  await page.getByTestId('settlement-tab-journal').click();
  await page.getByTestId('journal-as-of').fill('2026-03-31');
  await expect(page.getByTestId('trial-balance')).toHaveAttribute('data-balanced', 'true');
  const total = page.getByTestId('trial-total');
  expect(await total.getAttribute('data-debit')).toBe(await total.getAttribute('data-credit'));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-journal.png'), fullPage: true });
  await page.getByTestId('settlement-tab-thresholds').click();
  await expect(page.getByTestId('thresholds-progress')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-thresholds.png'), fullPage: true });

  // The same statement in English.
  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByTestId('settlement-tab-netting').click();
  await page.getByTestId('netting-payout').selectOption('1');
  await expect(page.getByTestId('netting-gross')).toContainText('Gross proceeds (restored)');
  await expect(page.getByTestId('netting-gross')).toContainText('$125.00');
  await expect(page.getByTestId('netting-deduction-platformFees')).toContainText('rows 4, 7');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settlement-netting-en.png'), fullPage: true });
});
