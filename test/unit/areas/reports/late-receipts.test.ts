/**
 * Issue 17 point 1g: a customs receipt arriving after a month was closed does not change that
 * month's register. A CEB604 releasing a March list after March was closed leaves the March register
 * as it printed at close (same data, same totals, every time); the release is recorded as an
 * adjustment and printed in the register of the open month the receipt arrived in (its export date,
 * the PBoC rate of that day, the closed month named, a coded note), and the receipt's outcome says
 * where it went.
 */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { ReportData, ReportDocument } from '../../../../src-main/areas/reports/contract.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';
import { mug, registerWorkspace, release, storedList } from './register-fixtures.ts';

/** A-1 (released) and B-1 (accepted, not released) sold in March, one list line each of 2 mugs for 25.98 USD. */
async function seeded(now: { at: string }) {
  const { ws, dispatch, order } = await registerWorkspace(now);
  storedList(ws, await order('A-1', '2026-03-10T10:00:00+08:00'), 1, '800', [mug('25.98')], { copNo: 'COP-A1' });
  storedList(ws, await order('B-1', '2026-03-12T10:00:00+08:00'), 2, '120', [mug('25.98')], { copNo: 'COP-B1' });
  return { ws, dispatch };
}

/** The release of B-1's list (CEB604 800) as the zone platform sends it, through the receipts path of a sync pass. */
const releaseReceipt = (ws: Workspace) => release(ws, 'B-1', 2, 'COP-B1');

const withoutTime = (d: ReportData) => ({ ...d, generatedAt: '' });

describe('a late customs receipt for a closed month (1g)', () => {
  it('leaves the closed March register as it was and posts the release to the open month as an adjustment', async () => {
    const now = { at: '2026-03-31T12:00:00Z' };
    const { ws, dispatch } = await seeded(now);
    const march = () => ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2026-03' }));
    const before = await march();
    // A-1 only: 25.98 USD × 7.10 = 184.46 CNY; B-1's list is not released yet
    expect(before.summary).toMatchObject({ total: 18446, lines: 1, orders: 1 });
    await ok(dispatch('periods.close', { month: '2026-03' }));
    const atClose = await march();

    now.at = '2026-04-03T02:00:00Z';
    const outcome = releaseReceipt(ws);
    // the list is released (its status moves as always) and the outcome says where the change went
    expect(ws.read.prepare("SELECT status FROM customs_documents WHERE business_key = 'COP-B1'").pluck().get()).toBe(
      '800',
    );
    expect(outcome.late).toEqual([
      { orderNo: 'B-1', invtNo: '53142026E000000002', kind: 'released', exportMonth: '2026-03', month: '2026-04' },
    ]);

    const after = await march();
    expect(withoutTime(after)).toEqual(withoutTime(atClose));
    expect(after.summary.total).toBe(18446);
    expect(after.sections.find((s) => s.key === 'adjustments')).toBeUndefined();

    // April carries it: B-1 at its own export date and that day's rate (25.98 × 7.05 = 183.16), March named
    const april = await ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2026-04' }));
    const adjustments = april.sections.find((s) => s.key === 'adjustments')!;
    expect(adjustments.rows).toEqual([
      expect.objectContaining({
        date: '2026-03-12',
        orderNo: 'B-1',
        amount: 18316,
        adjustment: 'lateRelease',
        exportMonth: '2026-03',
      }),
    ]);
    expect(april.summary).toMatchObject({ total: 18316, lines: 0, adjustments: 18316, adjustmentLines: 1 });
    expect(april.empty).toBe(false);
    expect(april.notes).toContain('adjustments');
    const doc = await ok<ReportDocument>(
      dispatch('reports.document', { name: 'tax-register', period: '2026-04', language: 'zh-CN' }),
    );
    expect(doc.tables.map((t) => t.heading)).toContain('以前已结账月份的调整（迟到的海关回执，计入本期合计）');
    expect(doc.footnotes?.join('\n')).toContain('含以前已结账月份的调整 183.16 元（1 行，period.lateReceipt）');

    // reopening March does not move it back: the adjustment stays where it was posted (no double count)
    await ok(dispatch('periods.reopen', { month: '2026-03', reason: '核对' }));
    expect((await march()).summary.total).toBe(18446);
  });

  it('a release while the month is open is that month’s own', async () => {
    const now = { at: '2026-03-31T12:00:00Z' };
    const { ws, dispatch } = await seeded(now);
    expect(releaseReceipt(ws).late).toBeUndefined();
    const march = await ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2026-03' }));
    expect(march.summary).toMatchObject({ total: 18446 + 18316, lines: 2 });
  });
});
