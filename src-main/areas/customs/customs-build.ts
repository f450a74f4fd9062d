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
  assertContext,
  B2B_LIST_LIMIT_FEN,
  declarationFormData,
  EMPTY_RISK_RULES,
  findingOfError,
  isRebuildable,
  isRestricted,
  lineAmounts,
  orderGoodsValue,
  precheckForBuild,
  precheckOrders,
  splitOrderLines,
  summaryDueDate,
  type DeclarationFormData,
  type BuiltType,
  type CebBuildContext,
  type CebMessage,
  type CebOrderInput,
  type CebSettings,
  type DocumentFacts,
  type Finding,
} from '../../core/customs/index.ts';
import { DomainError } from '../../core/domain-error.ts';
import { formatDecimal, minorDigits, money } from '../../core/money/index.ts';
import type { Minor } from '../../core/money/minor.ts';
import { latestCompany } from '../company/index.ts';
import { existingDocuments, loadPrecheckOrders, type ExistingDocument, type OrderSelection } from './customs-orders.ts';
import { enqueueSixItems, storeAndQueueMessages, type MessageToStore, type SixItems } from './customs-store.ts';
import { getSetting } from '../../db/settings-store.ts';
import { SYNC_CONFIG_KEY, type SyncConfig } from '../sync/contract.ts';
import type {
  CebValidationIssue,
  CustomsBuildResult,
  CustomsPrecheckResult,
  CustomsProgressEvent,
  CustomsSettings,
  RiskList,
} from './contract.ts';
import { buildAndValidate } from './customs-pipeline.ts';
import type { Workspace } from '../workspace.ts';

export const CUSTOMS_SETTINGS_KEY = 'customs.settings';
export const RISK_LIST_KEY = 'customs.riskList';

export function readCustomsSettings(ws: Workspace): CustomsSettings | null {
  return getSetting<CustomsSettings | null>(ws.read, CUSTOMS_SETTINGS_KEY, null);
}

export function readRiskList(ws: Workspace): RiskList {
  return getSetting<RiskList>(ws.read, RISK_LIST_KEY, EMPTY_RISK_RULES);
}

/** The settings and company every build needs (not yet checked against the rules), or the coded reason why not. */
export function loadContext(ws: Workspace): CebBuildContext {
  const settings = readCustomsSettings(ws);
  if (!settings) throw new DomainError('customs.settings.missing');
  const company = latestCompany(ws.read);
  if (!company) throw new DomainError('customs.company.missing');
  return { company, settings: settings as CebSettings, clock: ws.clock, newId: randomUUID };
}

/**
 * A real declaration (appStatus 2, 申报) must be signed before it leaves: without a signer in the
 * sync settings (an e-port card service, the declaration client's folder, or the practice SM2
 * signer) it could never be sent — `customs.signer.required`. Drafts (appStatus 1) need none.
 */
function signerFinding(ws: Workspace, settings: CustomsSettings | CebSettings): Finding | null {
  if (settings.appStatus !== '2') return null;
  const kind = getSetting<Partial<SyncConfig>>(ws.read, SYNC_CONFIG_KEY, {}).signer?.kind ?? 'none';
  if (kind !== 'none') return null;
  return {
    code: 'customs.signer.required',
    severity: 'error',
    orderId: null,
    orderNo: '',
    field: 'signer',
    params: { appStatus: '2' },
  };
}

/** The build's context, refused (thrown) when a workspace-level rule is broken: a profile without dxpId fails here once, not once per order. */
export function buildContext(ws: Workspace): CebBuildContext {
  const ctx = loadContext(ws);
  assertContext(ctx);
  const signer = signerFinding(ws, ctx.settings);
  if (signer) throw new DomainError(signer.code, signer.params);
  return ctx;
}

