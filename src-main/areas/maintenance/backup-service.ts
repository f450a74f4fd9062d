/**
 * Backups and restore of a workspace (issue 16, point 4), on top of db/backups.ts: a copy now
 * (manual), the automatic daily copy of interactive hosts (taken a while after opening, off the
 * path that answers the first screen, then checked hourly; rotated 7 daily + 4 weekly), the list
 * for the Settings screen, and restore in place: the chosen copy (verified, migrated on a temp
 * copy when older) replaces every table's rows in ONE unit-of-work transaction, after the current
 * state was kept aside in `backups/pre-restore/`. The app stays open; a failure changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../../core/domain-error.ts';
import {
  backupsDir,
  dailyBackupFile,
  ledgerFileInfo,
  listBackups,
  quickCheckFile,
  resolveBackupName,
  rotateBackups,
  stamp,
  writeVerifiedBackup,
  type BackupEntry,
} from '../../db/backups.ts';
import { openLedger } from '../../db/open-ledger.ts';
import { quickCheckLiveOffThread, quickCheckOffThread } from '../../db/check-off-thread.ts';
import type { ServiceKey, Workspace } from '../workspace.ts';
import type { LedgerIntegrity } from './contract.ts';

export type { BackupEntry } from '../../db/backups.ts';

export interface BackupDone {
  readonly kind: BackupEntry['kind'];
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
}

function entryOf(ws: Workspace, file: string): BackupDone {
  const name = path.relative(backupsDir(ws.file), file).split(path.sep).join('/');
  return { kind: name.split('/')[0] as BackupEntry['kind'], name, file, bytes: fs.statSync(file).size };
}

/** A verified copy of the live ledger into `backups/<kind>/`, then rotation. */
export async function takeBackup(ws: Workspace, kind: 'manual' | 'pre-restore'): Promise<BackupDone> {
  const base = path.basename(ws.file, '.sqlite');
  const file = path.join(backupsDir(ws.file), kind, `${base}-${stamp(ws.clock())}.sqlite`);
  await writeVerifiedBackup(ws.read, file);
  rotateBackups(ws.file);
  return entryOf(ws, file);
}

/** Today's daily copy when there is none yet (local date of the workspace clock); null when it exists. */
export async function takeDailyBackup(ws: Workspace): Promise<BackupDone | null> {
  const now = ws.clock();
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const file = dailyBackupFile(ws.file, day);
  if (fs.existsSync(file)) return null;
  await writeVerifiedBackup(ws.read, file);
  rotateBackups(ws.file);
  return entryOf(ws, file);
}

export function listWorkspaceBackups(ws: Workspace): BackupEntry[] {
  return listBackups(ws.file);
}

const INTEGRITY: ServiceKey<{ now: LedgerIntegrity }> = {
  name: 'maintenance.integrity',
  create: () => ({ now: { state: 'checkedAtOpen' } }),
};

export const ledgerIntegrity = (ws: Workspace): LedgerIntegrity => ws.service(INTEGRITY).now;

/** `newestGoodBackup` with each copy checked in a worker (a 1M-order copy takes seconds to check). */
async function newestGoodBackupOffThread(ws: Workspace, limit = 10): Promise<string | null> {
  for (const b of listBackups(ws.file).slice(0, limit)) if ((await quickCheckOffThread(b.file)) === 'ok') return b.file;
  return null;
}

/**
 * The check skipped at open, run after the first screen: today's daily copy when it is due (it is
 * verified in a worker, so it is the check), else a snapshot checked in a worker and removed.
 * A damaged ledger is logged as an incident and reported by `app.info` (with the newest good backup).
 */
