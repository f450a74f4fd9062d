import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { openLedger, type Db } from '../../../../src-main/db/open-ledger.ts';
import { UnitOfWork } from '../../../../src-main/db/unit-of-work.ts';
import { countImport, writeImport, type ImportItem } from '../../../../src-main/areas/imports/import-store.ts';
import { isRowError, normaliseImported } from '../../../../src-main/areas/orders/order-content.ts';
import {
  getOrderDetail,
  orderStats,
  OrderWriter,
  setCustomsMode,
} from '../../../../src-main/areas/orders/order-store.ts';
import { insertShop } from '../../../../src-main/areas/company/shop-store.ts';
import type { ImportedOrder, ImportSource } from '../../../../src-main/core/orders/order.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { amazonOrder, fee, line, m } from '../orders/order-fixtures.ts';

const open: Db[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function setup() {
  const { db } = await openLedger(path.join(tempDir(), 'ledger.sqlite'));
  open.push(db);
  const uow = new UnitOfWork(db, () => new Date('2026-03-20T08:00:00Z'));
  const shop = uow.run('shops.save', (tx) =>
    insertShop(tx.db, {
      platform: 'amazon',
      name: 'Amazon.com',
      site: 'Amazon.com',
      currency: 'USD',
      timeZone: 'America/Los_Angeles',
    }),
  );
  const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  const items = (orders: readonly ImportedOrder[], source: ImportSource): ImportItem[] =>
    orders.map((o) => {
      const content = normaliseImported(o, { settlement: source === 'amazon-settlement' });
      if (isRowError(content)) throw new Error(content.code);
      return { content, shopId: shop.id };
    });
  const run = (
    orders: readonly ImportedOrder[],
    opts: { source?: ImportSource; sha?: string; onProgress?: (d: number, t: number) => void } = {},
  ) => {
    const source = opts.source ?? 'amazon-orders';
    const sha = opts.sha ?? 'a'.repeat(64);
    const list = items(orders, source);
    const preview = countImport(db, list, source, sha);
    const written = uow.run('imports.confirm', (tx) =>
      writeImport(
        tx,
        {
          source,
          fileName: 'orders.txt',
          fileSha256: sha,
          encoding: 'utf-8',
          rowCount: orders.length,
          rejected: 0,
        },
        list,
        opts.onProgress,
      ),
    );
    return { preview, written };
  };
  return { db, uow, shop, count, run };
}

describe('importing parsed orders', () => {
  it('is idempotent: the same import twice gives 0 new and all unchanged the second time, and no second outbox row', async () => {
    const { db, count, run } = await setup();
    const orders = Array.from({ length: 30 }, (_, i) =>
      amazonOrder(i, i % 3 === 0 ? { lines: [line(), line({ lineKey: 'SKU-2#1', sku: 'SKU-2' })] } : {}),
    );
    const first = run(orders);
    expect(first.written).toMatchObject({ new: 30, updated: 0, unchanged: 0 });
    expect(first.preview).toEqual({ new: 30, updated: 0, unchanged: 0 });
    const second = run(orders);
    expect(second.preview).toEqual({ new: 0, updated: 0, unchanged: 30 });
    expect(second.written).toMatchObject({ new: 0, updated: 0, unchanged: 30 });
    expect([count('orders'), count('order_lines'), count('outbox'), count('order_changes'), count('imports')]).toEqual([
      30, 40, 30, 0, 2,
    ]);
    expect(db.prepare('SELECT DISTINCT revision FROM orders').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT new_count, updated_count, unchanged_count FROM imports ORDER BY id').all()).toEqual([
      { new_count: 30, updated_count: 0, unchanged_count: 0 },
      { new_count: 0, updated_count: 0, unchanged_count: 30 },
    ]);
  });

  it('treats the same order read from an overlapping export (other row numbers) as unchanged', async () => {
    const { run } = await setup();
    run([amazonOrder(1)]);
    const moved = amazonOrder(1, { sourceRows: [900], lines: [line({ sourceRow: 900 })] });
    expect(run([moved, amazonOrder(2)]).written).toMatchObject({ new: 1, unchanged: 1, updated: 0 });
  });

  it('updates a changed order, keeps the old values in order_changes and queues the next revision', async () => {
    const { db, run } = await setup();
    run([amazonOrder(1), amazonOrder(2)]);
    const dearer = amazonOrder(1, { lines: [line({ lineTotal: m(2499) })], platformStatus: 'Cancelled' });
    const r = run([dearer, amazonOrder(2)]);
    expect(r.preview).toEqual({ new: 0, updated: 1, unchanged: 1 });
    expect(r.written).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    const id = Number(db.prepare("SELECT id FROM orders WHERE order_no = '112-0000001-4455667'").pluck().get());
    const detail = getOrderDetail(db, id);
    expect(detail).toMatchObject({
      revision: 2,
      goods: 2499,
      gross: 2499,
      status: 'cancelled',
      exclusion: 'cancelled',
    });
    const changes = Object.fromEntries(detail.changes.map((c) => [c.field, [c.oldValue, c.newValue, c.cause]]));
    expect(changes).toMatchObject({
      goods: ['1999', '2499', 'import'],
      gross: ['1999', '2499', 'import'],
      status: ['shipped', 'cancelled', 'import'],
      platformStatus: ['Shipped', 'Cancelled', 'import'],
      exclusion: [null, 'cancelled', 'import'],
      'lines[SKU-1#1].lineTotal': ['1999', '2499', 'import'],
    });
    expect(
      db
        .prepare("SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE '%112-0000001-%' ORDER BY id")
        .pluck()
        .all(),
    ).toEqual(['orders:amazon:112-0000001-4455667:v1', 'orders:amazon:112-0000001-4455667:v2']);
  });

  it('records added and removed lines by line key', async () => {
    const { db, run } = await setup();
    run([amazonOrder(1)]);
    run([amazonOrder(1, { lines: [line({ lineKey: 'SKU-9#1', sku: 'SKU-9', lineTotal: m(500) })] })]);
    const fields = db.prepare('SELECT field, old_value, new_value FROM order_changes ORDER BY id').all() as Array<{
      field: string;
      old_value: string | null;
      new_value: string | null;
    }>;
    expect(fields.find((f) => f.field === 'lines[SKU-9#1]')).toMatchObject({ old_value: null });
    expect(JSON.parse(fields.find((f) => f.field === 'lines[SKU-1#1]')!.old_value!)).toMatchObject({
      sku: 'SKU-1',
      lineTotal: 1999,
    });
    expect(db.prepare('SELECT line_key FROM order_lines').pluck().all()).toEqual(['SKU-9#1']);
  });

  it('rolls back everything when the write fails midway: no orders, no outbox rows, no import row', async () => {
    const { count, run } = await setup();
    const orders = Array.from({ length: 4500 }, (_, i) => amazonOrder(i));
    expect(() =>
      run(orders, {
        onProgress: (done) => {
          if (done >= 4000) throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    // command_log keeps only the shops.save of the setup
    expect([
      count('orders'),
      count('order_lines'),
      count('outbox'),
      count('imports'),
      count('command_log'),
      count('line_texts'),
    ]).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('adds settlement fees and refunds to existing orders without duplicating them on re-import', async () => {
    const { db, run } = await setup();
    run([amazonOrder(1)]);
    const settled = amazonOrder(1, {
      lines: [],
      orderedAt: '2026-03-10T00:00:00+00:00',
      refunded: m(0),
      fees: [
        fee('commission', 'Commission', 300),
        fee('fulfilment', 'FBAPerUnitFulfillmentFee', 350),
        fee('commission', 'Commission', 1),
      ],
    });
    expect(run([settled], { source: 'amazon-settlement', sha: 'b'.repeat(64) }).written).toMatchObject({
      new: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(run([settled], { source: 'amazon-settlement', sha: 'b'.repeat(64) }).written).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: 1,
    });
    const id = Number(db.prepare('SELECT id FROM orders').pluck().get());
    let detail = getOrderDetail(db, id);
    expect(detail.fees.map((f) => [f.type, f.description, f.amount])).toEqual([
      ['commission', 'Commission', 301],
      ['fulfilment', 'FBAPerUnitFulfillmentFee', 350],
    ]);
    expect(detail.lines).toHaveLength(1); // the settlement did not replace the order's lines
    expect(detail.profit).toMatchObject({
      revenue: 1999,
      platformFees: 301,
      lastMile: 350,
      productCost: null,
      profit: null,
    });
    // A later settlement refunds the order: a second set of fees, and the refund on the order.
    const refund = amazonOrder(1, { lines: [], refunded: m(1999), fees: [fee('commission', 'Commission', -240)] });
    expect(run([refund], { source: 'amazon-settlement', sha: 'c'.repeat(64) }).written).toMatchObject({ updated: 1 });
    detail = getOrderDetail(db, id);
    expect(detail).toMatchObject({ refunded: 1999, revision: 2 });
    expect(detail.profit).toMatchObject({ revenue: 0, platformFees: 61 });
    expect(detail.changes).toEqual([
      { at: '2026-03-20T08:00:00.000Z', field: 'refunded', oldValue: '0', newValue: '1999', cause: 'import' },
    ]);
  });

  it('creates a placeholder for an order only a settlement knows, which its order export completes as new', async () => {
    const { db, run } = await setup();
    const settled = amazonOrder(7, {
      lines: [],
      fees: [fee('commission', 'Commission', 300)],
      platformStatus: 'Order',
    });
    expect(run([settled], { source: 'amazon-settlement', sha: 'd'.repeat(64) }).written).toMatchObject({ new: 1 });
    expect(db.prepare('SELECT origin, status, gross, content_hash FROM orders').get()).toEqual({
      origin: 'settlement',
      status: 'shipped',
      gross: 0,
      content_hash: 'settlement',
    });
    const r = run([amazonOrder(7)]);
    expect(r.preview).toEqual({ new: 1, updated: 0, unchanged: 0 });
    expect(r.written).toMatchObject({ new: 1, updated: 0 });
    const id = Number(db.prepare('SELECT id FROM orders').pluck().get());
    expect(getOrderDetail(db, id)).toMatchObject({
      origin: 'import',
      gross: 1999,
      revision: 2,
      changes: [],
      fees: [{ amount: 300 }],
    });
    expect(run([amazonOrder(7)]).written).toMatchObject({ unchanged: 1 });
  });

  it('keeps an edit when the same file is imported again, and keeps the customs mode on any re-import', async () => {
    const { db, uow, run } = await setup();
    run([amazonOrder(1)]);
    const id = Number(db.prepare('SELECT id FROM orders').pluck().get());
    uow.run('orders.setCustomsMode', (tx) => setCustomsMode(tx, [id], '9610'));
    uow.run('orders.save', (tx) => {
      const w = new OrderWriter(tx, 'edit');
      const before = w.byId(id)!;
      const content = normaliseImported(amazonOrder(1, { buyerCountry: 'CA' }));
      if (isRowError(content)) throw new Error(content.code);
      w.replace(
        before,
        content,
        {
          shopId: before.shop_id,
          origin: 'import',
          contentHash: before.content_hash,
          importId: null,
          customsMode: '9610',
        },
        true,
      );
      w.bump(id, 'amazon', before.order_no);
    });
    expect(run([amazonOrder(1)]).written).toMatchObject({ unchanged: 1 });
    expect(getOrderDetail(db, id)).toMatchObject({ buyerCountry: 'CA', customsMode: '9610', revision: 3 });
    run([amazonOrder(1, { lines: [line({ quantity: 2, lineTotal: m(3998) })] })]);
    expect(getOrderDetail(db, id)).toMatchObject({ buyerCountry: 'US', customsMode: '9610', units: 2, revision: 4 });
    const history = getOrderDetail(db, id).changes.map((c) => [c.field, c.oldValue, c.newValue, c.cause]);
    expect(history).toEqual(
      expect.arrayContaining([
        ['customsMode', null, '9610', 'edit'],
        ['buyerCountry', 'US', 'CA', 'edit'],
        ['buyerCountry', 'CA', 'US', 'import'],
      ]),
    );
  });
});

describe('order stats', () => {
  it('counts sales per currency over orders that count, and each exclusion apart, from SQL sums', async () => {
    const { db, run } = await setup();
    expect(orderStats(db)).toEqual({
      orders: 0,
      lines: 0,
      byStatus: {},
      sales: {},
      unknownStatuses: {},
      excluded: { cancelled: 0, pending: 0, otherChannel: 0, unpaid: 0, unknownStatus: 0, amountsUnknown: 0 },
    });
    run([
      amazonOrder(1),
      amazonOrder(2, { lines: [line({ quantity: 3, lineTotal: m(5997) })], refunded: m(1999) }),
      amazonOrder(3, { platformStatus: 'Cancelled', lines: [line({ lineTotal: m(0) })] }),
      amazonOrder(4, { platformStatus: 'Pending' }),
      amazonOrder(5, { salesChannel: 'Non-Amazon', shopName: null }),
      amazonOrder(6, {
        currency: 'JPY',
        lines: [line({ lineTotal: m(1200) }), line({ lineKey: 'X#1', sku: 'X', lineTotal: m(800), cancelled: true })],
      }),
      amazonOrder(7, {
        platform: 'erp',
        orderNo: 'ERP-7',
        platformStatus: '未付款',
        currency: 'CNY',
        salesChannel: null,
      }),
    ]);
    expect(orderStats(db)).toEqual({
      orders: 7,
      lines: 8,
      byStatus: { cancelled: 1, pending: 1, shipped: 4, unpaid: 1 },
      sales: {
        JPY: { orders: 1, units: 1, gross: 1200, refunded: 0 },
        USD: { orders: 2, units: 4, gross: 7996, refunded: 1999 },
      },
      excluded: { cancelled: 1, pending: 1, otherChannel: 1, unpaid: 1, unknownStatus: 0, amountsUnknown: 0 },
      unknownStatuses: {},
    });
  });
});
