/**
 * Summary application (汇总申请, CEB701): by list numbers — each must be a list of this ledger that
 * customs released or concluded (800/399/899) — or by a period. The application gets the copNo
 * `SUM<YYYYMMDD>-<n>`, is validated against the XSD and stored + queued like every document.
 */
import { buildCeb701Message, formatAppTime } from '../core/customs/index.ts';
import { DomainError } from '../core/domain-error.ts';
import { documentIdByGuid, listStatuses, summariesOn } from '../db/customs-query.ts';
import { storeAndQueueMessages } from '../db/customs-store.ts';
import { validateCebMany } from '../sync/validate-ceb.ts';
import type { ParsedInput } from './contract.ts';
import type { SummaryApplyResult } from './contract-customs.ts';
import { buildContext } from './customs-build.ts';
import type { Workspace } from './workspace.ts';

const SUMMARISABLE = new Set(['800', '399', '899']);

export async function applySummary(ws: Workspace, input: ParsedInput<'customs.summary.apply'>): Promise<SummaryApplyResult> {
  const ctx = buildContext(ws);
  const invtNos = input.invtNos ? [...new Set(input.invtNos)] : undefined;
  if (invtNos) {
    const statuses = listStatuses(ws.db, invtNos);
    for (const n of invtNos) {
      const status = statuses.get(n);
      if (status === undefined) throw new DomainError('customs.summary.unknownList', { invtNo: n });
      if (!SUMMARISABLE.has(status)) throw new DomainError('customs.summary.listNotReleased', { invtNo: n, status });
    }
  }
  const prefix = `SUM${formatAppTime(ws.clock()).slice(0, 8)}-`;
  const copNo = `${prefix}${summariesOn(ws.db, prefix) + 1}`;
  const message = buildCeb701Message({
    copNo, summaryFlag: input.summaryFlag, itemNameFlag: input.itemNameFlag,
    ...(invtNos ? { invtNos } : {}), ...(input.startDate ? { startDate: input.startDate } : {}), ...(input.endDate ? { endDate: input.endDate } : {}),
  }, ctx);
  const [check] = await validateCebMany([message.xml]);
  if (!check!.valid) throw new DomainError('customs.summary.invalid', { reason: check!.errors[0]?.message ?? '' });
  const doc = message.documents[0]!;
  ws.uow.run('customs.summary.apply', (tx) => storeAndQueueMessages(tx, [{
    type: 'CEB701', guid: message.guid, xml: message.xml,
    documents: [{ guid: doc.guid, businessKey: copNo, revision: 1, orderId: null, orderNo: null, facts: null }],
  }]));
  return { copNo, lists: invtNos?.length ?? 0, messages: 1, documentId: documentIdByGuid(ws.db, doc.guid) };
}