/** The pre-check of a selection: every condition the build would refuse, as findings (build-rules.ts). */
export function runCustomsPrecheck(ws: Workspace, sel: OrderSelection): CustomsPrecheckResult {
  const ctx = loadContext(ws);
  const orders = loadPrecheckOrders(ws.read, sel);
  const { declared } = existingDocuments(
    ws.read,
    orders.map((o) => o.orderId),
  );
  const r = precheckForBuild(
    orders,
    ctx,
    readRiskList(ws),
    (id) => declared.get(id) ?? [],
    typesFor(ctx.settings as CustomsSettings),
  );
  const signer = signerFinding(ws, ctx.settings);
  return {
    orders: orders.length,
    clean: signer ? 0 : r.ready.filter((o) => o.input.mode !== '9810').length,
    findings: [...(signer ? [signer] : []), ...perShipmentFindings(orders), ...lateWarnings(ws, orders), ...r.findings],
  };
}

export function typesFor(settings: CustomsSettings): BuiltType[] {
  return [
    'CEB303',
    ...(settings.sendsPaymentReceipts ? ['CEB403' as const] : []),
    ...(settings.declaresWaybills ? ['CEB505' as const] : []),
    'CEB603',
  ];
}

/** Business keys of an order's documents of one type (orderNo / logisticsNo / copNo per part). */
function keysOf(type: BuiltType, input: CebOrderInput): string[] {
  const parts = splitOrderLines(input);
  if (type === 'CEB303') return parts.map((p) => p.orderNo);
  if (type === 'CEB603') return parts.map((p) => p.copNo);
  if (type === 'CEB403') return [parts[0]!.orderNo];
  return [input.logisticsNo];
}

interface Ready {
  readonly orderId: number;
  readonly input: CebOrderInput;
  readonly facts: readonly DocumentFacts[];
}

export interface BuildOutcome extends CustomsBuildResult {
  /** The messages built (also when nothing was stored), for the CLI's --out. */
  readonly builtMessages: readonly CebMessage[];
}

/**
 * 9810 is declared per head-haul shipment (customs.headHaul.build), not per later sale: a sale
 * still set to 9810 (by an earlier version) is not built — an error finding; its documents already
 * sent stay as evidence, unsent ones are taken back by customs.perSale9810.withdraw.
 */
function perShipmentFindings(
  orders: ReadonlyArray<{ orderId: number; orderNo: string; mode: string | null }>,
): Finding[] {
  return orders
    .filter((o) => o.mode === '9810')
    .map((o) => ({
      code: 'customs.mode.perShipment',
      severity: 'error' as const,
      orderId: o.orderId,
      orderNo: o.orderNo,
      field: 'customsMode',
      params: { orderNo: o.orderNo },
    }));
}

/**
 * Late declarations (issue 15, point 5; domain.md §2, §5): a list releases goods at the border, so it
 * is declared when they leave (ieDate = the waybill's export date); one built after its export date
 * declares goods already gone — and once the 194号 deadline of the export month (the 15th of the
 * next month, moved to a working day; December's lists by its last working day) has passed, the list
 * also misses its summary declaration. Both are warnings in the pre-check with the dates.
 */
export function lateWarnings(
  ws: Workspace,
  orders: ReadonlyArray<{ orderId: number; orderNo: string; exportDate: string | null; mode: string | null }>,
): Finding[] {
  const today = ws.clock().toISOString().slice(0, 10);
  return orders
    .filter((o) => o.exportDate !== null && o.exportDate < today && o.mode !== '9810')
    .map((o) => {
      const summaryDue = summaryDueDate(o.exportDate!.slice(0, 7));
      return {
        code: summaryDue < today ? 'customs.declaration.pastSummaryDue' : 'customs.declaration.late',
        severity: 'warning' as const,
        orderId: o.orderId,
        orderNo: o.orderNo,
        field: 'exportDate',
        params: { orderNo: o.orderNo, exportDate: o.exportDate!, today, summaryDue },
      };
    });
}

