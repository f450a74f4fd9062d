/**
 * Late customs receipts and a closed month (issue 17 point 1g): when a receipt releases a list
 * (800 / 399 / 899) or concludes its withdrawal after the month of its export (the order's sale
 * day) was closed, the closed month's register must print what it printed at close. The change is
 * kept (the list's status moves as always) and recorded as a register adjustment of an open month:
 * the month the receipt arrived in, or the first open month after it. A withdrawal of a list whose
 * release was itself an adjustment is recorded the same way, whatever its export month's state.
 */
import { statusRank } from '../../core/customs/index.ts';
import type { Tx } from '../../db/unit-of-work.ts';
import { closedMonths } from '../company/index.ts';

const RELEASED_FROM = statusRank('800');
const RELEASED_TO = statusRank('399');

/** Released and not withdrawn: what the 无票免税 register counts. */
export const isReleasedList = (status: string): boolean => {
  const r = statusRank(status);
  return r >= RELEASED_FROM && r <= RELEASED_TO;
};

const nextMonth = (m: string): string => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
};

export interface LateListChange {
  readonly orderNo: string | null;
  readonly invtNo: string | null;
  readonly kind: 'released' | 'withdrawn';
  readonly exportMonth: string;
  readonly month: string;
}

/**
 * Records a register adjustment when a CEB603 list's released state changed (`before` → `after`)
 * while its export month is closed. Returns what was recorded (null: the change is the month's own).
 */
export function noteLateListChange(
  tx: Tx,
  documentId: number,
  before: string,
  after: string,
  receiptId: number | null,
): LateListChange | null {
  const was = isReleasedList(before);
  const now = isReleasedList(after);
  if (was === now) return null;
  const kind = now ? 'released' : 'withdrawn';
  const doc = tx.db
    .prepare(
      `SELECT d.type, d.order_no AS orderNo, d.invt_no AS invtNo, substr(o.ordered_at, 1, 7) AS exportMonth,
        EXISTS (SELECT 1 FROM register_adjustments a WHERE a.document_id = d.id AND a.kind = 'released') AS adjusted
      FROM customs_documents d JOIN orders o ON o.id = d.order_id WHERE d.id = ?`,
    )
    .get(documentId) as
    { type: string; orderNo: string | null; invtNo: string | null; exportMonth: string; adjusted: number } | undefined;
  if (!doc || doc.type !== 'CEB603') return null;
  const closed = closedMonths(tx.db);
  if (!closed.has(doc.exportMonth) && !(kind === 'withdrawn' && doc.adjusted === 1)) return null;
  let month = tx.now.slice(0, 7);
  if (month <= doc.exportMonth) month = nextMonth(doc.exportMonth);
  while (closed.has(month)) month = nextMonth(month);
  const added = tx.db
    .prepare(
      `INSERT OR IGNORE INTO register_adjustments (document_id, kind, export_month, month, receipt_id, command_id, at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(documentId, kind, doc.exportMonth, month, receiptId, tx.commandId, tx.now);
  return added.changes === 0
    ? null
    : { orderNo: doc.orderNo, invtNo: doc.invtNo, kind, exportMonth: doc.exportMonth, month };
}
