/**
 * The netting statement's stored sums (issue 19, migration 0019): per-key totals and per-order
 * totals of a payout equal the GROUP BY over its lines — backfilled for payouts and late matches
 * stored before 0019, written by insertPayout, and by the late-match trigger for orders imported
 * after their payout (a second order of the same number matches nothing more).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../src-main/db/migrate.ts';
import { insertPayout } from '../../../../src-main/areas/settlement/settlement-payout-store.ts';
import { nettingStatement } from '../../../../src-main/areas/settlement/settlement-netting.ts';
import { asWriteDb } from '../../../../src-main/db/ports.ts';
import { minor } from '../../../../src-main/core/money/index.ts';
import { tempDir } from '../../../helpers/workspace.ts';

const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const MIGRATIONS = path.resolve(import.meta.dirname, '../../../../src-main/db/migrations');

const ORDER = `INSERT INTO orders (shop_id, platform, order_no, status, platform_status, ordered_at, ordered_at_utc, currency, fulfilment,
  goods, discount, shipping, gift_wrap, tax_on_top, gross, units, origin, revision, content_hash)
  VALUES (?, 'amazon', ?, 'shipped', 'Shipped', '2026-03-05', '2026-03-05T00:00:00.000Z', 'USD', 'platform', ?, 0, 0, 0, 0, ?, 1, 'import', 1, 'h')`;

/** Expected sums straight from the lines (a line's order: at import, else its late match). */
function fromLines(db: Database.Database) {
  return {
    keys: db
      .prepare(
        'SELECT key_id, payout_id, sum(amount) AS amount, count(*) AS line_count FROM payout_lines GROUP BY key_id ORDER BY key_id',
      )
      .all(),
    orders: db
      .prepare(
        `SELECT l.payout_id, coalesce(l.order_id, m.order_id) AS order_id, sum(l.amount) AS amount, min(l.row) AS first_row, count(*) AS line_count
      FROM payout_lines l LEFT JOIN payout_late_matches m ON l.order_id IS NULL AND m.payout_id = l.payout_id AND m.order_no = l.order_no
      WHERE coalesce(l.order_id, m.order_id) IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all(),
  };
}
function stored(db: Database.Database) {
  return {
    keys: db.prepare('SELECT key_id, payout_id, amount, line_count FROM payout_key_totals ORDER BY key_id').all(),
    orders: db
      .prepare('SELECT payout_id, order_id, amount, first_row, line_count FROM payout_order_totals ORDER BY 1, 2')
      .all(),
  };
}

describe('payout netting totals (0019)', () => {
  it('backfills, writes with the payout and with each late match, and equals the GROUP BY over the lines', async () => {
    const dir = tempDir('kuajing-netting-totals-');
    const before = path.join(dir, 'migrations');
    fs.mkdirSync(before);
    for (const f of fs.readdirSync(MIGRATIONS).filter((f) => /^\d{4}-/.test(f) && f < '0019'))
      fs.copyFileSync(path.join(MIGRATIONS, f), path.join(before, f));
    const file = path.join(dir, 'ledger.sqlite');
    const db = new Database(file);
    opened.push(db);
    const opts = { file, backupDir: path.join(dir, 'backups'), now: () => new Date('2026-04-01T00:00:00Z') };
    await migrate(db, { ...opts, migrationsDir: before });
    expect(db.pragma('user_version', { simple: true })).toBe(18);

    // before 0019: a payout with lines of two keys, one order known at import, two numbers waiting
    db.prepare("INSERT INTO command_log (id, command, at) VALUES (1, 'test', '2026-03-18')").run();
    db.prepare(
      "INSERT INTO shops (id, platform, name, currency, time_zone) VALUES (1, 'amazon', 'S', 'USD', 'UTC'), (2, 'amazon', 'T', 'USD', 'UTC')",
    ).run();
    const known = Number(db.prepare(ORDER).run(1, 'A-1', 1000, 1000).lastInsertRowid);
    db.prepare(
      `INSERT INTO payouts (id, source, settlement_id, file_name, file_sha256, period_start, period_end, deposit_date, currency, deposit, line_count, unmatched_lines, command_id, imported_at)
      VALUES (1, 'amazon-settlement', 'P1', 'p1.txt', ?, '2026-03-01', '2026-03-15', '2026-03-17', 'USD', 0, 6, 4, 1, 'now')`,
    ).run('0'.repeat(64));
    db.prepare(
      "INSERT INTO payout_keys (id, payout_id, transaction_type, amount_type, amount_description, category, account) VALUES (1, 1, 'Order', 'ItemPrice', 'Principal', 'sales', '1122.USD'), (2, 1, 'Order', 'ItemFees', 'Commission', 'platformFees', '5601.01')",
    ).run();
    const line = db.prepare(
      'INSERT INTO payout_lines (payout_id, key_id, row, order_no, order_id, amount, cny) VALUES (1, ?, ?, ?, ?, ?, 0)',
    );
    line.run(1, 3, 'A-1', known, 1000);
    line.run(2, 4, 'A-1', known, -150);
    line.run(1, 5, 'B-1', null, 2000);
    line.run(2, 6, 'B-1', null, -300);
    line.run(1, 7, 'C-1', null, 500);
    line.run(2, 8, 'C-1', null, -75);
    db.prepare(ORDER).run(1, 'B-1', 2000, 2000); // late match under 0008
    await migrate(db, opts);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(19);
    expect(stored(db)).toEqual(fromLines(db));
    expect(stored(db).orders).toHaveLength(2);

    // after 0019: a late match through the new trigger, a second order of a matched number, a new payout
    const c1 = Number(db.prepare(ORDER).run(1, 'C-1', 500, 500).lastInsertRowid);
    db.prepare(ORDER).run(2, 'C-1', 9, 9); // the first order of a number matches; this one (another shop) does not
    const w = asWriteDb(db);
    const p2 = insertPayout(
      w,
      1,
      'now',
      {
        source: 'amazon-settlement',
        settlementId: 'P2',
        fileName: 'p2.txt',
        fileSha256: '1'.repeat(64),
        periodStart: '2026-03-01',
        periodEnd: '2026-03-15',
        depositDate: '2026-03-18',
        currency: 'USD',
        deposit: minor(1_175),
      },
      [
        { row: 9, orderId: c1, orderNo: 'C-1', amount: minor(700) },
        { row: 3, orderId: known, orderNo: 'A-1', amount: minor(600) },
        { row: 4, orderId: c1, orderNo: 'C-1', amount: minor(-125) },
        { row: 5, orderId: null, orderNo: 'Z-9', amount: minor(0) },
      ].map((l) => ({
        ...l,
        transactionType: 'Order',
        amountType: 'ItemPrice',
        amountDescription: 'Principal',
        category: 'sales' as const,
        account: '1122.USD',
        sku: null,
        postedAt: null,
        cny: minor(0),
      })),
      null,
    );
    expect(stored(db)).toEqual(fromLines(db));
    expect(stored(db).orders).toEqual(
      expect.arrayContaining([
        { payout_id: 1, order_id: c1, amount: 425, first_row: 7, line_count: 2 },
        { payout_id: p2, order_id: c1, amount: 575, first_row: 4, line_count: 2 },
      ]),
    );

    // the statement reads them: received per order in the order of the first line, gross per key
    const s = nettingStatement(db, 1);
    expect(s.declarations.map((d) => [d.orderNo, d.received])).toEqual([
      ['A-1', 850],
      ['B-1', 1700],
      ['C-1', 425],
    ]);
    expect(s.unmatched.payoutLines).toBe(0);
    expect(nettingStatement(db, p2).declarations.map((d) => [d.orderNo, d.received])).toEqual([
      ['A-1', 600],
      ['C-1', 575],
    ]);
  });
});
