/**
 * Issue 15, point 1: 9810 is declared per head-haul shipment, never per later sale. A sale still
 * set to 9810 is not built (error finding, not in the default selection); the unsent per-sale
 * documents an earlier version built are taken back in one transaction — never sent, marked
 * 'withdrawn', reported — and 9610 documents that shared their message are taken back with them
 * and built again by the next build; documents already sent are kept as evidence.
 * The earlier version is simulated: orders built as 9610, then set to 9810 in the ledger.
 */
import { describe, expect, it } from 'vitest';
import type { CustomsBuildResult, PerSale9810Withdrawal } from '../../../../src-main/api/contract.ts';
import { markMessagesSent } from '../../../../src-main/areas/customs/index.ts';
import { customsWorkspace, ok } from './customs-fixtures.ts';

describe('per-sale 9810 documents (issue 15, point 1)', () => {
  it('takes back unsent per-sale documents and the message they share, keeps sent ones, and never builds a 9810 sale again', async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    const sent = await order();
    await ok(d, 'customs.build', {});
    const first = ws.read
      .prepare("SELECT idempotency_key FROM outbox WHERE kind = 'ceb.message'")
      .pluck()
      .all() as string[];
    ws.uow.run('sync.sent', (tx) => {
      tx.db.prepare("UPDATE outbox SET status = 'sent' WHERE kind = 'ceb.message'").run();
      markMessagesSent(tx, first, tx.now);
    });
    const sale = await order();
    const other = await order();
    await ok(d, 'customs.build', {}); // one CEB303 and one CEB603 message carry both orders
    ws.uow.run('legacy', (tx) => {
      tx.db.prepare("UPDATE orders SET customs_mode = '9810' WHERE id IN (?, ?)").run(sent.id, sale.id);
    });

    const preview = await ok<PerSale9810Withdrawal>(d, 'customs.perSale9810.withdraw', { dryRun: true });
    expect(preview).toMatchObject({ messages: 2, kept: 2, dryRun: true });
    const before = ws.read
      .prepare("SELECT count(*) FROM outbox WHERE kind = 'ceb.message' AND status = 'queued'")
      .pluck()
      .get();
    expect(before).toBe(2);

    const r = await ok<PerSale9810Withdrawal>(d, 'customs.perSale9810.withdraw', {});
    expect(r.withdrawn.map((x) => [x.type, x.orderNo])).toEqual([
      ['CEB303', sale.orderNo],
      ['CEB603', sale.orderNo],
    ]);
    expect(r.alsoWithdrawn.map((x) => [x.type, x.orderNo])).toEqual([
      ['CEB303', other.orderNo],
      ['CEB603', other.orderNo],
    ]);
    expect(r).toMatchObject({ messages: 2, inFlight: [], kept: 2, dryRun: false });
    // nothing left to send; the rows stay as records
    expect(
      ws.read.prepare("SELECT count(*) FROM outbox WHERE kind = 'ceb.message' AND status = 'queued'").pluck().get(),
    ).toBe(0);
    expect(ws.read.prepare("SELECT count(*) FROM outbox WHERE kind = 'ceb.withdrawn'").pluck().get()).toBe(2);
    expect(
      ws.read.prepare('SELECT status FROM customs_documents WHERE order_no = ? ORDER BY id').pluck().all(sent.orderNo),
    ).toEqual(['sent', 'sent']);
    // idempotent: a second run finds nothing
    expect(await ok<PerSale9810Withdrawal>(d, 'customs.perSale9810.withdraw', {})).toMatchObject({
      withdrawn: [],
      messages: 0,
      dryRun: true,
    });

    // the next build makes the 9610 order again (revision 2) and leaves the 9810 sale out
    const again = await ok<CustomsBuildResult>(d, 'customs.build', {});
    expect([again.orders, again.built]).toEqual([1, 1]);
    expect(
      ws.read
        .prepare('SELECT type, revision, status FROM customs_documents WHERE order_no = ? ORDER BY id')
        .all(other.orderNo),
    ).toEqual([
      { type: 'CEB303', revision: 1, status: 'withdrawn' },
      { type: 'CEB603', revision: 1, status: 'withdrawn' },
      { type: 'CEB303', revision: 2, status: 'queued' },
      { type: 'CEB603', revision: 2, status: 'queued' },
    ]);
    const named = await ok<CustomsBuildResult>(d, 'customs.build', { orderIds: [sale.id], dryRun: true });
    expect(named.built).toBe(0);
    expect(named.findings.map((f) => [f.code, f.severity])).toContainEqual(['customs.mode.perShipment', 'error']);
  });
});
