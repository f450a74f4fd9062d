/**
 * Withdrawals and returns of lists customs holds (issue 15, point 5), stored and sent like every
 * other message (XSD-validated, documents + outbox rows in one unit-of-work transaction):
 * - `customs.lists.cancel`: a numbered list (invtNo) is withdrawn with a CEB605 撤销申请单 and its
 *   reason (document type CEB605, business key = the list's copNo, linked to the list's order);
 *   a CEB606 that concludes it marks the list 'cancelled' (customs-store.ts).
 * - `customs.returns.apply`: goods of an exported list come back (退运) — a CEB213 退货申请单
 *   (9661, 1261 for 1210) against the original invtNo, lines read back from the list as it was
 *   sent; the quantities of every return of that list together stay within the list's.
 * Both are idempotent: a withdrawal of a list whose CEB605 stands, or a return whose number
 * (coElNo) stands, builds nothing and says `alreadyDeclared`.
 */
import {
  buildCeb213Message,
  buildCeb605Message,
  isRebuildable,
  returnOriginalFromXml,
  toScaled,
  type CebWithdrawalMessage,
  type ReturnApplication,
} from '../../core/customs/index.ts';
import { DomainError } from '../../core/domain-error.ts';
import { validateCebMany } from '../../sync/validate-ceb.ts';
import type { Workspace } from '../workspace.ts';
import { buildContext } from './customs-build.ts';
import { storeAndQueueMessages } from './customs-store.ts';
import type { CebValidationIssue } from './contract.ts';

export interface WithdrawalResult {
  readonly type: 'CEB605' | 'CEB213';
  /** copNo of the withdrawn list (CEB605) or the return's coElNo (CEB213). */
  readonly key: string;
  readonly invtNo: string;
  readonly alreadyDeclared: boolean;
  readonly documents: number;
  readonly queued: number;
  readonly validationErrors: readonly CebValidationIssue[];
  /** true when nothing was stored (dryRun, already declared, or validation failed). */
  readonly dryRun: boolean;
}

export interface WithdrawalOutcome extends WithdrawalResult {
  readonly builtMessages: readonly CebWithdrawalMessage[];
}

/** A list (CEB603) as its latest revision stands. */
export interface ListRow {
  id: number;
  guid: string;
  message_guid: string;
  business_key: string;
  order_id: number | null;
  order_no: string | null;
  invt_no: string;
  pre_no: string | null;
  status: string;
  last_return_info: string | null;
}

/** States of a list customs released (the goods left): only those can come back. */
const EXPORTED = new Set(['800', '399', '899']);

/** The latest revision of the list `invtNo`; `customs.withdrawal.unknownList` when there is none. */
export function listByInvtNo(ws: Workspace, invtNo: string): ListRow {
  const row = ws.read
    .prepare(
      `SELECT id, guid, message_guid, business_key, order_id, order_no, invt_no, pre_no, status, last_return_info
    FROM customs_documents WHERE type = 'CEB603' AND invt_no = ? ORDER BY revision DESC LIMIT 1`,
    )
    .get(invtNo) as ListRow | undefined;
  if (!row) throw new DomainError('customs.withdrawal.unknownList', { invtNo });
  return row;
}

/** The latest document of a type and key that stands (not refused or withdrawn), and the next revision. */
function standing(ws: Workspace, type: string, key: string): { stands: boolean; revision: number } {
  const prior = ws.read
    .prepare(
      'SELECT status, revision FROM customs_documents WHERE type = ? AND business_key = ? ORDER BY revision DESC LIMIT 1',
    )
    .get(type, key) as { status: string; revision: number } | undefined;
  return { stands: prior !== undefined && !isRebuildable(prior.status), revision: (prior?.revision ?? 0) + 1 };
}

async function validateAndStore(
  ws: Workspace,
  command: string,
  message: CebWithdrawalMessage,
  doc: { businessKey: string; revision: number; orderId: number | null; orderNo: string | null; facts: unknown },
  dryRun: boolean,
): Promise<Pick<WithdrawalResult, 'documents' | 'queued' | 'validationErrors' | 'dryRun'>> {
  const [check] = await validateCebMany([message.xml]);
  const validationErrors = check!.errors.map((e) => ({
    messageType: message.type,
    messageGuid: message.guid,
    line: e.line,
    message: e.message,
  }));
  const store = !dryRun && validationErrors.length === 0;
  const queued = store
    ? ws.uow.run(command, (tx) =>
        storeAndQueueMessages(tx, [
          {
            type: message.type,
            guid: message.guid,
            xml: message.xml,
            documents: message.documents.map((d) => ({ guid: d.guid, ...doc })),
          },
        ]),
      )
    : 0;
  return { documents: message.documents.length, queued, validationErrors, dryRun: !store };
}

/** The answer when the withdrawal already stands: nothing built, nothing stored. */
function declaredBefore(base: Pick<WithdrawalOutcome, 'type' | 'key' | 'invtNo'>): WithdrawalOutcome {
  return {
    ...base,
    alreadyDeclared: true,
    documents: 0,
    queued: 0,
    validationErrors: [],
    dryRun: true,
    builtMessages: [],
  };
}

