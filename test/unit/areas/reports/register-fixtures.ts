/**
 * The 无票免税 register's test ledger (register-rows and late-receipts tests): a workspace on a settable
 * clock with the company, a USD shop (独立站, Asia/Shanghai), the SKU MUG-01 (陶瓷马克杯, unit 007) and the
 * PBoC rates of 2026-03-10 (7.10) and 2026-03-12 (7.05); 9610 sales of two mugs at 12.99; CEB603 lists
 * stored as the customs area stores them after sending, and their release receipts through a sync pass.
 */
import { afterEach } from 'vitest';
import { createDispatch, type Dispatch } from '../../../../src-main/api/dispatch.ts';
import { createHandlers } from '../../../../src-main/api/handlers.ts';
import { openWorkspace, type Workspace } from '../../../../src-main/api/workspace.ts';
import { recordReceipts } from '../../../../src-main/areas/customs/index.ts';
import { buildReceiptMessage, parseReceipt } from '../../../../src-main/core/customs/index.ts';
import { tempDir, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

const GUID = (n: number) => `D0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The seeded ledger; `now.at` is the workspace's clock (move it to receive a receipt later). */
export async function registerWorkspace(now: { at: string }) {
  const ws = await openWorkspace({ dataDir: tempDir(), host: 'test', clock: () => new Date(now.at) });
  open.push(ws);
  const dispatch: Dispatch = createDispatch(createHandlers(ws), (i) => console.error(i), ws.file, ws.readOnly);
  await ok(dispatch('company.save', VALID_PROFILE));
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
  /** A shipped sale of two mugs at 12.99 (9610 unless said). */
  const order = async (orderNo: string, at: string, customsMode = '9610') => ({
    orderNo,
    id: (
      await ok<{ id: number }>(
        dispatch('orders.save', {
          shopId: shop.id,
          orderNo,
          status: 'shipped',
          orderedAt: at,
          buyerCountry: 'US',
          currency: 'USD',
          customsMode,
          fulfilment: 'self',
          shipping: '0',
          discount: '0',
          lines: [{ sku: 'MUG-01', itemName: 'Mug', quantity: 2, unitPrice: '12.99' }],
        }),
      )
    ).id,
  });
  return { ws, dispatch, order };
}

/** A list line of `qty` MUG-01 (unit 007) for `totalPrice` USD. */
export const mug = (totalPrice: string, qty = '2') => ({ itemNo: 'MUG-01', qty, unit: '007', totalPrice });

/**
 * A CEB603 list (USD) as the customs area stores it after sending, in `status` (120 accepted, 800 released
 * with its list number), business key `copNo` (COP-<order number> unless said).
 */
export function storedList(
  ws: Workspace,
  o: { id: number; orderNo: string },
  n: number,
  status: '120' | '800',
  lines: Array<{ itemNo: string; qty: string; unit: string; totalPrice: string }>,
  { revision = 1, copNo = `COP-${o.orderNo}` }: { revision?: number; copNo?: string } = {},
) {
  const db = ws.read;
  const commandId = db.prepare('SELECT max(id) FROM command_log').pluck().get() as number;
  db.prepare(
    `INSERT INTO customs_messages (guid, type, idempotency_key, xml, command_id, created_at) VALUES (?, 'CEB603', ?, '<CEB603Message/>', ?, '2026-03-20T00:00:00Z')`,
  ).run(GUID(n * 10), `test:${copNo}:${revision}`, commandId);
  const facts = {
    type: 'CEB603',
    orderNo: o.orderNo,
    currency: 'USD',
    lines: lines.map((l, i) => ({ gnum: i + 1, gcode: '6912001000', ...l })),
  };
  db.prepare(
    `INSERT INTO customs_documents (type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank, status_at, invt_no, facts, created_at)
    VALUES ('CEB603', ?, ?, ?, ?, ?, ?, ?, ?, '2026-03-20T00:00:00Z', ?, ?, '2026-03-20T00:00:00Z')`,
  ).run(
    copNo,
    revision,
    o.id,
    o.orderNo,
    GUID(n * 10 + 1),
    GUID(n * 10),
    status,
    status === '800' ? 20 : 10,
    status === '800' ? `53142026E00000000${n}` : null,
    JSON.stringify(facts),
  );
}

/** The release (CEB604 800, list number 53142026E00000000<n>) of list n of `orderNo`, through the receipts path of a sync pass. */
export function release(ws: Workspace, orderNo: string, n: number, copNo = `COP-${orderNo}`) {
  const xml = buildReceiptMessage('CEB604', GUID(900 + n), [
    {
      guid: GUID(n * 10 + 1),
      businessKey: copNo,
      copNo,
      agentCode: '5314960ABC',
      preNo: `B2026031200000000${n}`,
      invtNo: `53142026E00000000${n}`,
      ebcCode: '5314960ABC',
      ebpCode: '无',
      orderNo,
      statisticsFlag: 'B',
      status: '800',
      returnTime: '20260403100000000',
      returnInfo: '放行',
    },
  ]);
  return ws.uow.run('sync.receipts', (tx) => recordReceipts(tx, parseReceipt(xml)));
}
