/**
 * Migration 0009 on a real workspace: a ledger at schema 8 whose purchases and landed costs were
 * posted as 'cogs' (as before 0009) upgrades to 'stock' with every row, index and trigger of
 * journal_entries kept, the trial balance unchanged and posting still once per move.
 */
import { minor } from '../../src-main/core/money/index.ts';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import { defaultMigrationsDir, loadMigrations } from '../../src-main/db/migrate.ts';
import { postEntry, reverseEntry } from '../../src-main/areas/settlement/journal-store.ts';
import { cogsEntry, stockInEntry } from '../../src-main/core/ledger/postings.ts';
import { tempDir } from '../helpers/workspace.ts';
import { valueOf as ok } from '../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** The migrations up to `version` only. */
function migrationsUpTo(version: number): string {
  const dir = tempDir('kuajing-mig-');
  for (const m of loadMigrations().filter((x) => x.version <= version)) {
    const f = `${String(m.version).padStart(4, '0')}-${m.name}.sql`;
    fs.copyFileSync(path.join(defaultMigrationsDir(), f), path.join(dir, f));
  }
  return dir;
}

/** A workspace in `dataDir` migrated with `migrationsDir` (default: all), its clock on 2026-04-10. */
async function open(dataDir: string, migrationsDir?: string): Promise<{ ws: Workspace; dispatch: Dispatch }> {
  const ws = await openWorkspace({ dataDir, host: 'test', ...(migrationsDir ? { migrationsDir } : {}) });
  (ws as { clock: () => Date }).clock = () => new Date('2026-04-10T00:00:00Z');
  opened.push(ws);
  return { ws, dispatch: createDispatch(createHandlers(ws), () => undefined) };
}

interface EntryRow {
  id: number;
  date: string;
  memo: string;
  source_kind: string;
  source_id: string;
  evidence: string | null;
  reverses_id: number | null;
  command_id: number;
  posted_at: string;
}
const entries = (ws: Workspace) => ws.read.prepare('SELECT * FROM journal_entries ORDER BY id').all() as EntryRow[];
const entrySchema = (ws: Workspace) =>
  ws.read
    .prepare(
      "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'journal_entries' AND type IN ('index', 'trigger') ORDER BY name",
    )
    .all();
/** Debit and credit per account, summed straight from the lines (the trial balance's source). */
const lineTotals = (ws: Workspace) =>
  ws.read
    .prepare(
      'SELECT account, sum(debit) AS debit, sum(credit) AS credit FROM journal_lines GROUP BY account ORDER BY account',
    )
    .all();
const otherSchema = (ws: Workspace) =>
  ws.read
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name <> 'journal_entries' AND tbl_name <> 'journal_entries' ORDER BY name",
    )
    .all();

