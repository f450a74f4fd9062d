/**
 * Workspace maintenance the CLI (and later the Settings screen) offers: the doctor report
 * (schema, integrity, durability pragmas, outbox, and the audit trail re-hashed: the first row or
 * entry that no longer matches is named) and an online backup verified by reopening.
 */
import path from 'node:path';
import { readPragmas } from '../../db/open-ledger.ts';
import { writeVerifiedBackup } from '../../db/backups.ts';
import { verifyAudit } from '../../db/audit-chain.ts';
import { loadMigrations } from '../../db/migrate.ts';
import { latestCompany } from '../company/index.ts';
import { outboxCounts } from '../../db/outbox-store.ts';
import type { Workspace } from '../workspace.ts';

export function doctorReport(ws: Workspace) {
  const integrity = String(ws.read.pragma('integrity_check', { simple: true }));
  const pragmas = readPragmas(ws.read);
  const audit = verifyAudit(ws.read);
  return {
    ok: integrity === 'ok' && audit.ok,
    audit,
    dataDir: ws.dataDir,
    file: ws.file,
    schemaVersion: pragmas.schemaVersion,
    latestSchemaVersion: loadMigrations().length,
    integrity,
    journal_mode: pragmas.journalMode,
    synchronous: pragmas.synchronous,
    foreign_keys: pragmas.foreignKeys,
    busy_timeout: pragmas.busyTimeoutMs,
    company: latestCompany(ws.read),
    outbox: outboxCounts(ws.read),
    sqlite: String(ws.read.prepare('SELECT sqlite_version()').pluck().get()),
  };
}

/** Copies the live ledger to `out` (never overwriting); the copy is checked by opening it before it gets its name. */
export async function backupWorkspace(
  ws: Workspace,
  out: string,
): Promise<{ out: string; pages: number; bytes: number }> {
  const done = await writeVerifiedBackup(ws.read, path.resolve(out)); // a partial copy (disk full …) is removed
  return { out: done.file, pages: done.pages, bytes: done.bytes };
}
