/**
 * `npm run bench`: each case runs our path and a raw better-sqlite3 baseline in the same run,
 * on the same kind of file (WAL, synchronous=FULL, temp folder), and prints the ratio
 * ours / raw (1.00 = no overhead). Median of RUNS runs. Not a pass/fail test, except that the
 * orders-list section flags (and the process exits 1 on) a first page slower than 50 ms.
 * Import: a seeded 100k-order Amazon All Orders file, parsed once; ours = imports.preview +
 * imports.confirm through dispatch (normalise, compare, write with history and outbox), raw =
 * plain prepared inserts of the same orders and lines into the same schema in one transaction.
 * List: a seeded 1,000,000-order workspace; the first page of every sort × every filter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { createImportsHandlers } from '../../src-main/api/imports-handlers.ts';
import { loadMigrations } from '../../src-main/db/migrate.ts';
import { isRowError, normaliseImported } from '../../src-main/db/order-content.ts';
import { parseImport } from '../../src-main/imports/parse-import.ts';
import { writeAmazonAllOrders } from '../../src-main/imports/demo/write-demo-files.ts';
import type { ParsedImport } from '../../src-main/core/orders/order.ts';
import { ORDER_SORTS, type OrderSort } from '../../src-main/api/contract.ts';
import { positionReadPath } from '../../src-main/db/stock-report-store.ts';
import { seededRandom } from '../../src-main/sync/backoff.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROWS = 100_000;
const COMMANDS = 1_000;
const BENCH_TABLE = 'CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY, order_no TEXT NOT NULL, sku TEXT NOT NULL, qty INTEGER NOT NULL, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL) STRICT';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-bench-'));
const row = (i: number) => [`112-${String(i).padStart(7, '0')}-4455667`, `SKU-${i % 977}`, 1 + (i % 5), 1999 + i, 'USD'] as const;

function rawDb(): Database.Database {
  const db = new Database(path.join(tmp(), 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(BENCH_TABLE);
  return db;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Case { name: string; units: number; unit: string; ours: () => Promise<number>; raw: () => Promise<number> }

const cases: Case[] = [
  {
    name: `${ROWS.toLocaleString('en')} rows in one unit-of-work command vs raw prepared insert in one transaction`,
    units: ROWS, unit: 'rows',
    ours: async () => {
      const ws = await openWorkspace({ dataDir: tmp(), host: 'cli' });
      ws.db.exec(BENCH_TABLE);
      const ms = await time(() => ws.uow.run('bench.insert', (tx) => {
        const ins = tx.db.prepare('INSERT INTO bench_rows (order_no, sku, qty, amount_minor, currency) VALUES (?, ?, ?, ?, ?)');
        for (let i = 0; i < ROWS; i++) ins.run(...row(i));
        tx.enqueue({ kind: 'bench.batch', idempotencyKey: `bench:${tx.commandId}`, payload: { rows: ROWS } });
      }));
      ws.close();
      return ms;
    },
    raw: async () => {
      const db = rawDb();
      const ins = db.prepare('INSERT INTO bench_rows (order_no, sku, qty, amount_minor, currency) VALUES (?, ?, ?, ?, ?)');
      const ms = await time(() => db.transaction(() => { for (let i = 0; i < ROWS; i++) ins.run(...row(i)); })());
      db.close();
      return ms;
    },
  },
  {
    name: `${COMMANDS.toLocaleString('en')} company.save commands through dispatch (zod, rules, outbox) vs raw one-row transactions`,
    units: COMMANDS, unit: 'commands',
    ours: async () => {
      const ws = await openWorkspace({ dataDir: tmp(), host: 'cli' });
      const dispatch = createDispatch(createHandlers(ws), () => undefined);
      const input = { name: '基准测试公司', uscc: '91350100M000100Y43', customsCode: '3301960ABC', dxpId: null, pilotZone: 'other', baseCurrency: 'CNY' };
      const ms = await time(async () => { for (let i = 0; i < COMMANDS; i++) await dispatch('company.save', input); });
      ws.close();
      return ms;
    },
    raw: async () => {
      const db = rawDb();
      const ins = db.prepare('INSERT INTO bench_rows (order_no, sku, qty, amount_minor, currency) VALUES (?, ?, ?, ?, ?)');
      const one = db.transaction((i: number) => ins.run(...row(i)));
      const ms = await time(() => { for (let i = 0; i < COMMANDS; i++) one(i); });
      db.close();
      return ms;
    },
  },
];

const IMPORT_ORDERS = Number(process.env.BENCH_IMPORT_ORDERS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 20260305);

/** The 100k-order Amazon file, generated and parsed once (parsing is timed apart, not in the ratio). */
async function amazonDataset(): Promise<{ parsed: ParsedImport; bytes: Uint8Array; parseMs: number }> {
  const file = path.join(tmp(), 'amazon-all-orders.txt');
  await writeAmazonAllOrders({ seed: SEED, orders: IMPORT_ORDERS, outFile: file, currency: 'USD' });
  const bytes = fs.readFileSync(file);
  const t = process.hrtime.bigint();
  const parsed = await parseImport(bytes, { fileName: 'amazon-all-orders.txt', source: 'auto', timeZone: 'America/Los_Angeles', defaultCurrency: 'USD', mapping: null });
  return { parsed, bytes, parseMs: Number(process.hrtime.bigint() - t) / 1e6 };
}
const dataset = await amazonDataset();

