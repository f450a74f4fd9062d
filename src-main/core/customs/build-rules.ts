/**
 * The one rule list the customs build enforces, shared by the pre-check and the build so the
 * pre-check reports every condition the build would refuse: workspace-level rules (the
 * BaseTransfer block every message carries: copCode, copName, dxpId from the company profile)
 * and, per order, the CEB builders themselves (every field rule in ceb-fields.ts), run on that
 * order alone. A broken rule is a coded finding naming the field to fix.
 */
import { isDomainError, type DomainError } from '../domain-error.ts';
import { cebIdCount } from './assemble-messages.ts';
import { baseTransfer } from './base-transfer.ts';
import { buildCeb303Messages } from './build-ceb303.ts';
import { buildCeb403Messages } from './build-ceb403.ts';
import { buildCeb505Messages } from './build-ceb505.ts';
import { buildCeb603Messages } from './build-ceb603.ts';
import type { CebBuildContext, CebOrderInput } from './ceb-input.ts';
import type { CebMessage } from './ceb-message.ts';
import {
  precheckOrders,
  type DocumentFacts,
  type Finding,
  type PrecheckOrder,
  type PrecheckOutcome,
  type RiskRules,
} from './precheck.ts';

export type BuiltType = 'CEB303' | 'CEB403' | 'CEB505' | 'CEB603';

export const CEB_BUILDERS: Readonly<
  Record<BuiltType, (orders: readonly CebOrderInput[], ctx: CebBuildContext) => CebMessage[]>
> = {
  CEB303: buildCeb303Messages,
  CEB403: buildCeb403Messages,
  CEB505: buildCeb505Messages,
  CEB603: buildCeb603Messages,
};

/** Ids each builder draws for these orders (see `cebIdCount`): CEB403 and CEB505 have one block per order. */
export const CEB_ID_COUNT: Readonly<Record<BuiltType, (orders: readonly CebOrderInput[]) => number>> = {
  CEB303: (orders) => cebIdCount(orders, false),
  CEB403: (orders) => cebIdCount(orders, true),
  CEB505: (orders) => cebIdCount(orders, true),
  CEB603: (orders) => cebIdCount(orders, false),
};

/** Rules on the workspace (not on an order): each throws its DomainError when broken. */
const CONTEXT_RULES: ReadonlyArray<(ctx: Pick<CebBuildContext, 'company' | 'settings'>) => void> = [
  (ctx) => {
    baseTransfer(ctx.company);
  },
];

/** A DomainError as a finding of an order (or of the workspace when orderId is null). */
export function findingOfError(o: { orderId: number | null; orderNo: string }, e: DomainError): Finding {
  return {
    code: e.code,
    severity: 'error',
    orderId: o.orderId,
    orderNo: o.orderNo,
    field: String(e.params.field ?? e.params.kind ?? ''),
    params: e.params,
  };
}

function broken(rule: () => void): DomainError | null {
  try {
    rule();
    return null;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return e;
  }
}

/** Workspace-level findings (orderId null): when there is one, no order can be built. */
export function contextFindings(ctx: Pick<CebBuildContext, 'company' | 'settings'>): Finding[] {
  return CONTEXT_RULES.map((rule) => broken(() => rule(ctx)))
    .filter((e) => e !== null)
    .map((e) => findingOfError({ orderId: null, orderNo: '' }, e));
}

/** The first broken workspace-level rule, thrown (the build refuses to start). */
export function assertContext(ctx: Pick<CebBuildContext, 'company' | 'settings'>): void {
  for (const rule of CONTEXT_RULES) rule(ctx);
}

/** Builder findings of one order: the first field rule each document type breaks. */
export function orderBuildFindings(
  o: { orderId: number; input: CebOrderInput },
  ctx: CebBuildContext,
  types: readonly BuiltType[],
): Finding[] {
  const out: Finding[] = [];
  for (const type of types) {
    const e = broken(() => {
      CEB_BUILDERS[type]([o.input], ctx);
    });
    if (e && !out.some((f) => f.code === e.code && f.field === String(e.params.field ?? e.params.kind ?? '')))
      out.push(findingOfError({ orderId: o.orderId, orderNo: o.input.orderNo }, e));
  }
  return out;
}

/** Builder findings of many orders: each type built for all of them at once, order by order only when that fails. */
function buildFindings(
  orders: ReadonlyArray<{ orderId: number; input: CebOrderInput }>,
  ctx: CebBuildContext,
  types: readonly BuiltType[],
): Map<number, Finding[]> {
  const failing = types.filter(
    (type) =>
      broken(() => {
        CEB_BUILDERS[type](
          orders.map((o) => o.input),
          ctx,
        );
      }) !== null,
  );
  const out = new Map<number, Finding[]>();
  if (failing.length === 0) return out;
  for (const o of orders) {
    const found = orderBuildFindings(o, ctx, failing);
    if (found.length > 0) out.set(o.orderId, found);
  }
  return out;
}

/**
 * The pre-check as the build sees it: workspace rules, the order checks and 三单比对
 * (precheckOrders), then each clean order through the builders. An order is ready only when
 * the build would take it (XSD validation aside).
 */
export function precheckForBuild(
  orders: readonly PrecheckOrder[],
  ctx: CebBuildContext,
  risk: RiskRules,
  declared: (orderId: number) => readonly DocumentFacts[],
  types: readonly BuiltType[],
): PrecheckOutcome {
  const context = contextFindings(ctx);
  const checked = precheckOrders(orders, ctx.settings, ctx.company, risk, declared, types);
  if (context.length > 0) return { findings: [...context, ...checked.findings], ready: [] };
  const broke = buildFindings(checked.ready, ctx, types);
  return {
    findings: [...checked.findings, ...[...broke.values()].flat()],
    ready: checked.ready.filter((o) => !broke.has(o.orderId)),
  };
}
