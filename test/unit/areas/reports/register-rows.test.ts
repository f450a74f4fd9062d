/**
 * Issue 17 (bench reports.taxRegister1m): the register reads its list lines and six items from rows
 * the write path keeps (migration 0021: `register_list_lines`, `register_six_items`, by triggers in the
 * writing transaction). After every kind of write the register depends on — lists stored, a release
 * receipt, a withdrawal, a late receipt after the month was closed (an adjustment), an order edited,
 * six items queued and sent, a rate stored and changed — the kept rows equal the from-scratch
 * computation (the views `register_list_lines_source`, `register_six_items_source` over the source
 * tables), and the register's total equals an independent SQL sum over the source rows.
 */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { ReportData } from '../../../../src-main/areas/reports/contract.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';
import { mug, registerWorkspace, release, storedList } from './register-fixtures.ts';

/** The six items customs.build queues for an order (amounts in the order currency). */
function queueSixItems(ws: Workspace, orderNo: string, exportDate: string, amounts: string[]) {
  const db = ws.read;
  const commandId = db.prepare('SELECT max(id) FROM command_log').pluck().get() as number;
  db.prepare(
    "INSERT INTO outbox (command_id, kind, idempotency_key, payload, created_at, status) VALUES (?, 'tax.sixItems', ?, ?, '2026-03-20T00:00:00Z', 'queued')",
  ).run(
    commandId,
    `tax.sixItems:${orderNo}`,
    JSON.stringify({
      orderNo,
      exportDate,
      currency: 'USD',
      items: amounts.map((amount) => ({ goodsName: '陶瓷马克杯', unit: '个', quantity: '1', unitPrice: '', amount })),
    }),
  );
}

const LINES_ORDER = 'ORDER BY ordered_at, order_no, document_id, line';
const SIX_ORDER = 'ORDER BY ordered_at_utc, order_id, outbox_id';

/** The kept rows against the from-scratch computation over the source tables. */
function expectKept(ws: Workspace) {
  const db = ws.read;
  const kept = db.prepare(`SELECT * FROM register_list_lines ${LINES_ORDER}`).all();
  expect(kept).toEqual(db.prepare(`SELECT * FROM register_list_lines_source ${LINES_ORDER}`).all());
  const six = db.prepare(`SELECT * FROM register_six_items ${SIX_ORDER}`).all();
  expect(six).toEqual(db.prepare(`SELECT * FROM register_six_items_source ${SIX_ORDER}`).all());
  return { lines: kept.length, six: six.length };
}

/** Independent sum: the released, latest lists' lines of eligible (9610) orders sold in `month`, at the sale day's PBoC rate. */
function sqlTotal(ws: Workspace, month: string): number {
  return ws.read
    .prepare(
      `SELECT coalesce(sum(CAST(round(CAST(json_extract(l.value, '$.totalPrice') AS REAL) * 100 * CAST(r.rate AS REAL) + 0.0000001) AS INTEGER)), 0)
      FROM customs_documents d JOIN orders o ON o.id = d.order_id JOIN json_each(d.facts, '$.lines') l
      JOIN fx_rates r ON r.id = (SELECT max(id) FROM fx_rates WHERE currency = 'USD' AND date = substr(o.ordered_at, 1, 10) AND source = 'pboc')
      WHERE d.type = 'CEB603' AND d.status_rank BETWEEN 20 AND 30 AND o.customs_mode = '9610' AND substr(o.ordered_at, 1, 7) = ?
        AND d.revision = (SELECT max(revision) FROM customs_documents x WHERE x.type = 'CEB603' AND x.business_key = d.business_key)
        AND NOT EXISTS (SELECT 1 FROM register_adjustments a WHERE a.document_id = d.id)`,
    )
    .pluck()
    .get(month) as number;
}

