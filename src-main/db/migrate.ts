/**
 * Forward-only numbered migrations (`NNNN-name.sql` in ./migrations). Pending ones run in one
 * transaction, after an automatic verified backup of a non-empty file (`backups/pre-migration/`); `user_version` holds the
 * schema version. A file newer than this app is refused (`db.schemaTooNew`), never downgraded.
 * A migration whose first line is `-- kuajing:foreign-keys-off` rebuilds tables the way SQLite
 * documents (lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): foreign keys
 * are switched off before the transaction (the pragma is a no-op inside one), `foreign_key_check`
 * must come back empty before commit, and foreign keys are switched back on afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { DomainError } from '../core/domain-error.ts';
import { KEEP_APART, stamp, writeVerifiedBackup } from './backups.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** First line is FOREIGN_KEYS_OFF: the batch holding it runs with foreign keys off. */
  readonly foreignKeysOff: boolean;
}

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly backupFile: string | null;
}

export const FOREIGN_KEYS_OFF = '-- kuajing:foreign-keys-off';

export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const list = fs
    .readdirSync(dir)
    .map((f) => /^(\d{4})-([\w-]+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const sql = fs.readFileSync(path.join(dir, m[0]), 'utf8');
      return {
        version: Number(m[1]),
        name: m[2]!,
        sql,
        foreignKeysOff: sql.split(/\r?\n/, 1)[0]!.trim() === FOREIGN_KEYS_OFF,
      };
    })
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering gap at ${m.version} (expected ${i + 1})`);
  });
  return list;
}

export async function migrate(
  db: Database.Database,
  opts: {
    file: string;
    backupDir: string;
    migrationsDir?: string;
    now: () => Date;
    /**
     * Runs inside the migrations' own transaction, after the last one (the audit trail records
     * what they wrote): a crash leaves both done or neither — found by the kill tests, where a
     * kill between two transactions left migrated rows the trail never recorded.
     */
    thenInTransaction?: (from: number, to: number) => void;
  },
): Promise<MigrationReport> {
  const migrations = loadMigrations(opts.migrationsDir);
  const latest = migrations.length;
  const from = Number(db.pragma('user_version', { simple: true }));
  if (from > latest) throw new DomainError('db.schemaTooNew', { file: opts.file, version: from, supported: latest });
  if (from === latest) return { from, to: from, backupFile: null };

  const hasTables = Number(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()) > 0;
  let backupFile: string | null = null;
  if (hasTables) {
    // kept apart from the daily copies (backups.ts): backups/pre-migration/, verified by opening
    backupFile = path.join(
      opts.backupDir,
      'pre-migration',
      `${path.basename(opts.file, '.sqlite')}-v${from}-${stamp(opts.now())}.sqlite`,
    );
    await writeVerifiedBackup(db, backupFile);
    rotateApart(path.dirname(backupFile));
  }
  runPending(db, migrations.slice(from), () => opts.thenInTransaction?.(from, latest));
  return { from, to: latest, backupFile };
}

/**
 * All pending migrations in one transaction; when one of them is marked FOREIGN_KEYS_OFF the
 * whole batch runs with foreign keys off and any `foreign_key_check` row rolls it back.
 */
function runPending(db: Database.Database, pending: readonly Migration[], then: () => void): void {
  const keysOff = pending.some((m) => m.foreignKeysOff);
  const run = db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    if (keysOff) {
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new Error(
          `migration to ${pending.at(-1)!.version} leaves ${broken.length} dangling reference(s), e.g. ${first.table} row ${first.rowid} → ${first.parent}`,
        );
      }
    }
    then();
  });
  if (!keysOff) return run();
  db.pragma('foreign_keys = OFF');
  try {
    run();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function rotateApart(dir: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort();
  for (const f of files.slice(0, Math.max(0, files.length - KEEP_APART))) fs.rmSync(path.join(dir, f));
}
