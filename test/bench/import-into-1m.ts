/**
 * `import.amazon100kInto1m` (issue 19, point 2; part `import` of run.ts): the same Amazon file as
 * `import.amazon100k`, imported into a copy of the bench's 1,000,000-order workspace (the list
 * bench's, `BENCH_LIST_DIR` reuses one) instead of an empty one — every secondary index and the
 * month totals already hold a million orders, so dropping and rebuilding indexes cannot win here.
 * Same targets: ≤ 2.5× raw inserts of the same rows into the same schema (a copy of the same file)
 * AND ≤ 4× raw inserts into a copy whose secondary indexes, triggers and FTS table are dropped
 * (bare_ms; dropped before the clock starts). Each side gets a fresh copy per run (an import
 * changes it), removed right after; ours opens it as a workspace (the audit trail on) and times
 * imports.preview + imports.confirm through dispatch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { createImportsHandlers } from '../../src-main/areas/imports/handlers.ts';
import type { ParsedImport } from '../../src-main/core/orders/order.ts';
import { makeCase, reportCase, slowPath } from './bench-cases.ts';

export interface ImportInto1mOptions {
  /** The 1M-order workspace folder (never changed: every run works on a copy). */
  readonly master: string;
  readonly runs: number;
  readonly parsed: ParsedImport;
  readonly orders: number;
  readonly lines: number;
  readonly ratio: number;
  readonly bareRatio: number;
  /** run.ts's raw inserts of the file's rows (line text ids after `textBase`); closes the handle. */
  readonly rawImport: (db: Database.Database, textBase: number) => Promise<number>;
  /** Drops every secondary index and trigger (the bare tables). */
  readonly dropSecondary: (db: Database.Database) => void;
  /** One run's line (ours, raw, bare, ratios). */
  readonly runLine: (ours: number, raw: number, bare: number) => string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** A fresh copy of the master workspace folder (its ledger file only: backups stay behind). */
function copyOf(master: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-bench-into1m-'));
  for (const f of fs.readdirSync(master))
    if (f.startsWith('ledger.sqlite')) fs.copyFileSync(path.join(master, f), path.join(dir, f));
  return dir;
}

function rawDbOn(dir: string): Database.Database {
  const db = new Database(path.join(dir, 'ledger.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

export async function importInto1mBench(o: ImportInto1mOptions): Promise<void> {
  // migrate the master once (the list bench opens it the same way), so no copy migrates on the clock
  (await openWorkspace({ dataDir: o.master, host: 'cli' })).close();
  const probe = new Database(path.join(o.master, 'ledger.sqlite'), { readonly: true });
  const existing = Number(probe.prepare('SELECT count(*) FROM orders').pluck().get());
  const textBase = Number(probe.prepare('SELECT coalesce(max(id), 0) FROM line_texts').pluck().get());
  probe.close();
  const ours: number[] = [];
  const raw: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < o.runs; r++) {
    let dir = copyOf(o.master);
    try {
      raw.push(await o.rawImport(rawDbOn(dir), textBase));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    dir = copyOf(o.master);
    try {
      const db = rawDbOn(dir);
      o.dropSecondary(db);
      bare.push(await o.rawImport(db, textBase));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    dir = copyOf(o.master);
    try {
      const ws = await openWorkspace({ dataDir: dir, host: 'cli' });
      const dispatch = createDispatch(
        { ...createHandlers(ws), ...createImportsHandlers(ws, async () => o.parsed) },
        () => undefined,
      );
      const rawMs = raw[raw.length - 1]!;
      ours.push(
        await time(async () => {
          const p = await dispatch('imports.preview', {
            fileName: 'amazon-all-orders.txt',
            contentBase64: 'AA==',
            source: 'auto',
          });
          if (!p.ok) throw new Error(JSON.stringify(p.error));
          const c = await dispatch('imports.confirm', {
            previewId: (p.value as { previewId: string }).previewId,
          });
          if (!c.ok) throw new Error(JSON.stringify(c.error));
          if ((c.value as { new: number }).new !== o.orders)
            throw new Error(`expected ${o.orders} new orders, got ${JSON.stringify(c.value).slice(0, 300)}`);
          slowPath('import.amazon100kInto1m', 2 * rawMs);
        }),
      );
      ws.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(`    run ${r + 1}: ${o.runLine(ours[r]!, raw[r]!, bare[r]!)}`);
  }
  const oursMs = median(ours);
  const bareMs = median(bare);
  reportCase(
    makeCase({
      id: 'import.amazon100kInto1m',
      ours_ms: oursMs,
      raw_ms: median(raw),
      bare_ms: bareMs,
      also: oursMs / bareMs <= o.bareRatio,
      target: { op: '<=', limit: o.ratio, text: `≤ ${o.ratio}× raw; ≤ ${o.bareRatio}× bare` },
      note:
        `imports.preview + imports.confirm of ${o.orders.toLocaleString('en')} Amazon orders (${o.lines.toLocaleString('en')} lines) into a copy of the ` +
        `${existing.toLocaleString('en')}-order workspace vs raw inserts of the same rows into a copy of the same file; bare = that copy without secondary indexes, triggers or FTS`,
    }),
  );
}