/** Raw baseline: the same orders and lines as plain rows, computed before the clock starts. */
function rawRows(parsed: ParsedImport) {
  const texts = new Map<string, number>();
  const orders: unknown[][] = [];
  const lines: unknown[][] = [];
  for (const o of parsed.orders) {
    const c = normaliseImported(o);
    if (isRowError(c)) continue;
    orders.push([1, c.platform, c.orderNo, c.status, c.platformStatus, c.salesChannel, c.orderedAt, c.orderedAtUtc, c.buyerCountry, c.currency,
      c.fulfilment, c.goods, c.discount, c.shipping, c.giftWrap, c.taxOnTop, c.gross, c.refunded, c.units, c.exclusion, c.hash]);
    lines.push(c.lines.map((l) => {
      const key = `${l.sku}\u0000${l.itemName}`;
      if (!texts.has(key)) texts.set(key, texts.size + 1);
      return [l.lineKey, l.sku, l.itemName, texts.get(key), l.quantity, l.unitPrice, l.lineTotal, l.discount, l.taxOnTop, l.shipping, l.giftWrap, l.cancelled ? 1 : 0];
    }));
  }
  return { texts: [...texts.keys()].map((k) => k.split('\u0000')), orders, lines: lines as unknown[][][] };
}
const rawData = rawRows(dataset.parsed);
const orderLineCount = rawData.lines.reduce((n, l) => n + l.length, 0);

