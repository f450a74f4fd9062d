/**
 * The customs build: selected orders → 三单 pre-check → CEB303 (+ CEB403 when the seller sends
 * payment receipts, + CEB505 when it declares its own waybills) and CEB603 → XSD validation of
 * every message → in one unit-of-work transaction the messages, their documents (queued) and
 * the outbox rows (one per message, plus the six-item record per order). Orders with an 'error'
 * finding are not built; a builder error becomes a finding of its order. If any message fails
 * the XSD nothing is stored (the errors are returned). A document that stands (not rejected)
 * is never built again; a rejected one (100, negative code) gets the next revision.
 */
import { randomUUID } from 'node:crypto';
import {
  assertContext, EMPTY_RISK_RULES, findingOfError, isRebuildable, lineAmounts, precheckForBuild, precheckOrders, splitOrderLines,
  type BuiltType, type CebBuildContext, type CebMessage, type CebOrderInput, type CebSettings, type DocumentFacts, type Finding,
} from '../core/customs/index.ts';
import { DomainError } from '../core/domain-error.ts';
import { formatDecimal, money } from '../core/money/index.ts';
import { latestCompany } from '../db/company-store.ts';
import { existingDocuments, loadPrecheckOrders, type ExistingDocument, type OrderSelection } from '../db/customs-orders.ts';
import { enqueueSixItems, storeAndQueueMessages, type MessageToStore, type SixItems } from '../db/customs-store.ts';
import { getSetting } from '../db/settings-store.ts';
import type { CebValidationIssue, CustomsBuildResult, CustomsPrecheckResult, CustomsProgressEvent, CustomsSettings, RiskList } from './contract-customs.ts';
import { buildAndValidate } from './customs-pipeline.ts';
import type { Workspace } from './workspace.ts';

export const CUSTOMS_SETTINGS_KEY = 'customs.settings';
export const RISK_LIST_KEY = 'customs.riskList';

export function readCustomsSettings(ws: Workspace): CustomsSettings | null {
  return getSetting<CustomsSettings | null>(ws.db, CUSTOMS_SETTINGS_KEY, null);
}

export function readRiskList(ws: Workspace): RiskList {
  return getSetting<RiskList>(ws.db, RISK_LIST_KEY, EMPTY_RISK_RULES);
}

/** The settings and company every build needs (not yet checked against the rules), or the coded reason why not. */
function loadContext(ws: Workspace): CebBuildContext {
  const settings = readCustomsSettings(ws);
  if (!settings) throw new DomainError('customs.settings.missing');
  const company = latestCompany(ws.db);
  if (!company) throw new DomainError('customs.company.missing');
  return { company, settings: settings as CebSettings, clock: ws.clock, newId: randomUUID };
}

/** The build's context, refused (thrown) when a workspace-level rule is broken: a profile without dxpId fails here once, not once per order. */
export function buildContext(ws: Workspace): CebBuildContext {
  const ctx = loadContext(ws);
  assertContext(ctx);
  return ctx;
}

/** The pre-check of a selection: every condition the build would refuse, as findings (build-rules.ts). */
export function runCustomsPrecheck(ws: Workspace, sel: OrderSelection): CustomsPrecheckResult {
  const ctx = loadContext(ws);
  const orders = loadPrecheckOrders(ws.db, sel);
  const { declared } = existingDocuments(ws.db, orders.map((o) => o.orderId));
  const r = precheckForBuild(orders, ctx, readRiskList(ws), (id) => declared.get(id) ?? [], typesFor(ctx.settings as CustomsSettings));
  return { orders: orders.length, clean: r.ready.length, findings: r.findings };
}

export function typesFor(settings: CustomsSettings): BuiltType[] {
  return ['CEB303', ...(settings.sendsPaymentReceipts ? ['CEB403' as const] : []), ...(settings.declaresWaybills ? ['CEB505' as const] : []), 'CEB603'];
}

/** Business keys of an order's documents of one type (orderNo / logisticsNo / copNo per part). */
function keysOf(type: BuiltType, input: CebOrderInput): string[] {
  const parts = splitOrderLines(input);
  if (type === 'CEB303') return parts.map((p) => p.orderNo);
  if (type === 'CEB603') return parts.map((p) => p.copNo);
  if (type === 'CEB403') return [parts[0]!.orderNo];
  return [input.logisticsNo];
}

interface Ready { readonly orderId: number; readonly input: CebOrderInput; readonly facts: readonly DocumentFacts[] }