/** The latest CNY rate of a currency on or before a day (fx_rates, any source), as decimal text; null when none. */
function cnyRate(ws: Workspace, currency: string, day: string): string | null {
  if (currency === 'CNY') return '1';
  return (
    (ws.read
      .prepare('SELECT rate FROM fx_rates WHERE currency = ? AND date <= ? ORDER BY date DESC, id DESC LIMIT 1')
      .pluck()
      .get(currency, day) as string | undefined) ?? null
  );
}

/** minor units × decimal rate → CNY fen (rounded down: a ticket at the limit stays on the list). */
function toCnyFen(amountMinor: number, digits: number, rate: string): number {
  const [i = '0', f = ''] = rate.split('.');
  const scaled = BigInt(i + f);
  return Number((BigInt(amountMinor) * scaled * 100n) / 10n ** BigInt(f.length + digits));
}

/**
 * 9710 B2B orders (公告2020年第75号): above CNY 5,000 a ticket, or with 涉证/涉检/涉税 goods, is declared
 * on a 报关单, not on a list — the order (CEB303 B) still goes, its CEB603 is not built and its 报关单
 * data is returned. An order in a foreign currency without a rate cannot be judged (error).
 */
function b2bRouting(
  ws: Workspace,
  ready: readonly Ready[],
  ctx: CebBuildContext,
  findings: Finding[],
): {
  forms: Map<number, DeclarationFormData>;
  blocked: Set<number>;
} {
  const forms = new Map<number, DeclarationFormData>();
  const blocked = new Set<number>();
  for (const o of ready) {
    const input = o.input;
    if (input.mode !== '9710') continue;
    const rate = cnyRate(ws, input.currency, input.exportDate);
    if (rate === null) {
      findings.push({
        code: 'customs.b2b.noRate',
        severity: 'error',
        orderId: o.orderId,
        orderNo: input.orderNo,
        field: 'currency',
        params: { currency: input.currency, date: input.exportDate },
      });
      blocked.add(o.orderId);
      continue;
    }
    const value = orderGoodsValue(input);
    const totalCny = toCnyFen(value.amount, minorDigits(input.currency), rate);
    const reasons = [
      ...(totalCny > B2B_LIST_LIMIT_FEN ? ['overLimit'] : []),
      ...(input.lines.some((l) => (l.sku.supervisionConditions ?? '') !== '') ? ['supervision'] : []),
      ...(input.lines.some((l) =>
        isRestricted({ supervisionConditions: null, exportDutyRate: l.sku.exportDutyRate ?? null }),
      )
        ? ['exportDuty']
        : []),
    ];
    if (reasons.length === 0) continue;
    findings.push({
      code: 'customs.b2b.declarationForm',
      severity: 'warning',
      orderId: o.orderId,
      orderNo: input.orderNo,
      field: 'CEB603',
      params: { orderNo: input.orderNo, totalCny: formatDecimal(money(totalCny, 'CNY')), reasons: reasons.join(', ') },
    });
    forms.set(
      o.orderId,
      declarationFormData(
        {
          bookingNoteNo: input.orderNo,
          shipDate: input.exportDate,
          cartons: input.packNo ?? 1,
          carrier: input.logisticsName ?? '',
          warehouse: { code: '', name: '', country: input.destinationCountry },
          tradeMode: '9710',
          currency: input.currency,
          lines: input.lines.map((l) => ({
            sku: l.sku,
            quantity: l.quantity,
            declaredUnitValue: (l.lineTotal != null ? Math.floor(l.lineTotal / l.quantity) : l.unitPrice) as Minor,
          })),
        },
        ctx.company,
        ctx.settings,
      ),
    );
  }
  return { forms, blocked };
}

/** Local states of a document not sent yet, and customs states of a released list (a change is no longer possible). */
const NOT_SENT = new Set(['draft', 'validated', 'queued']);
const RELEASED = new Set(['800', '399', '899']);

