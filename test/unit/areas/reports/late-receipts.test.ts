/**
 * Issue 17 point 1g: a customs receipt arriving after a month was closed does not change that
 * month's register. A CEB604 releasing a March list after March was closed leaves the March register
 * as it printed at close (same data, same totals, every time); the release is recorded as an
 * adjustment and printed in the register of the open month the receipt arrived in (its export date,
 * the PBoC rate of that day, the closed month named, a coded note), and the receipt's outcome says
 * where it went.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../../../src-main/api/dispatch.ts';
import { createHandlers } from '../../../../src-main/api/handlers.ts';
import { openWorkspace, type Workspace } from '../../../../src-main/api/workspace.ts';
import type { ReportData, ReportDocument } from '../../../../src-main/areas/reports/contract.ts';
import { recordReceipts } from '../../../../src-main/areas/customs/index.ts';
import { buildReceiptMessage, parseReceipt } from '../../../../src-main/core/customs/index.ts';
import { tempDir, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

const GUID = (n: number) => `B0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function workspace(now: { at: string }): Promise<{ ws: Workspace; dispatch: Dispatch }> {
  const ws = await openWorkspace({ dataDir: tempDir(), host: 'test', clock: () => new Date(now.at) });
  open.push(ws);
  const dispatch = createDispatch(createHandlers(ws), (i) => console.error(i), ws.file, ws.readOnly);
  await ok(dispatch('company.save', VALID_PROFILE));
  return { ws, dispatch };
}

/** A CEB603 list as the customs area stores it after sending, in `status` (120 = accepted, 800 = released). */
function storedList(ws: Workspace, orderId: number, orderNo: string, copNo: string, n: number, status: '120' | '800') {
  const db = ws.read;
  const commandId = db.prepare('SELECT max(id) FROM command_log').pluck().get() as number;
  db.prepare(
    `INSERT INTO customs_messages (guid, type, idempotency_key, xml, command_id, created_at) VALUES (?, 'CEB603', ?, '<CEB603Message/>', ?, '2026-03-20T00:00:00Z')`,
  ).run(GUID(n * 10), `test:${copNo}`, commandId);
  const facts = {
    type: 'CEB603',
    orderNo,
    currency: 'USD',
    lines: [{ gnum: 1, itemNo: 'MUG-01', gcode: '6912001000', qty: '2', unit: '007', totalPrice: '25.98' }],
  };
  db.prepare(
    `INSERT INTO customs_documents (type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank, status_at, invt_no, facts, created_at)
    VALUES ('CEB603', ?, 1, ?, ?, ?, ?, ?, ?, '2026-03-20T00:00:00Z', ?, ?, '2026-03-20T00:00:00Z')`,
  ).run(
    copNo,
    orderId,
    orderNo,
    GUID(n * 10 + 1),
    GUID(n * 10),
    status,
    status === '800' ? 20 : 10,
    status === '800' ? `53142026E00000000${n}` : null,
    JSON.stringify(facts),
  );
}

async function seeded(now: { at: string }) {
  const { ws, dispatch } = await workspace(now);
  const shop = await ok<{ id: number }>(
    dispatch('shops.save', {
      platform: 'manual',
      name: '独立站',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    }),
  );
  await ok(
    dispatch('stock.skus.save', {
      itemNo: 'MUG-01',
      goodsName: '陶瓷马克杯',
      gmodel: '0|0|陶瓷',
      hsCode: '6912001000',
      unit: '007',
      legalUnit: '035',
    }),
  );
  for (const [date, rate] of [
    ['2026-03-10', '7.100000'],
    ['2026-03-12', '7.050000'],
  ] as const)
    await ok(dispatch('rates.save', { currency: 'USD', date, rate, source: 'pboc' }));
  const order = async (orderNo: string, at: string) =>
    (
      await ok<{ id: number }>(
        dispatch('orders.save', {
          shopId: shop.id,
          orderNo,
          status: 'shipped',
          orderedAt: at,
          buyerCountry: 'US',
          currency: 'USD',
          customsMode: '9610',
          fulfilment: 'self',
          shipping: '0',
          discount: '0',
          lines: [{ sku: 'MUG-01', itemName: 'Mug', quantity: 2, unitPrice: '12.99' }],
        }),
      )
    ).id;
  storedList(ws, await order('A-1', '2026-03-10T10:00:00+08:00'), 'A-1', 'COP-A1', 1, '800');
  storedList(ws, await order('B-1', '2026-03-12T10:00:00+08:00'), 'B-1', 'COP-B1', 2, '120');
  return { ws, dispatch };
}

/** The release of B-1's list (CEB604 800) as the zone platform sends it, through the receipts path of a sync pass. */
function releaseReceipt(ws: Workspace) {
  const xml = buildReceiptMessage('CEB604', GUID(900), [
    {
      guid: GUID(21),
      businessKey: 'COP-B1',
      copNo: 'COP-B1',
      agentCode: '5314960ABC',
      preNo: 'B20260312000000002',
      invtNo: '53142026E000000002',
      ebcCode: '5314960ABC',
      ebpCode: '无',
      orderNo: 'B-1',
      statisticsFlag: 'B',
      status: '800',
      returnTime: '20260403100000000',
      returnInfo: '放行',
    },
  ]);
  return ws.uow.run('sync.receipts', (tx) => recordReceipts(tx, parseReceipt(xml)));
}

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
