/**
 * Issue 17 point 1g (the part built): closing a month is a recorded act; a rate or a payout dated in
 * the closed month is refused with `period.closed` naming the month and date, while other months take
 * changes; the closed month's register prints the same totals; reopening needs a reason and is recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { openTestWorkspace, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

const SETTLEMENT = path.resolve(import.meta.dirname, '../../../fixtures/payouts/amazon-settlement-us.txt');

describe('period close', () => {
  it('locks a closed month against dated changes and records close and reopen', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    open.push(ws);
    await ok(dispatch('company.save', VALID_PROFILE));
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.12', source: 'pboc' }));
    const before = await ok<{ summary: { total: number } }>(
      dispatch('reports.get', { name: 'tax-register', period: '2026-03' }),
    );

    expect(await ok(dispatch('periods.close', { month: '2026-03' }))).toMatchObject({ month: '2026-03', closed: true });
    expect(await dispatch('periods.close', { month: '2026-03' })).toMatchObject({
      ok: false,
      error: { code: 'period.alreadyClosed', params: { month: '2026-03' } },
    });
    expect(
      await dispatch('rates.save', { currency: 'USD', date: '2026-03-20', rate: '7.13', source: 'pboc' }),
    ).toMatchObject({ ok: false, error: { code: 'period.closed', params: { month: '2026-03', date: '2026-03-20' } } });
    // The settlement deposits on 17 March: refused whole, nothing written.
    const preview = await ok<{ previewId: string }>(
      dispatch('payouts.preview', {
        fileName: 's.txt',
        contentBase64: fs.readFileSync(SETTLEMENT).toString('base64'),
        source: 'auto',
      }),
    );
    expect(await dispatch('payouts.confirm', { previewId: preview.previewId })).toMatchObject({
      ok: false,
      error: { code: 'period.closed', params: { month: '2026-03', date: '2026-03-17' } },
    });
    expect(await ok<unknown[]>(dispatch('payouts.list', {}))).toEqual([]);
    expect(
      await dispatch('settlement.receipts.record', {
        date: '2026-03-31',
        currency: 'USD',
        amount: '10.00',
        bankRate: '7.1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'period.closed', params: { month: '2026-03', date: '2026-03-31' } } });
    // Another month takes changes; the closed month prints the same figures.
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-04-01', rate: '7.14', source: 'pboc' }));
    expect(
      (await ok<{ summary: { total: number } }>(dispatch('reports.get', { name: 'tax-register', period: '2026-03' })))
        .summary.total,
    ).toBe(before.summary.total);

    expect(await dispatch('periods.reopen', { month: '2026-04', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'period.notClosed' },
    });
    const reopened = await ok<{ closed: boolean; events: Array<{ action: string; reason: string | null }> }>(
      dispatch('periods.reopen', { month: '2026-03', reason: '补录银行汇率' }),
    );
    expect(reopened.closed).toBe(false);
    expect(reopened.events.map((e) => [e.action, e.reason])).toEqual([
      ['close', null],
      ['reopen', '补录银行汇率'],
    ]);
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-20', rate: '7.13', source: 'pboc' }));
    expect(await ok<unknown[]>(dispatch('periods.list', {}))).toHaveLength(1);
    expect(() => ws.read.prepare('DELETE FROM period_events').run()).toThrow(/append-only/);
  });
});
