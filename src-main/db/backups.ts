/**
 * The workspace's backups folder (`<data dir>/backups/`): every copy is written with SQLite's
 * online backup to a temporary name, verified by opening it (`quick_check`) and only then given
 * its name, so a file there is always a sound ledger. Kinds, each in its own subfolder:
 * `daily/` (automatic, one per day, kept 7 daily + the newest of each of 4 earlier weeks),
 * `pre-migration/` and `pre-restore/` (kept apart, the newest 10 of each), `manual/` (never
 * rotated). Names carry the time, so listing needs no database.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../core/domain-error.ts';
import { backupFlushing, quickCheckOffThread } from './check-off-thread.ts';

export const BACKUP_KINDS = ['daily', 'pre-migration', 'pre-restore', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_APART = 10;

export interface BackupEntry {
  readonly kind: BackupKind;
  /** Path relative to the backups folder (`daily/ledger-2026-12-07.sqlite`): what the UI sends back. */
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  /** When the copy was taken (from its name; its mtime for names without a time). */
  readonly takenAt: string;
}

export function backupsDir(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), 'backups');
}

/** A file-name-safe timestamp: 2026-12-07T13-05-00-000Z. */
export function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Opens a copy read-only and returns its `quick_check` result ('ok' when sound). */
export function quickCheckFile(file: string): string {
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return String((e as { code?: string }).code ?? e);
  }
  try {
    return String(copy.pragma('quick_check', { simple: true }));
  } catch (e) {
    return String((e as { code?: string }).code ?? e);
  } finally {
    copy.close();
  }
}

/**
 * Copies the live database to `target` (never overwriting), verified by opening the copy; a copy
 * that fails the check is removed and `backup.verifyFailed` thrown.
 */
export async function writeVerifiedBackup(
  db: Database.Database,
  target: string,
): Promise<{ file: string; bytes: number; pages: number }> {
  if (fs.existsSync(target)) throw new DomainError('backup.exists', { out: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  fs.rmSync(tmp, { force: true });
  try {
    const progress = await backupFlushing(db, tmp);
    // in a worker: checking a copy of a large ledger takes seconds the UI must not wait for
    const result = await quickCheckOffThread(tmp, { settle: true });
    if (result !== 'ok') throw new DomainError('backup.verifyFailed', { out: target, detail: result });
    fs.renameSync(tmp, target);
    return { file: target, bytes: fs.statSync(target).size, pages: progress.totalPages };
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  }
}

const NAME_TIME = /(\d{4}-\d{2}-\d{2})(?:T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z)?/;

function takenAt(name: string, file: string): string {
  const m = NAME_TIME.exec(name);
  if (!m) return fs.statSync(file).mtime.toISOString();
  return m[2] ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : `${m[1]}T00:00:00.000Z`;
}

/** Every backup of the workspace, newest first. */
export function listBackups(ledgerFile: string): BackupEntry[] {
  const root = backupsDir(ledgerFile);
  const out: BackupEntry[] = [];
  for (const kind of BACKUP_KINDS) {
    const dir = path.join(root, kind);
    if (!fs.existsSync(dir)) continue;
    for (const n of fs.readdirSync(dir)) {
      if (!n.endsWith('.sqlite')) continue;
      const file = path.join(dir, n);
      out.push({ kind, name: `${kind}/${n}`, file, bytes: fs.statSync(file).size, takenAt: takenAt(n, file) });
    }
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/** The file of a backup named as `listBackups` names it; anything outside the backups folder is refused. */
export function resolveBackupName(ledgerFile: string, name: string): string {
  const entry = listBackups(ledgerFile).find((b) => b.name === name);
  if (!entry) throw new DomainError('backup.notFound', { name });
  return entry.file;
}

/** The newest backup that still passes `quick_check` (offered when the ledger is corrupt), or null. */
export function newestGoodBackup(ledgerFile: string, limit = 10): string | null {
  for (const b of listBackups(ledgerFile).slice(0, limit)) if (quickCheckFile(b.file) === 'ok') return b.file;
  return null;
}

/** Monday of the ISO week of a `YYYY-MM-DD` day (the week a daily copy belongs to). */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * Which daily copies to keep: the newest 7, then the newest copy of each of the 4 weeks before
 * them (a week already holding one of the 7 does not count). Input and output: day strings.
 */
export function dailyToKeep(days: readonly string[]): Set<string> {
  const sorted = [...new Set(days)].sort().reverse();
  const keep = new Set(sorted.slice(0, KEEP_DAILY));
  const weeksCovered = new Set([...keep].map(weekOf));
  const weeks = new Set<string>();
  for (const day of sorted.slice(KEEP_DAILY)) {
    const w = weekOf(day);
    if (weeksCovered.has(w) || weeks.has(w)) continue;
    if (weeks.size >= KEEP_WEEKLY) break;
    weeks.add(w);
    keep.add(day);
  }
  return keep;
}

/** Removes daily copies beyond 7 daily + 4 weekly, and apart kinds beyond their newest 10. */
export function rotateBackups(ledgerFile: string): string[] {
  const removed: string[] = [];
  const all = listBackups(ledgerFile);
  const daily = all.filter((b) => b.kind === 'daily');
  const keep = dailyToKeep(daily.map((b) => b.takenAt.slice(0, 10)));
  for (const b of daily) if (!keep.has(b.takenAt.slice(0, 10))) removed.push(b.file);
  for (const kind of ['pre-migration', 'pre-restore'] as const) {
    for (const b of all.filter((x) => x.kind === kind).slice(KEEP_APART)) removed.push(b.file);
  }
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}

export function dailyBackupFile(ledgerFile: string, day: string): string {
  return path.join(backupsDir(ledgerFile), 'daily', `${path.basename(ledgerFile, '.sqlite')}-${day}.sqlite`);
}

/** Schema version of a ledger copy, and whether it is one at all (it has the command log). */
export function ledgerFileInfo(file: string): { version: number; ledger: boolean } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    const ledger =
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'command_log'").pluck().get() ===
      1;
    return { version, ledger };
  } finally {
    db.close();
  }
}