/** CEB605: withdraws the list customs numbered `invtNo`, with the reason. */
export async function cancelList(
  ws: Workspace,
  input: { invtNo: string; reason: string; note?: string | undefined; dryRun?: boolean | undefined },
): Promise<WithdrawalOutcome> {
  const ctx = buildContext(ws);
  const list = listByInvtNo(ws, input.invtNo);
  const base = { type: 'CEB605' as const, key: list.business_key, invtNo: list.invt_no };
  if (list.status === 'cancelled' || standing(ws, 'CEB605', list.business_key).stands) return declaredBefore(base);
  if (isRebuildable(list.status))
    throw new DomainError('customs.withdrawal.notHeld', { invtNo: list.invt_no, status: list.status });
  const message = buildCeb605Message(
    [
      {
        copNo: list.business_key,
        invtNo: list.invt_no,
        preNo: list.pre_no,
        reason: input.reason,
        note: input.note ?? null,
      },
    ],
    ctx,
  );
  const stored = await validateAndStore(
    ws,
    'customs.lists.cancel',
    message,
    {
      businessKey: list.business_key,
      revision: standing(ws, 'CEB605', list.business_key).revision,
      orderId: list.order_id,
      orderNo: list.order_no,
      facts: { invtNo: list.invt_no, reason: input.reason },
    },
    input.dryRun === true,
  );
  return { ...base, alreadyDeclared: false, ...stored, builtMessages: [message] };
}

export interface ReturnInput {
  readonly invtNo: string;
  readonly coElNo: string;
  readonly returnDate: string;
  readonly reason: string;
  /** ISO alpha-2 country the goods come back from; default the order's buyer country. */
  readonly country?: string | undefined;
  readonly logisticsNo: string;
  readonly billNo: string;
  readonly trafMode: string;
  readonly trafName: string;
  readonly voyageNo: string;
  readonly lines: ReadonlyArray<{ readonly gnum: number; readonly qty: number }>;
  readonly dryRun?: boolean | undefined;
}

/** Quantities already returned per line of a list (returns that stand). */
function returnedBefore(ws: Workspace, invtNo: string): Map<number, bigint> {
  const latest = new Map<string, { facts: string | null; status: string }>();
  for (const r of ws.read
    .prepare("SELECT business_key, facts, status FROM customs_documents WHERE type = 'CEB213' ORDER BY revision")
    .all() as Array<{ business_key: string; facts: string | null; status: string }>)
    latest.set(r.business_key, r);
  const out = new Map<number, bigint>();
  for (const r of latest.values()) {
    if (isRebuildable(r.status) || r.facts === null) continue;
    const f = JSON.parse(r.facts) as { invtNo?: string; lines?: Array<{ gnum: number; qty: number }> };
    if (f.invtNo !== invtNo) continue;
    for (const l of f.lines ?? []) out.set(l.gnum, (out.get(l.gnum) ?? 0n) + toScaled(String(l.qty)));
  }
  return out;
}

/** CEB213: goods of the exported list `invtNo` come back. */
export async function applyReturn(ws: Workspace, input: ReturnInput): Promise<WithdrawalOutcome> {
  const ctx = buildContext(ws);
  const list = listByInvtNo(ws, input.invtNo);
  const base = { type: 'CEB213' as const, key: input.coElNo, invtNo: list.invt_no };
  const prior = standing(ws, 'CEB213', input.coElNo);
  if (prior.stands) return declaredBefore(base);
  if (!EXPORTED.has(list.status))
    throw new DomainError('customs.return.notExported', { invtNo: list.invt_no, status: list.status });
  const xml = ws.read
    .prepare('SELECT xml FROM customs_messages WHERE guid = ?')
    .pluck()
    .get(list.message_guid) as string;
  const original = returnOriginalFromXml(xml, list.guid, list.invt_no, list.pre_no);
  if (!original) throw new DomainError('customs.withdrawal.unknownList', { invtNo: list.invt_no });
  const earlier = returnedBefore(ws, list.invt_no);
  for (const l of input.lines) {
    const src = original.lines.find((x) => x.gnum === l.gnum);
    const before = earlier.get(l.gnum) ?? 0n;
    if (src && before > 0n && before + toScaled(String(l.qty)) > toScaled(src.qty))
      throw new DomainError('customs.return.overQuantity', {
        invtNo: list.invt_no,
        gnum: l.gnum,
        qty: String(l.qty),
        original: src.qty,
        returnedBefore: String(before / 100_000n),
      });
  }
  const country =
    input.country ??
    ((list.order_id === null
      ? null
      : (ws.read.prepare('SELECT buyer_country FROM orders WHERE id = ?').pluck().get(list.order_id) as
          string | null)) ||
      null);
  if (!country) throw new DomainError('customs.field.required', { field: 'country' });
  const application: ReturnApplication = {
    coElNo: input.coElNo,
    returnDate: input.returnDate,
    reason: input.reason,
    country,
    logisticsNo: input.logisticsNo,
    billNo: input.billNo,
    trafMode: input.trafMode,
    trafName: input.trafName,
    voyageNo: input.voyageNo,
    original,
    lines: input.lines,
  };
  const message = buildCeb213Message([application], ctx);
  const stored = await validateAndStore(
    ws,
    'customs.returns.apply',
    message,
    {
      businessKey: input.coElNo,
      revision: prior.revision,
      orderId: list.order_id,
      orderNo: list.order_no,
      facts: { invtNo: list.invt_no, returnDate: input.returnDate, lines: input.lines },
    },
    input.dryRun === true,
  );
  return { ...base, alreadyDeclared: false, ...stored, builtMessages: [message] };
}
