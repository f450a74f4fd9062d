/**
 * `kuajing report` (issue 17 point 5) on a real workspace: JSON totals in minor units, a PDF
 * that pdftotext reads back, an XLSX, a usage error for an unknown report, a coded error for a
 * bad period, and never an overwritten file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliWorkspace as workspace, json, kuajing } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

describe('kuajing report', () => {
  it('prints the netting statement, the register and the stock valuation as JSON, PDF and XLSX', () => {
    const dir = workspace();
    const out = tempDir();
    expect(
      kuajing('rates', 'import', path.join(FIXTURES, 'payouts/rates-boc.csv'), '--data-dir', dir, '--json').code,
    ).toBe(0);
    expect(
      kuajing(
        'import',
        path.join(FIXTURES, 'payouts/amazon-settlement-us.txt'),
        '--source',
        'amazon-settlement',
        '--data-dir',
        dir,
        '--json',
      ).code,
    ).toBe(0);
    const jsonFile = path.join(out, 'netting.json');
    expect(
      kuajing('report', 'netting', '--data-dir', dir, '--period', '98765432101', '--format', 'json', '--out', jsonFile)
        .code,
    ).toBe(0);
    const data = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    expect(data.summary).toMatchObject({ settlementId: '98765432101', gross: 15_499, net: 5_485, deposit: 5_485 });
    const pdf = path.join(out, 'netting.pdf');
    expect(
      kuajing(
        'report',
        'netting',
        '--data-dir',
        dir,
        '--period',
        '98765432101',
        '--format',
        'pdf',
        '--out',
        pdf,
        '--language',
        'en',
      ).code,
    ).toBe(0);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toMatch(
      /Amount repatriated \(net\)\s+54\.85 USD/,
    );
    // Never overwrites.
    expect(
      kuajing('report', 'netting', '--data-dir', dir, '--period', '98765432101', '--format', 'pdf', '--out', pdf).code,
    ).toBe(2);

    const register = path.join(out, 'register.xlsx');
    expect(
      kuajing('report', 'tax-register', '--data-dir', dir, '--period', '2026-Q1', '--format', 'xlsx', '--out', register)
        .code,
    ).toBe(0);
    expect(fs.readFileSync(register).subarray(0, 2).toString()).toBe('PK');
    const stock = path.join(out, 'stock.json');
    expect(
      kuajing('report', 'stock-valuation', '--data-dir', dir, '--period', '2026-03', '--format', 'json', '--out', stock)
        .code,
    ).toBe(0);
    expect(JSON.parse(fs.readFileSync(stock, 'utf8'))).toMatchObject({
      name: 'stock-valuation',
      empty: true,
      period: { from: '2026-03-01', to: '2026-03-31' },
      summary: { total: 0 },
    });
    // 1d: the 9810 sold / unsold report by name (no head-haul shipment here: a valid empty report)
    const sold = path.join(out, '9810.json');
    expect(
      kuajing('report', '9810-sold-unsold', '--data-dir', dir, '--period', '2026-Q2', '--format', 'json', '--out', sold)
        .code,
    ).toBe(0);
    expect(JSON.parse(fs.readFileSync(sold, 'utf8'))).toMatchObject({
      name: '9810-sold-unsold',
      empty: true,
      period: { from: '2026-04-01', to: '2026-06-30' },
      summary: { lines: 0, unsoldValue: 0 },
    });

    const bad = kuajing(
      'report',
      'tax-register',
      '--data-dir',
      dir,
      '--period',
      '2026-Q5',
      '--out',
      path.join(out, 'y.json'),
      '--json',
    );
    expect(bad.code).toBe(1);
    expect(fs.existsSync(path.join(out, 'y.json'))).toBe(false);
    expect(json(bad.out)).toMatchObject({
      ok: false,
      error: { code: 'reports.period.invalid', params: { period: '2026-Q5' } },
    });
  }, 240_000);
});