describe('migration 0009 journal stock kind', () => {
  it('turns purchases and landed costs posted as cogs at schema 8 into stock, keeping everything else', async () => {
    const dataDir = tempDir();
    const v8 = await open(dataDir, migrationsUpTo(8));
    const { ws } = v8;
    expect(ws.read.pragma('user_version', { simple: true })).toBe(8);
    // The ledger as the schema-8 code left it, written in that schema's own columns (today's code writes
    // columns of later migrations): a SKU, two warehouses, a purchase and a landed cost, and what that code
    // posted for them — stock in as 'cogs' on 'move:<id>', next to a real cost of goods entry, one reversed.
    const ids = ws.uow.run('test.v8Ledger', (tx) => {
      const insert = (sql: string, ...args: unknown[]) => Number(tx.db.prepare(sql).run(...args).lastInsertRowid);
      const sku = insert(
        "INSERT INTO skus (item_no, goods_name, gmodel, hs_code, unit, legal_unit) VALUES ('CUP', '陶瓷杯', '', '6912001000', '007', '011')",
      );
      const cn = insert("INSERT INTO warehouses (code, name, kind, country) VALUES ('CN-1', 'SZ', 'domestic', 'CN')");
      const us = insert(
        "INSERT INTO warehouses (code, name, kind, country) VALUES ('US-1', 'LA', 'overseasOwn', 'US')",
      );
      const move =
        'INSERT INTO stock_moves (date, type, sku_id, warehouse_id, quantity, value, input_value, reference, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
      const po1 = insert(move, '2026-03-01', 'purchase', sku, cn, 10, 12_500, 12_500, 'PO-1', tx.commandId);
      insert(move, '2026-03-03', 'landedCost', sku, us, 0, 3_000, 3_000, 'BN-1', tx.commandId);
      const moves = tx.db
        .prepare(
          "SELECT id, type, date, reference, input_value AS cost, value FROM stock_moves WHERE type IN ('purchase', 'landedCost') ORDER BY id",
        )
        .all() as Array<{
        id: number;
        type: 'purchase' | 'landedCost';
        date: string;
        reference: string | null;
        cost: number;
        value: number;
      }>;
      for (const m of moves) {
        const draft = stockInEntry({
          moveId: m.id,
          type: m.type,
          date: m.date,
          reference: m.reference,
          cost: minor(m.cost),
          toCogs: minor(m.type === 'landedCost' ? m.cost - m.value : 0),
        });
        postEntry(tx.db, tx.commandId, tx.now, { ...draft, sourceKind: 'cogs' });
      }
      const cogs = postEntry(tx.db, tx.commandId, tx.now, cogsEntry(1, 'A-1', '2026-03-05', minor(500)));
      reverseEntry(tx.db, tx.commandId, tx.now, cogs, '录错');
      return { sku, cn, po1 };
    });
    const before = { entries: entries(ws), schema: entrySchema(ws), other: otherSchema(ws), totals: lineTotals(ws) };
    expect(before.entries.filter((e) => e.source_kind === 'cogs')).toHaveLength(3);
    ws.close();

    // 0009 alone: only journal_entries changes, and only the kind of the stock entries.
    const v9 = await open(dataDir, migrationsUpTo(9));
    const db9 = v9.ws.read;
    expect(db9.pragma('user_version', { simple: true })).toBe(9);
    expect(db9.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db9.pragma('foreign_key_check')).toEqual([]);
    expect(db9.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(fs.readdirSync(dataDir, { recursive: true }).some((f) => /-v8-.*\.sqlite$/.test(String(f)))).toBe(true);
    const after = entries(v9.ws);
    expect(after).toEqual(
      before.entries.map((e) => ({ ...e, source_kind: e.source_id.startsWith('move:') ? 'stock' : e.source_kind })),
    );
    expect(
      after
        .filter((e) => e.source_kind === 'stock')
        .map((e) => e.memo.split(' ')[0])
        .sort(),
    ).toEqual(['到岸费用', '采购入库']);
    expect(entrySchema(v9.ws)).toEqual(before.schema);
    expect(otherSchema(v9.ws)).toEqual(before.other);
    expect(lineTotals(v9.ws)).toEqual(before.totals);
    // The journal is still append-only and balanced at insert.
    expect(() => db9.prepare("UPDATE journal_entries SET memo = 'x' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db9.prepare('DELETE FROM journal_entries WHERE id = 1').run()).toThrow(/append-only/);
    v9.ws.close();

    // Then today's code on the fully migrated file: converted entries still count as posted; new ones
    // are 'stock'; a converted one is reversed once.
    const now = await open(dataDir);
    const db = now.ws.read;
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(await ok(now.dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 0, stockReversed: 0 });
    const [po2] = await ok<Array<{ id: number }>>(
      now.dispatch('stock.moves.post', {
        date: '2026-03-20',
        type: 'purchase',
        skuId: ids.sku,
        warehouseId: ids.cn,
        quantity: 4,
        unitCost: '10.00',
        reference: 'PO-2',
      }),
    );
    expect(await ok(now.dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 1, stockReversed: 0 });
    expect(
      db.prepare('SELECT source_kind FROM journal_entries WHERE source_id = ?').pluck().all(`move:${po2!.id}`),
    ).toEqual(['stock']);
    await ok(now.dispatch('stock.moves.reverse', { moveId: po2!.id, reason: '错发退回' }));
    expect(await ok(now.dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 0, stockReversed: 1 });
    expect(await ok(now.dispatch('journal.postPeriod', {}))).toMatchObject({ stockIn: 0, stockReversed: 0 });
    const converted = db
      .prepare("SELECT id FROM journal_entries WHERE source_kind = 'stock' AND source_id = ?")
      .pluck()
      .get(`move:${ids.po1}`) as number;
    expect(converted).toBeGreaterThan(0);
    expect(
      (await ok<{ balanced: boolean }>(now.dispatch('journal.trialBalance', { asOf: '2026-12-31' }))).balanced,
    ).toBe(true);
    expect(await ok(now.dispatch('journal.entries', { sourceKind: 'stock' }))).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: converted, sourceKind: 'stock' })]),
    });
  });
});
