/**
 * Issue 14, orders half, tried as a new user would with the CLI and files in the shapes real
 * exports have (test/fixtures/imports): nothing lost, nothing counted twice, every rejection named,
 * and a second import of any file changes nothing in the business tables.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cliWorkspace as workspace, json, kuajing } from '../helpers/cli.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/imports', name);

const BUSINESS_TABLES = [
  'shops',
  'orders',
  'order_lines',
  'order_fees',
  'order_refunds',
  'order_changes',
  'status_mappings',
  'line_texts',
];

/** Every row of the business tables, in id order: equal dumps mean the ledger is byte-for-byte the same there. */
function dump(dir: string): string {
  const db = new Database(path.join(dir, 'ledger.sqlite'), { readonly: true });
  try {
    return JSON.stringify(BUSINESS_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  } finally {
    db.close();
  }
}

function query<T>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dir, 'ledger.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const importJson = (dir: string, file: string, ...args: string[]) => {
  const r = kuajing('import', fixture(file), '--data-dir', dir, ...args, '--json');
  return { code: r.code, out: json(r.out), err: r.err };
};

describe('order imports that lose nothing and count nothing twice (CLI)', () => {
  it('keeps every order of an Amazon All Orders report with MCF and Pending rows; sales leave them out, amounts unknown', () => {
    const dir = workspace();
    const r = importJson(dir, 'amazon-all-orders-mcf-pending.txt');
    expect(r.code).toBe(0);
    expect(r.out).toMatchObject({
      orders: 6,
      rejected: [],
      new: 6,
      rows: { read: 8, imported: 8, rejected: 0, skipped: 0 },
    });
    const stats = json(kuajing('orders', 'stats', '--data-dir', dir, '--json').out);
    expect(stats).toMatchObject({ orders: 6, lines: 8, excluded: { pending: 2, otherChannel: 2 } });
    expect(stats.sales).toEqual({ USD: { orders: 2, units: 4, gross: 1999 + 3000 + 3998 - 300 + 499, refunded: 0 } });
    const list = json(kuajing('orders', 'list', '--data-dir', dir, '--sort', '-gross', '--json').out);
    const byNo = Object.fromEntries(
      list.items.map((o: { orderNo: string; gross: number | null; currency: string | null }) => [
        o.orderNo,
        [o.gross, o.currency],
      ]),
    );
    expect(byNo['113-1000002-0000002']).toEqual([null, 'USD']);
    expect(byNo['S01-1000004-0000004']).toEqual([null, null]);
    // unknown amounts sort apart, after every known one when sorting by amount descending
    expect(list.items.slice(-4).map((o: { gross: number | null }) => o.gross)).toEqual([null, null, null, null]);
    expect(query(dir, "SELECT channel_order_no FROM orders WHERE order_no = 'S01-1000004-0000004'")).toEqual([
      { channel_order_no: '#1058' },
    ]);
    const before = dump(dir);
    expect(importJson(dir, 'amazon-all-orders-mcf-pending.txt').out).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: 6,
    });
    expect(dump(dir)).toBe(before);
  }, 240_000);

  it('imports every order of a GB18030 ERP export with unknown status words; mapping a word moves its orders into sales and re-importing keeps it', () => {
    const dir = workspace();
    const r = importJson(dir, 'erp-orders-status-words-gb18030.csv');
    expect(r.code).toBe(0);
    expect(r.out).toMatchObject({ orders: 13, rejected: [], unknownStatuses: { 已核销: 2, 售后处理中: 1 } });
    let stats = json(kuajing('orders', 'stats', '--data-dir', dir, '--json').out);
    expect(stats).toMatchObject({
      orders: 13,
      excluded: { unknownStatus: 3 },
      unknownStatuses: { 已核销: 2, 售后处理中: 1 },
    });
    const salesBefore = stats.sales.USD.gross;

    const listed = json(kuajing('statuses', 'list', '--data-dir', dir, '--json').out);
    expect(listed.unknown.map((u: { word: string; orders: number }) => [u.word, u.orders])).toEqual([
      ['售后处理中', 1],
      ['已核销', 2],
    ]);
    const mapped = kuajing('statuses', 'map', '--data-dir', dir, '--word', '已核销', '--as', 'delivered', '--json');
    expect(mapped.code).toBe(0);
    expect(json(mapped.out)).toMatchObject({ word: '已核销', status: 'delivered', reclassified: 2 });
    stats = json(kuajing('orders', 'stats', '--data-dir', dir, '--json').out);
    expect(stats).toMatchObject({ excluded: { unknownStatus: 1 }, unknownStatuses: { 售后处理中: 1 } });
    // ERP2026040103: 30.00 + 12.50; ERP2026040104: 3 × 8.00 + 2.00 shipping
    expect(stats.sales.USD.gross - salesBefore).toBe(4250 + 2600);
    // each re-classified order carries the change in its history
    expect(
      query(
        dir,
        "SELECT c.field, c.old_value, c.new_value, c.cause FROM order_changes c JOIN orders o ON o.id = c.order_id WHERE o.order_no = 'ERP2026040103' ORDER BY c.id",
      ),
    ).toEqual([
      { field: 'status', old_value: 'unknown', new_value: 'delivered', cause: 'edit' },
      { field: 'exclusion', old_value: 'unknownStatus', new_value: null, cause: 'edit' },
    ]);
    const before = dump(dir);
    expect(importJson(dir, 'erp-orders-status-words-gb18030.csv').out).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: 13,
      unknownStatuses: { 售后处理中: 1 },
    });
    expect(dump(dir)).toBe(before);
  }, 240_000);

  it('counts Shopify orders that are not voided as sales, to the cent', () => {
    const dir = workspace();
    expect(importJson(dir, 'shopify-orders-payment-statuses.csv').code).toBe(0);
    const stats = json(kuajing('orders', 'stats', '--data-dir', dir, '--json').out);
    expect(stats.sales).toEqual({
      USD: { orders: 7, units: 11, gross: 3000 + 3000 + 1749 + 800 + 3750 + 3000 + 4250, refunded: 1250 + 3000 },
    });
    expect(stats.excluded).toMatchObject({ cancelled: 1, pending: 0 });
    const before = dump(dir);
    expect(importJson(dir, 'shopify-orders-payment-statuses.csv').out).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: 8,
    });
    expect(dump(dir)).toBe(before);
  }, 240_000);

  it('keeps two Shopify stores’ #1058 apart: each import names its shop, an import that could be either is refused', () => {
    const dir = workspace();
    expect(
      kuajing(
        'shops',
        'add',
        '--data-dir',
        dir,
        '--name',
        'Store A',
        '--platform',
        'shopify',
        '--currency',
        'USD',
        '--time-zone',
        'America/New_York',
      ).code,
    ).toBe(0);
    expect(
      kuajing(
        'shops',
        'add',
        '--data-dir',
        dir,
        '--name',
        'Store B',
        '--platform',
        'shopify',
        '--currency',
        'GBP',
        '--time-zone',
        'Europe/London',
      ).code,
    ).toBe(0);
    expect(
      json(kuajing('shops', 'list', '--data-dir', dir, '--json').out).map((s: { name: string }) => s.name),
    ).toEqual(['Store A', 'Store B']);
    expect(importJson(dir, 'shopify-store-a.csv', '--shop', 'Store A').out).toMatchObject({ new: 3 });
    const ambiguous = importJson(dir, 'shopify-store-b.csv');
    expect([ambiguous.code, ambiguous.out.error.code]).toEqual([1, 'imports.shopAmbiguous']);
    expect(importJson(dir, 'shopify-store-b.csv', '--shop', 'Store B').out).toMatchObject({ new: 2, updated: 0 });
    expect(
      query(
        dir,
        "SELECT s.name, o.currency, o.gross FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.order_no = '#1058' ORDER BY s.name",
      ),
    ).toEqual([
      { name: 'Store A', currency: 'USD', gross: 2500 },
      { name: 'Store B', currency: 'GBP', gross: 2000 },
    ]);
    expect(json(kuajing('orders', 'stats', '--data-dir', dir, '--json').out).orders).toBe(5);
    // the mapping CLI refuses to guess between shops too
    expect(
      json(kuajing('statuses', 'map', '--data-dir', dir, '--word', 'paid', '--as', 'paid', '--json').out).error.code,
    ).toBe('statuses.ambiguousShop');
  }, 240_000);

  it('imports ZAR and BDT exports whole and flags an order whose Total differs from its parts with both sums', () => {
    const dir = workspace();
    expect(importJson(dir, 'shopify-orders-zar.csv').out).toMatchObject({ orders: 3, rejected: [], new: 3 });
    const bdtDir = workspace();
    expect(importJson(bdtDir, 'shopify-orders-bdt.csv').out).toMatchObject({ orders: 3, rejected: [], new: 3 });
    expect(json(kuajing('orders', 'stats', '--data-dir', bdtDir, '--json').out).sales).toEqual({
      BDT: { orders: 3, units: 5, gross: 257000 + 105000 + 382000, refunded: 0 },
    });

    const caDir = workspace();
    const r = importJson(caDir, 'shopify-order-total-mismatch.csv');
    expect(r.code).toBe(0);
    expect(r.out.warnings).toEqual([
      {
        row: 2,
        orderNo: '#5012',
        code: 'import.order.totalMismatch',
        params: { orderNo: '#5012', currency: 'CAD', stated: '220.06', computed: '210.07', difference: '9.99' },
      },
    ]);
    expect(query(caDir, 'SELECT order_no, stated_total, gross, tax_on_top FROM orders ORDER BY order_no')).toEqual([
      { order_no: '#5012', stated_total: 22006, gross: 18476, tax_on_top: 2531 },
      { order_no: '#5013', stated_total: 3390, gross: 3000, tax_on_top: 390 },
    ]);
    const text = kuajing('import', fixture('shopify-order-total-mismatch.csv'), '--data-dir', caDir);
    expect(text.out).toContain('warning: order #5012 import.order.totalMismatch');
    expect(text.out).toContain('stated=220.06 computed=210.07 difference=9.99');
  }, 240_000);

  it('imports an Amazon Order Report, and a dry run fails the way the import would', () => {
    const dir = workspace();
    const dry = importJson(dir, 'amazon-order-report-us.txt', '--dry-run');
    expect(dry).toMatchObject({
      code: 0,
      out: { source: 'amazon-orders', orders: 2, new: 2, rejected: [], written: false },
    });
    expect(importJson(dir, 'amazon-order-report-us.txt').out).toMatchObject({ orders: 2, new: 2, lines: 3 });
    const before = dump(dir);
    expect(importJson(dir, 'amazon-order-report-us.txt').out).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(dump(dir)).toBe(before);
    // forced through the generic importer, the file maps no required column: the dry run fails as the import does
    const genericDry = importJson(dir, 'amazon-order-report-us.txt', '--source', 'generic', '--dry-run');
    const generic = importJson(dir, 'amazon-order-report-us.txt', '--source', 'generic');
    expect([genericDry.code, genericDry.out.error.code]).toEqual([1, 'imports.mappingIncomplete']);
    expect([generic.code, generic.out.error.code]).toEqual([1, 'imports.mappingIncomplete']);
  }, 240_000);

  it('exits 1 and writes nothing for a file whose every row is rejected, naming each order, row, column, code and value', () => {
    const dir = workspace();
    const before = dump(dir);
    for (const dry of [['--dry-run'], [], ['--accept-valid-rows']]) {
      const r = importJson(dir, 'shopify-orders-all-rejected.csv', ...dry);
      expect(r.code).toBe(1);
      expect(r.out.error.code).toBe('imports.allRowsRejected');
      expect(r.out.rejected).toEqual([
        { orderNo: '#7001', row: 2, column: 'Currency', code: 'import.row.badCurrency', value: 'ZZD' },
        { orderNo: '#7001', row: 3, column: null, code: 'import.row.orderHasErrors', value: null },
        { orderNo: '#7002', row: 4, column: 'Created at', code: 'import.row.badDate', value: '31/31/2026 10:00' },
      ]);
    }
    expect(dump(dir)).toBe(before);
    const text = kuajing('import', fixture('shopify-orders-all-rejected.csv'), '--data-dir', dir);
    expect(text.code).toBe(1);
    expect(text.out).toContain('rejected: order #7001 row 2 [Currency] import.row.badCurrency value "ZZD"');
    expect(text.out).toContain('rejected: order #7002 row 4 [Created at] import.row.badDate value "31/31/2026 10:00"');
  }, 240_000);
});
