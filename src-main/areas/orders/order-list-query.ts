/**
 * The orders list: keyset pages over (sort column, id) with filters, fast on a million orders.
 * Each query names its index (INDEXED BY): a single filter + sort reads its composite index in
 * order; otherwise each filter's matches are counted up to what a time budget allows, a small
 * set is fetched and sorted, a large one read in sort order and filtered (dense: a page comes fast).
 * Text search: order-number prefix, or SKU / item-name substring through the trigram index.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { CustomsMode, OrderStatus } from '../../core/orders/order.ts';
import type { Db } from '../../db/open-ledger.ts';
import { keysetPage, type DayRangeInput, type Page, type PageInput } from '../paging.ts';
import { toListItem, type OrderListItemRecord, type OrderRow } from './order-store.ts';

/** `from` / `to`: local dates of the order as the platform states it. */
export interface OrderFilterInput extends DayRangeInput {
  readonly shopId?: number | undefined;
  readonly status?: OrderStatus | undefined;
  readonly customsMode?: CustomsMode | undefined;
  readonly country?: string | undefined;
  readonly q?: string | undefined;
}

export type OrderSortInput = 'orderedAt' | '-orderedAt' | 'gross' | '-gross' | 'orderNo' | '-orderNo';

export type OrdersPageRecord = Page<OrderListItemRecord>;

/**
 * A filter whose matches can be fetched and sorted within this many microseconds is read that
 * way; otherwise its rows are read in sort order. Per-row costs measured on 1M orders: rows of a
 * date range lie together in the table (orders arrive in time order), rows of one status do not.
 */
export const MATERIALIZE_BUDGET_US = 12_000;
const SCATTERED_US = 1.6;
const CLUSTERED_US = 0.3;

const SORTS = {
  orderedAt: { col: 'ordered_at_utc', idx: 'time', type: 'string' },
  // unknown amounts (NULL gross) sort apart, below every known one: gross_sort = coalesce(gross, −2^53)
  gross: { col: 'gross_sort', idx: 'gross', type: 'number' },
  orderNo: { col: 'order_no', idx: 'no', type: 'string' },
} as const;
type SortKey = keyof typeof SORTS;

/**
 * The (filter, sort column) index; (shop_id, order_no) is the UNIQUE constraint's own index
 * (migration 0022 dropped its copy, orders_by_shop_no: one index less to write per imported order).
 */
const filterSortIndex = (filter: string, sort: string) =>
  filter === 'shop' && sort === 'no' ? 'sqlite_autoindex_orders_1' : `orders_by_${filter}_${sort}`;

const EQUALITY = [
  { key: 'shopId', col: 'shop_id', idx: 'shop' },
  { key: 'status', col: 'status', idx: 'status' },
  { key: 'customsMode', col: 'customs_mode', idx: 'mode' },
  { key: 'country', col: 'buyer_country', idx: 'country' },
] as const;

type Param = string | number;
interface Cond {
  readonly sql: string;
  readonly params: readonly Param[];
}

/** One way into the matching rows: an index and the (index-only) condition that counts them. */
interface Driver {
  readonly from: string;
  readonly fromParams: readonly Param[];
  readonly count: Cond;
  readonly perRowUs: number;
  /** Already known (text search counts while planning). */
  readonly known?: number;
}

interface Plan {
  readonly drivers: Driver[];
  /** Equality filters: their column, index name part and condition. */
  readonly equalities: Array<{ col: string; idx: string; cond: Cond; driver: Driver }>;
  readonly range: { readonly exact: Cond; readonly utc: Cond } | null;
  readonly text: Cond | null;
  readonly empty: boolean;
}

const MAX_OFFSET_MS = 14 * 3600_000; // UTC+14 (Kiribati) … UTC-12: a local date spans these instants
/** Midnight UTC of a YYYY-MM-DD date moved by `ms`; a date the calendar lacks is `orders.filter.badDate`. */
function addMs(date: string, ms: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) {
    throw new DomainError('orders.filter.badDate', { value: date });
  }
  return new Date(t + ms).toISOString();
}

