/**
 * The dashboard's monthly aggregates (migration 0017) equal an independent GROUP BY over the
 * orders and lines after every kind of write: imports of real-shape files, the same file again,
 * status words mapped (re-classifying stored orders), manual entries and edits, customs mode
 * changes and deletes; a property test drives random sequences of them (seeded, printed).
 * `dashboard.summary` reads the aggregates and agrees with sums over the orders themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { DashboardSummary, ImportPreview, Shop } from '../../../../src-main/api/contract.ts';
import { loadMigrations } from '../../../../src-main/db/migrate.ts';
import type { ReadDb } from '../../../../src-main/db/ports.ts';
import { ok } from '../../../helpers/dispatch.ts';
import { openTestWorkspace } from '../../../helpers/workspace.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});
async function setup() {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  return t;
}

const FIXTURES = path.join(import.meta.dirname, '../../../fixtures/imports');
const file = (name: string) => ({
  fileName: name,
  contentBase64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64'),
  source: 'auto' as const,
});

type Db = Pick<Database.Database, 'prepare'> | ReadDb;
const all = (db: Db, sql: string) => (db as Database.Database).prepare(sql).raw(true).all() as unknown[][];

/** The orders grouped the way the dashboard keys them, computed from the orders themselves. */
const ORDERS_BY_GROUP = `SELECT substr(ordered_at, 1, 7), shop_id, coalesce(currency, ''), coalesce(buyer_country, ''),
    coalesce(customs_mode, ''), coalesce(exclusion, ''), count(*), sum(units), coalesce(sum(gross), 0), sum(refunded),
    count(*) - count(gross)
  FROM orders GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
const AGGREGATE = `SELECT month, shop_id, currency, country, customs_mode, exclusion, orders, units, gross, refunded, unknown_amounts
  FROM order_month_totals ORDER BY 1, 2, 3, 4, 5, 6`;
/** Sold lines: the order is a sale and the line not cancelled; per month and SKU, and per SKU, month and currency. */
const SOLD = 'FROM order_lines l, orders o WHERE o.id = l.order_id AND o.exclusion IS NULL AND l.cancelled = 0';
const LINES_BY_GROUP = `SELECT substr(o.ordered_at, 1, 7), l.sku, count(*), sum(l.quantity), count(*) - count(l.line_total)
  ${SOLD} GROUP BY 1, 2 ORDER BY 1, 2`;
const SKU_AGGREGATE = `SELECT month, sku, lines, quantity, unknown_lines FROM sku_month_totals ORDER BY 1, 2`;
const AMOUNTS_BY_GROUP = `SELECT l.sku, substr(o.ordered_at, 1, 7), coalesce(o.currency, ''), count(*),
    coalesce(sum(CASE WHEN l.line_total IS NULL THEN NULL ELSE l.line_total - coalesce(l.discount, 0) END), 0),
    count(*) - count(l.line_total)
  ${SOLD} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const AMOUNTS = `SELECT sku, month, currency, lines, amount, unknown_lines FROM sku_month_amounts ORDER BY 1, 2, 3`;

function expectAggregatesMatch(db: Db): void {
  expect(all(db, AGGREGATE)).toEqual(all(db, ORDERS_BY_GROUP));
  expect(all(db, SKU_AGGREGATE)).toEqual(all(db, LINES_BY_GROUP));
  expect(all(db, AMOUNTS)).toEqual(all(db, AMOUNTS_BY_GROUP));
}

const manual = (shopId: number, over: Record<string, unknown> = {}) => ({
  shopId,
  orderNo: 'M-1',
  status: 'paid',
  orderedAt: '2026-03-05T14:02:00+08:00',
  buyerCountry: 'US',
  currency: 'USD',
  customsMode: '9610',
  fulfilment: 'self',
  shipping: '5.00',
  discount: '1.50',
  lines: [
    { sku: 'CUP-1', itemName: '陶瓷杯', quantity: 2, unitPrice: '12.99' },
    { sku: 'LAMP-1', itemName: '台灯', quantity: 1, unitPrice: '30.00' },
  ],
  ...over,
});

