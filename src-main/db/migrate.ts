/**
 * Forward-only numbered migrations (`NNNN-name.sql` in ./migrations). Pending ones run in one
 * transaction, after an automatic `db.backup()` of a non-empty file; `user_version` holds the
 * schema version. A file newer than this app is refused (`db.schemaTooNew`), never downgraded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { DomainError } from '../core/domain-error.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly backupFile: string | null;
}

const KEEP_BACKUPS = 10;

export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const list = fs.readdirSync(dir)
    .map((f) => /^(\d{4})-([\w-]+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2]!, sql: fs.readFileSync(path.join(dir, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering gap at ${m.version} (expected ${i + 1})`);
  });
  return list;
}

export async function migrate(
  db: Database.Database,
  opts: { file: string; backupDir: string; migrationsDir?: string; now: () => Date },
): Promise<MigrationReport> {
  const migrations = loadMigrations(opts.migrationsDir);
  const latest = migrations.length;
  const from = Number(db.pragma('user_version', { simple: true }));
  if (from > latest) throw new DomainError('db.schemaTooNew', { file: opts.file, version: from, supported: latest });
  if (from === latest) return { from, to: from, backupFile: null };

  const hasTables = Number(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()) > 0;
  let backupFile: string | null = null;
  if (hasTables) {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    const stamp = opts.now().toISOString().replace(/[:.]/g, '-');
    backupFile = path.join(opts.backupDir, `${path.basename(opts.file, '.sqlite')}-v${from}-${stamp}.sqlite`);
    await db.backup(backupFile);
    rotateBackups(opts.backupDir, path.basename(opts.file, '.sqlite'));
  }
  db.transaction(() => {
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latest, backupFile };
}

function rotateBackups(dir: string, base: string): void {
  const files = fs.readdirSync(dir).filter((f) => f.startsWith(`${base}-v`) && f.endsWith('.sqlite')).sort();
  for (const f of files.slice(0, Math.max(0, files.length - KEEP_BACKUPS))) fs.rmSync(path.join(dir, f));
}