/** Rows matching `cond` through `from`, counted up to cap + 1 (reads at most that many index entries). */
function countUpTo(db: Db, from: string, fromParams: readonly Param[], cond: Cond, cap: number): number {
  return Number(
    db
      .prepare(
        `SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${cond.sql} LIMIT ${Math.max(0, Math.floor(cap)) + 1})`,
      )
      .pluck()
      .get(...fromParams, ...cond.params),
  );
}

/** Lines' text ids whose SKU or item name contains q (trigram index from 3 characters). */
function textIds(db: Db, q: string): number[] {
  if ([...q].length >= 3) {
    return db
      .prepare('SELECT rowid FROM line_texts_fts WHERE line_texts_fts MATCH ?')
      .pluck()
      .all(`"${q.replaceAll('"', '""')}"`) as number[];
  }
  return db
    .prepare('SELECT id FROM line_texts WHERE instr(lower(sku), lower(?)) > 0 OR instr(lower(item_name), lower(?)) > 0')
    .pluck()
    .all(q, q) as number[];
}

function plan(db: Db, f: OrderFilterInput, budgetUs: number): Plan {
  const drivers: Driver[] = [];
  let range: Plan['range'] = null;
  if (f.from !== undefined || f.to !== undefined) {
    const utc: Cond[] = [];
    const local: Cond[] = [];
    // The UTC bounds use the index; the local-date test makes it exact for every offset.
    if (f.from !== undefined) {
      utc.push({ sql: 'o.ordered_at_utc >= ?', params: [addMs(f.from, -MAX_OFFSET_MS)] });
      local.push({ sql: 'substr(o.ordered_at, 1, 10) >= ?', params: [f.from] });
    }
    if (f.to !== undefined) {
      utc.push({ sql: 'o.ordered_at_utc < ?', params: [addMs(f.to, 86_400_000 + 12 * 3600_000)] });
      local.push({ sql: 'substr(o.ordered_at, 1, 10) <= ?', params: [f.to] });
    }
    range = { exact: and([...utc, ...local]), utc: and(utc) };
    drivers.push({
      from: 'orders o INDEXED BY orders_by_time',
      fromParams: [],
      count: range.utc,
      perRowUs: CLUSTERED_US,
    });
  }
  const equalities: Plan['equalities'] = [];
  for (const e of EQUALITY) {
    const value = f[e.key];
    if (value === undefined) continue;
    const cond = { sql: `o.${e.col} = ?`, params: [e.key === 'country' ? String(value).toUpperCase() : value] };
    const from = `orders o INDEXED BY orders_by_${e.idx}_time`;
    const driver = { from, fromParams: [], count: cond, perRowUs: SCATTERED_US };
    equalities.push({ col: e.col, idx: e.idx, cond, driver });
    drivers.push(driver);
    // The filter's rows of a date range: one range of its (filter, time) index, together in the table.
    if (range) drivers.push({ from, fromParams: [], count: and([cond, range.utc]), perRowUs: CLUSTERED_US });
  }
  let text: Cond | null = null;
  let empty = false;
  const q = f.q?.trim() ?? '';
  if (q !== '') {
    const ids = JSON.stringify(textIds(db, q));
    const hi = q + '\u{10FFFF}';
    text = {
      sql: '((o.order_no >= ? AND o.order_no < ?) OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.text_id IN (SELECT value FROM json_each(?))))',
      params: [q, hi, ids],
    };
    const cap = budgetUs / SCATTERED_US;
    const byNo = countUpTo(
      db,
      'orders o INDEXED BY orders_by_no',
      [],
      { sql: 'o.order_no >= ? AND o.order_no < ?', params: [q, hi] },
      cap,
    );
    const byText =
      ids === '[]'
        ? 0
        : countUpTo(
            db,
            'order_lines l INDEXED BY order_lines_by_text',
            [],
            { sql: 'l.text_id IN (SELECT value FROM json_each(?))', params: [ids] },
            cap,
          );
    empty = byNo + byText === 0;
    drivers.push({
      from: `(SELECT id FROM orders INDEXED BY orders_by_no WHERE order_no >= ? AND order_no < ?
        UNION SELECT order_id FROM order_lines INDEXED BY order_lines_by_text WHERE text_id IN (SELECT value FROM json_each(?))) AS m
        CROSS JOIN orders o ON o.id = m.id`,
      fromParams: [q, hi, ids],
      count: { sql: '1', params: [] },
      perRowUs: SCATTERED_US,
      known: byNo + byText,
    });
  }
  return { drivers, equalities, range, text, empty };
}

