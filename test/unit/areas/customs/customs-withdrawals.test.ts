/**
 * Issue 15, point 5 through the customs area and the outbox: a list customs numbered is withdrawn
 * with a CEB605 (stored as its own document, queued, sent like every message; the CEB606 that
 * concludes it marks the list 'cancelled'), and goods of a released list come back with a CEB213
 * against its invtNo (9661), quantities of all returns together within the list's. The outbox
 * rows go to the practice platform, whose receipts come back through recordReceipts.
 * Hand-worked: order WEB-0001 exports 2 cups 20 days ago; 1 comes back 5 days ago, then 1 more is
 * fine, a third is refused (2 returned of 2); 7 months after export is outside the window. (Dates
 * are relative to today: the practice platform judges the return window by the declaration time.)
 */
import { describe, expect, it } from 'vitest';
import type { CustomsDocumentsPage, WithdrawalResult } from '../../../../src-main/api/contract.ts';
import { markMessagesSent, recordReceipts } from '../../../../src-main/areas/customs/index.ts';
import { parseReceipt } from '../../../../src-main/core/customs/index.ts';
import { PracticePlatform } from '../../../../src-main/practice-platform/platform.ts';
import { manualClock } from '../../sync/sync-test-kit.ts';
import { customsWorkspace, errorOf, ok } from './customs-fixtures.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const EXPORTED = day(-20);
const RETURN = {
  coElNo: 'RT-0001',
  returnDate: day(-5),
  reason: '买家退货',
  logisticsNo: 'RT-SF0001',
  billNo: 'MAWB-1',
  trafMode: '5',
  trafName: 'CA988',
  voyageNo: 'CA988',
  lines: [{ gnum: 1, qty: 1 }],
};

