/**
 * Issue 19 (import.amazon100k ≤ 4× bare): an import's batch of new orders leaves the per-row insert
 * triggers waiting (migration 0022, `bulk_write`) and keeps the derived tables set-based at the end
 * of the batch (BulkMaintenance). After bulk imports into a ledger that already holds orders, the
 * same file again, a file of changed and new orders interleaved, an edit and a customs mode, every
 * kept table equals its from-scratch computation: the month totals (0017's backfill), the payout
 * late matches and per-order totals (the first order of a waiting number, across shops; 0008/0019)
 * and the register rows (0021's views) — and `bulk_write` is empty again after each command.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../../../src-main/db/open-ledger.ts';
import { UnitOfWork } from '../../../../src-main/db/unit-of-work.ts';
import { verifyAudit } from '../../../../src-main/db/audit-chain.ts';
import { writeImport } from '../../../../src-main/areas/imports/import-store.ts';
import { isRowError, normaliseImported } from '../../../../src-main/areas/orders/order-content.ts';
import { setCustomsMode } from '../../../../src-main/areas/orders/order-store.ts';
import { insertShop } from '../../../../src-main/areas/company/shop-store.ts';
import type { ImportedOrder } from '../../../../src-main/core/orders/order.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { amazonOrder, fee, line, m } from './order-fixtures.ts';

const open: Db[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** Orders over three months, sales and exclusions, known and unknown amounts, one to three lines. */
function orders(from: number, n: number, sku = 'SKU'): ImportedOrder[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const lines = Array.from({ length: 1 + (i % 3) }, (_, j) =>
      line({
        lineKey: `${sku}-${(i + j) % 5}#${j + 1}`,
        sku: `${sku}-${(i + j) % 5}`,
        quantity: 1 + j,
        lineTotal: i % 17 === 0 ? null : m(1000 + i * 10 + j),
        discount: m(j * 25),
        cancelled: i % 9 === 0 && j === 1,
        sourceRow: i + 2,
      }),
    );
    return amazonOrder(i, {
      orderedAt: `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}T10:15:00-08:00`,
      lines,
      fees: i % 4 === 0 ? [fee('commission', 'Commission', -150 - i)] : [],
      refunded: i % 11 === 0 ? m(500) : m(0),
      buyerCountry: i % 5 === 0 ? 'CA' : 'US',
      ...(i % 13 === 0 ? { platformStatus: 'Cancelled' } : i % 7 === 0 ? { platformStatus: 'Pending' } : {}),
    });
  });
}

const all = (db: Db, sql: string) => db.prepare(sql).all();

