/**
 * Summary application (汇总申请, CEB701): by list numbers — since issue 15 one 194号 group of this
 * ledger's concluded (899 结关) summary-declaration (statisticsFlag B) lists, as customs.summary.plan
 * shows them — or by a period. The application gets the copNo `SUM<YYYYMMDD>-<n>`, is validated
 * against the XSD and stored + queued like every document. The plan: A lists (statistics only),
 * B lists released but not concluded (pending), and one group per consignor, transport mode,
 * producer/seller, country of arrival, exit office and month, with its due date and warning.
 */
import {
  buildCeb701Message,
  formatAppTime,
  listFactsFromXml,
  planSummary,
  type SummaryListFacts,
  type SummaryPlan,
} from '../../core/customs/index.ts';
import { DomainError } from '../../core/domain-error.ts';
import { documentIdByGuid, listStatuses, summariesOn } from './customs-query.ts';
import { storeAndQueueMessages } from './customs-store.ts';
import { validateCebMany } from '../../sync/validate-ceb.ts';
import type { InputOf } from '../area-kit.ts';
import type { customsContract } from './contract.ts';
import type { SummaryApplyResult } from './contract.ts';
import { buildContext } from './customs-build.ts';
import type { Workspace } from '../workspace.ts';

const CONCLUDED = '899';

interface ListRow {
  guid: string;
  invt_no: string;
  status: string;
  xml: string;
}

/** Facts of the ledger's lists with an invtNo (latest revision), optionally only the given ones. */
function summaryLists(ws: Workspace, invtNos?: readonly string[]): SummaryListFacts[] {
  const rows = ws.read
    .prepare(
      `SELECT d.guid, d.invt_no, d.status, m.xml FROM customs_documents d JOIN customs_messages m ON m.guid = d.message_guid
    WHERE d.type = 'CEB603' AND d.invt_no IS NOT NULL AND d.status IN ('800', '399', '899')
      AND d.revision = (SELECT max(x.revision) FROM customs_documents x WHERE x.type = d.type AND x.business_key = d.business_key)
      ${invtNos ? 'AND d.invt_no IN (SELECT value FROM json_each(?))' : ''}
    ORDER BY d.invt_no`,
    )
    .all(...(invtNos ? [JSON.stringify(invtNos)] : [])) as ListRow[];
  return rows
    .map((r) => listFactsFromXml(r.xml, r.guid, r.invt_no, r.status))
    .filter((f): f is SummaryListFacts => f !== null);
}

/** The summary plan as of `today` (China date; default the clock's). */
export function summaryPlan(ws: Workspace, today?: string): SummaryPlan {
  return planSummary(
    summaryLists(ws),
    today ?? formatAppTime(ws.clock()).replace(/^(\d{4})(\d{2})(\d{2}).*/, '$1-$2-$3'),
  );
}

export async function applySummary(
  ws: Workspace,
  input: InputOf<typeof customsContract, 'customs.summary.apply'>,
): Promise<SummaryApplyResult> {
  const ctx = buildContext(ws);
  const invtNos = input.invtNos ? [...new Set(input.invtNos)] : undefined;
  if (invtNos) {
    const statuses = listStatuses(ws.read, invtNos);
    for (const n of invtNos) {
      const status = statuses.get(n);
      if (status === undefined) throw new DomainError('customs.summary.unknownList', { invtNo: n });
      if (status !== CONCLUDED && !['800', '399'].includes(status))
        throw new DomainError('customs.summary.listNotReleased', { invtNo: n, status });
      if (status !== CONCLUDED) throw new DomainError('customs.summary.listNotConcluded', { invtNo: n, status });
    }
    const plan = planSummary(summaryLists(ws, invtNos), '0000-00-00');
    if (plan.statisticsOnly.length > 0)
      throw new DomainError('customs.summary.statisticsOnly', { invtNo: plan.statisticsOnly[0]! });
    if (plan.groups.length > 1) throw new DomainError('customs.summary.mixedGroups', { groups: plan.groups.length });
  }
  const prefix = `SUM${formatAppTime(ws.clock()).slice(0, 8)}-`;
  const copNo = `${prefix}${summariesOn(ws.read, prefix) + 1}`;
  const message = buildCeb701Message(
    {
      copNo,
      summaryFlag: input.summaryFlag,
      itemNameFlag: input.itemNameFlag,
      ...(invtNos ? { invtNos } : {}),
      ...(input.startDate ? { startDate: input.startDate } : {}),
      ...(input.endDate ? { endDate: input.endDate } : {}),
    },
    ctx,
  );
  const [check] = await validateCebMany([message.xml]);
  if (!check!.valid) throw new DomainError('customs.summary.invalid', { reason: check!.errors[0]?.message ?? '' });
  const doc = message.documents[0]!;
  ws.uow.run('customs.summary.apply', (tx) =>
    storeAndQueueMessages(tx, [
      {
        type: 'CEB701',
        guid: message.guid,
        xml: message.xml,
        documents: [{ guid: doc.guid, businessKey: copNo, revision: 1, orderId: null, orderNo: null, facts: null }],
      },
    ]),
  );
  return { copNo, lists: invtNos?.length ?? 0, messages: 1, documentId: documentIdByGuid(ws.read, doc.guid) };
}
