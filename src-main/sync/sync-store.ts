/**
 * SQL of the sync engine: claiming due outbox rows of the kinds a transport carries, marking
 * them sent / failed / rescheduled, paged listings for the Sync screen, the raw receipt store
 * (one row per distinct receipt, by sha-256) and the receipt cursor. Every writer takes the
 * unit of work's `Db` inside its transaction; nothing here decides policy (backoff, budget).
 */
import type { Db } from '../db/open-ledger.ts';
import type { WriteDb } from '../db/ports.ts';
import { getSetting, putSetting } from '../db/settings-store.ts';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

/**
 * Outbox kinds a transport carries; every other kind is a local change record, never sent.
 * The partial index `outbox_unsent` (0007-sync.sql) repeats this list: change both together.
 */
export const TRANSPORTED_KINDS = ['ceb.message', 'tax.sixItems'] as const;
const KINDS_SQL = `kind IN (${TRANSPORTED_KINDS.map((k) => `'${k}'`).join(', ')})`;
/** Rows still to send, in id order through the partial index (no sort, whatever the outbox size). */
const UNSENT = `outbox INDEXED BY outbox_unsent WHERE status IN ('queued', 'sending') AND ${KINDS_SQL}`;

export interface OutboxRow {
  readonly id: number;
  readonly kind: string;
  readonly idempotencyKey: string;
  readonly payload: string;
  readonly createdAt: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
}

