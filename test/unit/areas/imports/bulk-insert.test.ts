import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { openLedger, type Db } from '../../../../src-main/db/open-ledger.ts';
import { UnitOfWork } from '../../../../src-main/db/unit-of-work.ts';
import { writeImport, type ImportItem } from '../../../../src-main/areas/imports/import-store.ts';
import { isRowError, normaliseImported } from '../../../../src-main/areas/orders/order-content.ts';
import { OrderWriter } from '../../../../src-main/areas/orders/order-store.ts';
import { listOrders } from '../../../../src-main/areas/orders/order-list-query.ts';
import { insertShop } from '../../../../src-main/areas/company/shop-store.ts';
import type { ImportedOrder } from '../../../../src-main/core/orders/order.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { amazonOrder, fee, line, m } from '../orders/order-fixtures.ts';

// An import writes its new orders together (OrderWriter.insertMany: multi-row INSERTs of 50 rows,
// issue 19): the rows, the triggers' month totals, the search index and the outbox must be what
// writing them one by one gives, also into a ledger that already holds orders.

const open: Db[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const SHA = 'b'.repeat(64);

async function ledger() {
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
  const items = (orders: readonly ImportedOrder[]): ImportItem[] =>
    orders.map((o) => {
      const content = normaliseImported(o);
      if (isRowError(content)) throw new Error(content.code);
      return { content, shopId: shop.id };
    });
  const importFile = (orders: readonly ImportedOrder[]) =>
    uow.run('imports.confirm', (tx) =>
      writeImport(
        tx,
        {
          source: 'amazon-orders',
          fileName: 'orders.txt',
          fileSha256: SHA,
          encoding: 'utf-8',
          rowCount: orders.length,
          rejected: 0,
        },
        items(orders),
      ),
    );
  return { db, uow, shop, items, importFile };
}

/** Orders with one, two or three lines (a few SKUs shared), some with fees, a refund, a cancelled order. */
function orders(from: number, n: number, sku = 'SKU'): ImportedOrder[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const lines = Array.from({ length: 1 + (i % 3) }, (_, j) =>
      line({
        lineKey: `${sku}-${(i + j) % 7}#${j + 1}`,
        sku: `${sku}-${(i + j) % 7}`,
        itemName: `${sku} 保温杯 ${(i + j) % 7}`,
        quantity: 1 + j,
        lineTotal: m(1000 + i * 10 + j),
        sourceRow: i + 2,
      }),
    );
    return amazonOrder(i, {
      lines,
      fees: i % 4 === 0 ? [fee('commission', 'Commission', -150 - i)] : [],
      refunded: i % 11 === 0 ? m(500) : m(0),
      ...(i % 13 === 0 ? { platformStatus: 'Cancelled' } : {}),
    });
  });
}

const rows = (db: Db, sql: string) => db.prepare(sql).all();
const TABLES = {
  orders: 'SELECT * FROM orders ORDER BY id',
  order_lines: 'SELECT * FROM order_lines ORDER BY id',
  order_fees: 'SELECT * FROM order_fees ORDER BY id',
  order_refunds: 'SELECT * FROM order_refunds ORDER BY id',
  line_texts: 'SELECT * FROM line_texts ORDER BY id',
  outbox: 'SELECT kind, idempotency_key, payload FROM outbox ORDER BY id',
  order_month_totals: 'SELECT * FROM order_month_totals',
  sku_month_totals: 'SELECT * FROM sku_month_totals',
  sku_month_amounts: 'SELECT * FROM sku_month_amounts',
};