async function setup() {
  const t = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
  const clock = manualClock();
  const platform = new PracticePlatform({ now: clock.now, stepMs: 1000, acceptDrafts: true });
  let cursor = 0;
  /** Sends every queued outbox row to the platform, marks them sent, lets time pass and records the receipts. */
  const exchange = async () => {
    const rows = t.ws.read
      .prepare("SELECT idempotency_key AS key, payload FROM outbox WHERE kind = 'ceb.message' AND status = 'queued'")
      .all() as Array<{ key: string; payload: string }>;
    const outcomes = await platform.receiveMessages(
      rows.map((r) => {
        const p = JSON.parse(r.payload) as { messageType: string; guid: string; xml: string };
        return { key: r.key, type: p.messageType, guid: p.guid, xml: p.xml };
      }),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(rows.map(() => 'accepted'));
    t.ws.uow.run('sync.sent', (tx) => {
      tx.db.prepare("UPDATE outbox SET status = 'sent' WHERE kind = 'ceb.message' AND status = 'queued'").run();
      markMessagesSent(
        tx,
        rows.map((r) => r.key),
        tx.now,
      );
    });
    clock.advance(5000);
    const page = platform.receipts(cursor, 1000);
    cursor = page.cursor;
    t.ws.uow.run('sync.receipts', (tx) =>
      recordReceipts(
        tx,
        page.receipts.flatMap((r) => parseReceipt(r.xml)),
      ),
    );
  };
  const statusOf = (type: string, key: string) =>
    t.ws.read
      .prepare(
        'SELECT status FROM customs_documents WHERE type = ? AND business_key = ? ORDER BY revision DESC LIMIT 1',
      )
      .pluck()
      .get(type, key) as string | undefined;
  return { ...t, exchange, statusOf };
}

describe('withdrawals (CEB605) and returns (CEB213) through the outbox (issue 15, point 5)', () => {
  it('withdraws a numbered list with its reason; the CEB606 marks the list cancelled; a second withdrawal builds nothing', async () => {
    const { d, order, exchange, statusOf } = await setup();
    await order();
    await ok(d, 'customs.build', {});
    await exchange();
    expect(statusOf('CEB603', 'WEB-0001')).toBe('899');
    const invtNo = (await ok<CustomsDocumentsPage>(d, 'customs.documents.list', { type: 'CEB603' })).items[0]!.invtNo!;

    expect((await errorOf(d, 'customs.lists.cancel', { invtNo: 'NOPE', reason: '取消' })).code).toBe(
      'customs.withdrawal.unknownList',
    );
    const r = await ok<WithdrawalResult>(d, 'customs.lists.cancel', { invtNo, reason: '订单取消，撤回清单' });
    expect(r).toMatchObject({ type: 'CEB605', key: 'WEB-0001', invtNo, documents: 1, queued: 1, dryRun: false });
    expect(statusOf('CEB605', 'WEB-0001')).toBe('queued');
    await exchange();
    expect(statusOf('CEB605', 'WEB-0001')).toBe('399');
    expect(statusOf('CEB603', 'WEB-0001')).toBe('cancelled');
    const again = await ok<WithdrawalResult>(d, 'customs.lists.cancel', { invtNo, reason: '订单取消，撤回清单' });
    expect(again).toMatchObject({ alreadyDeclared: true, queued: 0 });
    // a cancelled list is not selected for a new build
    expect((await ok<{ orders: number }>(d, 'customs.build', { dryRun: true })).orders).toBe(0);
  });

  it('a return of a released list: CEB213 9661 against its invtNo, released by the platform; all returns together within the list', async () => {
    const { d, ws, order, exchange, statusOf } = await setup();
    await order({}, { exportDate: EXPORTED });
    await ok(d, 'customs.build', {});
    await exchange();
    const invtNo = (await ok<CustomsDocumentsPage>(d, 'customs.documents.list', { type: 'CEB603' })).items[0]!.invtNo!;

    const first = await ok<WithdrawalResult>(d, 'customs.returns.apply', { ...RETURN, invtNo });
    expect(first).toMatchObject({ type: 'CEB213', key: 'RT-0001', documents: 1, queued: 1 });
    const payload = JSON.parse(
      ws.read
        .prepare("SELECT payload FROM outbox WHERE kind = 'ceb.message' AND idempotency_key LIKE 'ceb:CEB213:%'")
        .pluck()
        .get() as string,
    ) as { xml: string };
    expect(payload.xml).toContain(`<ceb:invtNo>${invtNo}</ceb:invtNo>`);
    expect(payload.xml).toContain('<ceb:tradeMode>9661</ceb:tradeMode>');
    expect(payload.xml).toContain('<ceb:country>502</ceb:country>'); // the order's buyer country
    await exchange();
    expect(statusOf('CEB213', 'RT-0001')).toBe('800');
    // same number again: idempotent
    expect(await ok<WithdrawalResult>(d, 'customs.returns.apply', { ...RETURN, invtNo })).toMatchObject({
      alreadyDeclared: true,
      queued: 0,
    });
    const late = await errorOf(d, 'customs.returns.apply', {
      ...RETURN,
      invtNo,
      coElNo: 'RT-0004',
      returnDate: new Date(Date.parse(EXPORTED) + 7 * 31 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(late.code).toBe('customs.return.outsideWindow');
    await ok(d, 'customs.returns.apply', { ...RETURN, invtNo, coElNo: 'RT-0002' });
    const over = await errorOf(d, 'customs.returns.apply', { ...RETURN, invtNo, coElNo: 'RT-0003' });
    expect([over.code, over.params]).toEqual([
      'customs.return.overQuantity',
      { invtNo, gnum: 1, qty: '1', original: '2.00000', returnedBefore: '2' },
    ]);
  });

  it('a list not released yet cannot take a return', async () => {
    const { d, ws, order } = await setup();
    await order();
    await ok(d, 'customs.build', {});
    ws.uow.run('t', (tx) => {
      tx.db
        .prepare("UPDATE customs_documents SET invt_no = '53142026E000000009', status = '120' WHERE type = 'CEB603'")
        .run();
    });
    const e = await errorOf(d, 'customs.returns.apply', { ...RETURN, invtNo: '53142026E000000009' });
    expect([e.code, e.params]).toEqual(['customs.return.notExported', { invtNo: '53142026E000000009', status: '120' }]);
  });
});
