import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openLedger, type Db } from '../../../../src-main/db/open-ledger.ts';
import { UnitOfWork } from '../../../../src-main/db/unit-of-work.ts';
import { writeImport } from '../../../../src-main/areas/imports/import-store.ts';
import { isRowError, normaliseImported } from '../../../../src-main/areas/orders/order-content.ts';
import { setCustomsMode } from '../../../../src-main/areas/orders/order-store.ts';
import {
  countOrders,
  listOrders,
  type OrderFilterInput,
  type OrderSortInput,
} from '../../../../src-main/areas/orders/order-list-query.ts';
import { insertShop } from '../../../../src-main/areas/company/shop-store.ts';
import { DomainError } from '../../../../src-main/core/domain-error.ts';
import type { Currency } from '../../../../src-main/core/money/index.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { seededRandom } from '../../../../src-main/core/random/seeded-random.ts';
import { amazonOrder, line, m } from './order-fixtures.ts';

const SEED = 20260305;
const SORTS: OrderSortInput[] = ['orderedAt', '-orderedAt', 'gross', '-gross', 'orderNo', '-orderNo'];

let db: Db;
let shops: number[] = [];

beforeAll(async () => {
  console.log(`order-list-query seed ${SEED}`);
  db = (await openLedger(path.join(tempDir(), 'ledger.sqlite'))).db;
  const uow = new UnitOfWork(db, () => new Date('2026-04-01T00:00:00Z'));
  const rnd = seededRandom(SEED).next;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  shops = uow.run('shops.save', (tx) => [
    insertShop(tx.db, {
      platform: 'amazon',
      name: 'Amazon.com',
      site: 'Amazon.com',
      currency: 'USD',
      timeZone: 'America/Los_Angeles',
    }).id,
    insertShop(tx.db, {
      platform: 'amazon',
      name: 'Amazon.co.jp',
      site: 'Amazon.co.jp',
      currency: 'JPY',
      timeZone: 'Asia/Tokyo',
    }).id,
    insertShop(tx.db, { platform: 'erp', name: 'ERP', site: null, currency: 'CNY', timeZone: 'Asia/Shanghai' }).id,
  ]);
  const items = Array.from({ length: 1500 }, (_, i) => {
    const shop = i % 3;
    const erp = shop === 2;
    const day = String(1 + Math.floor(rnd() * 20)).padStart(2, '0');
    const hour = String(Math.floor(rnd() * 24)).padStart(2, '0');
    // a few instants repeat so that ties on the sort value are exercised
    const orderedAt =
      i % 10 === 0
        ? '2026-03-10T12:00:00+08:00'
        : `2026-03-${day}T${hour}:30:00${pick(['-08:00', '+09:00', '+08:00', 'Z'])}`;
    const skus = ['SKU-1', 'SKU-2', 'cup-RED', '杯子-3', 'MUG-9'];
    const names = ['红色陶瓷杯', 'Blue mug', '保温杯 Thermos', 'Teapot 茶壶'];
    const lines = Array.from({ length: 1 + (i % 2) }, (_, k) => {
      const sku = pick(skus);
      return line({
        lineKey: `${sku}#${k + 1}`,
        sku,
        itemName: pick(names),
        lineTotal: m(pick([0, 999, 1999, 2999])),
        quantity: 1 + k,
      });
    });
    const order = amazonOrder(i, {
      platform: erp ? 'erp' : 'amazon',
      orderNo: erp
        ? `ERP${String(i).padStart(5, '0')}`
        : `112-${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}-${i}`,
      platformStatus: erp
        ? pick(['已发货', '已取消', '未付款'])
        : pick(['Shipped', 'Shipped', 'Cancelled', 'Pending', 'Unshipped']),
      orderedAt,
      buyerCountry: pick(['US', 'JP', 'DE', null]),
      currency: (['USD', 'JPY', 'CNY'] as Currency[])[shop]!,
      lines,
    });
    const content = normaliseImported(order);
    if (isRowError(content)) throw new Error(content.code);
    return { content, shopId: shops[shop]! };
  });
  uow.run('imports.confirm', (tx) =>
    writeImport(
      tx,
      {
        source: 'amazon-orders',
        fileName: 'x',
        fileSha256: 'e'.repeat(64),
        encoding: 'utf-8',
        rowCount: 1500,
        rejected: 0,
      },
      items,
    ),
  );
  const ids = db.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[];
  uow.run('orders.setCustomsMode', (tx) =>
    setCustomsMode(
      tx,
      ids.filter((id) => id % 3 === 0),
      '9610',
    ),
  );
  uow.run('orders.setCustomsMode', (tx) =>
    setCustomsMode(
      tx,
      ids.filter((id) => id % 7 === 0),
      '9810',
    ),
  );
});
afterAll(() => db.close());

