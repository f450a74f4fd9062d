/**
 * `customs.perSale9810.withdraw` (issue 15, point 1): earlier versions declared each buyer's sale
 * from an overseas warehouse as 9810 (a CEB303 W and a CEB603 9810 per sale). 9810 is declared per
 * head-haul shipment; such per-sale documents that have not left yet must never be sent. In one
 * unit-of-work transaction every outbox row still carrying one (queued or failed) is taken back —
 * its kind becomes `ceb.withdrawn` (kept as a record, never selected by a transport) — and every
 * document of that message becomes 'withdrawn' with a history entry. A message that also carried
 * documents of other orders (9610 lists built in the same batch) takes them back too; they are
 * rebuildable and the next build makes them again (`alsoWithdrawn`). Unsent six-item records of
 * those sales go the same way (`tax.sixItems.withdrawn`). Rows being sent right now cannot be taken
 * back (`inFlight`, try again after the pass); documents already sent stay as evidence (`kept`).
 * With dryRun nothing is written: the report says what would happen.
 */
import { statusRank } from '../../core/customs/index.ts';
import type { Workspace } from '../workspace.ts';

export interface WithdrawnDocument {
  readonly id: number;
  readonly type: string;
  readonly businessKey: string;
  readonly orderNo: string | null;
  readonly status: string;
}

export interface PerSale9810Withdrawal {
  /** Per-sale 9810 documents taken back before they left. */
  readonly withdrawn: readonly WithdrawnDocument[];
  /** Documents of other orders that shared a withdrawn message: rebuilt by the next build. */
  readonly alsoWithdrawn: readonly WithdrawnDocument[];
  /** Outbox rows taken back (CEB messages and six-item records). */
  readonly messages: number;
  readonly sixItems: number;
  /** Per-sale documents whose message is being sent right now: not withdrawn, run again after the pass. */
  readonly inFlight: readonly WithdrawnDocument[];
  /** Per-sale documents already sent: kept as evidence. */
  readonly kept: number;
  readonly dryRun: boolean;
}

interface DocRow {
  id: number;
  type: string;
  business_key: string;
  order_no: string | null;
  status: string;
  message_guid: string;
  order_id: number | null;
  mode: string | null;
}

const UNSENT = new Set(['draft', 'validated', 'queued']);

export function withdrawPerSale9810(ws: Workspace, input: { dryRun?: boolean | undefined }): PerSale9810Withdrawal {
  const perSale = ws.read
    .prepare(
      `SELECT d.id, d.type, d.business_key, d.order_no, d.status, d.message_guid, d.order_id, o.customs_mode AS mode
    FROM customs_documents d JOIN orders o ON o.id = d.order_id
    WHERE o.customs_mode = '9810' AND d.type IN ('CEB303', 'CEB403', 'CEB505', 'CEB603') ORDER BY d.id`,
    )
    .all() as DocRow[];
  const outboxOf = ws.read.prepare(
    `SELECT b.id, b.status FROM outbox b JOIN customs_messages m ON m.idempotency_key = b.idempotency_key
    WHERE m.guid = ? AND b.kind = 'ceb.message'`,
  );
  const docsOf = ws.read.prepare(
    `SELECT d.id, d.type, d.business_key, d.order_no, d.status, d.message_guid, d.order_id, o.customs_mode AS mode
    FROM customs_documents d LEFT JOIN orders o ON o.id = d.order_id WHERE d.message_guid = ? ORDER BY d.id`,
  );
  const view = (d: DocRow): WithdrawnDocument => ({
    id: d.id,
    type: d.type,
    businessKey: d.business_key,
    orderNo: d.order_no,
    status: d.status,
  });
  const rows = new Map<number, string>();
  const withdrawn: DocRow[] = [];
  const also: DocRow[] = [];
  const inFlight: DocRow[] = [];
  let kept = 0;
  const seenMessages = new Set<string>();
  for (const d of perSale) {
    if (!UNSENT.has(d.status)) {
      if (d.status !== 'withdrawn') kept++;
      continue;
    }
    if (seenMessages.has(d.message_guid)) continue;
    seenMessages.add(d.message_guid);
    const row = outboxOf.get(d.message_guid) as { id: number; status: string } | undefined;
    const inMessage = (docsOf.all(d.message_guid) as DocRow[]).filter((x) => UNSENT.has(x.status));
    if (row?.status === 'sending') {
      inFlight.push(...inMessage.filter((x) => x.mode === '9810'));
      continue;
    }
    if (row && row.status !== 'queued' && row.status !== 'failed') continue;
    if (row) rows.set(row.id, d.message_guid);
    for (const x of inMessage) (x.mode === '9810' && x.order_id !== null ? withdrawn : also).push(x);
  }
  const orderNos = [...new Set(withdrawn.map((d) => d.order_no).filter((n): n is string => n !== null))];
  const sixItemRows = ws.read
    .prepare(
      `SELECT id FROM outbox WHERE kind = 'tax.sixItems' AND status IN ('queued', 'failed')
      AND idempotency_key IN (SELECT 'tax.sixItems:' || value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(orderNos)) as number[];
  const report = {
    withdrawn: withdrawn.map(view),
    alsoWithdrawn: also.map(view),
    messages: rows.size,
    sixItems: sixItemRows.length,
    inFlight: inFlight.map(view),
    kept,
  };
  if (input.dryRun === true || (rows.size === 0 && withdrawn.length === 0 && sixItemRows.length === 0))
    return { ...report, dryRun: true };
  ws.uow.run('customs.perSale9810.withdraw', (tx) => {
    const takeBack = tx.db.prepare(
      "UPDATE outbox SET kind = ?, last_error = 'customs.withdrawn' WHERE id = ? AND status IN ('queued', 'failed')",
    );
    const setStatus = tx.db.prepare(
      "UPDATE customs_documents SET status = 'withdrawn', status_rank = ?, status_at = ? WHERE id = ?",
    );
    const history = tx.db.prepare(
      "INSERT INTO customs_status_history (document_id, status, at, source, applied, info) VALUES (?, 'withdrawn', ?, 'local', 1, ?)",
    );
    for (const id of rows.keys()) takeBack.run('ceb.withdrawn', id);
    for (const id of sixItemRows) takeBack.run('tax.sixItems.withdrawn', id);
    for (const d of [...withdrawn, ...also]) {
      setStatus.run(statusRank('withdrawn'), tx.now, d.id);
      history.run(d.id, tx.now, d.mode === '9810' ? 'perSale9810' : 'sharedMessage');
    }
  });
  return { ...report, dryRun: false };
}
