/**
 * `npm run bench`: each case runs our path and a raw better-sqlite3 baseline in the same run,
 * on the same kind of file (WAL, synchronous=FULL, temp folder), and prints the ratio
 * ours / raw (1.00 = no overhead). Median of RUNS runs. Not a pass/fail test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch } from '../../src-main/api/dispatch.ts';

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

console.log(`kuajing bench — Node ${process.version}, SQLite ${new Database(':memory:').prepare('select sqlite_version()').pluck().get()}, ${RUNS} runs, median`);
for (const c of cases) {
  const ours: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < RUNS; r++) { raw.push(await c.raw()); ours.push(await c.ours()); }
  const o = median(ours);
  const b = median(raw);
  const rate = (ms: number) => Math.round(c.units / (ms / 1000)).toLocaleString('en');
  console.log(`\n${c.name}\n  ours ${o.toFixed(1)} ms (${rate(o)} ${c.unit}/s)   raw ${b.toFixed(1)} ms (${rate(b)} ${c.unit}/s)   ratio ${(o / b).toFixed(2)}`);
}
