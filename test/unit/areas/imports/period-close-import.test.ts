/**
 * Issue 17 point 1g, done-when: "After closing March, importing a file with March orders posts
 * nothing into March and says where its changes went; the March register prints the same totals
 * before and after." The rule: orders dated in a closed month are held back (`period.closed`, per
 * order, with month and date), the rest of the file is written; status mappings keep the closed
 * month's orders as they were; corrections (order edits, customs mode) and stock moves dated in
 * the closed month are refused; reopening (a recorded act) lets the same file write them.
 * The files are Shopify order exports in the export's own column layout (its 79 headers).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { ImportPreview, ImportSummary } from '../../../../src-main/api/contract.ts';
import { openTestWorkspace, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/imports/shopify-orders-usd.csv');
/** The header line of a real Shopify orders export (the fixture's). */
const HEADERS = fs.readFileSync(FIXTURE, 'utf8').split(/\r?\n/)[0]!;

/** One order row in Shopify's layout: name, financial status, currency, subtotal, total, created at, qty, item, price, sku, country. */
function row(
  name: string,
  financial: string,
  total: string,
  createdAt: string,
  qty: number,
  price: string,
  sku: string,
) {
  const cols = HEADERS.split(',');
  const cells = new Array<string>(cols.length).fill('');
  const set = (h: string, v: string) => {
    const i = cols.indexOf(h);
    if (i < 0) throw new Error(`no header ${h}`);
    cells[i] = v;
  };
  set('Name', name);
  set('Email', 'buyer@example.com');
  set('Financial Status', financial);
  set('Fulfillment Status', 'fulfilled');
  set('Accepts Marketing', 'no');
  set('Currency', 'USD');
  set('Subtotal', total);
  set('Shipping', '0.00');
  set('Taxes', '0.00');
  set('Total', total);
  set('Discount Amount', '0.00');
  set('Shipping Method', 'Standard');
  set('Created at', createdAt);
  set('Lineitem quantity', String(qty));
  set('Lineitem name', sku);
  set('Lineitem price', price);
  set('Lineitem sku', sku);
  set('Lineitem requires shipping', 'true');
  set('Lineitem taxable', 'true');
  set('Lineitem fulfillment status', 'fulfilled');
  set('Billing Country', 'US');
  set('Shipping Country', 'US');
  set('Payment Method', 'Shopify Payments');
  set('Refunded Amount', '0.00');
  set('Outstanding Balance', '0.00');
  set('Source', 'web');
  set('Lineitem discount', '0.00');
  return cells.join(',');
}

const fileOf = (name: string, rows: string[]) => ({
  fileName: name,
  contentBase64: Buffer.from([HEADERS, ...rows].join('\n') + '\n').toString('base64'),
  source: 'auto',
});

/** A released CEB603 list as the customs area stores it (message + document with its facts). */
function releasedList(
  ws: Workspace,
  orderId: number,
  orderNo: string,
  invtNo: string,
  qty: string,
  totalPrice: string,
) {
  const db = ws.read;
  const commandId = db.prepare('SELECT max(id) FROM command_log').pluck().get() as number;
  const guid = (n: number) => `00000000-0000-4000-8000-${String(orderId * 10 + n).padStart(12, '0')}`;
  db.prepare(
    `INSERT INTO customs_messages (guid, type, idempotency_key, xml, command_id, created_at) VALUES (?, 'CEB603', ?, '<CEB603Message/>', ?, '2026-03-31T00:00:00Z')`,
  ).run(guid(1), `test:${invtNo}`, commandId);
  const facts = {
    type: 'CEB603',
    orderNo,
    currency: 'USD',
    lines: [{ gnum: 1, gcode: '6912001000', itemNo: 'MUG-01', qty, unit: '007', totalPrice }],
  };
  db.prepare(
    `INSERT INTO customs_documents (type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank, status_at, invt_no, entry_id, facts, created_at)
    VALUES ('CEB603', ?, 1, ?, ?, ?, ?, '800', 20, '2026-03-31T00:00:00Z', ?, NULL, ?, '2026-03-31T00:00:00Z')`,
  ).run(`list:${orderNo}`, orderId, orderNo, guid(2), guid(1), invtNo, JSON.stringify(facts));
}

async function importFile(dispatch: Dispatch, f: ReturnType<typeof fileOf>, shopId: number) {
  const preview = await ok<ImportPreview>(dispatch('imports.preview', { ...f, shopId }));
  const summary = await ok<ImportSummary>(dispatch('imports.confirm', { previewId: preview.previewId }));
  return { preview, summary };
}

