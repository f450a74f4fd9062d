/**
 * `node test/bench/settlement.ts`: (1) the netting statement of a payout with LINES lines
 * (100k) against a raw `SELECT sum(amount)` over the same rows — target ≤ 3×; (2) the trial
 * balance as of a date over POSTINGS journal lines (1M) from the per-day totals, against a raw
 * GROUP BY over the lines — target < 200 ms. (1b) orders imported after the payout: the cost of
 * recording their late matches on insert, and the statement with those matches read back. Real SQLite file in a temp folder, median of RUNS.
 * Cases (bench-cases.ts): settlement.netting and settlement.nettingLateMatched (≤ 3× raw),
 * settlement.trialBalance (< 200 ms), and reported only: settlement.lateMatchInsert,
 * settlement.nettingMatchedAtImport.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { asWriteDb } from '../../src-main/db/ports.ts';
import { NETTING_CATEGORIES } from '../../src-main/core/forex/settlement-views.ts';
import { categoryAccount } from '../../src-main/core/forex/netting.ts';
import { line } from '../../src-main/core/ledger/entry.ts';
import { minor, sumMinor } from '../../src-main/core/money/index.ts';
import { postEntry, trialBalanceAsOf } from '../../src-main/areas/settlement/journal-store.ts';
import { nettingStatement } from '../../src-main/areas/settlement/settlement-netting.ts';
import { insertPayout } from '../../src-main/areas/settlement/settlement-payout-store.ts';
import { insertShop } from '../../src-main/areas/company/shop-store.ts';
import { makeCase, reportCase, scaled, slowPath } from './bench-cases.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// sizes: multiples of 16 lines (a sixteenth arrive late) and of 10 postings (one entry = 10 lines)
const LINES = Number(process.env.BENCH_LINES ?? scaled(100_000 / 16) * 16);
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? scaled(1_000_000 / 10) * 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown): number {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-bench-settlement-'));
const ws = await openWorkspace({ dataDir: dir, host: 'test' });
// The bench seeds its corpus straight into the file, outside any command (no outbox rows needed).
const db = asWriteDb(ws.read);
const cmd = Number(
  db.prepare("INSERT INTO command_log (command, at) VALUES ('bench', '2026-01-01')").run().lastInsertRowid,
);

// (1) one payout of LINES lines across every category, 20 keys per category.
let t0 = performance.now();
const lines = Array.from({ length: LINES }, (_, i) => {
  const category = NETTING_CATEGORIES[i % NETTING_CATEGORIES.length]!;
  return {
    row: i + 3,
    transactionType: 'Order',
    amountType: category,
    amountDescription: `k${i % 20}`,
    orderNo: `O-${i >> 2}`,
    orderId: null,
    sku: null,
    postedAt: '2026-03-05',
    category,
    account: categoryAccount(category, 'USD'),
    amount: minor(category === 'sales' ? 10_000 + (i % 997) : -(i % 311)),
    cny: minor(0),
  };
});
const deposit = sumMinor(lines.map((l) => l.amount));
const payoutId = db.transaction(() =>
  insertPayout(
    db,
    cmd,
    '2026-03-18',
    {
      source: 'amazon-settlement',
      settlementId: 'BENCH',
      fileName: 'bench.txt',
      fileSha256: '0'.repeat(64),
      periodStart: '2026-03-01',
      periodEnd: '2026-03-15',
      depositDate: '2026-03-17',
      currency: 'USD',
      deposit,
    },
    lines,
    null,
  ),
)();
db.pragma('optimize');
console.log(`settlement bench: seeded ${LINES} payout lines in ${(performance.now() - t0).toFixed(0)} ms`);
const raw = db.prepare('SELECT sum(amount) FROM payout_lines WHERE payout_id = ?').pluck();
console.log(
  `  raw query plan: ${(db.prepare('EXPLAIN QUERY PLAN SELECT sum(amount) FROM payout_lines WHERE payout_id = ?').all(payoutId) as Array<{ detail: string }>).map((r) => r.detail).join('; ')}`,
);
const base = time(() => raw.get(payoutId));
const ours = time(() => {
  const s = nettingStatement(db, payoutId);
  slowPath('settlement.netting', 4 * base);
  if (s.net !== deposit) throw new Error('netting does not add up');
});
reportCase(
  makeCase({
    id: 'settlement.netting',
    ours_ms: ours,
    raw_ms: base,
    target: { op: '<=', limit: 3 },
    note: `netting statement of one payout of ${LINES.toLocaleString('en')} lines vs raw SUM over them`,
  }),
);

// (1b) a quarter of the payout's order numbers arrive as orders after the payout: the insert
// trigger records their late matches, and the statement reads them (declared-vs-received rows).
const shopId = insertShop(db, { platform: 'amazon', name: 'Bench', site: null, currency: 'USD', timeZone: 'UTC' }).id;
const lateOrders = Math.floor(LINES / 16);
const insertOrder =
  db.prepare(`INSERT INTO orders (shop_id, platform, order_no, status, platform_status, ordered_at, ordered_at_utc, currency, fulfilment,
  goods, discount, shipping, gift_wrap, tax_on_top, gross, units, origin, revision, content_hash)
  VALUES (?, 'amazon', ?, 'shipped', 'Shipped', '2026-03-05', '2026-03-05T00:00:00.000Z', 'USD', 'platform', 1000, 0, 0, 0, 0, 1000, 1, 'import', 1, 'bench')`);
const insertPlain =
  db.prepare(`INSERT INTO orders (shop_id, platform, order_no, status, platform_status, ordered_at, ordered_at_utc, currency, fulfilment,
  goods, discount, shipping, gift_wrap, tax_on_top, gross, units, origin, revision, content_hash)
  VALUES (?, 'shopify', ?, 'shipped', 'Shipped', '2026-03-05', '2026-03-05T00:00:00.000Z', 'USD', 'platform', 1000, 0, 0, 0, 0, 1000, 1, 'import', 1, 'bench')`);
t0 = performance.now();
db.transaction(() => {
  for (let i = 0; i < lateOrders; i++) insertOrder.run(shopId, `O-${i * 4}`);
})();
const withTrigger = performance.now() - t0;
t0 = performance.now();
db.transaction(() => {
  for (let i = 0; i < lateOrders; i++) insertPlain.run(shopId, `X-${i * 4}`);
})();
const withoutMatch = performance.now() - t0;
db.pragma('optimize');
reportCase(
  makeCase({
    id: 'settlement.lateMatchInsert',
    ours_ms: withTrigger,
    raw_ms: withoutMatch,
    target: null,
    note: `${lateOrders.toLocaleString('en')} orders inserted after the payout (late matches recorded) vs as many orders naming no payout line`,
  }),
);
const lateBase = time(() => raw.get(payoutId));
const late = time(() => {
  const s = nettingStatement(db, payoutId);
  slowPath('settlement.nettingLateMatched', 4 * lateBase);
  if (s.declarations.length !== lateOrders) throw new Error(`late matches: ${s.declarations.length}`);
});
reportCase(
  makeCase({
    id: 'settlement.nettingLateMatched',
    ours_ms: late,
    raw_ms: lateBase,
    target: { op: '<=', limit: 3 },
    note: `the same statement with ${lateOrders.toLocaleString('en')} orders matched after the payout vs raw SUM`,
  }),
);
// The same payout matched at import (line.order_id set) for comparison: late matching costs about what import-time matching does.
const xIds = new Map(
  (
    db.prepare("SELECT order_no, id FROM orders WHERE order_no LIKE 'X-%'").all() as Array<{
      order_no: string;
      id: number;
    }>
  ).map((r) => [r.order_no, r.id]),
);
const matchedId = db.transaction(() =>
  insertPayout(
    db,
    cmd,
    '2026-03-18',
    {
      source: 'amazon-settlement',
      settlementId: 'BENCH-MATCHED',
      fileName: 'bench-matched.txt',
      fileSha256: '1'.repeat(64),
      periodStart: '2026-03-01',
      periodEnd: '2026-03-15',
      depositDate: '2026-03-17',
      currency: 'USD',
      deposit,
    },
    lines.map((l) => ({
      ...l,
      orderNo: l.orderNo.replace('O-', 'X-'),
      orderId: xIds.get(l.orderNo.replace('O-', 'X-')) ?? null,
    })),
    null,
  ),
)();
db.pragma('optimize');
const early = time(() => {
  const s = nettingStatement(db, matchedId);
  if (s.declarations.length !== lateOrders) throw new Error(`matched: ${s.declarations.length}`);
});
reportCase(
  makeCase({
    id: 'settlement.nettingMatchedAtImport',
    ours_ms: early,
    raw_ms: lateBase,
    target: null,
    note: `the statement with the orders matched at import (late / import-time ${(late / early).toFixed(2)}) vs raw SUM`,
  }),
);

// (2) POSTINGS journal lines: entries of 10 lines over a year, 2 currencies.
t0 = performance.now();
const PER = 10;
db.transaction(() => {
  const rate = (d: string) => ({ currency: 'USD' as const, date: d, rate: '7.100000', source: 'pboc' as const });
  for (let e = 0; e < POSTINGS / PER; e++) {
    const day = new Date(Date.UTC(2025, 0, 1) + (e % 365) * 86_400_000).toISOString().slice(0, 10);
    const amounts = [101 + (e % 50), 202, 303, 404];
    const total = amounts.reduce((s, a) => s + a, 0);
    postEntry(db, cmd, 'now', {
      date: day,
      memo: 'bench',
      sourceKind: 'manual',
      sourceId: String(e),
      evidence: null,
      reversesId: null,
      lines: [
        line('1122.USD', total, { amount: minor(total), rate: rate(day) }),
        line('5601.01', amounts[0]!),
        line('5601.02', amounts[1]!),
        line('5601.03', amounts[2]!),
        line('5601.04', amounts[3]!),
        line('5001', 1 - total),
        line('5001.01', -1),
        line('1002', -amounts[0]! - amounts[1]!),
        line('1405', -amounts[2]!),
        line('5603.01', -amounts[3]!),
      ],
    });
  }
})();
db.pragma('optimize');
const lineCount = db.prepare('SELECT count(*) FROM journal_lines').pluck().get() as number;
console.log(`  seeded ${lineCount} journal lines in ${(performance.now() - t0).toFixed(0)} ms`);
const rawTb = db.prepare('SELECT account, sum(debit), sum(credit) FROM journal_lines WHERE date <= ? GROUP BY account');
const tb = time(() => {
  const r = trialBalanceAsOf(db, '2025-09-30');
  slowPath('settlement.trialBalance', 250);
  if (!r.balanced) throw new Error('not balanced');
});
const tbRaw = time(() => rawTb.all('2025-09-30'));
reportCase(
  makeCase({
    id: 'settlement.trialBalance',
    ours_ms: tb,
    raw_ms: tbRaw,
    value: tb,
    unit: 'ms',
    target: { op: '<', limit: 200 },
    note: `trial balance as of a date over ${lineCount.toLocaleString('en')} journal lines (per-day totals) vs raw GROUP BY over the lines`,
  }),
);
ws.close();
fs.rmSync(dir, { recursive: true, force: true });
