/**
 * Export everything as CSV and JSON in one zip, and load such a zip into a new workspace (issue 16
 * point 4). The zip holds, per table of the ledger, `csv/<table>.csv` (UTF-8 with BOM, a header
 * row: for people and spreadsheets) and `data/<table>.jsonl` (one JSON array per row, exact: what
 * an import reads), and `manifest.json`: format, schema version, time, per table its columns, rows
 * and the SHA-256 of its JSON lines, and one digest over them. The audit trail is the file's own
 * history and is not exported (a loaded workspace starts its trail with one entry recording every
 * row); FTS indexes are rebuilt, not copied.
 *
 * Both ways stream (fflate's streaming Zip / Unzip, rows iterated): memory stays bounded on any
 * ledger. Loading runs in one transaction on a new, empty workspace folder, with the triggers
 * lifted while the rows go in as they were (derived tables included), the foreign keys checked, and
 * the digest of what was loaded compared with the manifest's before it commits
 * (`archive.digestMismatch`); a folder that already holds a ledger is refused (`archive.targetExists`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';
import Papa from 'papaparse';
import { DomainError } from '../../core/domain-error.ts';
import { reconcileAudit } from '../../db/audit-chain.ts';
import { openForBulkLoad } from '../../db/bulk-load.ts';
import { loadMigrations } from '../../db/migrate.ts';
import { openLedger, type Db } from '../../db/open-ledger.ts';
import type { ReadDb } from '../../db/ports.ts';
import type { Workspace } from '../workspace.ts';
import type { ExportSummary } from './contract.ts';

export const ARCHIVE_FORMAT = 'kuajing-archive/1';
const NOT_EXPORTED = new Set(['audit_entry', 'audit_row']);
const CHUNK_ROWS = 2000;

export interface ArchiveTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: number;
  readonly sha256: string;
}

export interface ArchiveManifest {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly tables: readonly ArchiveTable[];
  /** SHA-256 over `name:sha256` of every table, in name order: equal for equal business data. */
  readonly digest: string;
}

const q = (n: string) => `"${n.replace(/"/g, '""')}"`;

interface TableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  readonly withoutRowid: boolean;
}

/** The tables an archive carries: every table but SQLite's own, the audit trail and virtual (FTS) tables with their shadows. */
function archivedTables(db: ReadDb | Db): TableInfo[] {
  const all = db
    .prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string; sql: string }>;
  const virtual = all.filter((t) => /^CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql)).map((t) => t.name);
  return all
    .filter((t) => !NOT_EXPORTED.has(t.name) && !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .map((t) => ({
      name: t.name,
      // stored columns only: generated ones are computed again from them
      columns: (db.prepare(`PRAGMA main.table_xinfo(${q(t.name)})`).all() as Array<{ name: string; hidden: number }>)
        .filter((c) => c.hidden === 0)
        .map((c) => c.name),
      withoutRowid: /WITHOUT\s+ROWID/i.test(t.sql),
    }));
}

/** A value as one JSON token: integers beyond 2^53 as {"$int": "…"}, blobs as {"$b64": "…"}. */
function encodeValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : { $int: v.toString() };
  if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') };
  return v;
}

function decodeValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object') {
    const o = v as { $int?: string; $b64?: string };
    if (o.$int !== undefined) return BigInt(o.$int);
    if (o.$b64 !== undefined) return Buffer.from(o.$b64, 'base64');
  }
  return v;
}

/** Each table's rows, values encoded for JSON, in a fixed order (the same on export and after loading). */
function* tableRows(db: ReadDb | Db, t: TableInfo): Generator<unknown[]> {
  const order = t.withoutRowid ? '' : ' ORDER BY rowid';
  const stmt = db
    .prepare(`SELECT ${t.columns.map(q).join(', ')} FROM main.${q(t.name)}${order}`)
    .raw(true)
    .safeIntegers(true);
  for (const row of stmt.iterate() as Iterable<unknown[]>) yield row.map(encodeValue);
}

/** A row as its JSON line: what `data/<table>.jsonl` holds and the table's SHA-256 is taken over. */
const jsonLine = (row: readonly unknown[]) => `${JSON.stringify(row)}\n`;

function digestOf(tables: readonly ArchiveTable[]): string {
  const h = createHash('sha256');
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) h.update(`${t.name}:${t.sha256}\n`);
  return h.digest('hex');
}

