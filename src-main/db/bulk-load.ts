/**
 * A connection for loading a whole ledger at once (an archive into a new workspace): WAL, foreign
 * keys off until the caller checks them as a whole, and none of the audit trail's per-connection
 * change triggers (the load is recorded as one entry by `reconcileAudit`). The caller owns the
 * transaction and closes the handle.
 */
import Database from 'better-sqlite3';
import type { Db } from './open-ledger.ts';

export function openForBulkLoad(file: string): Db {
  const db = new Database(file, { timeout: 0 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = OFF');
  return db;
}