/** Every kept table next to its computation from the source rows. */
function expectKeptEqualsFromScratch(db: Db): void {
  expect(all(db, 'SELECT * FROM bulk_write')).toEqual([]);
  expect(
    all(
      db,
      `SELECT substr(ordered_at, 1, 7) AS month, shop_id, coalesce(currency, '') AS currency, coalesce(buyer_country, '') AS country,
        coalesce(customs_mode, '') AS customs_mode, coalesce(exclusion, '') AS exclusion, count(*) AS orders, sum(units) AS units,
        coalesce(sum(gross), 0) AS gross, sum(refunded) AS refunded, sum(gross IS NULL) AS unknown_amounts
      FROM orders GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
    'order_month_totals',
  ).toEqual(all(db, 'SELECT * FROM order_month_totals ORDER BY 1, 2, 3, 4, 5, 6'));
  expect(
    all(
      db,
      `SELECT substr(o.ordered_at, 1, 7) AS month, l.sku, count(*) AS lines, sum(l.quantity) AS quantity, sum(l.line_total IS NULL) AS unknown_lines
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.exclusion IS NULL AND l.cancelled = 0 GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    'sku_month_totals',
  ).toEqual(all(db, 'SELECT * FROM sku_month_totals ORDER BY 1, 2'));
  expect(
    all(
      db,
      `SELECT l.sku, substr(o.ordered_at, 1, 7) AS month, coalesce(o.currency, '') AS currency, count(*) AS lines,
        coalesce(sum(l.line_total - coalesce(l.discount, 0)), 0) AS amount, sum(l.line_total IS NULL) AS unknown_lines
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.exclusion IS NULL AND l.cancelled = 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ),
    'sku_month_amounts',
  ).toEqual(all(db, 'SELECT * FROM sku_month_amounts ORDER BY 1, 2, 3'));
  // every payout line waiting for its number matches the first order of that number (all orders came after the payout)
  expect(
    all(
      db,
      `SELECT l.payout_id, l.order_no, (SELECT min(id) FROM orders o WHERE o.order_no = l.order_no) AS order_id, count(*) AS line_count
      FROM payout_lines l WHERE l.order_id IS NULL AND l.order_no IN (SELECT order_no FROM orders) GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    'payout_late_matches',
  ).toEqual(all(db, 'SELECT payout_id, order_no, order_id, line_count FROM payout_late_matches ORDER BY 1, 2'));
  expect(
    all(
      db,
      `SELECT m.payout_id, m.order_id, sum(l.amount) AS amount, min(l.row) AS first_row, count(*) AS line_count
      FROM payout_late_matches m JOIN payout_lines l ON l.payout_id = m.payout_id AND l.order_no = m.order_no AND l.order_id IS NULL
      GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    'payout_order_totals',
  ).toEqual(
    all(db, 'SELECT payout_id, order_id, amount, first_row, line_count FROM payout_order_totals ORDER BY 1, 2'),
  );
  const LINES = 'ORDER BY ordered_at, order_no, document_id, line';
  expect(all(db, `SELECT * FROM register_list_lines ${LINES}`), 'register_list_lines').toEqual(
    all(db, `SELECT * FROM register_list_lines_source ${LINES}`),
  );
  const SIX = 'ORDER BY ordered_at_utc, order_id, outbox_id';
  expect(all(db, `SELECT * FROM register_six_items ${SIX}`), 'register_six_items').toEqual(
    all(db, `SELECT * FROM register_six_items_source ${SIX}`),
  );
}

async function ledger() {
  const { db } = await openLedger(path.join(tempDir(), 'ledger.sqlite'));
  open.push(db);
  const uow = new UnitOfWork(db, () => new Date('2026-04-20T08:00:00Z'));
  const shop = (name: string) =>
    uow.run('shops.save', (tx) =>
      insertShop(tx.db, {
        platform: 'amazon',
        name,
        site: 'Amazon.com',
        currency: 'USD',
        timeZone: 'America/Los_Angeles',
      }),
    ).id;
  const shops = [shop('Amazon.com'), shop('Amazon.com 2')];
  let files = 0;
  /** One import command; `shopOf` puts an order in the first or second shop. */
  const importFile = (list: readonly ImportedOrder[], shopOf: (k: number) => number = () => 0) =>
    uow.run('imports.confirm', (tx) =>
      writeImport(
        tx,
        {
          source: 'amazon-orders',
          fileName: `orders-${++files}.txt`,
          fileSha256: String(files).repeat(64).slice(0, 64),
          encoding: 'utf-8',
          rowCount: list.length,
          rejected: 0,
        },
        list.map((o, k) => {
          const content = normaliseImported(o);
          if (isRowError(content)) throw new Error(content.code);
          return { content, shopId: shops[shopOf(k)]! };
        }),
      ),
    );
  return { db, uow, shops, importFile };
}

/** A payout whose lines name order numbers not in the ledger yet (two lines each), and six items queued for some numbers. */
function waitingForOrders(db: Db, uow: UnitOfWork, numbers: readonly string[], sixItemsFor: readonly string[]) {
  uow.run('test.waiting', (tx) => {
    tx.db
      .prepare(
        `INSERT INTO payouts (id, source, settlement_id, file_name, file_sha256, period_start, period_end, deposit_date, currency, deposit,
          line_count, unmatched_lines, command_id, imported_at)
        VALUES (1, 'amazon-settlement', 'P1', 'p1.txt', ?, '2026-01-01', '2026-03-31', '2026-04-02', 'USD', 0, ?, ?, ?, 'now')`,
      )
      .run('0'.repeat(64), numbers.length * 2, numbers.length * 2, tx.commandId);
    tx.db
      .prepare(
        "INSERT INTO payout_keys (id, payout_id, transaction_type, amount_type, amount_description, category, account) VALUES (1, 1, 'Order', 'ItemPrice', 'Principal', 'sales', '1122.USD'), (2, 1, 'Order', 'ItemFees', 'Commission', 'platformFees', '5601.01')",
      )
      .run();
    const payoutLine = tx.db.prepare(
      'INSERT INTO payout_lines (payout_id, key_id, row, order_no, order_id, amount, cny) VALUES (1, ?, ?, ?, NULL, ?, 0)',
    );
    numbers.forEach((no, k) => {
      payoutLine.run(1, 2 * k + 3, no, 1000 + k);
      payoutLine.run(2, 2 * k + 4, no, -100 - k);
    });
    for (const no of sixItemsFor)
      tx.enqueue({
        kind: 'tax.sixItems',
        idempotencyKey: `tax.sixItems:${no}`,
        payload: {
          orderNo: no,
          exportDate: '2026-02-01',
          currency: 'USD',
          items: [{ amount: '12.50' }, { amount: '3.00' }],
        },
      });
  });
  expect(db.prepare("SELECT count(*) FROM outbox WHERE kind = 'tax.sixItems'").pluck().get()).toBe(sixItemsFor.length);
}

describe('a bulk import keeps the derived tables set-based', () => {
  it('leaves every kept table equal to its from-scratch computation after imports, a re-import, changes, an edit', async () => {
    const { db, uow, shops, importFile } = await ledger();
    const first = orders(0, 40);
    importFile(first);
    expectKeptEqualsFromScratch(db);

    // numbers a payout and the six items wait for: some in the next file twice (both shops, one batch)
    const next = orders(1000, 150, 'NEW');
    const waiting = [next[3]!.orderNo, next[60]!.orderNo, next[149]!.orderNo, 'NOT-IN-ANY-FILE'];
    waitingForOrders(db, uow, waiting, [next[3]!.orderNo, next[77]!.orderNo]);
    const twice = [next[3]!, next[60]!].map((o) => ({ ...o, lines: [line({ sku: 'OTHER', sourceRow: 9 })] }));
    // the second shop's copies of two waiting numbers come first in the file: the first order of a number (by id) matches
    expect(importFile([...twice, ...next], (k) => (k < 2 ? 1 : 0))).toMatchObject({ new: 152 });
    expect(db.prepare('SELECT count(*) FROM payout_late_matches').pluck().get()).toBe(3);
    expect(db.prepare('SELECT count(*) FROM register_six_items WHERE order_no = ?').pluck().get(next[3]!.orderNo)).toBe(
      2,
    );
    expectKeptEqualsFromScratch(db);

    // the same file again: nothing changes
    expect(importFile([...twice, ...next], (k) => (k < 2 ? 1 : 0))).toMatchObject({ new: 0, unchanged: 152 });
    expectKeptEqualsFromScratch(db);

    // changed orders between runs of new ones (several batches of new orders, small and large)
    const changed = [first[5]!, first[6]!].map((o) => ({
      ...o,
      platformStatus: 'Cancelled',
      lines: [line({ sku: 'SKU-9', lineTotal: m(4242), sourceRow: 9 })],
    }));
    expect(
      importFile([
        ...orders(3000, 3, 'SMALL'),
        changed[0]!,
        ...orders(4000, 60, 'BIG'),
        changed[1]!,
        ...orders(5000, 9),
      ]),
    ).toMatchObject({ new: 72, updated: 2 });
    expectKeptEqualsFromScratch(db);

    // single writes after a bulk one go through the per-row triggers again
    const ids = db.prepare('SELECT id FROM orders ORDER BY id DESC LIMIT 20').pluck().all() as number[];
    uow.run('orders.setCustomsMode', (tx) => setCustomsMode(tx, ids, '9610'));
    uow.run('test.edit', (tx) => {
      tx.db.prepare("UPDATE orders SET ordered_at = '2026-05-02T10:00:00-08:00' WHERE id = ?").run(ids[0]);
      tx.db.prepare('DELETE FROM order_lines WHERE order_id = ?').run(ids[1]);
    });
    expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(40 + 152 + 72);
    expect(shops).toHaveLength(2);
    expectKeptEqualsFromScratch(db);
    // the audit trail holds every row the bulk path wrote (bulk_write's row: taken and given back, '-')
    expect(verifyAudit(db)).toMatchObject({ ok: true, firstMismatch: null });
    expect(db.prepare("SELECT DISTINCT hash FROM audit_row WHERE tbl = 'bulk_write'").pluck().all()).toEqual(['-']);
  });
});