interface Cursor {
  readonly s: OrderSortInput;
  readonly v: string | number;
  readonly i: number;
}

export function encodeCursor(sort: OrderSortInput, value: string | number, id: number): string {
  return Buffer.from(JSON.stringify({ s: sort, v: value, i: id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(cursor: string, sort: OrderSortInput): Cursor {
  let c: Partial<Cursor> | null = null;
  try {
    c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    /* reported below */
  }
  const key = sort.replace('-', '') as SortKey;
  if (!c || c.s !== sort || typeof c.v !== SORTS[key].type || !Number.isSafeInteger(c.i) || (c.i ?? 0) < 1) {
    throw new DomainError('orders.badCursor');
  }
  return c as Cursor;
}

const and = (conds: readonly (Cond | null)[]): Cond => {
  const list = conds.filter((c): c is Cond => c !== null);
  return list.length === 0
    ? { sql: '1', params: [] }
    : { sql: list.map((c) => c.sql).join(' AND '), params: list.flatMap((c) => c.params) };
};

export interface ListInput extends PageInput {
  readonly filter?: OrderFilterInput | undefined;
  readonly sort?: OrderSortInput | undefined;
}

/** `budgetUs` is a parameter only so tests can drive every plan on a small ledger. */
export function listOrders(db: Db, input: ListInput, budgetUs = MATERIALIZE_BUDGET_US): OrdersPageRecord {
  const sort = input.sort ?? '-orderedAt';
  const limit = input.limit ?? 50;
  const desc = sort.startsWith('-');
  const key = sort.replace('-', '') as SortKey;
  const { col, idx } = SORTS[key];
  const p = plan(db, input.filter ?? {}, budgetUs);
  if (p.empty) return { items: [], nextCursor: null };

  const cursor = input.cursor ? decodeCursor(input.cursor, sort) : null;
  const keyset: Cond | null = cursor
    ? { sql: `(o.${col}, o.id) ${desc ? '<' : '>'} (?, ?)`, params: [cursor.v, cursor.i] }
    : null;
  const order = `ORDER BY o.${col} ${desc ? 'DESC' : 'ASC'}, o.id ${desc ? 'DESC' : 'ASC'}`;
  const where = and([...p.equalities.map((e) => e.cond), p.range?.exact ?? null, p.text, keyset]);

  let from: string;
  let fromParams: readonly Param[] = [];
  if (p.drivers.length === 0) {
    from = `orders o INDEXED BY orders_by_${idx}`;
  } else if (p.equalities.length === 1 && !p.range && !p.text) {
    // (filter, sort column) serves both at once.
    from = `orders o INDEXED BY ${filterSortIndex(p.equalities[0]!.idx, idx)}`;
  } else if (key === 'orderedAt' && p.range && !p.text && p.equalities.length <= 1) {
    // (filter, ordered_at_utc) serves an equality filter, the date range and the sort at once.
    from =
      p.equalities.length === 1
        ? `orders o INDEXED BY orders_by_${p.equalities[0]!.idx}_time`
        : 'orders o INDEXED BY orders_by_time';
  } else {
    // Count each way in (up to what its budget allows); the cheapest small one is fetched and
    // sorted. When every filter matches many rows, read rows in sort order: matches are dense.
    const counted = new Map<Driver, number>();
    let best: { d: Driver; cost: number } | null = null;
    for (const d of p.drivers) {
      const cap = budgetUs / d.perRowUs;
      const n = d.known ?? countUpTo(db, d.from, d.fromParams, d.count, cap);
      counted.set(d, n);
      if (n <= cap && (!best || n * d.perRowUs < best.cost)) best = { d, cost: n * d.perRowUs };
    }
    if (best) {
      from = best.d.from;
      fromParams = best.d.fromParams;
    } else {
      const eq = [...p.equalities].sort((a, b) => (counted.get(a.driver) ?? 0) - (counted.get(b.driver) ?? 0))[0];
      from = `orders o INDEXED BY ${eq ? filterSortIndex(eq.idx, idx) : `orders_by_${idx}`}`;
    }
  }
  const rows = db
    .prepare(`SELECT o.* FROM ${from} WHERE ${where.sql} ${order} LIMIT ?`)
    .all(...fromParams, ...where.params, limit + 1) as OrderRow[];
  const page = keysetPage(rows, limit, (last) =>
    encodeCursor(sort, last[col as keyof OrderRow] as string | number, last.id),
  );
  const shops = shopNames(db);
  return { items: page.items.map((r) => toListItem(r, shops.get(r.shop_id) ?? '')), nextCursor: page.nextCursor };
}

export function countOrders(db: Db, filter: OrderFilterInput = {}): number {
  const p = plan(db, filter, MATERIALIZE_BUDGET_US);
  if (p.empty) return 0;
  if (p.equalities.length >= 2 && !p.text) return countIntersection(db, p);
  const textDriver = p.text ? p.drivers.at(-1) : undefined;
  const where = and([...p.equalities.map((e) => e.cond), p.range?.exact ?? null, p.text]);
  const from = textDriver ? textDriver.from : 'orders o';
  return Number(
    db
      .prepare(`SELECT count(*) FROM ${from} WHERE ${where.sql}`)
      .pluck()
      .get(...(textDriver?.fromParams ?? []), ...where.params),
  );
}

/**
 * Two or more equality filters (customs mode 1210 + a shop): left to itself SQLite reads one
 * filter's index and looks each row up in the table to test the others (0.4–1.1 s at 1M orders,
 * 2.9 s on a loaded machine, holding the host meanwhile). Here the filter with the fewest rows
 * drives, reading only its (filter, time) index, and every other filter is one seek into its own
 * (filter, time) index at (value, time, id): no table row is read, unless a date range needs
 * its local-date test (then only the matching rows are).
 */
function countIntersection(db: Db, p: Plan): number {
  let driver = p.equalities[0]!;
  let fewest = Number.MAX_SAFE_INTEGER;
  for (const e of p.equalities) {
    const n = countUpTo(
      db,
      `orders o INDEXED BY orders_by_${e.idx}_time`,
      [],
      and([e.cond, p.range?.utc ?? null]),
      fewest,
    );
    if (n < fewest) [driver, fewest] = [e, n];
  }
  if (fewest === 0) return 0;
  const probes = p.equalities
    .filter((e) => e !== driver)
    .map((e) => ({
      sql: `EXISTS (SELECT 1 FROM orders q INDEXED BY orders_by_${e.idx}_time WHERE q.${e.col} = ? AND q.ordered_at_utc = o.ordered_at_utc AND q.id = o.id)`,
      params: e.cond.params,
    }));
  const matched = and([driver.cond, p.range?.utc ?? null, ...probes]);
  const ids = `SELECT o.id FROM orders o INDEXED BY orders_by_${driver.idx}_time WHERE ${matched.sql}`;
  const [sql, params] = p.range
    ? [
        `SELECT count(*) FROM orders o WHERE o.id IN (${ids}) AND ${p.range.exact.sql}`,
        [...matched.params, ...p.range.exact.params],
      ]
    : [`SELECT count(*) FROM (${ids})`, matched.params];
  return Number(
    db
      .prepare(sql)
      .pluck()
      .get(...params),
  );
}

function shopNames(db: Db): Map<number, string> {
  return new Map(
    (db.prepare('SELECT id, name FROM shops').all() as Array<{ id: number; name: string }>).map((s) => [s.id, s.name]),
  );
}