/** The month totals computed from scratch (migration 0017's backfill), next to what the triggers kept. */
function expectTotalsFromScratch(db: Db): void {
  expect(
    rows(
      db,
      `SELECT substr(ordered_at, 1, 7) AS month, shop_id, coalesce(currency, '') AS currency, coalesce(buyer_country, '') AS country,
        coalesce(customs_mode, '') AS customs_mode, coalesce(exclusion, '') AS exclusion, count(*) AS orders, sum(units) AS units,
        coalesce(sum(gross), 0) AS gross, sum(refunded) AS refunded, sum(gross IS NULL) AS unknown_amounts
      FROM orders GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
  ).toEqual(rows(db, 'SELECT * FROM order_month_totals ORDER BY 1, 2, 3, 4, 5, 6'));
  expect(
    rows(
      db,
      `SELECT substr(o.ordered_at, 1, 7) AS month, l.sku, count(*) AS lines, sum(l.quantity) AS quantity, sum(l.line_total IS NULL) AS unknown_lines
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.exclusion IS NULL AND l.cancelled = 0 GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  ).toEqual(rows(db, 'SELECT * FROM sku_month_totals ORDER BY 1, 2'));
  expect(
    rows(
      db,
      `SELECT l.sku, substr(o.ordered_at, 1, 7) AS month, coalesce(o.currency, '') AS currency, count(*) AS lines,
        coalesce(sum(l.line_total - coalesce(l.discount, 0)), 0) AS amount, sum(l.line_total IS NULL) AS unknown_lines
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.exclusion IS NULL AND l.cancelled = 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ),
  ).toEqual(rows(db, 'SELECT * FROM sku_month_amounts ORDER BY 1, 2, 3'));
}

function expectConsistent(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // the trigram index holds exactly the line texts (throws SQLITE_CORRUPT_VTAB otherwise)
  db.prepare("INSERT INTO line_texts_fts (line_texts_fts, rank) VALUES ('integrity-check', 1)").run();
  expectTotalsFromScratch(db);
}

describe('an import writes its new orders together', () => {
  it('gives the same rows, totals, search index and outbox rows as writing them one by one', async () => {
    const batch = orders(0, 137); // two statements of 50 and one of 37
    const bulk = await ledger();
    expect(bulk.importFile(batch)).toMatchObject({ new: 137, updated: 0, unchanged: 0 });

    const single = await ledger();
    single.uow.run('imports.confirm', (tx) => {
      const importId = Number(
        tx.db
          .prepare(
            `INSERT INTO imports (command_id, source, file_name, file_sha256, encoding, row_count, order_count, line_count, rejected_count, at)
            VALUES (?, 'amazon-orders', 'orders.txt', ?, 'utf-8', ?, 0, 0, 0, ?)`,
          )
          .run(tx.commandId, SHA, batch.length, tx.now).lastInsertRowid,
      );
      const w = new OrderWriter(tx, 'import');
      for (const { content: c, shopId } of single.items(batch)) {
        const id = w.insert(
          c,
          { shopId, origin: 'import', contentHash: c.hash, importId, customsMode: null },
          c.refunded,
        );
        if (c.fees.length > 0) w.setFees(id, 'amazon-orders', c.fees, c.currency ?? '', importId);
        if (c.refunded !== 0) w.setRefund(id, 'amazon-orders', c.refunded, c.currency ?? '', importId);
      }
    });
    for (const [table, sql] of Object.entries(TABLES)) expect(rows(bulk.db, sql), table).toEqual(rows(single.db, sql));
    expect(rows(bulk.db, TABLES.outbox)).toHaveLength(137);
    expectConsistent(bulk.db);
  });

  it('into a ledger with orders: new, changed and unchanged orders interleaved keep every index consistent, and search finds the new ones', async () => {
    const { db, importFile } = await ledger();
    const existing = orders(0, 60);
    importFile(existing);
    const changed = amazonOrder(7, {
      lines: [line({ lineKey: 'SKU-9#1', sku: 'SKU-9', lineTotal: m(4242), sourceRow: 9 })],
    });
    const file = [...orders(1000, 45, 'NEW'), changed, existing[8]!, ...orders(2000, 77, 'NEW'), existing[9]!];
    expect(importFile(file)).toMatchObject({ new: 122, updated: 1, unchanged: 2 });
    expectConsistent(db);
    expect(Number(db.prepare('SELECT count(*) FROM orders').pluck().get())).toBe(182);
    // one outbox row per new order (revision 1) and the changed order's second revision, in file order
    const keys = db.prepare('SELECT idempotency_key FROM outbox ORDER BY id').pluck().all().slice(60) as string[];
    expect(keys).toEqual([
      ...orders(1000, 45).map((o) => `orders:amazon:${o.orderNo}:v1`),
      `orders:amazon:${changed.orderNo}:v2`,
      ...orders(2000, 77).map((o) => `orders:amazon:${o.orderNo}:v1`),
    ]);
    // the search (trigram index on the line texts) finds orders of the import by SKU and by item name
    const found = (q: string) =>
      listOrders(db, { filter: { q }, limit: 500 })
        .items.map((i) => i.orderNo)
        .sort();
    const withNew3 = [...orders(1000, 45, 'NEW'), ...orders(2000, 77, 'NEW')]
      .filter((o) => o.lines.some((l) => l.sku === 'NEW-3'))
      .map((o) => o.orderNo)
      .sort();
    expect(withNew3.length).toBeGreaterThan(0);
    expect(found('NEW-3')).toEqual(withNew3);
    expect(found('NEW 保温杯 3')).toEqual(withNew3);
    // each order's lines are its own
    const lineOwners = db
      .prepare(
        "SELECT o.order_no, group_concat(l.line_key, ',') AS keys FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.order_no = ? GROUP BY o.id",
      )
      .get(file[50]!.orderNo) as { keys: string };
    expect(lineOwners.keys.split(',').sort()).toEqual(file[50]!.lines.map((l) => l.lineKey).sort());
  });

  it('leaves the ledger as it was when a later statement of the import fails', async () => {
    const { db, uow, items, importFile } = await ledger();
    importFile(orders(0, 10));
    const before = Object.fromEntries(Object.entries(TABLES).map(([t, sql]) => [t, rows(db, sql)]));
    const bad = items(orders(100, 120));
    // past the orders CHECK on the order number's length: the third multi-row statement fails
    bad[110] = { ...bad[110]!, content: { ...bad[110]!.content, orderNo: 'x'.repeat(61) } };
    expect(() =>
      uow.run('imports.confirm', (tx) =>
        writeImport(
          tx,
          {
            source: 'amazon-orders',
            fileName: 'bad.txt',
            fileSha256: SHA,
            encoding: 'utf-8',
            rowCount: 120,
            rejected: 0,
          },
          bad,
        ),
      ),
    ).toThrow(/CHECK constraint/);
    for (const [table, sql] of Object.entries(TABLES)) expect(rows(db, sql), table).toEqual(before[table]);
    expectConsistent(db);
  });
});
