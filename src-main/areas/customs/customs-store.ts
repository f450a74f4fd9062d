/**
 * Write side of customs documents: stores built CEB messages with their business documents and
 * queues them, marks them sent, and records receipts (each stored once, attached to its
 * document, status moved forward only, full history kept). Tables: migration 0006-customs.
 *
 * Outbox rows this area enqueues (always inside the same unit-of-work transaction as the
 * documents they carry):
 * - kind 'ceb.message' — one row per CEB message (≤ 100 documents of one type):
 *   key `ceb:<messageType>:<businessKey of its first document>:<revision>` (a document revision is
 *   built once, so a key is unique and never queued twice);
 *   payload `{ messageType: 'CEB303'|'CEB403'|'CEB505'|'CEB603'|'CEB701'|'CEB605'|'CEB213', guid: <message guid>,
 *   xml: <unsigned XML, XSD-valid>, documents: [<businessKey>…] }` (businessKey = orderNo for
 *   303/403, logisticsNo for 505, copNo for 603/701 and for the 605 withdrawing a list, coElNo for
 *   213). When the transport accepted it, call
 *   `markMessagesSent(tx, keys, at)`: its documents go queued → sent.
 * - kind 'tax.sixItems' — one row per exported order (no-invoice VAT exemption, 财税〔2018〕103号):
 *   key `tax.sixItems:<orderNo>`; payload `{ orderNo, exportDate: 'YYYY-MM-DD', currency: 'USD',
 *   items: [{ goodsName, unit: '<3-digit unit code>', quantity: '<decimal>', unitPrice: '<decimal>',
 *   amount: '<decimal>' }] }` — the six items per goods line (date, name, unit, quantity, unit
 *   price, amount), decimal strings in the order currency.
 * Receipts: `parseReceipt(xml)` (core/customs) → `recordReceipts(tx, receipts)`.
 */
import { createHash } from 'node:crypto';
import { ANSWERS, advances, statusOfCode, statusRank, type ParsedReceipt } from '../../core/customs/index.ts';
import type { Tx } from '../../db/unit-of-work.ts';
import { noteLateListChange, type LateListChange } from './late-lists.ts';

export interface StoredDocument {
  readonly guid: string;
  readonly businessKey: string;
  readonly revision: number;
  readonly orderId: number | null;
  readonly orderNo: string | null;
  /** What it states (DocumentFacts JSON) for later 三单比对; null for CEB701. */
  readonly facts: unknown;
}

export interface MessageToStore {
  readonly type: 'CEB303' | 'CEB403' | 'CEB505' | 'CEB603' | 'CEB701' | 'CEB605' | 'CEB213';
  readonly guid: string;
  readonly xml: string;
  readonly documents: readonly StoredDocument[];
}

export function messageKey(m: MessageToStore): string {
  const first = m.documents[0]!;
  return `ceb:${m.type}:${first.businessKey}:${first.revision}`;
}