export async function checkLedgerAfterOpen(ws: Workspace): Promise<LedgerIntegrity> {
  const box = ws.service(INTEGRITY);
  let detail: string;
  try {
    const daily = await takeDailyBackup(ws);
    detail = daily ? 'ok' : await quickCheckLiveOffThread(ws.read, path.join(backupsDir(ws.file), '.check.sqlite'));
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'backup.verifyFailed') throw e;
    detail = String(e.params['detail']);
  }
  const checkedAt = ws.clock().toISOString();
  box.now =
    detail === 'ok'
      ? { state: 'ok', checkedAt }
      : { state: 'damaged', detail, newestBackup: await newestGoodBackupOffThread(ws), checkedAt };
  if (box.now.state === 'damaged')
    ws.logIncident({
      incidentId: `integrity-${stamp(ws.clock())}`,
      command: 'maintenance.integrityCheck',
      message: `quick_check after open: ${detail}`,
    });
  return box.now;
}

interface AutomaticBackups {
  started: boolean;
  timer: NodeJS.Timeout | null;
  closed: boolean;
  running: Promise<unknown> | null;
}
const AUTO: ServiceKey<AutomaticBackups> = {
  name: 'maintenance.automaticBackups',
  create: (ws) => {
    const state: AutomaticBackups = { started: false, timer: null, closed: false, running: null };
    ws.onClose(() => {
      state.closed = true;
      if (state.timer) clearTimeout(state.timer);
    });
    return state;
  },
};

/**
 * Interactive hosts: the daily copy `firstDelayMs` after opening (the first screen is answered
 * by then), then a check every hour. A failure is logged as an incident and tried again later.
 */
export function startAutomaticBackups(
  ws: Workspace,
  opts: { firstDelayMs?: number; everyMs?: number; checkLedger?: boolean } = {},
): void {
  const state = ws.service(AUTO);
  if (state.started) return;
  state.started = true;
  // the ledger was opened without its check: the first run is that check (checkLedgerAfterOpen)
  let check = opts.checkLedger === true;
  if (check) ws.service(INTEGRITY).now = { state: 'pending' };
  const tick = (): void => {
    if (state.closed) return;
    state.running = (check ? checkLedgerAfterOpen(ws) : takeDailyBackup(ws))
      .catch((e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        ws.logIncident({
          incidentId: `backup-${stamp(ws.clock())}`,
          command: 'maintenance.dailyBackup',
          message: err.message,
          stack: err.stack,
        });
      })
      .finally(() => {
        state.running = null;
        check = false;
        if (!state.closed) {
          state.timer = setTimeout(tick, opts.everyMs ?? 3_600_000);
          state.timer.unref();
        }
      });
  };
  state.timer = setTimeout(tick, opts.firstDelayMs ?? 15_000);
  state.timer.unref();
}

export interface RestoreDone {
  /** The copy of the state before the restore. */
  readonly keptAside: BackupDone;
  readonly restoredFrom: string;
  readonly schemaFrom: number;
  readonly schemaTo: number;
}

