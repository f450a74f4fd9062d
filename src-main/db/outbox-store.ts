/** Read side of the sync outbox (the write side is `Tx.enqueue` in the unit of work). */
import type { Db } from './open-ledger.ts';

export function outboxCounts(db: Db): { queued: number; failed: number; sent: number } {
  const rows = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as Array<{
    status: string;
    n: number;
  }>;
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { queued: (by.queued ?? 0) + (by.sending ?? 0), failed: by.failed ?? 0, sent: by.sent ?? 0 };
}