/**
 * Corrections (issue 15, point 5): for each ready order, the document types whose standing
 * documents state other facts than the order now gives. Those are built again as appType 2 (a
 * change of the document customs holds, a new revision) — a released list cannot be changed (it is
 * withdrawn with a CEB605 cancellation instead) and an unsent document is waited for: both findings.
 */
function corrections(
  ready: readonly Ready[],
  types: readonly BuiltType[],
  latest: ReadonlyMap<string, ExistingDocument>,
  declared: ReadonlyMap<number, DocumentFacts[]>,
  findings: Finding[],
): { changes: Map<number, Partial<Record<BuiltType, '2'>>>; refused: Set<number> } {
  const changes = new Map<number, Partial<Record<BuiltType, '2'>>>();
  const refused = new Set<number>();
  const norm = (facts: readonly DocumentFacts[]) => JSON.stringify(facts.map((f) => JSON.stringify(f)).sort());
  for (const o of ready) {
    const old = declared.get(o.orderId) ?? [];
    for (const type of types) {
      const docs = keysOf(type, o.input)
        .map((k) => latest.get(`${type}\u0000${k}`))
        .filter((x): x is ExistingDocument => x !== undefined && !isRebuildable(x.status));
      if (docs.length === 0) continue;
      if (norm(old.filter((f) => f.type === type)) === norm(o.facts.filter((f) => f.type === type))) continue;
      const problem =
        type === 'CEB603' && docs.some((x) => RELEASED.has(x.status))
          ? 'customs.correction.released'
          : docs.some((x) => NOT_SENT.has(x.status))
            ? 'customs.correction.notSent'
            : null;
      if (problem) {
        findings.push({
          code: problem,
          severity: 'error',
          orderId: o.orderId,
          orderNo: o.input.orderNo,
          field: type,
          params: { orderNo: o.input.orderNo, type },
        });
        refused.add(o.orderId);
        continue;
      }
      changes.set(o.orderId, { ...changes.get(o.orderId), [type]: '2' });
    }
  }
  return { changes, refused };
}