/** Stores validated messages and their documents (validated → queued) and enqueues one outbox row each. */
export function storeAndQueueMessages(tx: Tx, messages: readonly MessageToStore[]): number {
  const insertMessage = tx.db.prepare(
    'INSERT INTO customs_messages (guid, type, idempotency_key, xml, command_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertDoc = tx.db.prepare(`INSERT INTO customs_documents
    (type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank, status_at, facts, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`);
  const history = historyWriter(tx);
  for (const m of messages) {
    const key = messageKey(m);
    insertMessage.run(m.guid, m.type, key, m.xml, tx.commandId, tx.now);
    for (const d of m.documents) {
      const id = Number(
        insertDoc.run(
          m.type,
          d.businessKey,
          d.revision,
          d.orderId,
          d.orderNo,
          d.guid,
          m.guid,
          statusRank('queued'),
          tx.now,
          d.facts == null ? null : JSON.stringify(d.facts),
          tx.now,
        ).lastInsertRowid,
      );
      history(id, 'validated', 'local', true, null, null);
      history(id, 'queued', 'local', true, null, null);
    }
    tx.enqueue({
      kind: 'ceb.message',
      idempotencyKey: key,
      payload: { messageType: m.type, guid: m.guid, xml: m.xml, documents: m.documents.map((d) => d.businessKey) },
    });
  }
  return messages.length;
}

function historyWriter(tx: Tx) {
  const stmt = tx.db.prepare(
    'INSERT INTO customs_status_history (document_id, status, at, source, applied, info, receipt_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (
    documentId: number,
    status: string,
    source: 'local' | 'receipt',
    applied: boolean,
    info: string | null,
    receiptId: number | null,
  ) => stmt.run(documentId, status, tx.now, source, applied ? 1 : 0, info, receiptId);
}

/** The transport accepted these messages: their queued documents become sent. Returns documents changed. */
export function markMessagesSent(tx: Tx, idempotencyKeys: readonly string[], at: string): number {
  const docs = tx.db
    .prepare(`SELECT d.id, d.status FROM customs_documents d JOIN customs_messages m ON m.guid = d.message_guid
    WHERE m.idempotency_key = ?`);
  const update = tx.db.prepare(
    "UPDATE customs_documents SET status = 'sent', status_rank = ?, status_at = ? WHERE id = ?",
  );
  const history = tx.db.prepare(
    "INSERT INTO customs_status_history (document_id, status, at, source, applied, info) VALUES (?, 'sent', ?, 'local', 1, NULL)",
  );
  let changed = 0;
  for (const key of idempotencyKeys) {
    for (const d of docs.all(key) as Array<{ id: number; status: string }>) {
      if (!advances(d.status, 'sent')) continue; // sent again, or a receipt came first: nothing to record
      update.run(statusRank('sent'), at, d.id);
      history.run(d.id, at);
      changed++;
    }
  }
  return changed;
}

export function receiptDigest(r: ParsedReceipt): string {
  const facts = [
    r.messageType,
    r.guid,
    r.businessKey,
    r.status,
    r.returnTime,
    r.returnInfo,
    r.entryId ?? '',
    JSON.stringify(r.lineMapping ?? []),
  ];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}

/** CEB606 states that conclude a withdrawal: customs took the list back. */
const WITHDRAWAL_DONE = new Set(['399', '800', '899']);

interface DocRow {
  id: number;
  status: string;
  order_id: number | null;
}

/**
 * Stores each receipt once (sha-256 of its facts), attaches it to its document (by guid, else the
 * latest revision with the business key; CEB792 by sumNo), records a history entry and moves the
 * status forward only. CEB604 sets invtNo/preNo, CEB702 preNo/sumNo, CEB792 the entryId on the
 * summary, its lists and the orders' other documents, and the list-line → declaration-line map.
 * A CEB606 that concludes a withdrawal (399/800/899) marks the withdrawn list 'cancelled'.
 * A list released or withdrawn after its export month was closed is also recorded as a register
 * adjustment of an open month (`late-lists.ts`, returned in `late`).
 */
export function recordReceipts(
  tx: Tx,
  receipts: readonly ParsedReceipt[],
): { stored: number; duplicates: number; unknown: number; late?: LateListChange[] } {
  const exists = tx.db.prepare('SELECT 1 FROM customs_receipts WHERE digest = ?').pluck();
  const insert = tx.db.prepare(`INSERT INTO customs_receipts
    (digest, message_type, message_guid, guid, business_key, status, return_time, return_info, document_id, data, command_id, received_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byGuid = tx.db.prepare('SELECT id, status, order_id FROM customs_documents WHERE guid = ? AND type = ?');
  const byKey = tx.db.prepare(
    'SELECT id, status, order_id FROM customs_documents WHERE type = ? AND business_key = ? ORDER BY revision DESC LIMIT 1',
  );
  const bySum = tx.db.prepare(
    "SELECT id, status, order_id FROM customs_documents WHERE type = 'CEB701' AND sum_no = ? ORDER BY revision DESC LIMIT 1",
  );
  const setStatus = tx.db.prepare(
    'UPDATE customs_documents SET status = ?, status_rank = ?, status_at = ? WHERE id = ?',
  );
  const setLast = tx.db.prepare(
    'UPDATE customs_documents SET last_return_status = ?, last_return_info = ? WHERE id = ?',
  );
  const setNumbers = tx.db
    .prepare(`UPDATE customs_documents SET invt_no = coalesce(?, invt_no), pre_no = coalesce(?, pre_no),
    sum_no = coalesce(?, sum_no) WHERE id = ?`);
  const listByInvt = tx.db.prepare(
    "SELECT id, status FROM customs_documents WHERE type = 'CEB603' AND invt_no = ? ORDER BY revision DESC LIMIT 1",
  );
  const history = historyWriter(tx);
  let stored = 0,
    duplicates = 0,
    unknown = 0;
  const late: LateListChange[] = [];
  for (const r of receipts) {
    const digest = receiptDigest(r);
    if (exists.get(digest)) {
      duplicates++;
      continue;
    }
    const type = ANSWERS[r.messageType];
    const doc = (
      r.messageType === 'CEB792'
        ? bySum.get(r.businessKey)
        : (byGuid.get(r.guid, type) ?? byKey.get(type, r.businessKey))
    ) as DocRow | undefined;
    const receiptId = Number(
      insert.run(
        digest,
        r.messageType,
        r.messageGuid,
        r.guid,
        r.businessKey,
        r.status,
        r.returnTime,
        r.returnInfo,
        doc?.id ?? null,
        JSON.stringify(r),
        tx.commandId,
        tx.now,
      ).lastInsertRowid,
    );
    stored++;
    if (!doc) {
      unknown++;
      continue;
    }
    if (r.messageType === 'CEB792') {
      applySummaryResult(tx, r, doc.id, receiptId);
      history(doc.id, `result:${r.status}`, 'receipt', false, r.entryId ?? r.returnInfo, receiptId);
      continue;
    }
    setLast.run(r.status, r.returnInfo, doc.id);
    setNumbers.run(r.invtNo ?? null, r.preNo ?? null, r.sumNo ?? null, doc.id);
    const status = statusOfCode(r.status);
    const applied = advances(doc.status, status);
    if (applied) setStatus.run(status, statusRank(status), tx.now, doc.id);
    // a list released after its export month was closed: an adjustment of an open month's register
    const lateRelease = applied ? noteLateListChange(tx, doc.id, doc.status, status, receiptId) : null;
    if (lateRelease) late.push(lateRelease);
    history(doc.id, r.status, 'receipt', applied, r.returnInfo, receiptId);
    if (r.messageType === 'CEB606' && WITHDRAWAL_DONE.has(status) && r.invtNo) {
      const list = listByInvt.get(r.invtNo) as { id: number; status: string } | undefined;
      if (list && advances(list.status, 'cancelled')) {
        setStatus.run('cancelled', statusRank('cancelled'), tx.now, list.id);
        const lateWithdrawal = noteLateListChange(tx, list.id, list.status, 'cancelled', receiptId);
        if (lateWithdrawal) late.push(lateWithdrawal);
        history(list.id, 'cancelled', 'receipt', true, r.returnInfo, receiptId);
      }
    }
  }
  return { stored, duplicates, unknown, ...(late.length > 0 ? { late } : {}) };
}

function applySummaryResult(tx: Tx, r: ParsedReceipt, summaryId: number, receiptId: number): void {
  const entryId = r.entryId ?? null;
  const setEntry = tx.db.prepare('UPDATE customs_documents SET entry_id = coalesce(?, entry_id) WHERE id = ?');
  const listByInvt = tx.db.prepare(
    "SELECT id, order_id FROM customs_documents WHERE type = 'CEB603' AND invt_no = ? ORDER BY revision DESC LIMIT 1",
  );
  const setOrderDocs = tx.db.prepare(
    "UPDATE customs_documents SET entry_id = coalesce(?, entry_id) WHERE order_id = ? AND type IN ('CEB303', 'CEB403', 'CEB505')",
  );
  const line = tx.db
    .prepare(`INSERT INTO customs_declaration_lines (receipt_id, document_id, invt_no, gnum, gseqno, gcode, entry_id, decl_seq_no)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  setEntry.run(entryId, summaryId);
  const seen = new Set<number>();
  for (const l of r.lineMapping ?? []) {
    const list = listByInvt.get(l.invtNo) as { id: number; order_id: number | null } | undefined;
    line.run(receiptId, list?.id ?? null, l.invtNo, l.gnum, l.gseqno, l.gcode, entryId, r.declSeqNo ?? '');
    if (!list || seen.has(list.id)) continue;
    seen.add(list.id);
    setEntry.run(entryId, list.id);
    if (list.order_id !== null) setOrderDocs.run(entryId, list.order_id);
  }
}

export interface SixItems {
  readonly orderNo: string;
  readonly exportDate: string;
  readonly currency: string;
  readonly items: ReadonlyArray<{
    readonly goodsName: string;
    readonly unit: string;
    readonly quantity: string;
    readonly unitPrice: string;
    readonly amount: string;
  }>;
}

/** Queues the six-item record of each exported order once (`tax.sixItems:<orderNo>`); returns rows added. */
export function enqueueSixItems(tx: Tx, records: readonly SixItems[]): number {
  const exists = tx.db.prepare('SELECT 1 FROM outbox WHERE idempotency_key = ?').pluck();
  let added = 0;
  for (const r of records) {
    const key = `tax.sixItems:${r.orderNo}`;
    if (exists.get(key)) continue;
    tx.enqueue({ kind: 'tax.sixItems', idempotencyKey: key, payload: r });
    added++;
  }
  return added;
}
