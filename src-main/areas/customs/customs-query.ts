/**
 * Read side of customs documents: keyset pages filtered by type / status / text (business key,
 * order number, list number), one document with its status history, receipts, message XML and
 * declaration-line mapping, and counts per status and type.
 */
import type {
  CebDocumentType,
  CustomsDocument,
  CustomsDocumentDetail,
  CustomsDocumentsPage,
  CustomsReceiptView,
  CustomsStatusChange,
  CustomsStatusCounts,
} from '../../core/customs/customs-views.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { Db } from '../../db/open-ledger.ts';

const DOC_COLUMNS = `d.id, d.type, d.business_key AS businessKey, d.order_id AS orderId, d.order_no AS orderNo, d.guid, d.message_guid AS messageGuid,
  d.revision, d.status, d.last_return_status AS lastReturnStatus, d.last_return_info AS lastReturnInfo, d.status_at AS statusAt,
  d.invt_no AS invtNo, d.pre_no AS preNo, d.entry_id AS entryId, d.created_at AS createdAt`;

export interface DocumentFilter {
  readonly type?: CebDocumentType | undefined;
  readonly status?: string | undefined;
  readonly q?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | null | undefined;
}

/** Newest first, by id; the cursor is the last id seen. */
export function listDocuments(db: Db, f: DocumentFilter): CustomsDocumentsPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.type) {
    where.push('d.type = ?');
    params.push(f.type);
  }
  if (f.status) {
    where.push('d.status = ?');
    params.push(f.status);
  }
  if (f.q) {
    where.push('(d.business_key = ? OR d.order_no = ? OR d.invt_no = ? OR d.entry_id = ?)');
    params.push(f.q, f.q, f.q, f.q);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM customs_documents d ${filter}`)
    .pluck()
    .get(...params) as number;
  const limit = f.limit ?? 100;
  const page = [...where];
  const pageParams = [...params];
  if (f.cursor) {
    const after = Number(f.cursor);
    if (!Number.isSafeInteger(after)) throw new DomainError('customs.cursor.invalid');
    page.push('d.id < ?');
    pageParams.push(after);
  }
  const rows = db
    .prepare(
      `SELECT ${DOC_COLUMNS} FROM customs_documents d ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY d.id DESC LIMIT ?`,
    )
    .all(...pageParams, limit + 1) as CustomsDocument[];
  const items = rows.slice(0, limit);
  return { items, total, nextCursor: rows.length > limit ? String(items.at(-1)!.id) : null };
}

export function getDocument(db: Db, id: number): CustomsDocumentDetail {
  const doc = db.prepare(`SELECT ${DOC_COLUMNS} FROM customs_documents d WHERE d.id = ?`).get(id) as
    CustomsDocument | undefined;
  if (!doc) throw new DomainError('customs.document.unknown', { id });
  const history = (
    db
      .prepare('SELECT status, at, source, applied, info FROM customs_status_history WHERE document_id = ? ORDER BY id')
      .all(id) as Array<Omit<CustomsStatusChange, 'applied'> & { applied: number }>
  ).map((h) => ({ ...h, applied: h.applied === 1 }));
  const receipts = db
    .prepare(
      `SELECT id, message_type AS messageType, status, return_time AS returnTime, return_info AS returnInfo, received_at AS receivedAt
    FROM customs_receipts WHERE document_id = ? ORDER BY id`,
    )
    .all(id) as CustomsReceiptView[];
  const xml = db.prepare('SELECT xml FROM customs_messages WHERE guid = ?').pluck().get(doc.messageGuid) as string;
  const lineMapping = db
    .prepare(
      `SELECT gnum, gseqno, gcode FROM customs_declaration_lines WHERE document_id = ? ORDER BY receipt_id DESC, gnum`,
    )
    .all(id) as CustomsDocumentDetail['lineMapping'];
  return { ...doc, history, receipts, xml, lineMapping };
}

export function statusCounts(db: Db): CustomsStatusCounts {
  const byStatus: Record<string, number> = {};
  for (const r of db.prepare('SELECT status, count(*) AS n FROM customs_documents GROUP BY status').all() as Array<{
    status: string;
    n: number;
  }>)
    byStatus[r.status] = r.n;
  const byType: Partial<Record<CebDocumentType, number>> = {};
  for (const r of db.prepare('SELECT type, count(*) AS n FROM customs_documents GROUP BY type').all() as Array<{
    type: CebDocumentType;
    n: number;
  }>)
    byType[r.type] = r.n;
  return { byStatus, byType, errors: byStatus.error ?? 0 };
}

/** Status of the standing list (latest revision) with each list number; absent numbers are missing. */
export function listStatuses(db: Db, invtNos: readonly string[]): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT invt_no, status FROM customs_documents WHERE type = 'CEB603' AND invt_no IN (SELECT value FROM json_each(?))
    ORDER BY revision`,
    )
    .all(JSON.stringify(invtNos)) as Array<{ invt_no: string; status: string }>;
  return new Map(rows.map((r) => [r.invt_no, r.status]));
}

/** Summary applications made on a day (for the next copNo). */
export function summariesOn(db: Db, prefix: string): number {
  return db
    .prepare("SELECT count(*) FROM customs_documents WHERE type = 'CEB701' AND business_key LIKE ? || '%'")
    .pluck()
    .get(prefix) as number;
}

export function documentIdByGuid(db: Db, guid: string): number {
  return db.prepare('SELECT id FROM customs_documents WHERE guid = ?').pluck().get(guid) as number;
}