/** The same filter as plain SQL without any index tricks: the reference the pages must equal. */
function expected(f: OrderFilterInput, sort: OrderSortInput): number[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.shopId !== undefined) {
    where.push('shop_id = ?');
    params.push(f.shopId);
  }
  if (f.status !== undefined) {
    where.push('status = ?');
    params.push(f.status);
  }
  if (f.customsMode !== undefined) {
    where.push('customs_mode = ?');
    params.push(f.customsMode);
  }
  if (f.country !== undefined) {
    where.push('buyer_country = ?');
    params.push(f.country);
  }
  if (f.from !== undefined) {
    where.push('substr(ordered_at, 1, 10) >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    where.push('substr(ordered_at, 1, 10) <= ?');
    params.push(f.to);
  }
  if (f.q !== undefined) {
    where.push(`(substr(order_no, 1, length(?)) = ? OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id
      AND (instr(lower(l.sku), lower(?)) > 0 OR instr(lower(l.item_name), lower(?)) > 0)))`);
    params.push(f.q, f.q, f.q, f.q);
  }
  const col = { orderedAt: 'ordered_at_utc', gross: 'gross', orderNo: 'order_no' }[
    sort.replace('-', '') as 'orderedAt'
  ];
  const dir = sort.startsWith('-') ? 'DESC' : 'ASC';
  return db
    .prepare(
      `SELECT id FROM orders NOT INDEXED ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${col} ${dir}, id ${dir}`,
    )
    .pluck()
    .all(...params) as number[];
}