describe('the register rows kept by the write path (migration 0021)', () => {
  it('equal the from-scratch computation after releases, withdrawals, late receipts, order edits and rate changes', async () => {
    const now = { at: '2026-03-31T12:00:00Z' };
    const { ws, dispatch, order } = await registerWorkspace(now);
    const a = await order('A-1', '2026-03-10T10:00:00+08:00');
    const b = await order('B-1', '2026-03-12T10:00:00+08:00');
    const c = await order('C-1', '2026-03-12T11:00:00+08:00');
    const e = await order('E-1', '2026-03-10T12:00:00+08:00', '1210');
    storedList(ws, a, 1, '800', [mug('25.98'), mug('10.00')]);
    storedList(ws, b, 2, '120', [mug('25.98')]);
    storedList(ws, c, 3, '120', [mug('25.98')]);
    storedList(ws, e, 5, '800', [mug('5.00')]);
    queueSixItems(ws, 'A-1', '2026-03-10', ['25.98', '10.00']);
    queueSixItems(ws, 'B-1', '2026-03-12', ['25.98']);
    expect(expectKept(ws)).toEqual({ lines: 3, six: 2 });
    const march = () => ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2026-03' }));
    // A-1 only: 25.98 × 7.10 = 184.46, 10.00 × 7.10 = 71.00 (E-1 is 1210: kept, not eligible)
    expect((await march()).summary).toMatchObject({ total: 18446 + 7100, lines: 2, ordersWithoutList: 2 });
    expect((await march()).summary.total).toBe(sqlTotal(ws, '2026-03'));

    // a release receipt while March is open; the six items sent
    release(ws, 'B-1', 2);
    ws.read.prepare("UPDATE outbox SET status = 'sent' WHERE kind = 'tax.sixItems'").run();
    expect(expectKept(ws)).toEqual({ lines: 4, six: 2 });
    expect((await march()).summary).toMatchObject({ total: 18446 + 7100 + 18316, lines: 3, sixItemsNotSent: 0 });

    // A-1's list withdrawn and a new revision (one line) released; the order re-dated to the 12th
    ws.read
      .prepare("UPDATE customs_documents SET status = 'withdrawn', status_rank = 50 WHERE business_key = 'COP-A-1'")
      .run();
    expect(expectKept(ws)).toEqual({ lines: 2, six: 2 });
    storedList(ws, a, 4, '800', [mug('25.98')], { revision: 2 });
    ws.read
      .prepare(
        "UPDATE orders SET ordered_at = '2026-03-12T09:00:00+08:00', ordered_at_utc = '2026-03-12T01:00:00.000Z' WHERE id = ?",
      )
      .run(a.id);
    expect(expectKept(ws)).toEqual({ lines: 3, six: 2 });
    expect((await march()).summary).toMatchObject({ total: 2 * 18316, lines: 2 });
    expect((await march()).summary.total).toBe(sqlTotal(ws, '2026-03'));

    // March closed; C-1's release arrives in April: an adjustment of April, March unchanged
    await ok(dispatch('periods.close', { month: '2026-03' }));
    const atClose = (await march()).summary;
    now.at = '2026-04-03T02:00:00Z';
    expect(release(ws, 'C-1', 3).late).toHaveLength(1);
    expect(expectKept(ws)).toEqual({ lines: 3, six: 2 });
    expect((await march()).summary).toEqual(atClose);

    // an April sale: refused without the day's rate, printed at the rate stored, then at the rate changed
    const d = await order('D-1', '2026-04-02T10:00:00+08:00');
    storedList(ws, d, 6, '800', [mug('100.00')]);
    queueSixItems(ws, 'D-1', '2026-04-02', ['100.00']);
    expect(expectKept(ws)).toEqual({ lines: 4, six: 3 });
    const april = () => dispatch('reports.get', { name: 'tax-register', period: '2026-04' });
    expect(await april()).toMatchObject({ ok: false, error: { code: 'reports.rate.missing' } });
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-04-02', rate: '7.000000', source: 'pboc' }));
    expect(((await april()) as { value: ReportData }).value.summary).toMatchObject({
      total: 70000 + 18316,
      lines: 1,
      registerLinesTotal: 70000,
      sixItemsDifference: 0,
    });
    ws.read
      .prepare(
        "INSERT INTO fx_rates (currency, date, rate, source, command_id, saved_at) VALUES ('USD', '2026-04-02', '7.200000', 'pboc', (SELECT max(id) FROM command_log), '2026-04-03T02:00:00Z')",
      )
      .run();
    expect(expectKept(ws)).toEqual({ lines: 4, six: 3 });
    const changed = ((await april()) as { value: ReportData }).value.summary;
    expect(changed).toMatchObject({ registerLinesTotal: 72000, sixItemsDifference: 0 });
    expect(changed.registerLinesTotal).toBe(sqlTotal(ws, '2026-04'));

    // an order renumbered, one's customs mode cleared, a six-item record dropped: their rows go with them
    ws.read.prepare("UPDATE orders SET order_no = 'B-2' WHERE id = ?").run(b.id);
    expect(expectKept(ws)).toEqual({ lines: 4, six: 1 + 1 });
    ws.read.prepare('UPDATE orders SET customs_mode = NULL WHERE id = ?').run(e.id);
    ws.read.prepare("DELETE FROM outbox WHERE idempotency_key = 'tax.sixItems:D-1'").run();
    expect(expectKept(ws)).toEqual({ lines: 3, six: 1 });
  }, 60_000);
});
