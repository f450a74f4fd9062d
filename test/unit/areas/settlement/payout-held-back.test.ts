/**
 * Issue 17 point 1g with the payout import: an Amazon settlement's orders step writes nothing into a
 * closed month, and `payouts.confirm` says so as an orders import does — by month (the closed month
 * marked) and every order held back (`period.closed`, its date and month) — while the payout itself,
 * deposited in an open month, posts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PayoutImportSummary } from '../../../../src-main/api/contract.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { openTestWorkspace, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/payouts/amazon-settlement-us.txt');

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

describe('payout import into a ledger with a closed month', () => {
  it("lists the settlement's orders a closed month held back in payouts.confirm's result", async () => {
    const { ws, dispatch } = await openTestWorkspace();
    open.push(ws);
    await ok(dispatch('company.save', VALID_PROFILE));
    // the settlement's orders are of March (posted 2026-03-05 …); the money arrives on 2 April
    const text = fs.readFileSync(FIXTURE, 'utf8').replaceAll('2026-03-17 00:00:00 UTC', '2026-04-02 00:00:00 UTC');
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-04-02', rate: '7.12', source: 'pboc' }));
    await ok(dispatch('periods.close', { month: '2026-03' }));
    const preview = await ok<{ previewId: string }>(
      dispatch('payouts.preview', {
        fileName: 'settlement.txt',
        contentBase64: Buffer.from(text).toString('base64'),
        source: 'auto',
      }),
    );
    // the preview counts them apart: held back (with the closed month), neither matched nor unmatched
    expect(preview).toMatchObject({
      matchedOrders: 0,
      heldBackOrders: 3,
      heldBackMonths: ['2026-03'],
      unmatchedLineCount: 0,
    });
    const done = await ok<PayoutImportSummary>(dispatch('payouts.confirm', { previewId: preview.previewId }));
    expect(done.alreadyImported).toBe(false);
    expect(done.orders!.heldBack.length).toBe(3);
    const orders = done.orders!;
    expect(orders.heldBack.length).toBeGreaterThan(0);
    expect(orders.heldBack.length).toBe(orders.orders);
    for (const h of orders.heldBack)
      expect(h).toMatchObject({
        code: 'period.closed',
        month: '2026-03',
        change: 'new',
        date: expect.stringMatching(/^2026-03-/),
      });
    expect(orders.heldBack.map((h) => h.orderNo)).toContain('111-0000001-0000001');
    expect(orders.months).toEqual([
      { month: '2026-03', closed: true, new: 0, updated: 0, unchanged: 0, heldBack: orders.heldBack.length },
    ]);
    expect(orders.new).toBe(0);
    // nothing was written into March
    expect(
      ws.read.prepare("SELECT count(*) FROM orders WHERE substr(ordered_at, 1, 7) = '2026-03'").pluck().get(),
    ).toBe(0);
  });
});
