/**
 * Opens a workspace's SQLite file the one safe way: exclusive lock first (a second process
 * or connection gets `db.alreadyOpen`, never a shared, corruptible file), then WAL,
 * synchronous=FULL, foreign keys, busy timeout, `quick_check`, then pending migrations.
 * Interactive hosts pass `checkAtOpen: false`: on a large file (a 1M-order ledger is ~700 MB)
 * the check takes seconds, so they run it after the first screen on a snapshot, in a worker
 * (areas/maintenance `checkLedgerAfterOpen`, issue 19).
 * The lock is SQLite's own file lock, so it disappears with the process: no stale lock files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../core/domain-error.ts';
import { migrate, type MigrationReport } from './migrate.ts';
import { newestGoodBackup } from './backups.ts';
import { installAuditTriggers, reconcileAudit } from './audit-chain.ts';

export type Db = Database.Database;

export interface OpenLedgerOptions {
  /** Folder for automatic pre-migration backups; default `<dir of file>/backups`. */
  readonly backupDir?: string;
  readonly migrationsDir?: string;
  readonly busyTimeoutMs?: number;
  readonly now?: () => Date;
  /** Open for reading only (a read-only folder, a backup opened for a look): no lock, no migration. */
  readonly readOnly?: boolean;
  /** `quick_check` before anything else (default true); false = the caller checks later, off the UI's path. */
  readonly checkAtOpen?: boolean;
}

export interface OpenedLedger {
  readonly db: Db;
  readonly file: string;
  readonly migration: MigrationReport;
  /** Closes the handle; a read-only ledger's private snapshot copy (openLedgerReadOnly) is deleted with it. */
  readonly close: () => void;
}

export async function openLedger(file: string, opts: OpenLedgerOptions = {}): Promise<OpenedLedger> {
  if (opts.readOnly) return openLedgerReadOnly(file);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw environmentError(e, file) ?? e;
  }
  let db: Db;
  try {
    db = new Database(file, { timeout: 0 });
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Taking the write lock now holds it for the connection's lifetime (exclusive mode).
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE; COMMIT');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 64 MiB page cache: the orders list needs many indexes, and random index inserts during a
    // large import are ~1.6× slower with the 2 MiB default (measured in the import bench).
    db.pragma('cache_size = -65536');
    // Statement journals in memory: every write statement on a table with triggers keeps one of the
    // pages it changes, and past 64 KiB (a row into orders and its indexes) SQLite spills it to a temp
    // file — a large import was ~4× slower for those file writes (issue 19, import bench). Set before
    // the audit trail's temp triggers: changing it later drops the temp schema.
    db.pragma('temp_store = MEMORY');
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    const check = opts.checkAtOpen === false ? 'ok' : db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new DomainError('db.corrupt', { file, detail: String(check), newestBackup: newestGoodBackup(file) ?? '' });
    const now = opts.now ?? (() => new Date());
    const migration = await migrate(db, {
      file,
      backupDir: opts.backupDir ?? path.join(path.dirname(file), 'backups'),
      ...(opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {}),
      now,
      // rows a migration wrote (or a ledger older than the audit trail) enter the trail as one
      // entry, in the migrations' own transaction
      thenInTransaction: (from, to) => reconcileAudit(db, `db.migrate ${from}→${to}`, now().toISOString()),
    });
    installAuditTriggers(db);
    return { db, file, migration, close: () => db.close() };
  } catch (e) {
    db.close();
    throw translateSqliteError(e, file);
  }
}

