/**
 * Training sandboxes (issue 18 point 1 and 3): a workspace marked as a sandbox in its own file (the
 * `training.sandbox` setting, see areas/sync/target-guard.ts), loaded from a scenario: the seeded demo
 * files (imports/demo, as `kuajing demo`) named by `preload` are imported through the same commands
 * the screens use, and the scenario's trainee files are written to `files/` with their planted faults
 * (an unknown status word, rows whose quantity is not a number). Loading runs on the scenario's fixed
 * clock, so the same seed gives the same business tables (`businessDigest`). The caller opens the
 * workspace and passes the hosts' dispatch (`call`): this area never imports api/.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../../core/domain-error.ts';
import { putSetting } from '../../db/settings-store.ts';
import type { ReadDb } from '../../db/ports.ts';
import { writeDemoFiles } from '../imports/index.ts';
import { readSandboxMarker, SANDBOX_SETTING, type SandboxMarker } from '../sync/index.ts';
import type { Workspace } from '../workspace.ts';
import type { Scenario, TraineeFile } from './catalog.ts';
import { ensureProgress } from './progress.ts';
import { PLANTED_DECLARATIONS_SETTING, writeDeclarationFiles } from './declaration-files.ts';

export type CallResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly error: { readonly code: string; readonly params: Readonly<Record<string, string | number>> };
    };
export type Call = (name: string, input: unknown) => Promise<CallResult>;

export const SANDBOX_NAME = /^[A-Za-z0-9_-]{1,40}$/;
export const SANDBOXES_DIR = 'sandboxes';
export const TRAINEE_FILES_DIR = 'files';
/** The order numbers the planted faults hit, per trainee file (the lessons' checks read them). */
export const PLANTED_SETTING = 'training.planted';

export function sandboxOf(ws: Workspace): SandboxMarker | null {
  return readSandboxMarker(ws.read);
}

async function ok(call: Call, file: string, name: string, input: unknown): Promise<unknown> {
  const r = await call(name, input);
  if (!r.ok) throw new DomainError('training.scenarioImport', { file, code: r.error.code });
  return r.value;
}

/** Marks the (new, empty) workspace as a sandbox and loads the scenario into it. */
export async function loadScenario(
  ws: Workspace,
  scenario: Scenario,
  seed: number,
  call: Call,
  opts: { readonly name: string; readonly id?: string },
): Promise<SandboxMarker> {
  if (!SANDBOX_NAME.test(opts.name)) throw new DomainError('training.sandboxName', { name: opts.name });
  const marker: SandboxMarker = {
    id: opts.id ?? crypto.randomUUID(),
    name: opts.name,
    scenario: scenario.name,
    seed,
    createdAt: ws.clock().toISOString(),
  };
  ws.uow.run('training.sandbox.create', (tx) => putSetting(tx.db, SANDBOX_SETTING, marker));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-scenario-'));
  try {
    await writeDemoFiles({ seed, orders: scenario.ordersPerFile, outDir: tmp });
    for (const file of scenario.preload) {
      const contentBase64 = fs.readFileSync(path.join(tmp, file)).toString('base64');
      const preview = (await ok(call, file, 'imports.preview', { fileName: file, contentBase64, source: 'auto' })) as {
        previewId: string;
      };
      await ok(call, file, 'imports.confirm', { previewId: preview.previewId, acceptValidRows: true });
    }
    const filesDir = path.join(ws.dataDir, TRAINEE_FILES_DIR);
    fs.mkdirSync(filesDir, { recursive: true });
    for (const f of scenario.extraFiles ?? []) fs.copyFileSync(path.join(tmp, f), path.join(filesDir, f));
    const planted: Record<string, PlantedFaults> = {};
    for (const t of scenario.trainee) {
      const tsv = fs.readFileSync(path.join(tmp, t.file), 'utf8');
      planted[t.file] = plantedFaults(tsv, t);
      fs.writeFileSync(path.join(filesDir, t.file), plantFaults(tsv, t));
    }
    const declarations = writeDeclarationFiles(ws, scenario, filesDir);
    ws.uow.run('training.sandbox.create', (tx) => {
      putSetting(tx.db, PLANTED_SETTING, planted);
      putSetting(tx.db, PLANTED_DECLARATIONS_SETTING, declarations);
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  ensureProgress(ws.dataDir, marker);
  return marker;
}

/** The planted faults of a trainee file (Amazon TSV): which orders carry them. */
export interface PlantedFaults {
  readonly unknownStatusOrders: readonly string[];
  readonly badQuantityOrders: readonly string[];
}

/** Plants the faults into an Amazon order report (TSV): the first orders get the unknown status, later rows a quantity that is no number. */
export function plantFaults(tsv: string, t: TraineeFile): string {
  const lines = tsv.split('\n');
  const head = lines[0]!.split('\t');
  const [idCol, statusCol, qtyCol] = ['amazon-order-id', 'order-status', 'quantity'].map((h) => head.indexOf(h));
  const planted = plantedFaults(tsv, t);
  return lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split('\t');
      if (planted.unknownStatusOrders.includes(cells[idCol!]!)) cells[statusCol!] = t.plant.unknownStatus.word;
      if (planted.badQuantityOrders.includes(cells[idCol!]!)) cells[qtyCol!] = 'two';
      return cells.join('\t');
    })
    .join('\n');
}

/** Which order numbers a trainee file's faults hit (from the unplanted or planted file: same order numbers). */
export function plantedFaults(tsv: string, t: TraineeFile): PlantedFaults {
  const lines = tsv.split('\n').filter((l) => l !== '');
  const head = lines[0]!.split('\t');
  const idCol = head.indexOf('amazon-order-id');
  const ids = [...new Set(lines.slice(1).map((l) => l.split('\t')[idCol]!))];
  const unknownStatusOrders = ids.slice(0, t.plant.unknownStatus.orders);
  const badQuantityOrders = ids.slice(ids.length - t.plant.badQuantityOrders);
  return { unknownStatusOrders, badQuantityOrders };
}

/** The tables that hold the business (not logs, settings, audit or sync state). */
const BUSINESS_TABLES = [
  'company_profile',
  'shops',
  'orders',
  'order_lines',
  'line_texts',
  'order_fees',
  'order_refunds',
  'status_mappings',
  'skus',
  'platform_skus',
  'warehouses',
  'stock_moves',
  'stock_layers',
  'shipments',
  'shipment_lines',
  'payouts',
  'payout_lines',
  'journal_entries',
  'journal_lines',
  'customs_documents',
  'customs_shipping',
];

/** SHA-256 over the rows of the business tables (in rowid order): equal for two sandboxes loaded from the same scenario and seed. */
export function businessDigest(db: ReadDb): string {
  const h = crypto.createHash('sha256');
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  for (const t of BUSINESS_TABLES) {
    if (!present.has(t)) continue;
    h.update(`#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().iterate())
      h.update(JSON.stringify(row) + '\n');
  }
  return h.digest('hex');
}