export async function runCustomsBuild(
  ws: Workspace,
  sel: OrderSelection & { readonly corrections?: boolean | undefined },
  dryRun: boolean,
): Promise<BuildOutcome> {
  const ctx = buildContext(ws);
  const settings = ctx.settings as CustomsSettings;
  const orders = loadPrecheckOrders(ws.read, sel);
  const { latest, declared } = existingDocuments(
    ws.read,
    orders.map((o) => o.orderId),
  );
  const types = typesFor(settings);
  const progress = (phase: CustomsProgressEvent['phase'], done: number, total: number) =>
    ws.events.emit('customs.progress', { phase, done, total });
  progress('precheck', 0, orders.length);
  const correcting = sel.corrections === true;
  // A correction states new facts on purpose: they are not matched against what they change.
  const checked = precheckOrders(
    orders,
    ctx.settings,
    ctx.company,
    readRiskList(ws),
    (id) => (correcting ? [] : (declared.get(id) ?? [])),
    types,
  );
  const findings: Finding[] = [...perShipmentFindings(orders), ...checked.findings];
  const fix = correcting
    ? corrections(checked.ready, types, latest, declared, findings)
    : { changes: new Map<number, Partial<Record<BuiltType, '2'>>>(), refused: new Set<number>() };
  const b2b = b2bRouting(ws, checked.ready, ctx, findings);
  const outcome = {
    ready: checked.ready
      .filter((o) => o.input.mode !== '9810' && !fix.refused.has(o.orderId) && !b2b.blocked.has(o.orderId))
      .map((o) =>
        fix.changes.has(o.orderId) ? { ...o, input: { ...o.input, appTypes: fix.changes.get(o.orderId)! } } : o,
      ),
  };

  // Per type, the orders whose documents of that type do not stand yet.
  const standing = (doc: ExistingDocument | undefined) => doc !== undefined && !isRebuildable(doc.status);
  const revisionOf = (type: string, key: string) => (latest.get(`${type}\u0000${key}`)?.revision ?? 0) + 1;
  progress('build', 0, outcome.ready.length);
  let done = 0;
  const { messages, results, blocked } = await buildAndValidate(
    types,
    outcome.ready,
    ctx,
    (type, o) =>
      !(type === 'CEB603' && b2b.forms.has(o.orderId)) &&
      (o.input.appTypes?.[type] === '2' ||
        !keysOf(type, o.input).some((k) => standing(latest.get(`${type}\u0000${k}`)))),
    (o, e) => findings.push(findingOfError({ orderId: o.orderId, orderNo: o.input.orderNo }, e)),
    (n) => progress('build', (done += n), outcome.ready.length * types.length),
  );
  progress('validate', messages.length, messages.length);
  const validationErrors: CebValidationIssue[] = results.flatMap((r, i) =>
    r.errors.map((e) => ({
      messageType: messages[i]!.type,
      messageGuid: messages[i]!.message.guid,
      line: e.line,
      message: e.message,
    })),
  );

  const byOrderNo = new Map(outcome.ready.filter((o) => !blocked.has(o.orderId)).map((o) => [o.input.orderNo, o]));
  const toStore: MessageToStore[] = messages.map(({ type, message }) => ({
    type,
    guid: message.guid,
    xml: message.xml,
    documents: message.documents.map((d) => {
      const o = byOrderNo.get(d.sourceOrderNo)!;
      const businessKey = type === 'CEB603' ? d.copNo : type === 'CEB505' ? o.input.logisticsNo : d.orderNo;
      const facts = o.facts.find((f) => f.type === type && (type === 'CEB505' || f.orderNo === d.orderNo)) ?? null;
      return {
        guid: d.guid,
        businessKey,
        revision: revisionOf(type, businessKey),
        orderId: o.orderId,
        orderNo: o.input.orderNo,
        facts,
      };
    }),
  }));
  const builtOrders = new Set(toStore.flatMap((m) => m.documents.map((d) => d.orderId!)));
  const documents: Partial<Record<MessageToStore['type'], number>> = {};
  for (const m of toStore) documents[m.type] = (documents[m.type] ?? 0) + m.documents.length;

  const store = !dryRun && validationErrors.length === 0 && toStore.length > 0;
  progress('store', 0, store ? toStore.length : 0);
  const queued = store
    ? ws.uow.run(
        'customs.build',
        (tx) =>
          storeAndQueueMessages(tx, toStore) +
          enqueueSixItems(
            tx,
            sixItems(outcome.ready.filter((o) => builtOrders.has(o.orderId) && SIX_ITEMS_MODES.has(o.input.mode))),
          ),
      )
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
    declarationForms: [...b2b.forms]
      .filter(([id]) => builtOrders.has(id) || dryRun)
      .map(([id, data]) => ({ order: outcome.ready.find((o) => o.orderId === id)!.input.orderNo, data })),
  };
}

/** The no-invoice exemption (财税〔2018〕103号) covers zone retail exports (9610): only they send the six items. */
const SIX_ITEMS_MODES: ReadonlySet<string> = new Set(['9610']);

/** The six items per exported order (财税〔2018〕103号): date, goods name, unit, quantity, unit price, amount. */
function sixItems(orders: readonly Ready[]): SixItems[] {
  return orders.map(({ input }) => ({
    orderNo: input.orderNo,
    exportDate: input.exportDate,
    currency: input.currency,
    items: input.lines.map((l) => {
      const a = lineAmounts(l, input.currency);
      return {
        goodsName: l.sku.goodsName,
        unit: l.sku.unit,
        quantity: String(l.quantity),
        unitPrice: formatDecimal(money(l.unitPrice, input.currency)),
        amount: formatDecimal(a.total),
      };
    }),
  }));
}