/** Everything stored about March's orders: rows, lines, change history, revisions, outbox rows. */
function marchSnapshot(ws: Workspace) {
  const db = ws.read;
  const ids = `SELECT id FROM orders WHERE substr(ordered_at, 1, 7) = '2026-03'`;
  return {
    orders: db.prepare(`SELECT * FROM orders WHERE id IN (${ids}) ORDER BY id`).all(),
    lines: db.prepare(`SELECT * FROM order_lines WHERE order_id IN (${ids}) ORDER BY id`).all(),
    changes: db.prepare(`SELECT * FROM order_changes WHERE order_id IN (${ids}) ORDER BY id`).all(),
    stock: db.prepare(`SELECT * FROM stock_moves WHERE substr(date, 1, 7) = '2026-03' ORDER BY id`).all(),
  };
}

async function register(dispatch: Dispatch, period: string) {
  const r = await ok<{ summary: Record<string, number>; sections: Array<{ key: string; rows: unknown[] }> }>(
    dispatch('reports.get', { name: 'tax-register', period }),
  );
  return { summary: r.summary, rows: r.sections.map((s) => [s.key, s.rows]) };
}

describe('period close on imports (issue 17 point 1g)', () => {
  it('holds back the closed month’s orders, writes the rest, says where they went, and the March register prints the same', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    open.push(ws);
    await ok(dispatch('company.save', VALID_PROFILE));
    const shop = await ok<{ id: number }>(
      dispatch('shops.save', {
        platform: 'shopify',
        name: 'US store',
        site: null,
        currency: 'USD',
        timeZone: 'America/Los_Angeles',
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
    for (const date of ['2026-03-05', '2026-03-20', '2026-04-02', '2026-04-10'])
      await ok(dispatch('rates.save', { currency: 'USD', date, rate: '7.1000', source: 'pboc' }));

    // March is imported, declared and released, then closed.
    const march = fileOf('march.csv', [
      row('#1001', 'paid', '25.00', '2026-03-05 10:00:00 -0800', 2, '12.50', 'MUG-01'),
      row('#1002', 'paid', '12.50', '2026-03-20 10:00:00 -0800', 1, '12.50', 'MUG-01'),
    ]);
    await importFile(dispatch, march, shop.id);
    const orderId = (no: string) =>
      ws.read.prepare('SELECT id FROM orders WHERE order_no = ?').pluck().get(no) as number | undefined;
    await ok(dispatch('orders.setCustomsMode', { ids: [orderId('#1001')!, orderId('#1002')!], mode: '9610' }));
    releasedList(ws, orderId('#1001')!, '#1001', '53012026I000000201', '2', '25.00');
    releasedList(ws, orderId('#1002')!, '#1002', '53012026I000000202', '1', '12.50');
    const before = await register(dispatch, '2026-03');
    expect(before.summary.total).toBe(2500 * 7.1 + 1250 * 7.1);
    const snapshot = marchSnapshot(ws);
    await ok(dispatch('periods.close', { month: '2026-03' }));

    // The next file: an update of #1001 and a new #1003 (both March), and two April orders.
    const mixed = fileOf('march-april.csv', [
      row('#1001', 'paid', '37.50', '2026-03-05 10:00:00 -0800', 3, '12.50', 'MUG-01'),
      row('#1002', 'paid', '12.50', '2026-03-20 10:00:00 -0800', 1, '12.50', 'MUG-01'),
      row('#1003', 'paid', '12.50', '2026-03-28 10:00:00 -0700', 1, '12.50', 'MUG-01'),
      row('#2001', 'paid', '25.00', '2026-04-02 10:00:00 -0700', 2, '12.50', 'MUG-01'),
      row('#2002', 'paid', '12.50', '2026-04-10 10:00:00 -0700', 1, '12.50', 'MUG-01'),
    ]);
    const { preview, summary } = await importFile(dispatch, mixed, shop.id);
    const where = [
      { month: '2026-03', closed: true, new: 0, updated: 0, unchanged: 1, heldBack: 2 },
      { month: '2026-04', closed: false, new: 2, updated: 0, unchanged: 0, heldBack: 0 },
    ];
    const held = [
      { orderNo: '#1001', code: 'period.closed', month: '2026-03', date: '2026-03-05', change: 'updated' },
      { orderNo: '#1003', code: 'period.closed', month: '2026-03', date: '2026-03-28', change: 'new' },
    ];
    // the preview says it before anything is written, the summary after
    expect(preview.months).toEqual(where);
    expect(preview.heldBack).toEqual(held);
    expect(preview.counts).toEqual({ new: 2, updated: 0, unchanged: 1 });
    // the totals are of what would be imported: #1002, #2001, #2002 (12.50 + 25.00 + 12.50), not the held-back #1001 update or #1003
    expect(preview.totals).toEqual({ USD: { orders: 3, gross: 5000 } });
    expect(summary.months).toEqual(where);
    expect(summary.heldBack).toEqual(held);
    expect([summary.new, summary.updated, summary.unchanged]).toEqual([2, 0, 1]);

    // Nothing in March changed; April took its orders.
    expect(marchSnapshot(ws)).toEqual(snapshot);
    expect(orderId('#1003')).toBeUndefined();
    expect(orderId('#2001')).toBeGreaterThan(0);
    expect(orderId('#2002')).toBeGreaterThan(0);
    expect(await register(dispatch, '2026-03')).toEqual(before);

    // A status mapping re-classifies April's orders, keeps March's.
    const mapped = await ok<{ reclassified: number; heldBack: unknown }>(
      dispatch('statuses.map', { shopId: shop.id, word: 'paid', status: 'cancelled' }),
    );
    expect(mapped).toMatchObject({ reclassified: 2, heldBack: [{ month: '2026-03', orders: 2 }] });
    expect(marchSnapshot(ws)).toEqual(snapshot);

    // Corrections dated in March are refused with the month and date.
    const closed = (date: string) => ({
      ok: false,
      error: { code: 'period.closed', params: { month: '2026-03', date } },
    });
    expect(await dispatch('orders.setCustomsMode', { ids: [orderId('#1001')!], mode: '9710' })).toMatchObject(
      closed('2026-03-05'),
    );
    expect(
      await dispatch('orders.save', {
        id: orderId('#1002')!,
        shopId: shop.id,
        orderNo: '#1002',
        status: 'shipped',
        orderedAt: '2026-04-01',
        buyerCountry: 'US',
        currency: 'USD',
        customsMode: '9610',
        fulfilment: 'self',
        shipping: '0',
        discount: '0',
        lines: [{ sku: 'MUG-01', itemName: 'MUG-01', quantity: 1, unitPrice: '12.50' }],
      }),
    ).toMatchObject(closed('2026-03-20'));
    // Stock: a move posted into March is refused; a stock file's March row is a rejected row (column date).
    const wh = await ok<{ id: number }>(
      dispatch('stock.warehouses.save', { code: 'SZ-01', name: '深圳仓', kind: 'domestic', country: 'CN' }),
    );
    const skuId = ws.read.prepare("SELECT id FROM skus WHERE item_no = 'MUG-01'").pluck().get() as number;
    expect(
      await dispatch('stock.moves.post', {
        date: '2026-03-31',
        type: 'purchase',
        skuId,
        warehouseId: wh.id,
        quantity: 10,
        unitCost: '5.00',
      }),
    ).toMatchObject(closed('2026-03-31'));
    const stockFile = [
      'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason',
      '2026-03-30,purchase,MUG-01,SZ-01,,100,5.00,,CNY,INV-0330,',
      '2026-04-01,purchase,MUG-01,SZ-01,,100,5.00,,CNY,INV-0401,',
    ].join('\n');
    const stock = await ok<{ committed: boolean; rejected: Array<{ row: number; column: string; code: string }> }>(
      dispatch('stock.import', {
        fileName: 'moves.csv',
        contentBase64: Buffer.from(stockFile).toString('base64'),
        source: 'stock-moves',
      }),
    );
    expect(stock.committed).toBe(false);
    expect(stock.rejected).toMatchObject([{ row: 2, column: 'date', code: 'period.closed' }]);
    expect(marchSnapshot(ws)).toEqual(snapshot);
    expect(await register(dispatch, '2026-03')).toEqual(before);

    // Reopening is a recorded act; the same file then writes March's orders.
    await ok(dispatch('periods.reopen', { month: '2026-03', reason: '补录 #1003' }));
    const again = await importFile(dispatch, mixed, shop.id);
    expect(again.summary.heldBack).toEqual([]);
    expect(again.summary.months[0]).toMatchObject({ month: '2026-03', closed: false, new: 1, updated: 1 });
    expect(orderId('#1003')).toBeGreaterThan(0);
  });
});