/** The digest an archive of this ledger would carry (to compare a loaded workspace with its source). */
export function ledgerDigest(db: ReadDb | Db): { readonly digest: string; readonly tables: readonly ArchiveTable[] } {
  const tables = archivedTables(db).map((t) => {
    const h = createHash('sha256');
    let rows = 0;
    for (const row of tableRows(db, t)) {
      h.update(jsonLine(row));
      rows++;
    }
    return { name: t.name, columns: t.columns, rows, sha256: h.digest('hex') };
  });
  return { digest: digestOf(tables), tables };
}

const encoder = new TextEncoder();

/** Writes the zip to `out` (streamed: rows are read, deflated and written chunk by chunk); returns its manifest. */
export function exportArchive(db: ReadDb, out: string, at: Date): ArchiveManifest {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.part`;
  const fd = fs.openSync(tmp, 'w');
  let finished = false;
  let closed = false;
  try {
    // fflate's streaming Zip calls back synchronously as each deflated chunk is ready
    const zip = new Zip((err, chunk, final) => {
      if (err) throw err;
      fs.writeSync(fd, chunk);
      if (final) finished = true;
    });
    const tables: ArchiveTable[] = [];
    for (const t of archivedTables(db)) {
      const data = new ZipDeflate(`data/${t.name}.jsonl`, { level: 6 });
      const csv = new ZipDeflate(`csv/${t.name}.csv`, { level: 6 });
      zip.add(data);
      zip.add(csv);
      csv.push(encoder.encode(`\uFEFF${Papa.unparse([t.columns as string[]])}\r\n`));
      const h = createHash('sha256');
      let rows = 0;
      let lines: string[] = [];
      let cells: unknown[][] = [];
      const flush = () => {
        if (lines.length === 0) return;
        data.push(encoder.encode(lines.join('')));
        csv.push(encoder.encode(`${Papa.unparse(cells as string[][], { newline: '\r\n' })}\r\n`));
        lines = [];
        cells = [];
      };
      for (const row of tableRows(db, t)) {
        const line = jsonLine(row);
        h.update(line);
        rows++;
        lines.push(line);
        cells.push(row.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v)));
        if (lines.length >= CHUNK_ROWS) flush();
      }
      flush();
      data.push(new Uint8Array(0), true);
      csv.push(new Uint8Array(0), true);
      tables.push({ name: t.name, columns: t.columns, rows, sha256: h.digest('hex') });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      schemaVersion: Number(db.pragma('user_version', { simple: true })),
      exportedAt: at.toISOString(),
      tables,
      digest: digestOf(tables),
    };
    const file = new ZipDeflate('manifest.json', { level: 6 });
    zip.add(file);
    file.push(encoder.encode(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    if (!finished) throw new Error('the zip stream did not finish');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    closed = true;
    fs.renameSync(tmp, out);
    return manifest;
  } catch (e) {
    if (!closed) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** `maintenance.export`: the whole workspace into `exports/kuajing-export-<time>.zip` beside its ledger. */
export function exportWorkspace(ws: Workspace): ExportSummary {
  const at = ws.clock();
  const name = `exports/kuajing-export-${at.toISOString().replace(/[:.]/g, '-')}.zip`;
  const m = exportArchive(ws.read, path.join(ws.dataDir, name), at);
  return { file: name, tables: m.tables.length, rows: m.tables.reduce((n, t) => n + t.rows, 0), digest: m.digest };
}

/** Streams the entries of a zip file to `onEntry` (name, then its bytes in chunks and a final call). */
async function readZip(
  file: string,
  onEntry: (name: string) => ((chunk: Uint8Array, final: boolean) => void) | null,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const unzip = new Unzip((entry) => {
      const sink = onEntry(entry.name);
      if (!sink) return;
      entry.ondata = (err, chunk, final) => {
        if (err) return reject(new DomainError('archive.unreadable', { file, detail: err.message }));
        try {
          sink(chunk, final);
        } catch (e) {
          reject(e);
        }
      };
      entry.start();
    });
    unzip.register(UnzipInflate);
    const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    stream.on('data', (b) => {
      try {
        unzip.push(b as Buffer);
      } catch (e) {
        stream.destroy();
        reject(new DomainError('archive.unreadable', { file, detail: String(e) }));
      }
    });
    stream.on('error', (e) => reject(new DomainError('archive.unreadable', { file, detail: e.message })));
    stream.on('end', () => {
      try {
        unzip.push(new Uint8Array(0), true);
        resolve();
      } catch (e) {
        reject(new DomainError('archive.unreadable', { file, detail: String(e) }));
      }
    });
  });
}

async function readManifest(file: string): Promise<ArchiveManifest> {
  const parts: Uint8Array[] = [];
  await readZip(file, (name) => (name === 'manifest.json' ? (chunk) => parts.push(chunk) : null));
  if (parts.length === 0) throw new DomainError('archive.notAnArchive', { file });
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(Buffer.concat(parts).toString('utf8')) as ArchiveManifest;
  } catch {
    throw new DomainError('archive.notAnArchive', { file });
  }
  if (manifest.format !== ARCHIVE_FORMAT) throw new DomainError('archive.notAnArchive', { file });
  return manifest;
}

export interface ArchiveImport {
  readonly tables: number;
  readonly rows: number;
  readonly digest: string;
}

/** Loads an archive into `ledgerFile`, which must not exist yet (a new workspace). */
export async function importArchive(file: string, ledgerFile: string, at: Date): Promise<ArchiveImport> {
  if (!fs.existsSync(file)) throw new DomainError('archive.notFound', { file });
  if (fs.existsSync(ledgerFile)) throw new DomainError('archive.targetExists', { file: ledgerFile });
  const manifest = await readManifest(file);
  const latest = loadMigrations().length;
  if (manifest.schemaVersion !== latest)
    throw new DomainError('archive.schemaMismatch', { file, version: manifest.schemaVersion, supported: latest });
  (await openLedger(ledgerFile)).db.close(); // a new, empty ledger at the same schema
  const db = openForBulkLoad(ledgerFile); // foreign keys checked as a whole before commit; the trail records the load as one entry
  try {
    const tables = new Map(archivedTables(db).map((t) => [t.name, t]));
    for (const t of manifest.tables) {
      const here = tables.get(t.name);
      if (!here || here.columns.join('\u0000') !== t.columns.join('\u0000'))
        throw new DomainError('archive.schemaMismatch', { file, version: manifest.schemaVersion, supported: latest });
    }
    const triggers = db
      .prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' AND sql IS NOT NULL")
      .all() as Array<{ name: string; sql: string }>;
    db.exec('BEGIN IMMEDIATE');
    let rows = 0;
    try {
      for (const t of triggers) db.exec(`DROP TRIGGER ${q(t.name)}`);
      for (const t of tables.values()) db.exec(`DELETE FROM main.${q(t.name)}`);
      const inserts = new Map(
        manifest.tables.map((t) => [
          t.name,
          db.prepare(
            `INSERT INTO main.${q(t.name)} (${t.columns.map(q).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`,
          ),
        ]),
      );
      const decoder = new TextDecoder();
      await readZip(file, (name) => {
        const m = /^data\/(.+)\.jsonl$/.exec(name);
        const insert = m ? inserts.get(m[1]!) : undefined;
        if (!insert) return null;
        let rest = '';
        return (chunk, final) => {
          const text = rest + decoder.decode(chunk, { stream: !final });
          const lines = text.split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) {
            insert.run(...(JSON.parse(line) as unknown[]).map(decodeValue));
            rows++;
          }
        };
      });
      for (const t of triggers) db.exec(t.sql);
      for (const fts of db
        .prepare(
          "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%content%'",
        )
        .pluck()
        .all() as string[])
        db.prepare(`INSERT INTO main.${q(fts)} (${q(fts)}) VALUES ('rebuild')`).run();
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new DomainError('archive.brokenReferences', { file, count: broken.length });
      const loaded = ledgerDigest(db).digest;
      if (loaded !== manifest.digest)
        throw new DomainError('archive.digestMismatch', { file, expected: manifest.digest, found: loaded });
      reconcileAudit(db, 'maintenance.archive.import', at.toISOString());
      db.exec('COMMIT');
      return { tables: manifest.tables.length, rows, digest: loaded };
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  } catch (e) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(ledgerFile + suffix, { force: true }); // nothing half-made is left
    throw e;
  } finally {
    if (db.open) db.close();
  }
}