function schemaDb(): Database.Database {
  const db = new Database(path.join(tmp(), 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  for (const m of loadMigrations()) db.exec(m.sql);
  db.prepare("INSERT INTO shops (platform, name, site, currency, time_zone) VALUES ('amazon', 'Amazon.com', 'Amazon.com', 'USD', 'America/Los_Angeles')").run();
  return db;
}

cases.push({
  name: `import ${rawData.orders.length.toLocaleString('en')} Amazon orders (${orderLineCount.toLocaleString('en')} lines): imports.preview + imports.confirm vs raw inserts of the same orders + lines into the same schema`,
  units: rawData.orders.length, unit: 'orders',
  ours: async () => {
    const ws = await openWorkspace({ dataDir: tmp(), host: 'cli' });
    const dispatch = createDispatch({ ...createHandlers(ws), ...createImportsHandlers(ws, async () => dataset.parsed) }, () => undefined);
    const ms = await time(async () => {
      const p = await dispatch('imports.preview', { fileName: 'amazon-all-orders.txt', contentBase64: 'AA==', source: 'auto' });
      if (!p.ok) throw new Error(JSON.stringify(p.error));
      const c = await dispatch('imports.confirm', { previewId: (p.value as { previewId: string }).previewId });
      if (!c.ok) throw new Error(JSON.stringify(c.error));
    });
    ws.close();
    return ms;
  },
  raw: async () => rawImport(schemaDb()),
});

/** Plain prepared inserts of the dataset's orders and lines in one transaction. */
async function rawImport(db: Database.Database): Promise<number> {
  const text = db.prepare('INSERT INTO line_texts (id, sku, item_name) VALUES (?, ?, ?)');
  const order = db.prepare(`INSERT INTO orders (shop_id, platform, order_no, status, platform_status, sales_channel, ordered_at, ordered_at_utc,
    buyer_country, currency, fulfilment, goods, discount, shipping, gift_wrap, tax_on_top, gross, refunded, units, exclusion, origin, revision, content_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', 1, ?)`);
  const line = db.prepare(`INSERT INTO order_lines (order_id, line_key, sku, item_name, text_id, quantity, unit_price, line_total, discount,
    tax_on_top, shipping, gift_wrap, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const ms = await time(() => db.transaction(() => {
    rawData.texts.forEach(([sku, name], i) => text.run(i + 1, sku, name));
    rawData.orders.forEach((o, i) => {
      const id = Number(order.run(...o).lastInsertRowid);
      for (const l of rawData.lines[i]!) line.run(id, ...l);
    });
  })());
  db.close();
  return ms;
}

/** The same tables with no secondary index, trigger or FTS table: what the rows alone cost. */
function bareDb(): Database.Database {
  const db = schemaDb();
  for (const name of db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL").pluck().all() as string[]) {
    db.exec(`DROP ${String(db.prepare('SELECT type FROM sqlite_schema WHERE name = ?').pluck().get(name)).toUpperCase()} ${name}`);
  }
  return db;
}

console.log(`kuajing bench — Node ${process.version}, SQLite ${new Database(':memory:').prepare('select sqlite_version()').pluck().get()}, ${RUNS} runs, median`);
console.log(`import file: ${dataset.parsed.orders.length.toLocaleString('en')} orders, ${(dataset.bytes.length / 1e6).toFixed(1)} MB, parseImport ${dataset.parseMs.toFixed(0)} ms (seed ${SEED}; parsing is not part of the ratio)`);
const only = process.env.BENCH_ONLY;
for (const c of cases.filter((x) => !only || x.name.includes(only))) {
  const ours: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < RUNS; r++) { raw.push(await c.raw()); ours.push(await c.ours()); }
  const o = median(ours);
  const b = median(raw);
  const rate = (ms: number) => Math.round(c.units / (ms / 1000)).toLocaleString('en');
  console.log(`\n${c.name}\n  ours ${o.toFixed(1)} ms (${rate(o)} ${c.unit}/s)   raw ${b.toFixed(1)} ms (${rate(b)} ${c.unit}/s)   ratio ${(o / b).toFixed(2)}`);
  if (c.name.startsWith('import ')) {
    const bare = await rawImport(bareDb());
    console.log(`  for reference: raw into the same tables without their secondary indexes (what the list needs): ${bare.toFixed(1)} ms`);
  }
}

// ---- orders list on 1,000,000 orders ----------------------------------------------------------

const LIST_ORDERS = Number(process.env.BENCH_LIST_ORDERS ?? 1_000_000);
const PAGE_BUDGET_MS = 50;

function weighted<T>(rnd: () => number, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of table) { x -= w; if (x < 0) return v; }
  return table[table.length - 1]![0];
}

/**
 * A seeded ledger of LIST_ORDERS orders over three years in five shops, written with plain
 * prepared inserts (secondary indexes dropped first and rebuilt after, as a bulk load does).
 * Shopify and TikTok numbers rise with time (order-number sorts meet date filters that way).
 */
async function millionOrderWorkspace(): Promise<string> {
  const dataDir = tmp();
  (await openWorkspace({ dataDir, host: 'cli' })).close();
  const db = new Database(path.join(dataDir, 'ledger.sqlite'));
  // A throwaway bulk load: no journal while loading, WAL again before the workspace reopens it.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('orders', 'order_lines')").all() as Array<{ name: string; sql: string }>;
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  const rnd = seededRandom(SEED);
  const shops = [['amazon', 'Amazon.com', 'USD', 'America/Los_Angeles', '-08:00', 45], ['amazon', 'Amazon.co.jp', 'JPY', 'Asia/Tokyo', '+09:00', 15],
    ['shopify', 'Shopify', 'USD', 'America/New_York', '-05:00', 20], ['tiktok', 'TikTok Shop', 'USD', 'America/Los_Angeles', '-08:00', 15],
    ['erp', '马帮ERP', 'CNY', 'Asia/Shanghai', '+08:00', 5]] as const;
  const countries = [['US', 40], ['JP', 15], ['GB', 10], ['DE', 10], ['CA', 5], ['FR', 4], ['AU', 4], ['MX', 3], ['IT', 3], ['ES', 3], ['NZ', 1], ['SG', 1], ['KR', 1]] as const;
  const statuses = [['shipped', 60], ['delivered', 15], ['cancelled', 8], ['paid', 6], ['pending', 3], ['refunded', 3], ['unpaid', 2], ['partially_refunded', 3]] as const;
  const modes = [[null, 40], ['9610', 40], ['9810', 15], ['9710', 4], ['1210', 1]] as const;
  const words = ['保温杯', '陶瓷杯', '茶壶', '收纳盒', '手机壳', '数据线', '蓝牙耳机', '瑜伽垫', '雨伞', '背包', 'Thermos', 'Mug', 'Teapot', 'Organizer', 'Phone case', 'USB-C cable', 'Earbuds', 'Yoga mat', 'Umbrella', 'Backpack'];
  const colours = ['红色', '蓝色', '黑色', '白色', 'Green', 'Grey', 'Pink'];
  const products = Array.from({ length: 2000 }, (_, i) => [`SKU-${String(i).padStart(4, '0')}`, `${colours[i % colours.length]} ${words[i % words.length]} ${i % 7 === 0 ? 'XL' : ''}`.trim()] as const);
  const t0 = Date.now();
  db.transaction(() => {
    const shopIds = shops.map(([platform, name, currency, zone]) => Number(db.prepare('INSERT INTO shops (platform, name, site, currency, time_zone) VALUES (?, ?, ?, ?, ?)').run(platform, name, null, currency, zone).lastInsertRowid));
    const text = db.prepare('INSERT INTO line_texts (id, sku, item_name) VALUES (?, ?, ?)');
    products.forEach(([sku, name], i) => text.run(i + 1, sku, name));
    const order = db.prepare(`INSERT INTO orders (id, shop_id, platform, order_no, status, platform_status, sales_channel, ordered_at, ordered_at_utc,
      buyer_country, currency, customs_mode, fulfilment, goods, discount, shipping, gift_wrap, tax_on_top, gross, refunded, units, exclusion, origin, revision, content_hash)
      VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 'platform', ?, 0, 0, 0, 0, ?, ?, ?, ?, 'import', 1, 'bench')`);
    const line = db.prepare(`INSERT INTO order_lines (order_id, line_key, sku, item_name, text_id, quantity, unit_price, line_total, discount, tax_on_top,
      shipping, gift_wrap, cancelled) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 0, 0, 0, 0, 0)`);
    const start = Date.parse('2023-04-01T00:00:00Z');
    const span = 3 * 365 * 86_400_000;
    const seq = [0, 0, 1000, 0, 0];
    const shopWeights = shops.map((sh, i) => [i, sh[5]] as const);
    for (let id = 1; id <= LIST_ORDERS; id++) {
      const s = weighted(rnd, shopWeights);
      const [platform, , currency, , offset] = shops[s]!;
      const ms = start + Math.floor(((id - 1) + rnd()) * (span / LIST_ORDERS));
      const local = new Date(ms + (offset === '+09:00' ? 9 : offset === '+08:00' ? 8 : offset === '-05:00' ? -5 : -8) * 3_600_000).toISOString().slice(0, 19);
      seq[s] = seq[s]! + 1;
      const orderNo = platform === 'amazon' ? `${100 + Math.floor(rnd() * 900)}-${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}-${String(id).padStart(7, '0')}`
        : platform === 'shopify' ? `#${seq[s]}` : platform === 'tiktok' ? String(576_000_000_000_000_000n + BigInt(seq[s]! * 97)) : `SO${local.slice(0, 10).replaceAll('-', '')}${String(seq[s]).padStart(6, '0')}`;
      const status = weighted(rnd, statuses);
      const exclusion = status === 'cancelled' ? 'cancelled' : status === 'pending' ? 'pending' : status === 'unpaid' ? 'unpaid' : null;
      const n = 1 + (rnd() < 0.25 ? 1 : 0) + (rnd() < 0.05 ? 1 : 0);
      let goods = 0; let units = 0;
      const lines: Array<[string, string, number, number, number]> = [];
      for (let k = 0; k < n; k++) {
        const p = Math.floor(rnd() ** 2 * products.length);
        const qty = 1 + Math.floor(rnd() ** 3 * 4);
        const total = platform === 'amazon' && (status === 'cancelled' || status === 'pending') ? 0 : qty * (currency === 'JPY' ? 500 + Math.floor(rnd() * 8000) : 299 + Math.floor(rnd() * 9000));
        lines.push([products[p]![0], products[p]![1], p + 1, qty, total]);
        goods += total; units += qty;
      }
      order.run(id, shopIds[s], platform, orderNo, status, status, `${local}${offset}`, new Date(ms).toISOString(), weighted(rnd, countries), currency,
        weighted(rnd, modes), goods, goods, status === 'refunded' ? goods : 0, units, exclusion);
      lines.forEach(([sku, name, textId, qty, total], k) => line.run(id, `${sku}#${k + 1}`, sku, name, textId, qty, total));
    }
  })();
  const t1 = Date.now();
  for (const i of indexes) db.exec(i.sql);
  db.pragma('journal_mode = WAL');
  console.log(`\n${LIST_ORDERS.toLocaleString('en')} orders generated (seed ${SEED}): rows ${((t1 - t0) / 1000).toFixed(1)} s, indexes ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  db.close();
  return dataDir;
}

async function listBench(): Promise<number> {
  // BENCH_LIST_DIR: reuse (or create once) a generated workspace while working on queries.
  const reuse = process.env.BENCH_LIST_DIR;
  const dataDir = reuse && fs.existsSync(path.join(reuse, 'ledger.sqlite')) ? reuse : await millionOrderWorkspace();
  if (reuse && dataDir !== reuse) fs.cpSync(dataDir, reuse, { recursive: true });
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  const dispatch = createDispatch(createHandlers(ws), (i) => console.error(i));
  const shopId = (name: string) => Number(ws.db.prepare('SELECT id FROM shops WHERE name = ?').pluck().get(name));
  const filters: Array<[string, Record<string, unknown>, string, unknown[]]> = [
    ['none', {}, '1', []],
    ['shop Amazon.co.jp', { shopId: shopId('Amazon.co.jp') }, 'shop_id = ?', [shopId('Amazon.co.jp')]],
    ['shop 马帮ERP (5%)', { shopId: shopId('马帮ERP') }, 'shop_id = ?', [shopId('马帮ERP')]],
    ['status cancelled (8%, gross 0 on Amazon)', { status: 'cancelled' }, 'status = ?', ['cancelled']],
    ['status pending (3%)', { status: 'pending' }, 'status = ?', ['pending']],
    ['mode 9610 (40%)', { customsMode: '9610' }, 'customs_mode = ?', ['9610']],
    ['mode 1210 (1%)', { customsMode: '1210' }, 'customs_mode = ?', ['1210']],
    ['dates one month', { from: '2025-02-01', to: '2025-02-28' }, "substr(ordered_at, 1, 10) BETWEEN '2025-02-01' AND '2025-02-28'", []],
    ['dates one day', { from: '2024-07-04', to: '2024-07-04' }, "substr(ordered_at, 1, 10) BETWEEN '2024-07-04' AND '2024-07-04'", []],
    ['country JP', { country: 'JP' }, 'buyer_country = ?', ['JP']],
    ['country NZ (1%)', { country: 'NZ' }, 'buyer_country = ?', ['NZ']],
    ['q order no prefix "123-45"', { q: '123-45' }, "order_no LIKE '123-45%'", []],
    ['q SKU "SKU-0042"', { q: 'SKU-0042' }, "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id AND l.sku LIKE '%SKU-0042%')", []],
    ['q item name "保温"', { q: '保温' }, "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id AND l.item_name LIKE '%保温%')", []],
    ['q item name "Pink Mug XL"', { q: 'Pink Mug XL' }, "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id AND l.item_name LIKE '%Pink Mug XL%')", []],
    ['shop + status + month', { shopId: shopId('Amazon.com'), status: 'shipped', from: '2025-02-01', to: '2025-02-28' },
      "shop_id = ? AND status = 'shipped' AND substr(ordered_at, 1, 10) BETWEEN '2025-02-01' AND '2025-02-28'", [shopId('Amazon.com')]],
  ];
  const cols: Record<string, string> = { orderedAt: 'ordered_at_utc', gross: 'gross', orderNo: 'order_no' };
  const slow: string[] = [];
  const timeOf = async (fn: () => unknown, runs: number) => {
    const xs: number[] = [];
    for (let r = 0; r < runs; r++) xs.push(await time(fn));
    return median(xs);
  };
  console.log(`first page (limit 50) of orders.list through dispatch, median of 5 (after one warm-up) vs raw SELECT … ORDER BY … LIMIT 50 (SQLite's own plan)`);
  console.log(`${'filter'.padEnd(44)}${ORDER_SORTS.map((s) => s.padStart(17)).join('')}`);
  for (const [name, filter, sql, params] of filters) {
    const cells: string[] = [];
    for (const sort of ORDER_SORTS as readonly OrderSort[]) {
      const input = { filter, sort, limit: 50 };
      const run = async () => { const r = await dispatch('orders.list', input); if (!r.ok) throw new Error(JSON.stringify(r.error)); };
      await run();
      const ours = await timeOf(run, 5);
      const col = cols[sort.replace('-', '')]!;
      const dir = sort.startsWith('-') ? 'DESC' : 'ASC';
      const rawQuery = ws.db.prepare(`SELECT * FROM orders WHERE ${sql} ORDER BY ${col} ${dir}, id ${dir} LIMIT 50`);
      const first = await time(() => rawQuery.all(...params));
      const rawMs = first > 200 ? first : await timeOf(() => rawQuery.all(...params), 3);
      if (ours > PAGE_BUDGET_MS) slow.push(`${name} ${sort} ${ours.toFixed(1)} ms`);
      cells.push(`${ours.toFixed(1)}${ours > PAGE_BUDGET_MS ? '!' : ' '}/${rawMs < 1000 ? rawMs.toFixed(0) : (rawMs / 1000).toFixed(1) + 's'}`.padStart(17));
    }
    console.log(`${name.padEnd(44)}${cells.join('')}`);
  }
  console.log(`cells: ours ms / raw ms; "!" = over ${PAGE_BUDGET_MS} ms`);
  console.log(slow.length === 0 ? `every first page under ${PAGE_BUDGET_MS} ms` : `OVER ${PAGE_BUDGET_MS} ms: ${slow.join('; ')}`);
  ws.close();
  return slow.length;
}

if (process.env.BENCH_SKIP_LIST !== '1') {
  const slow = await listBench();
  if (slow > 0) process.exitCode = 1;
}

// ---- stock: on-hand and valuation over 1M moves and 50k SKUs --------------------------------
const STOCK_MOVES = Number(process.env.BENCH_STOCK_MOVES ?? 1_000_000);
const STOCK_SKUS = Number(process.env.BENCH_STOCK_SKUS ?? 50_000);
const ONHAND_BUDGET_MS = 100;

/** A workspace with STOCK_MOVES moves over STOCK_SKUS SKUs × 4 warehouses across two years (seeded). */
async function stockWorkspace(): Promise<string> {
  const dataDir = tmp();
  (await openWorkspace({ dataDir, host: 'cli' })).close();
  const db = new Database(path.join(dataDir, 'ledger.sqlite'));
  const rnd = seededRandom(SEED);
  const t0 = Date.now();
  db.transaction(() => {
    db.prepare("INSERT INTO command_log (id, command, at) VALUES (1, 'bench', '2026-01-01T00:00:00Z')").run();
    const wh = db.prepare("INSERT INTO warehouses (code, name, kind, country) VALUES (?, ?, ?, ?)");
    for (const [code, kind, country] of [['CN', 'domestic', 'CN'], ['FBA-US', 'platform', 'US'], ['LA', 'overseasOwn', 'US'], ['RET', 'returns', 'US']] as const) wh.run(code, code, kind, country);
    const sku = db.prepare("INSERT INTO skus (item_no, goods_name, gmodel, hs_code, unit, legal_unit) VALUES (?, ?, '', '3924100000', '007', '011')");
    for (let i = 0; i < STOCK_SKUS; i++) sku.run(`SKU-${String(i).padStart(6, '0')}`, `商品 ${i}`);
    const move = db.prepare('INSERT INTO stock_moves (date, type, sku_id, warehouse_id, quantity, value, input_value, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)');
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const perSku = Math.floor(STOCK_MOVES / STOCK_SKUS);
    for (let s = 1; s <= STOCK_SKUS; s++) {
      let d = Math.floor(rnd() * 60);
      const unit = 100 + Math.floor(rnd() * 5000);
      move.run(day(d), 'purchase', s, 1, 1000, 1000 * unit, 1000 * unit);
      for (let k = 1; k < perSku; k++) {
        d += 1 + Math.floor(rnd() * 30);
        const q = 1 + Math.floor(rnd() * 20);
        const w = 1 + Math.floor(rnd() * 4);
        move.run(day(Math.min(d, 730)), k % 5 === 0 ? 'purchase' : 'sale', s, w, k % 5 === 0 ? q : -q, (k % 5 === 0 ? q : -q) * unit, null);
      }
    }
  })();
  console.log(`\n${STOCK_MOVES.toLocaleString('en')} stock moves over ${STOCK_SKUS.toLocaleString('en')} SKUs generated (seed ${SEED}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  db.close();
  return dataDir;
}

/**
 * The < 100 ms on-hand budget (issue 6) applies to what the on-hand screen asks for: one page
 * (PAGE positions, keyset-paged) as of any date, through dispatch — that is the interactive number
 * and the one flagged. The full on-hand (all ~200k positions: CLI, export) is reported beside a
 * raw better-sqlite3 read that returns the same rows with no ordering or paging, because its cost
 * is producing 200k rows, not finding them. Valuation (every position with its value, and a total)
 * is compared (target ≤ 3×) with the raw SUM that yields the same thing from the same moves: SUM per
 * SKU × warehouse up to the date ("raw all"). The single grand-total SUM is printed for reference:
 * it returns one row where a valuation must return ~200k, so it is not a like-for-like baseline.
 */
async function stockBench(): Promise<number> {
  // BENCH_STOCK_DIR: reuse (or create once) a generated stock workspace while working on queries.
  const reuse = process.env.BENCH_STOCK_DIR;
  const dataDir = reuse && fs.existsSync(path.join(reuse, 'ledger.sqlite')) ? reuse : await stockWorkspace();
  if (reuse && dataDir !== reuse) fs.cpSync(dataDir, reuse, { recursive: true });
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  const dispatch = createDispatch(createHandlers(ws), (i) => console.error(i));
  const run = (name: string, input: unknown) => async () => { const r = await dispatch(name, input); if (!r.ok) throw new Error(JSON.stringify(r.error)); return r.value; };
  const timeOf = async (fn: () => unknown, runs: number) => { await fn(); const xs: number[] = []; for (let r = 0; r < runs; r++) xs.push(await time(fn)); return median(xs); };
  const rawSum = ws.db.prepare('SELECT sum(quantity), sum(value) FROM stock_moves WHERE date <= ?');
  const rawAll = ws.db.prepare(`SELECT sku_id, warehouse_id, sum(quantity) AS quantity, sum(value) AS value FROM stock_moves WHERE date <= ?
    GROUP BY sku_id, warehouse_id HAVING sum(quantity) <> 0 OR sum(value) <> 0`);
  const PAGE = 200;
  const mid = String(ws.db.prepare('SELECT item_no FROM skus ORDER BY item_no LIMIT 1 OFFSET ?').pluck().get(Math.floor(STOCK_SKUS / 2)));
  let over = 0;
  console.log(`stock through dispatch, median of 5 after a warm-up. Budget < ${ONHAND_BUDGET_MS} ms applies to the on-hand page (${PAGE} positions), any date.`);
  console.log('  raw all = SELECT sku, warehouse, sum(quantity), sum(value) … WHERE date <= asOf GROUP BY sku, warehouse (same rows, unordered, no names)');
  console.log('  raw SUM = SELECT sum(quantity), sum(value) FROM stock_moves WHERE date <= asOf');
  console.log('  read = how valuation read the positions: balances (as of the last move date or later), byPosition (walk of stock_moves_by_position) or byDate (moves up to the date from stock_moves_by_date)');
  const countUpTo = ws.db.prepare('SELECT count(*) FROM stock_moves WHERE date <= ?').pluck();
  const ratios: string[] = [];
  for (const asOf of ['2026-12-31', '2025-06-30', '2024-06-30', '2024-01-15']) {
    const first = await timeOf(run('stock.onHand', { asOf, limit: PAGE }), 5);
    const page = (await run('stock.onHand', { asOf, limit: PAGE })()) as { items: unknown[]; nextCursor: string | null };
    const second = await timeOf(run('stock.onHand', { asOf, limit: PAGE, cursor: page.nextCursor }), 5);
    const middle = await timeOf(run('stock.onHand', { asOf, limit: PAGE, cursor: JSON.stringify([mid, '']) }), 5);
    const oneSku = await timeOf(run('stock.onHand', { asOf, skuId: 4242 }), 5);
    const full = await timeOf(run('stock.onHand', { asOf }), 5);
    const fullCount = ((await run('stock.onHand', { asOf })()) as { items: unknown[] }).items.length;
    const rawFull = await timeOf(() => rawAll.all(asOf), 5);
    const valuation = await timeOf(run('stock.valuation', { asOf }), 5);
    const raw = await timeOf(() => rawSum.get(asOf), 5);
    const worst = Math.max(first, second, middle, oneSku);
    if (worst > ONHAND_BUDGET_MS) over++;
    console.log(`  as of ${asOf}: on-hand page of ${PAGE}: first ${first.toFixed(1)} ms, next ${second.toFixed(1)} ms, middle ${middle.toFixed(1)} ms, one SKU ${oneSku.toFixed(1)} ms${worst > ONHAND_BUDGET_MS ? ` (OVER ${ONHAND_BUDGET_MS} ms)` : ''}`);
    console.log(`    full on-hand (${fullCount.toLocaleString('en')} positions) ${full.toFixed(1)} ms vs raw all ${rawFull.toFixed(1)} ms (${(full / rawFull).toFixed(2)}×)   valuation ${valuation.toFixed(1)} ms vs raw all ${(valuation / rawFull).toFixed(2)}×${valuation / rawFull > 3 ? ' (OVER 3×)' : ''} (grand-total SUM alone ${raw.toFixed(1)} ms, ${(valuation / raw).toFixed(2)}×)`);
    const moves = Number(countUpTo.get(asOf));
    console.log(`    valuation read ${positionReadPath(ws.db, asOf) ?? 'balances'} (${moves.toLocaleString('en')} moves on or before the date)`);
    ratios.push(`${asOf} ${(valuation / rawFull).toFixed(2)}×`);
  }
  console.log(`  valuation / raw per-position SUM per date (target ≤ 3×): ${ratios.join(', ')}`);
  ws.close();
  return over;
}

if (process.env.BENCH_SKIP_STOCK !== '1') {
  if ((await stockBench()) > 0) process.exitCode = 1;
}
