/**
 * Issue 14 for the settlement area: the old-layout Amazon settlement imports as a payout netting
 * to its total-amount; a payout or a rates file imported twice leaves the business tables byte for
 * byte the same the second time; a rates file with a bad row writes nothing unless the valid rows
 * are accepted, and its dry run says what it would save.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { RatesImportSummary } from '../../../../src-main/api/contract.ts';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const flatFile = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/imports', name));

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

async function setup(): Promise<{ ws: Workspace; dispatch: Dispatch }> {
  const t = await openTestWorkspace();
  open.push(t.ws);
  return t;
}

function tables(ws: Workspace, names: readonly string[]): unknown {
  return Object.fromEntries(names.map((t) => [t, ws.read.prepare(`SELECT * FROM ${t}`).all()]));
}
const SETTLEMENT_TABLES = [
  'payouts',
  'payout_keys',
  'payout_lines',
  'orders',
  'journal_entries',
  'journal_lines',
  'fx_rates',
];

describe('Amazon settlement, old "Flat File" layout, as a payout', () => {
  it('imports both Amazon.ca files netting to total-amount, and a second import changes nothing', async () => {
    const { ws, dispatch } = await setup();
    await ok(dispatch('rates.save', { currency: 'CAD', date: '2021-03-20', rate: '5.1900', source: 'pboc' }));
    await ok(dispatch('rates.save', { currency: 'CAD', date: '2021-04-03', rate: '5.2100', source: 'pboc' }));
    for (const [name, deposit, id] of [
      ['amazon-settlement-flat-ca-1.txt', 1_001_564, '13459876021'],
      ['amazon-settlement-flat-ca-2.txt', 463_023, '13512334081'],
    ] as const) {
      const preview = await ok<{
        previewId: string;
        deposit: number;
        sumOfLines: number;
        settlementId: string;
        rejected: unknown[];
      }>(dispatch('payouts.preview', { fileName: name, contentBase64: b64(flatFile(name)), source: 'auto' }));
      expect(preview).toMatchObject({ settlementId: id, deposit, sumOfLines: deposit, rejected: [] });
      const done = await ok<{ payoutId: number; alreadyImported: boolean }>(
        dispatch('payouts.confirm', { previewId: preview.previewId }),
      );
      expect(done.alreadyImported).toBe(false);
      const net = await ok<{ net: number }>(dispatch('settlement.netting', { payoutId: done.payoutId }));
      expect(net.net).toBe(deposit);
    }
    const before = tables(ws, SETTLEMENT_TABLES);
    const again = await ok<{ previewId: string; alreadyImportedId: number | null }>(
      dispatch('payouts.preview', {
        fileName: 'x.txt',
        contentBase64: b64(flatFile('amazon-settlement-flat-ca-1.txt')),
        source: 'auto',
      }),
    );
    expect(again.alreadyImportedId).not.toBeNull();
    expect(await ok(dispatch('payouts.confirm', { previewId: again.previewId }))).toMatchObject({
      alreadyImported: true,
    });
    expect(tables(ws, SETTLEMENT_TABLES)).toEqual(before);
  });
});

describe('rates import', () => {
  const good = 'currency,date,rate,source\nUSD,2026-03-16,7.1012,pboc\nEUR,2026-03-16,7.7250,pboc\n';

  it('imports once: the second time every row is unchanged and fx_rates is the same', async () => {
    const { ws, dispatch } = await setup();
    const first = await ok<RatesImportSummary>(
      dispatch('rates.import', { fileName: 'r.csv', contentBase64: b64(good) }),
    );
    expect(first).toEqual({ rows: 2, saved: 2, unchanged: 0, rejected: [], committed: true });
    const before = tables(ws, ['fx_rates']);
    const second = await ok<RatesImportSummary>(
      dispatch('rates.import', { fileName: 'r.csv', contentBase64: b64(good) }),
    );
    expect(second).toEqual({ rows: 2, saved: 0, unchanged: 2, rejected: [], committed: true });
    expect(tables(ws, ['fx_rates'])).toEqual(before);
  });

  it('previews what it would save, writes nothing with a bad row, and keeps the valid rows only when asked', async () => {
    const { ws, dispatch } = await setup();
    const dry = await ok<RatesImportSummary>(
      dispatch('rates.import', { fileName: 'r.csv', contentBase64: b64(good), dryRun: true }),
    );
    expect(dry).toEqual({ rows: 2, saved: 2, unchanged: 0, rejected: [], committed: false });
    expect(tables(ws, ['fx_rates'])).toEqual({ fx_rates: [] });
    // a quoted note opening with a quote, a bad rate and a malformed line: every row is accounted for
    const bad =
      'currency,date,rate,source,note\nUSD,2026-03-16,7.1012,pboc,"""PBoC"" 中间价"\nEUR,2026-03-16,7.7250,pboc,\nGBP,2026-03-16,abc,pboc,\nJPY,2026-03-16\n';
    const refused = await ok<RatesImportSummary>(
      dispatch('rates.import', { fileName: 'r.csv', contentBase64: b64(bad) }),
    );
    expect(refused).toMatchObject({ rows: 4, saved: 2, committed: false });
    expect(refused.rejected.map((r) => [r.row, r.code])).toEqual([
      [4, 'rates.invalid'],
      [5, 'import.row.columnCount'],
    ]);
    expect(tables(ws, ['fx_rates'])).toEqual({ fx_rates: [] });
    const kept = await ok<RatesImportSummary>(
      dispatch('rates.import', { fileName: 'r.csv', contentBase64: b64(bad), acceptValidRows: true }),
    );
    expect(kept).toMatchObject({ saved: 2, committed: true });
  });
});