function translateSqliteError(e: unknown, file: string): unknown {
  if (e instanceof DomainError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new DomainError('db.alreadyOpen', { file });
  // a damaged file: the newest backup that still opens clean is offered (`kuajing restore`, Settings)
  if (code === 'SQLITE_NOTADB')
    return new DomainError('db.notALedger', { file, newestBackup: newestGoodBackup(file) ?? '' });
  if (code === 'SQLITE_CORRUPT')
    return new DomainError('db.corrupt', { file, detail: code, newestBackup: newestGoodBackup(file) ?? '' });
  return environmentError(e, file) ?? (code === 'SQLITE_CANTOPEN' ? new DomainError('db.cannotOpen', { file }) : e);
}

export function folderWritable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function nearestExisting(p: string): string {
  let dir = p;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Faults of the machine rather than of the ledger, as coded errors with a way forward (the
 * messages say what to do): `db.diskFull` (SQLITE_FULL, ENOSPC; the transaction was rolled back),
 * `db.readOnly` (a read-only folder or file: SQLite reports it as READONLY, or as an IOERR when
 * it cannot create its -wal/-shm files), `db.pathTooLong`, `db.fileMissing` (the file or folder
 * was moved or deleted). Anything else: null (a bug, logged as an incident by the caller).
 */
export function environmentError(e: unknown, file: string): DomainError | null {
  if (e instanceof DomainError) return e;
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  const dir = path.dirname(file);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT')
    return new DomainError('db.diskFull', { file, dir });
  if (code === 'ENAMETOOLONG') return new DomainError('db.pathTooLong', { file });
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new DomainError('db.readOnly', { file, dir });
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    if (!folderWritable(nearestExisting(dir))) return new DomainError('db.readOnly', { file, dir });
    if (code === 'SQLITE_CANTOPEN' && !fs.existsSync(dir)) return new DomainError('db.fileMissing', { file });
    return code === 'SQLITE_CANTOPEN' ? null : new DomainError('db.ioError', { file, detail: code });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    // a recursive mkdir under a read-only folder reports ENOENT, not EROFS
    if (!folderWritable(nearestExisting(dir)))
      return new DomainError('db.readOnly', { file, dir: nearestExisting(dir) });
    return new DomainError('db.fileMissing', { file });
  }
  return null;
}

/** Pragmas `doctor` reports. */
export function readPragmas(db: Db) {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(db.pragma('synchronous', { simple: true }))] ?? 'UNKNOWN',
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
    schemaVersion: Number(db.pragma('user_version', { simple: true })),
  };
}

/** Opens a copy (backup) read-only and returns its `quick_check` result ('ok' when sound). */
export function checkLedgerCopy(file: string): string {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(copy.pragma('quick_check', { simple: true }));
  } finally {
    copy.close();
  }
}

/**
 * A ledger opened for reading only. SQLite cannot read a WAL file in a folder it may not write
 * (it needs the -shm index), and cannot read one another process holds locked (the app is open),
 * so such a file is read from a private snapshot copy in a temp folder, deleted by `close()`;
 * either way nothing is ever written back. Mutating commands are refused before any work (`db.readOnly`).
 */
export function openLedgerReadOnly(file: string): OpenedLedger {
  if (!fs.existsSync(file)) throw new DomainError('db.cannotOpen', { file });
  const open = (f: string): Db => {
    const db = new Database(f, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get(); // fails here when the folder is read-only
    } catch (e) {
      db.close(); // the handle that could not read must not stay open beside the snapshot's
      throw e;
    }
    return db;
  };
  let db: Db;
  let snapshotDir: string | null = null;
  const removeSnapshot = () => {
    if (snapshotDir !== null) fs.rmSync(snapshotDir, { recursive: true, force: true });
  };
  try {
    db = open(file);
  } catch {
    snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-readonly-'));
    const copy = path.join(snapshotDir, path.basename(file));
    try {
      fs.copyFileSync(file, copy);
      if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
      db = open(copy);
    } catch (e) {
      removeSnapshot();
      throw translateSqliteError(e, file);
    }
  }
  const version = Number(db.pragma('user_version', { simple: true }));
  const close = () => {
    db.close();
    removeSnapshot();
  };
  return { db, file, migration: { from: version, to: version, backupFile: null }, close };
}
