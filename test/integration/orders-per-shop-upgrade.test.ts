/**
 * Migration 0012 on a real workspace: a ledger at schema 11 (orders unique per platform + number,
 * amounts NOT NULL) moves over with every order, line and id kept; orders become unique per shop
 * + number (two stores' #1058 may then coexist), unknown amounts may be NULL, and Shopify orders
 * with a pending or authorized payment, excluded before, count as sales as the sale rule says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { defaultMigrationsDir, loadMigrations } from '../../src-main/db/migrate.ts';
import { tempDir } from '../helpers/workspace.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function migrationsUpTo(version: number): string {
  const dir = tempDir('kuajing-mig-');
  for (const m of loadMigrations().filter((x) => x.version <= version)) {
    const f = `${String(m.version).padStart(4, '0')}-${m.name}.sql`;
    fs.copyFileSync(path.join(defaultMigrationsDir(), f), path.join(dir, f));
  }
  return dir;
}

async function open(dataDir: string, migrationsDir?: string): Promise<Workspace> {
  const ws = await openWorkspace({ dataDir, host: 'test', ...(migrationsDir ? { migrationsDir } : {}) });
  opened.push(ws);
  return ws;
}

const ORDER_COLS = `shop_id, platform, order_no, status, platform_status, sales_channel, ordered_at, ordered_at_utc, buyer_country, currency,
  customs_mode, fulfilment, goods, discount, shipping, gift_wrap, tax_on_top, gross, refunded, units, exclusion, origin, revision, content_hash`;

describe('migration 0012 orders per shop', () => {
  it('moves a schema-11 ledger over with every order and line, keyed by shop + number from then on', async () => {
    const dataDir = tempDir();
    const v11 = await open(dataDir, migrationsUpTo(11));
    expect(v11.read.pragma('user_version', { simple: true })).toBe(11);
    v11.uow.run('test.v11Orders', (tx) => {
      tx.db
        .prepare(
          "INSERT INTO shops (id, platform, name, site, currency, time_zone) VALUES (1, 'shopify', 'Store A', NULL, 'USD', 'America/New_York'), (2, 'shopify', 'Store B', NULL, 'GBP', 'Europe/London')",
        )
        .run();
      const ins = tx.db
        .prepare(`INSERT INTO orders (id, ${ORDER_COLS}) VALUES (?, ?, 'shopify', ?, ?, ?, NULL, '2026-04-01T10:00:00-04:00', '2026-04-01T14:00:00.000Z', 'US', 'USD',
        NULL, NULL, 2500, 0, 0, 0, 0, 2500, 0, 2, ?, 'import', 1, 'h')`);
      ins.run(7, 1, '#1058', 'paid', 'paid', null);
      ins.run(8, 1, '#1059', 'pending', 'authorized', 'pending');
      ins.run(9, 1, '#1060', 'cancelled', 'expired', 'cancelled');
      tx.db.prepare("INSERT INTO line_texts (id, sku, item_name) VALUES (1, 'MUG', 'Mug')").run();
      tx.db
        .prepare(
          `INSERT INTO order_lines (order_id, line_key, sku, item_name, text_id, quantity, unit_price, line_total, discount, tax_on_top, shipping, gift_wrap, cancelled)
        VALUES (7, 'MUG#1', 'MUG', 'Mug', 1, 2, 1250, 2500, 0, 0, 0, 0, 0)`,
        )
        .run();
    });
    v11.close();
    opened.pop();

    const ws = await open(dataDir);
    expect(ws.read.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(
      ws.read
        .prepare(
          'SELECT id, shop_id, order_no, status, exclusion, gross, stated_total, channel_order_no FROM orders ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 7,
        shop_id: 1,
        order_no: '#1058',
        status: 'paid',
        exclusion: null,
        gross: 2500,
        stated_total: null,
        channel_order_no: null,
      },
      {
        id: 8,
        shop_id: 1,
        order_no: '#1059',
        status: 'pending',
        exclusion: null,
        gross: 2500,
        stated_total: null,
        channel_order_no: null,
      },
      {
        id: 9,
        shop_id: 1,
        order_no: '#1060',
        status: 'unpaid',
        exclusion: null,
        gross: 2500,
        stated_total: null,
        channel_order_no: null,
      },
    ]);
    expect(ws.read.prepare('SELECT order_id, line_key, line_total FROM order_lines').all()).toEqual([
      { order_id: 7, line_key: 'MUG#1', line_total: 2500 },
    ]);
    expect(ws.read.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // the trigger 0012 re-created (later migrations add their own: 0017's dashboard totals, 0021's register rows)
    expect(
      (
        ws.read
          .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders'")
          .pluck()
          .all() as string[]
      ).filter((n) => !/^((order|sku)_month_totals_|register_)/.test(n)),
    ).toEqual(['payout_late_match_on_order']);
    // another store's #1058, and an order whose amounts are unknown, now fit
    ws.uow.run('test.v12Orders', (tx) => {
      tx.db
        .prepare(
          `INSERT INTO orders (${ORDER_COLS}) VALUES (2, 'shopify', '#1058', 'paid', 'paid', NULL, '2026-04-02T10:00:00+01:00', '2026-04-02T09:00:00.000Z', 'GB', 'GBP',
        NULL, NULL, 1800, 0, 200, 0, 0, 2000, 0, 1, NULL, 'import', 1, 'h')`,
        )
        .run();
      tx.db
        .prepare(
          `INSERT INTO orders (${ORDER_COLS}) VALUES (2, 'shopify', '#2000', 'pending', 'pending', NULL, '2026-04-02T10:00:00+01:00', '2026-04-02T09:00:00.000Z', 'GB', NULL,
        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 'amountsUnknown', 'import', 1, 'h')`,
        )
        .run();
    });
    expect(() =>
      ws.uow.run('test.duplicate', (tx) =>
        tx.db
          .prepare(
            `INSERT INTO orders (${ORDER_COLS}) VALUES (1, 'shopify', '#1058', 'paid', 'paid', NULL,
      '2026-04-02T10:00:00+01:00', '2026-04-02T09:00:00.000Z', 'GB', 'GBP', NULL, NULL, 1, 0, 0, 0, 0, 1, 0, 1, NULL, 'import', 1, 'h')`,
          )
          .run(),
      ),
    ).toThrow(/UNIQUE/);
    expect(ws.read.prepare("SELECT count(*) FROM orders WHERE order_no = '#1058'").pluck().get()).toBe(2);
  }, 60_000);
});
