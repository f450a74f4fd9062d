import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace as workspace, json, kuajing } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';

// Each CLI run starts a Node process (about a second here), hence the longer timeouts.
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

describe('kuajing settlement CLI', () => {
  it('imports rates and an Amazon settlement, nets the period and prints a balanced trial balance', () => {
    const dir = workspace();
    const rates = kuajing('rates', 'import', path.join(FIXTURES, 'payouts/rates-boc.csv'), '--data-dir', dir, '--json');
    expect(rates.code).toBe(0);
    // 710.00 per 100 USD → 7.100000; the row quoted per 1 unit and the two without a unit column value.
    expect(json(rates.out)).toEqual({ rows: 4, saved: 4, unchanged: 0, rejected: [], committed: true });

    const settlement = path.join(FIXTURES, 'payouts/amazon-settlement-us.txt');
    const first = kuajing('import', settlement, '--source', 'amazon-settlement', '--data-dir', dir, '--json');
    expect(first.code).toBe(0);
    const imported = json(first.out);
    expect(imported).toMatchObject({
      source: 'amazon-settlement',
      settlementId: '98765432101',
      currency: 'USD',
      deposit: 5_485,
      sumOfLines: 5_485,
      alreadyImported: false,
      matchedOrders: 3,
      unmatchedLines: 0,
    });
    // The orders import of the same file still ran: the three orders exist with their fees.
    expect(imported.orders).toEqual({
      orders: 3,
      new: 3,
      updated: 0,
      unchanged: 0,
      heldBack: [],
      months: [{ month: '2026-03', closed: false, new: 3, updated: 0, unchanged: 0, heldBack: 0 }],
    });

    const again = kuajing('import', settlement, '--source', 'amazon-settlement', '--data-dir', dir, '--json');
    expect(json(again.out)).toMatchObject({ alreadyImported: true, journalEntryId: null });

    const net = kuajing('settlement', 'net', '--data-dir', dir, '--period', '98765432101', '--json');
    expect(net.code).toBe(0);
    // 154.99 − 2.40 − 5.50 − 60.24 − 0 − 12.00 − 20.00 = 54.85 (see test/unit/api/settlement-payouts.test.ts)
    // Refunds reduce gross proceeds; only overseas costs are deductions (issue 17 point 2).
    expect(json(net.out)).toMatchObject({
      settlementId: '98765432101',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-15',
      currency: 'USD',
      gross: 15_499,
      refunds: 2_000,
      netSales: 13_499,
      deductions: { warehousing: 240, logistics: 550, platformFees: 6_024, overseasTax: 0, advertising: 1_200 },
      otherIncome: 0,
      reserve: { opening: 0, movement: 0, closing: 0 },
      otherItems: 0,
      net: 5_485,
      deposit: 5_485,
      debitBalance: false,
      unmatched: { payoutLines: 0, orders: 0, payoutLineList: [], orderList: [] },
    });

    const tb = kuajing('journal', 'trial-balance', '--data-dir', dir, '--as-of', '2026-03-31', '--json');
    expect(tb.code).toBe(0);
    const t = json(tb.out);
    expect(t.balanced).toBe(true);
    expect(t.totalDebit).toBe(t.totalCredit);
    expect(t.totalDebit).toBeGreaterThan(0);
    const before = json(kuajing('journal', 'trial-balance', '--data-dir', dir, '--as-of', '2026-03-16', '--json').out);
    expect(before.rows).toEqual([]);
  }, 60_000);

  it('reports a settlement whose lines do not add up with both sums and exit code 1', () => {
    const dir = workspace();
    const bad = path.join(tempDir(), 'bad.txt');
    const text = fs
      .readFileSync(path.join(FIXTURES, 'payouts/amazon-settlement-us.txt'), 'utf8')
      .replace('\t54.85\tUSD', '\t60.00\tUSD');
    fs.writeFileSync(bad, text);
    const r = kuajing('import', bad, '--source', 'amazon-settlement', '--data-dir', dir, '--json');
    expect(r.code).toBe(1);
    expect(json(r.out)).toEqual({
      ok: false,
      error: { code: 'payouts.total.mismatch', params: { stated: '60.00', sum: '54.85', currency: 'USD' } },
    });
    const unknown = kuajing('settlement', 'net', '--data-dir', dir, '--period', 'nope', '--json');
    expect(unknown.code).toBe(1);
    expect(json(unknown.out).error.code).toBe('settlement.payout.notFound');
    expect(kuajing('journal', 'trial-balance', '--data-dir', dir, '--json').code).toBe(2);
  }, 60_000);
});
