/**
 * Workspace maintenance the CLI (and later the Settings screen) offers: the doctor report
 * (schema, integrity, durability pragmas, outbox) and an online backup verified by reopening.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import { checkLedgerCopy, readPragmas } from '../db/open-ledger.ts';
import { loadMigrations } from '../db/migrate.ts';
import { latestCompany } from '../db/company-store.ts';
import { outboxCounts } from '../db/outbox-store.ts';
import type { Workspace } from './workspace.ts';

export function doctorReport(ws: Workspace) {
  const integrity = String(ws.db.pragma('integrity_check', { simple: true }));
  const pragmas = readPragmas(ws.db);
  return {
    ok: integrity === 'ok',
    dataDir: ws.dataDir,
    file: ws.file,
    schemaVersion: pragmas.schemaVersion,
    latestSchemaVersion: loadMigrations().length,
    integrity,
    journal_mode: pragmas.journalMode,
    synchronous: pragmas.synchronous,
    foreign_keys: pragmas.foreignKeys,
    busy_timeout: pragmas.busyTimeoutMs,
    company: latestCompany(ws.db),
    outbox: outboxCounts(ws.db),
    sqlite: String(ws.db.prepare('SELECT sqlite_version()').pluck().get()),
  };
}

/** Copies the live ledger to `out` (never overwriting) and checks the copy opens clean. */
export async function backupWorkspace(ws: Workspace, out: string): Promise<{ out: string; pages: number; bytes: number }> {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new DomainError('backup.exists', { out: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const progress = await ws.db.backup(target);
  const check = checkLedgerCopy(target);
  if (check !== 'ok') throw new DomainError('backup.verifyFailed', { out: target, detail: check });
  return { out: target, pages: progress.totalPages, bytes: fs.statSync(target).size };
}