describe('dashboard aggregates kept by the write path', () => {
  it('are kept by triggers that exist at the latest schema (a table rebuild must re-create them)', async () => {
    const { ws } = await setup();
    expect(
      ws.read
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%month_totals%' ORDER BY name")
        .pluck()
        .all(),
    ).toEqual([
      'order_month_totals_ad',
      'order_month_totals_ai',
      'order_month_totals_au',
      'sku_month_totals_ad',
      'sku_month_totals_ai',
      'sku_month_totals_au',
      'sku_month_totals_order_au',
    ]);
  });

  it('equal a GROUP BY over the orders after imports, the same file again, a status mapping, edits and customs modes', async () => {
    const { ws, dispatch } = await setup();
    const db = ws.read;
    for (const name of ['shopify-orders-usd.csv', 'amazon-all-orders-us.txt', 'amazon-all-orders-mcf-pending.txt']) {
      const p = await ok<ImportPreview>(dispatch, 'imports.preview', file(name));
      await ok(dispatch, 'imports.confirm', { previewId: p.previewId, acceptValidRows: true });
      expectAggregatesMatch(db);
    }
    // an ERP file with a status word no table knows: stored as unknown, then mapped (re-classified)
    const erp = await ok<ImportPreview>(dispatch, 'imports.preview', file('erp-orders-status-words-gb18030.csv'));
    await ok(dispatch, 'imports.confirm', { previewId: erp.previewId, acceptValidRows: true });
    expectAggregatesMatch(db);
    const before = all(db, AGGREGATE);
    expect(before.some((r) => r[5] === 'unknownStatus')).toBe(true);
    const shopId = Number(
      db.prepare("SELECT shop_id FROM orders WHERE platform_status = '已核销' LIMIT 1").pluck().get(),
    );
    await ok(dispatch, 'statuses.map', { shopId, word: '已核销', status: 'delivered' });
    expectAggregatesMatch(db);
    expect(all(db, AGGREGATE).filter((r) => r[5] === 'unknownStatus').length).toBeLessThan(
      before.filter((r) => r[5] === 'unknownStatus').length,
    );

    // the same files again change nothing
    const again = await ok<ImportPreview>(dispatch, 'imports.preview', file('shopify-orders-usd.csv'));
    await ok(dispatch, 'imports.confirm', { previewId: again.previewId, acceptValidRows: true });
    expectAggregatesMatch(db);

    // a manual order, then its correction: another month, currency, country, lines; then cancelled
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'manual',
      name: '线下',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    });
    const saved = await ok<{ id: number }>(dispatch, 'orders.save', manual(shop.id));
    expectAggregatesMatch(db);
    await ok(
      dispatch,
      'orders.save',
      manual(shop.id, {
        id: saved.id,
        orderedAt: '2026-04-30T23:59:00+08:00',
        currency: 'EUR',
        buyerCountry: 'DE',
        lines: [{ sku: 'CUP-1', itemName: '陶瓷杯', quantity: 5, unitPrice: '9.00' }],
      }),
    );
    expectAggregatesMatch(db);
    await ok(dispatch, 'orders.save', manual(shop.id, { id: saved.id, status: 'cancelled' }));
    expectAggregatesMatch(db);

    // customs mode on every order at once
    const ids = db.prepare('SELECT id FROM orders').pluck().all() as number[];
    await ok(dispatch, 'orders.setCustomsMode', { ids, mode: '9810' });
    expectAggregatesMatch(db);
    expect(new Set(all(db, AGGREGATE).map((r) => r[4]))).toEqual(new Set(['9810']));

    // deletes (no command deletes orders today; the triggers still follow them): lines first, and an order alone
    ws.uow.run('test.delete', (tx) => {
      const first = Number(
        tx.db
          .prepare(
            'SELECT min(id) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_changes c WHERE c.order_id = o.id)',
          )
          .pluck()
          .get(),
      );
      tx.db.prepare('DELETE FROM order_lines WHERE order_id = ?').run(first);
      tx.db.prepare('DELETE FROM orders WHERE id = ?').run(first);
    });
    expectAggregatesMatch(db);
    expect(Number(db.prepare('SELECT count(*) FROM order_month_totals WHERE orders <= 0').pluck().get())).toBe(0);
  });

  it('are backfilled by the migration from the orders a ledger already holds', () => {
    const db = new Database(':memory:');
    const migrations = loadMigrations();
    const at = migrations.findIndex((m) => m.name === 'dashboard-month-totals');
    expect(at).toBeGreaterThan(0);
    for (const m of migrations.slice(0, at)) db.exec(m.sql);
    db.prepare(
      "INSERT INTO shops (id, platform, name, currency, time_zone) VALUES (1, 'amazon', 'US', 'USD', 'America/Los_Angeles')",
    ).run();
    db.prepare("INSERT INTO line_texts (id, sku, item_name) VALUES (1, 'A', 'a'), (2, 'B', 'b')").run();
    const order =
      db.prepare(`INSERT INTO orders (id, shop_id, platform, order_no, status, platform_status, ordered_at, ordered_at_utc,
      buyer_country, currency, customs_mode, goods, discount, shipping, gift_wrap, tax_on_top, gross, refunded, units, exclusion,
      origin, revision, content_hash) VALUES (?, 1, 'amazon', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, 'import', 1, 'x')`);
    const line =
      db.prepare(`INSERT INTO order_lines (order_id, line_key, sku, item_name, text_id, quantity, line_total, discount,
      tax_on_top, shipping, gift_wrap, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)`);
    order.run(
      1,
      'A1',
      'shipped',
      'Shipped',
      '2026-01-31T23:00:00-08:00',
      '2026-02-01T07:00:00.000Z',
      'US',
      'USD',
      '9610',
      1000,
      1000,
      0,
      2,
      null,
    );
    order.run(
      2,
      'A2',
      'cancelled',
      'Cancelled',
      '2026-02-01T10:00:00-08:00',
      '2026-02-01T18:00:00.000Z',
      'CA',
      'USD',
      null,
      500,
      500,
      0,
      1,
      'cancelled',
    );
    order.run(
      3,
      'A3',
      'pending',
      'Pending',
      '2026-02-02T10:00:00-08:00',
      '2026-02-02T18:00:00.000Z',
      null,
      null,
      null,
      null,
      null,
      0,
      1,
      'amountsUnknown',
    );
    order.run(
      4,
      'A4',
      'refunded',
      'Refunded',
      '2026-02-03T10:00:00-08:00',
      '2026-02-03T18:00:00.000Z',
      'US',
      'USD',
      '9610',
      700,
      700,
      700,
      1,
      null,
    );
    line.run(1, 'a', 'A', 'a', 1, 1, 600, 100, 0);
    line.run(1, 'b', 'B', 'b', 2, 1, 400, 0, 1);
    line.run(2, 'a', 'A', 'a', 1, 1, 500, 0, 0);
    line.run(3, 'a', 'A', 'a', 1, 1, null, null, 0);
    line.run(4, 'b', 'B', 'b', 2, 1, 700, 0, 0);
    db.exec(migrations[at]!.sql);
    expectAggregatesMatch(db);
    expect(all(db, SKU_AGGREGATE)).toEqual([
      ['2026-01', 'A', 1, 1, 0],
      ['2026-02', 'B', 1, 1, 0],
    ]);
    expect(all(db, AMOUNTS)).toEqual([
      ['A', '2026-01', 'USD', 1, 500, 0],
      ['B', '2026-02', 'USD', 1, 700, 0],
    ]);
    // and the triggers follow later writes
    db.prepare("UPDATE orders SET exclusion = NULL, status = 'shipped' WHERE id = 2").run();
    db.prepare("UPDATE order_lines SET cancelled = 0 WHERE order_id = 1 AND line_key = 'b'").run();
    expectAggregatesMatch(db);
    db.close();
  });

  it('hold under random sequences of writes (property)', async () => {
    const { ws, dispatch, incidents } = await setup();
    let next = 0;
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'manual',
      name: 'M',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    });
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('save' as const),
        target: fc.nat(20),
        status: fc.constantFrom('paid', 'shipped', 'cancelled', 'unpaid', 'refunded', 'pending'),
        month: fc.constantFrom('2025-12', '2026-01', '2026-02'),
        currency: fc.constantFrom('USD', 'EUR', 'JPY'),
        country: fc.constantFrom('US', 'DE', null),
        mode: fc.constantFrom('9610', '9810', null),
        lines: fc.array(
          fc.record({
            sku: fc.constantFrom('A', 'B', 'C'),
            quantity: fc.integer({ min: 1, max: 5 }),
            price: fc.nat(5000),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      fc.record({
        kind: fc.constant('mode' as const),
        target: fc.nat(20),
        mode: fc.constantFrom('9610', '9710', '1210'),
      }),
      fc.record({ kind: fc.constant('delete' as const), target: fc.nat(20) }),
    );
    const seed = Number(process.env.SEED ?? Date.now() % 100_000);
    console.log(`dashboard aggregates property: seed ${seed}`);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const ids = ws.read.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[];
          const target = ids.length > 0 ? ids[o.target % ids.length] : undefined;
          // an order with a change history cannot go (order_changes is append-only and points at it)
          const deletable = ws.read
            .prepare(
              'SELECT id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_changes c WHERE c.order_id = o.id) ORDER BY id',
            )
            .pluck()
            .all() as number[];
          if (o.kind === 'save') {
            const edit = target !== undefined && o.target % 2 === 0;
            await ok(dispatch, 'orders.save', {
              ...manual(shop.id, {
                orderNo: edit
                  ? String(ws.read.prepare('SELECT order_no FROM orders WHERE id = ?').pluck().get(target))
                  : `P-${++next}`,
                status: o.status,
                orderedAt: `${o.month}-15T10:00:00+08:00`,
                currency: o.currency,
                ...(o.currency === 'JPY' ? { shipping: '500', discount: '150' } : {}),
                buyerCountry: o.country,
                customsMode: o.mode,
                lines: o.lines.map((l) => ({
                  sku: l.sku,
                  itemName: l.sku,
                  quantity: l.quantity,
                  unitPrice: o.currency === 'JPY' ? String(l.price) : (l.price / 100).toFixed(2),
                })),
              }),
              ...(edit ? { id: target } : {}),
            });
          } else if (o.kind === 'mode' && target !== undefined) {
            await ok(dispatch, 'orders.setCustomsMode', { ids: [target], mode: o.mode });
          } else if (o.kind === 'delete' && deletable.length > 0) {
            const gone = deletable[o.target % deletable.length];
            ws.uow.run('test.delete', (tx) => {
              // lines first (foreign keys on), or the order first with its lines still there (keys deferred)
              if (o.target % 2 === 0) tx.db.prepare('DELETE FROM order_lines WHERE order_id = ?').run(gone);
              else tx.db.pragma('defer_foreign_keys = ON');
              tx.db.prepare('DELETE FROM orders WHERE id = ?').run(gone);
              tx.db.prepare('DELETE FROM order_lines WHERE order_id = ?').run(gone);
            });
          }
          expect(incidents).toEqual([]);
          expectAggregatesMatch(ws.read);
        }
      }),
      { seed, numRuns: 15 },
    );
  });
});