export interface BuildOutcome extends CustomsBuildResult {
  /** The messages built (also when nothing was stored), for the CLI's --out. */
  readonly builtMessages: readonly CebMessage[];
}

export async function runCustomsBuild(ws: Workspace, sel: OrderSelection, dryRun: boolean): Promise<BuildOutcome> {
  const ctx = buildContext(ws);
  const settings = ctx.settings as CustomsSettings;
  const orders = loadPrecheckOrders(ws.db, sel);
  const { latest, declared } = existingDocuments(ws.db, orders.map((o) => o.orderId));
  const types = typesFor(settings);
  const progress = (phase: CustomsProgressEvent['phase'], done: number, total: number) => ws.events.emit('customs.progress', { phase, done, total });
  progress('precheck', 0, orders.length);
  const outcome = precheckOrders(orders, ctx.settings, ctx.company, readRiskList(ws), (id) => declared.get(id) ?? [], types);
  const findings: Finding[] = [...outcome.findings];

  // Per type, the orders whose documents of that type do not stand yet.
  const standing = (doc: ExistingDocument | undefined) => doc !== undefined && !isRebuildable(doc.status);
  const revisionOf = (type: string, key: string) => (latest.get(`${type}\u0000${key}`)?.revision ?? 0) + 1;
  progress('build', 0, outcome.ready.length);
  let done = 0;
  const { messages, results, blocked } = await buildAndValidate(
    types, outcome.ready, ctx,
    (type, o) => !keysOf(type, o.input).some((k) => standing(latest.get(`${type}\u0000${k}`))),
    (o, e) => findings.push(findingOfError({ orderId: o.orderId, orderNo: o.input.orderNo }, e)),
    (n) => progress('build', (done += n), outcome.ready.length * types.length),
  );
  progress('validate', messages.length, messages.length);
  const validationErrors: CebValidationIssue[] = results.flatMap((r, i) => r.errors.map((e) => ({
    messageType: messages[i]!.type, messageGuid: messages[i]!.message.guid, line: e.line, message: e.message,
  })));

  const byOrderNo = new Map(outcome.ready.filter((o) => !blocked.has(o.orderId)).map((o) => [o.input.orderNo, o]));
  const toStore: MessageToStore[] = messages.map(({ type, message }) => ({
    type, guid: message.guid, xml: message.xml,
    documents: message.documents.map((d) => {
      const o = byOrderNo.get(d.sourceOrderNo)!;
      const businessKey = type === 'CEB603' ? d.copNo : type === 'CEB505' ? o.input.logisticsNo : d.orderNo;
      const facts = o.facts.find((f) => f.type === type && (type === 'CEB505' || f.orderNo === d.orderNo)) ?? null;
      return { guid: d.guid, businessKey, revision: revisionOf(type, businessKey), orderId: o.orderId, orderNo: o.input.orderNo, facts };
    }),
  }));
  const builtOrders = new Set(toStore.flatMap((m) => m.documents.map((d) => d.orderId!)));
  const documents: Partial<Record<MessageToStore['type'], number>> = {};
  for (const m of toStore) documents[m.type] = (documents[m.type] ?? 0) + m.documents.length;

  const store = !dryRun && validationErrors.length === 0 && toStore.length > 0;
  progress('store', 0, store ? toStore.length : 0);
  const queued = store
    ? ws.uow.run('customs.build', (tx) => storeAndQueueMessages(tx, toStore) + enqueueSixItems(tx, sixItems(outcome.ready.filter((o) => builtOrders.has(o.orderId)))))
    : 0;
  progress('done', messages.length, messages.length);
  return {
    orders: orders.length,
    blocked: orders.length - outcome.ready.length + blocked.size,
    built: builtOrders.size,
    documents,
    messages: messages.length,
    queued,
    findings,
    validationErrors,
    dryRun: !store,
    builtMessages: messages.map((m) => m.message),
  };
}

/** The six items per exported order (财税〔2018〕103号): date, goods name, unit, quantity, unit price, amount. */
function sixItems(orders: readonly Ready[]): SixItems[] {
  return orders.map(({ input }) => ({
    orderNo: input.orderNo,
    exportDate: input.exportDate,
    currency: input.currency,
    items: input.lines.map((l) => {
      const a = lineAmounts(l, input.currency);
      return { goodsName: l.sku.goodsName, unit: l.sku.unit, quantity: String(l.quantity), unitPrice: formatDecimal(money(l.unitPrice, input.currency)), amount: formatDecimal(a.total) };
    }),
  }));
}