/** A backup file brought up to the live schema: itself when equal, else a migrated temp copy (removed by `cleanup`). */
async function atLiveSchema(
  ws: Workspace,
  source: string,
): Promise<{ file: string; from: number; cleanup: () => void }> {
  const check = quickCheckFile(source);
  if (check !== 'ok') throw new DomainError('restore.badFile', { file: source, detail: check });
  const { version, ledger } = ledgerFileInfo(source);
  if (!ledger) throw new DomainError('db.notALedger', { file: source, newestBackup: '' });
  const live = Number(ws.read.pragma('user_version', { simple: true }));
  if (version > live) throw new DomainError('db.schemaTooNew', { file: source, version, supported: live });
  if (version === live) return { file: source, from: version, cleanup: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-restore-'));
  const tmp = path.join(dir, 'ledger.sqlite');
  fs.copyFileSync(source, tmp);
  const opened = await openLedger(tmp, { backupDir: path.join(dir, 'backups') });
  opened.db.close();
  return { file: tmp, from: version, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Replaces the live ledger's content by the backup's, in one transaction on the open file
 * (triggers dropped and recreated inside it, full-text indexes rebuilt, references checked).
 */
export async function restoreInPlace(ws: Workspace, source: string): Promise<RestoreDone> {
  const ready = await atLiveSchema(ws, source);
  try {
    const keptAside = await takeBackup(ws, 'pre-restore');
    const db = ws.read;
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS restore_src').run(ready.file);
    try {
      ws.uow.run('maintenance.restore', (tx) => {
        const w = tx.db;
        const schema = w
          .prepare("SELECT type, name, sql FROM main.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
          .all() as Array<{ type: string; name: string; sql: string }>;
        const triggers = schema.filter((s) => s.type === 'trigger');
        const virtual = schema
          .filter((s) => s.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(s.sql))
          .map((s) => s.name);
        const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
        const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
        for (const t of triggers) w.exec(`DROP TRIGGER main.${q(t.name)}`);
        for (const t of schema.filter((s) => s.type === 'table' && !virtual.includes(s.name) && !shadow(s.name))) {
          const cols = (
            w.prepare(`PRAGMA main.table_xinfo(${q(t.name)})`).all() as Array<{ name: string; hidden: number }>
          )
            .filter((c) => c.hidden === 0)
            .map((c) => q(c.name))
            .join(', ');
          w.exec(`DELETE FROM main.${q(t.name)}`);
          w.exec(`INSERT INTO main.${q(t.name)} (${cols}) SELECT ${cols} FROM restore_src.${q(t.name)}`);
        }
        const hasSeq = (db2: string) =>
          w.prepare(`SELECT count(*) FROM ${db2}.sqlite_schema WHERE name = 'sqlite_sequence'`).pluck().get() === 1;
        if (hasSeq('main')) {
          w.exec('DELETE FROM main.sqlite_sequence');
          if (hasSeq('restore_src'))
            w.exec('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restore_src.sqlite_sequence');
        }
        for (const v of virtual) w.exec(`INSERT INTO main.${q(v)} (${q(v)}) VALUES ('rebuild')`);
        for (const t of triggers) w.exec(t.sql);
        const broken = w.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new DomainError('restore.brokenReferences', { count: broken.length });
        // the restore itself is on record in the restored history
        w.prepare('INSERT INTO command_log (command, at) VALUES (?, ?)').run('maintenance.restore', tx.now);
      });
    } finally {
      db.exec('DETACH DATABASE restore_src');
      db.pragma('foreign_keys = ON');
    }
    return {
      keptAside,
      restoredFrom: source,
      schemaFrom: ready.from,
      schemaTo: Number(db.pragma('user_version', { simple: true })),
    };
  } finally {
    ready.cleanup();
  }
}

/** `maintenance.restore` from the Settings screen: only a copy in this workspace's backups folder. */
export function restoreNamedBackup(ws: Workspace, name: string): Promise<RestoreDone> {
  return restoreInPlace(ws, resolveBackupName(ws.file, name));
}

/**
 * `kuajing restore` on a ledger too damaged to open (`db.corrupt`, `db.notALedger`): the damaged
 * file (with its -wal/-shm) is moved into `backups/pre-restore/`, the verified copy takes its
 * place, and opening it (migrations included) is the final check.
 */
export async function replaceDamagedLedger(
  ledgerFile: string,
  source: string,
  at = new Date(),
): Promise<{ keptAside: string; restoredFrom: string }> {
  const check = quickCheckFile(source);
  if (check !== 'ok') throw new DomainError('restore.badFile', { file: source, detail: check });
  if (!ledgerFileInfo(source).ledger) throw new DomainError('db.notALedger', { file: source, newestBackup: '' });
  const aside = path.join(
    backupsDir(ledgerFile),
    'pre-restore',
    `${path.basename(ledgerFile, '.sqlite')}-damaged-${stamp(at)}.sqlite`,
  );
  fs.mkdirSync(path.dirname(aside), { recursive: true });
  const tmp = `${ledgerFile}.restoring`;
  fs.copyFileSync(source, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(ledgerFile, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(ledgerFile + suffix)) fs.renameSync(ledgerFile + suffix, aside + suffix);
  }
  fs.renameSync(tmp, ledgerFile);
  const opened = await openLedger(ledgerFile);
  opened.db.close();
  return { keptAside: aside, restoredFrom: source };
}