describe('dashboard.summary', () => {
  it('reads the period from the aggregates and agrees with sums over the sold orders', async () => {
    const { ws, dispatch } = await setup();
    for (const name of ['shopify-orders-usd.csv', 'amazon-all-orders-us.txt', 'erp-orders-utf8-bom.csv']) {
      const p = await ok<ImportPreview>(dispatch, 'imports.preview', file(name));
      await ok(dispatch, 'imports.confirm', { previewId: p.previewId, acceptValidRows: true });
    }
    const db = ws.read;
    const s = await ok<DashboardSummary>(dispatch, 'dashboard.summary', {});
    const last = String(db.prepare('SELECT max(substr(ordered_at, 1, 7)) FROM orders').pluck().get());
    expect(s.to).toBe(last);
    expect(s.byMonth).toHaveLength(12);
    const inPeriod = `exclusion IS NULL AND substr(ordered_at, 1, 7) BETWEEN '${s.from}' AND '${s.to}'`;
    expect(s.totals.orders).toBe(Number(db.prepare(`SELECT count(*) FROM orders WHERE ${inPeriod}`).pluck().get()));
    expect(s.totals.orders).toBeGreaterThan(0);
    const byCountry = all(
      db,
      `SELECT buyer_country, currency, count(*), sum(gross) FROM orders WHERE ${inPeriod} AND gross IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const ours = s.byCountry.flatMap((g) =>
      Object.entries(g.gross).map(([cur, gross]) => [g.key, cur, gross] as const),
    );
    expect(ours.map(([k, c, g]) => [k, c, g]).sort()).toEqual(byCountry.map((r) => [r[0], r[1], r[3]]).sort());
    for (const m of s.byMonth) {
      const n = Number(
        db.prepare(`SELECT count(*) FROM orders WHERE ${inPeriod} AND substr(ordered_at, 1, 7) = ?`).pluck().get(m.key),
      );
      expect(m.orders).toBe(n);
    }
    const skuTop = all(
      db,
      `SELECT l.sku, sum(l.quantity) AS q FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE o.${inPeriod} AND l.cancelled = 0 GROUP BY l.sku ORDER BY q DESC, l.sku LIMIT 10`,
    );
    expect(s.topSkus.map((t) => [t.sku, t.quantity])).toEqual(skuTop);
    for (const top of s.topSkus) {
      const amounts = all(
        db,
        `SELECT o.currency, sum(l.line_total - coalesce(l.discount, 0)) FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.${inPeriod} AND l.cancelled = 0 AND l.line_total IS NOT NULL AND l.sku = '${top.sku}'
         GROUP BY 1 ORDER BY 1`,
      );
      expect(Object.entries(top.amount).sort()).toEqual(amounts);
    }
    const excluded = all(
      db,
      `SELECT exclusion, count(*) FROM orders WHERE exclusion IS NOT NULL AND substr(ordered_at, 1, 7) BETWEEN '${s.from}' AND '${s.to}' GROUP BY 1 ORDER BY 1`,
    );
    expect(Object.entries(s.excluded).sort()).toEqual(excluded);
    expect(s.stock).toEqual({ total: 0, quantity: 0, byWarehouse: [] });
    expect(s.receivables).toEqual([]);

    // an explicit period; an empty one gives zeros, not an error
    const empty = await ok<DashboardSummary>(dispatch, 'dashboard.summary', { from: '2001-01', to: '2001-03' });
    expect(empty.byMonth.map((m) => [m.key, m.orders])).toEqual([
      ['2001-01', 0],
      ['2001-02', 0],
      ['2001-03', 0],
    ]);
    expect(empty.topSkus).toEqual([]);
  });
});

describe('dashboard.summary receivables', () => {
  it('ages the open receivable in CNY as booked, from the day totals, like the ageing screen ages it in USD', async () => {
    const { ws, dispatch } = await setup();
    (ws as { clock: () => Date }).clock = () => new Date('2026-04-20T00:00:00Z');
    await ok(dispatch, 'rates.save', { currency: 'USD', date: '2026-03-05', rate: '7.1000', source: 'pboc' });
    await ok(dispatch, 'rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.1000', source: 'pboc' });
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'manual',
      name: 'S',
      site: null,
      currency: 'USD',
      timeZone: 'UTC',
    });
    await ok(
      dispatch,
      'orders.save',
      manual(shop.id, {
        orderNo: 'A-1',
        status: 'shipped',
        orderedAt: '2026-03-05T10:00:00Z',
        shipping: '0',
        discount: '0',
        lines: [{ sku: 'CUP', itemName: 'Cup', quantity: 1, unitPrice: '1000.00' }],
      }),
    );
    const csv =
      'Date,Type,Order ID,Amount,Currency\n2026-03-17,Payment,A-1,150.00,USD\n2026-03-17,Commission fee,A-1,-10.00,USD\n';
    const p = await ok<{ previewId: string }>(dispatch, 'payouts.preview', {
      fileName: 'p.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      source: 'payout-csv',
    });
    await ok(dispatch, 'payouts.confirm', { previewId: p.previewId });
    const screen = await ok<Array<{ currency: string; total: number; buckets: Record<string, number> }>>(
      dispatch,
      'settlement.receivablesAgeing',
      { asOf: '2026-04-20' },
    );
    const s = await ok<DashboardSummary>(dispatch, 'dashboard.summary', {});
    expect(s.asOf).toBe('2026-04-20');
    expect(screen).toHaveLength(1);
    // the same open receivable, in CNY at the booking rate 7.1000
    const booked = Math.round((screen[0]!.total * 71_000) / 10_000);
    expect(s.receivables).toEqual([
      {
        currency: 'USD',
        total: booked,
        buckets: { '0-30': 0, '31-60': booked, '61-90': 0, '91-180': 0, '181-365': 0, '365+': 0 },
      },
    ]);
    expect(screen[0]!.buckets['31-60']).toBe(screen[0]!.total);
  });
});
