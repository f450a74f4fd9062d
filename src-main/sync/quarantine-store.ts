/**
 * SQL of the receipt quarantine (0010-sync-quarantine.sql): inbound receipts that could not be
 * read, each with its coded reason, recorded once per (source, digest) inside the pass's unit of
 * work, and listed newest first for `sync.status` and the Sync screen. Nothing here decides
 * what is unreadable (engine.ts does).
 */
import type { ReadDb, WriteDb } from '../db/ports.ts';
import type { ErrorParams } from '../core/domain-error.ts';

export interface NewQuarantined {
  readonly transport: 'platform' | 'exchangeDir';
  readonly source: string;
  readonly digest: string;
  readonly code: string;
  readonly params: ErrorParams;
  readonly size: number;
  /** Start of the content, for HTTP receipts (the exchange folder keeps the whole file). */
  readonly excerpt: string | null;
}

export interface QuarantinedReceipt {
  readonly id: number;
  readonly transport: 'platform' | 'exchangeDir';
  readonly source: string;
  readonly code: string;
  readonly params: ErrorParams;
  readonly size: number;
  readonly quarantinedAt: string;
}

/** Records the receipts not recorded before (same source and content); returns how many were new. */
export function recordQuarantined(
  db: WriteDb,
  commandId: number,
  at: string,
  items: readonly NewQuarantined[],
): number {
  const insert =
    db.prepare(`INSERT INTO sync_quarantine (command_id, transport, source, digest, code, params, size, excerpt, quarantined_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, digest) DO NOTHING`);
  let n = 0;
  for (const q of items) {
    n += insert.run(
      commandId,
      q.transport,
      q.source,
      q.digest,
      q.code.slice(0, 80),
      JSON.stringify(q.params),
      q.size,
      q.excerpt,
      at,
    ).changes;
  }
  return n;
}

export function listQuarantined(
  db: ReadDb,
  offset: number,
  limit: number,
): { items: QuarantinedReceipt[]; total: number } {
  const total = Number(db.prepare('SELECT count(*) FROM sync_quarantine').pluck().get());
  const rows = db
    .prepare(
      `SELECT id, transport, source, code, params, size, quarantined_at AS quarantinedAt
    FROM sync_quarantine ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as Array<Omit<QuarantinedReceipt, 'params'> & { params: string }>;
  return { items: rows.map((r) => ({ ...r, params: JSON.parse(r.params) as ErrorParams })), total };
}

export function countQuarantined(db: ReadDb): number {
  return Number(db.prepare('SELECT count(*) FROM sync_quarantine').pluck().get());
}