const COLUMNS = `id, kind, idempotency_key AS idempotencyKey, payload, created_at AS createdAt, status, attempts,
  next_attempt_at AS nextAttemptAt, last_error AS lastError`;

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * The oldest rows still to send ('queued', or left 'sending' by a crash), in id order, up to the
 * first one whose retry is not due yet (FIFO: an order is never overtaken by its list). Read
 * only: `markSending` claims them (in the caller's transaction, in the same tick). `afterId`: rows
 * after that id only (the rows before it are claimed and on their way).
 */
export function dueRows(db: Db, now: string, limit: number, afterId: number | null = null): OutboxRow[] {
  const head = db
    .prepare(`SELECT ${COLUMNS} FROM ${UNSENT} AND id > ? ORDER BY id LIMIT ?`)
    .all(afterId ?? -1, limit) as OutboxRow[];
  const notDue = head.findIndex((r) => r.nextAttemptAt !== null && r.nextAttemptAt > now);
  return notDue < 0 ? head : head.slice(0, notDue);
}

/** Claims rows for one attempt: 'sending', attempts + 1. Keys never change: a resend is deduplicated. */
export function markSending(db: WriteDb, rows: readonly OutboxRow[]): OutboxRow[] {
  if (rows.length === 0) return [];
  db.prepare(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id IN (${placeholders(rows.length)})`,
  ).run(...rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, status: 'sending', attempts: r.attempts + 1 }));
}

/** Undoes `markSending` for claimed rows that were not sent after all: queued again, the attempt not counted. */
export function releaseRows(db: WriteDb, rows: readonly OutboxRow[]): void {
  if (rows.length === 0) return;
  db.prepare(
    `UPDATE outbox SET status = 'queued', attempts = attempts - 1 WHERE id IN (${placeholders(rows.length)}) AND status = 'sending'`,
  ).run(...rows.map((r) => r.id));
}

/** Sent rows are final: nothing ever selects them for sending again. */
export function markRowsSent(db: WriteDb, ids: readonly number[]): void {
  if (ids.length === 0) return;
  db.prepare(
    `UPDATE outbox SET status = 'sent', next_attempt_at = NULL, last_error = NULL WHERE id IN (${placeholders(ids.length)}) AND status != 'sent'`,
  ).run(...ids);
}

export function markRowFailed(db: WriteDb, id: number, error: string): void {
  db.prepare(
    "UPDATE outbox SET status = 'failed', next_attempt_at = NULL, last_error = ? WHERE id = ? AND status != 'sent'",
  ).run(error, id);
}

/** Back to 'queued', not before `nextAttemptAt` (the outcome of the attempt is unknown). */
export function rescheduleRow(db: WriteDb, id: number, nextAttemptAt: string, error: string): void {
  db.prepare(
    "UPDATE outbox SET status = 'queued', next_attempt_at = ?, last_error = ? WHERE id = ? AND status != 'sent'",
  ).run(nextAttemptAt, error, id);
}

/** The user's retry: failed rows (of the given ids) are queued again, due at once. */
export function requeueFailed(db: WriteDb, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  return db
    .prepare(
      `UPDATE outbox SET status = 'queued', next_attempt_at = NULL WHERE status = 'failed' AND id IN (${placeholders(ids.length)})`,
    )
    .run(...ids).changes;
}

export interface TransportCounts {
  readonly queued: number;
  readonly sending: number;
  readonly sent: number;
  readonly failed: number;
  /** When the oldest unsent row may be tried again (null: now); FIFO, so the queue waits for it. */
  readonly nextAttemptAt: string | null;
}

export function transportCounts(db: Db): TransportCounts {
  const rows = db
    .prepare(`SELECT status, count(*) AS n FROM outbox WHERE ${KINDS_SQL} GROUP BY status`)
    .all() as Array<{ status: OutboxStatus; n: number }>;
  const head = db.prepare(`SELECT next_attempt_at FROM ${UNSENT} ORDER BY id LIMIT 1`).pluck().get() as
    string | null | undefined;
  const by = (s: OutboxStatus) => rows.find((r) => r.status === s);
  return {
    queued: by('queued')?.n ?? 0,
    sending: by('sending')?.n ?? 0,
    sent: by('sent')?.n ?? 0,
    failed: by('failed')?.n ?? 0,
    nextAttemptAt: head ?? null,
  };
}

export interface OutboxPage {
  readonly items: readonly Omit<OutboxRow, 'payload'>[];
  readonly total: number;
}

/** Newest first; 'queued' includes rows being sent. */
export function listOutbox(db: Db, status: OutboxStatus | 'all', offset: number, limit: number): OutboxPage {
  const where = `${KINDS_SQL}${status === 'all' ? '' : status === 'queued' ? " AND status IN ('queued', 'sending')" : ' AND status = ?'}`;
  const args = status === 'all' || status === 'queued' ? [] : [status];
  const total = Number(
    db
      .prepare(`SELECT count(*) FROM outbox WHERE ${where}`)
      .pluck()
      .get(...args),
  );
  const items = db
    .prepare(
      `SELECT id, kind, idempotency_key AS idempotencyKey, created_at AS createdAt, status, attempts,
      next_attempt_at AS nextAttemptAt, last_error AS lastError FROM outbox WHERE ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset) as Array<Omit<OutboxRow, 'payload'>>;
  return { items, total };
}

// ---- receipts ---------------------------------------------------------------------------

export interface NewReceipt {
  readonly digest: string;
  readonly messageType: string;
  readonly source: string;
  readonly returnStatus: string | null;
  readonly xml: string;
}

export interface StoredReceipt extends Omit<NewReceipt, 'xml'> {
  readonly id: number;
  readonly receivedAt: string;
}

/** Inserts the receipts not seen before (by digest); returns only those new ones. */
export function insertReceipts(
  db: WriteDb,
  commandId: number,
  at: string,
  receipts: readonly NewReceipt[],
): NewReceipt[] {
  const insert =
    db.prepare(`INSERT INTO sync_receipt (command_id, digest, message_type, source, return_status, xml, received_at)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING`);
  return receipts.filter(
    (r) => insert.run(commandId, r.digest, r.messageType, r.source, r.returnStatus, r.xml, at).changes === 1,
  );
}

export function listReceipts(db: Db, offset: number, limit: number): { items: StoredReceipt[]; total: number } {
  const total = Number(db.prepare('SELECT count(*) FROM sync_receipt').pluck().get());
  const items = db
    .prepare(
      `SELECT id, digest, message_type AS messageType, source, return_status AS returnStatus, received_at AS receivedAt
    FROM sync_receipt ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as StoredReceipt[];
  return { items, total };
}

export function receiptXml(db: Db, id: number): string | null {
  return (db.prepare('SELECT xml FROM sync_receipt WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

const CURSOR_KEY = 'sync.receiptCursor';

export function readReceiptCursor(db: Db): string | null {
  return getSetting<string | null>(db, CURSOR_KEY, null);
}

export function writeReceiptCursor(db: WriteDb, cursor: string | null): void {
  putSetting(db, CURSOR_KEY, cursor);
}