function walk(filter: OrderFilterInput, sort: OrderSortInput, limit: number, budgetUs?: number): number[] {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = listOrders(db, { filter, sort, limit, cursor }, budgetUs);
    ids.push(...page.items.map((o) => o.id));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('orders list paging', () => {
  const filters: Array<[string, () => OrderFilterInput]> = [
    ['no filter', () => ({})],
    ['shop', () => ({ shopId: shops[1]! })],
    ['status', () => ({ status: 'cancelled' })],
    ['customs mode', () => ({ customsMode: '9610' })],
    ['country', () => ({ country: 'JP' })],
    ['date range', () => ({ from: '2026-03-05', to: '2026-03-09' })],
    ['from only', () => ({ from: '2026-03-15' })],
    ['text: Chinese item name (2 characters)', () => ({ q: '茶壶' })],
    ['text: SKU substring, any case', () => ({ q: 'up-re' })],
    ['text: order number prefix', () => ({ q: 'ERP001' })],
    ['shop + status', () => ({ shopId: shops[0]!, status: 'shipped' })],
    [
      'status + country + date range',
      () => ({ status: 'shipped', country: 'US', from: '2026-03-03', to: '2026-03-18' }),
    ],
    ['mode + text', () => ({ customsMode: '9810', q: 'mug' })],
    ['shop + date range', () => ({ shopId: shops[2]!, from: '2026-03-10', to: '2026-03-10' })],
    ['customs mode + shop', () => ({ customsMode: '9810', shopId: shops[0]! })],
    [
      'shop + status + customs mode + date range',
      () => ({ shopId: shops[2]!, status: 'shipped', customsMode: '9610', from: '2026-03-04', to: '2026-03-16' }),
    ],
  ];
  for (const [name, filter] of filters) {
    it(`walks every page of "${name}" in each sort exactly like a plain ORDER BY, with no duplicates or gaps`, () => {
      for (const sort of SORTS) {
        const want = expected(filter(), sort);
        expect(want.length, `${name} matches something`).toBeGreaterThan(0);
        for (const budgetUs of [undefined, 300, 5]) {
          const got = walk(filter(), sort, 37, budgetUs);
          expect(got, `${name} ${sort} budgetUs=${budgetUs}`).toEqual(want);
        }
        expect(countOrders(db, filter())).toBe(want.length);
      }
    });
  }

  it('keeps pages stable across equal sort values (ties broken by id)', () => {
    const page1 = listOrders(db, { filter: { from: '2026-03-10', to: '2026-03-10' }, sort: 'gross', limit: 5 });
    const page2 = listOrders(db, {
      filter: { from: '2026-03-10', to: '2026-03-10' },
      sort: 'gross',
      limit: 5,
      cursor: page1.nextCursor,
    });
    const all = [...page1.items, ...page2.items];
    expect(new Set(all.map((o) => o.id)).size).toBe(10);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.gross! < b.gross! || (a.gross === b.gross && a.id < b.id)).toBe(true);
    }
  });

  it('returns list items with the shop name, and an empty page for text nothing contains', () => {
    const page = listOrders(db, { filter: { shopId: shops[1]! }, limit: 2 });
    expect(page.items[0]).toMatchObject({
      shopId: shops[1],
      shopName: 'Amazon.co.jp',
      currency: 'JPY',
      platform: 'amazon',
    });
    expect(listOrders(db, { filter: { q: 'no such thing' } })).toEqual({ items: [], nextCursor: null });
    expect(countOrders(db, { q: 'no such thing' })).toBe(0);
  });

  it('refuses a cursor that is not one of its own, or that belongs to another sort, with orders.badCursor', () => {
    const { nextCursor } = listOrders(db, { sort: 'gross', limit: 3 });
    for (const cursor of ['garbage', Buffer.from('{"s":"gross","v":"x","i":1}').toString('base64url'), nextCursor]) {
      const e = (() => {
        try {
          listOrders(db, { sort: '-orderNo', cursor });
        } catch (err) {
          return err;
        }
        return null;
      })();
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('orders.badCursor');
    }
  });

  it('reads a single filter in the order of its composite index, without sorting', () => {
    const plans = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT o.* FROM orders o INDEXED BY orders_by_status_gross WHERE o.status = ? AND (o.gross_sort, o.id) < (?, ?) ORDER BY o.gross_sort DESC, o.id DESC LIMIT 51',
      )
      .all('shipped', 100, 100) as Array<{ detail: string }>;
    expect(plans.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('orders count', () => {
  /** The statements countOrders runs, with their parameters. */
  function countStatements(filter: OrderFilterInput): Array<{ sql: string; params: unknown[] }> {
    const seen: Array<{ sql: string; params: unknown[] }> = [];
    const prepare = db.prepare.bind(db);
    const spy = ((sql: string) => {
      const stmt = prepare(sql);
      return new Proxy(stmt, {
        get(target, key) {
          if (key === 'pluck')
            return () => ({
              get: (...params: unknown[]) => (seen.push({ sql, params }), target.pluck().get(...params)),
            });
          const v = Reflect.get(target, key) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }) as typeof db.prepare;
    (db as { prepare: typeof db.prepare }).prepare = spy;
    try {
      countOrders(db, filter);
    } finally {
      (db as { prepare: typeof db.prepare }).prepare = prepare;
    }
    return seen;
  }

  it('counts two or more equality filters from their indexes alone, never reading the table rows', () => {
    for (const filter of [
      { customsMode: '9810', shopId: shops[0]! },
      { shopId: shops[1]!, status: 'shipped', country: 'US' },
    ] satisfies OrderFilterInput[]) {
      const statements = countStatements(filter);
      expect(statements.length).toBeGreaterThan(0);
      for (const { sql, params } of statements) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
          .map((p) => p.detail)
          .join('\n');
        expect(plan, sql).not.toMatch(/USING INDEX|SCAN o\b|SCAN orders\b/);
        expect(plan, sql).toMatch(/COVERING INDEX/);
      }
    }
  });
});

describe('orders list filters', () => {
  it('refuses a date the calendar lacks with orders.filter.badDate', () => {
    expect(() => listOrders(db, { filter: { from: '2026-02-30' } })).toThrow(
      expect.objectContaining({ code: 'orders.filter.badDate', params: { value: '2026-02-30' } }),
    );
  });

  it('filters dates by the local date the platform gives the order, whatever its offset', () => {
    // 2026-03-10T12:00:00+08:00 is the 10th locally; its UTC instant is the 10th too, but one at
    // 23:30 -08:00 on the 9th is the 10th in UTC: it must count for the 9th.
    const late = db
      .prepare("SELECT id, ordered_at FROM orders WHERE ordered_at LIKE '%T23:30:00-08:00' LIMIT 1")
      .get() as { id: number; ordered_at: string };
    const day = late.ordered_at.slice(0, 10);
    const ids = walk({ from: day, to: day }, 'orderedAt', 500);
    expect(ids).toContain(late.id);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(walk({ from: next, to: next }, 'orderedAt', 500)).not.toContain(late.id);
  });
});
