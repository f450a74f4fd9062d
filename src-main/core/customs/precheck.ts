/**
 * 三单比对 pre-check before anything is queued (derived rules, domain.md §4): each order must have
 * what its documents need (customs mode, mapped SKUs with a 10-digit HS code and weight, exact
 * unit prices, waybill number, export date, a known destination), pass the risk checks (HS codes
 * needing a licence from the editable list, value ceilings per currency), and its order, payment
 * receipt, waybill and list must agree with each other and with documents already declared
 * (orderNo, ebpCode, ebcCode, logisticsCode + logisticsNo, currency, goods value, per line
 * itemNo / qty / unit / gcode / totalPrice). Every failure is a coded finding naming the field
 * to fix; 'error' findings block the order, 'warning' findings do not.
 */
import { compareMoney, formatDecimal, parseDecimal, type Money } from '../money/index.ts';
import type { Minor } from '../money/minor.ts';
import type { CustomsMode } from '../orders/order.ts';
import type { Sku } from '../stock/sku.ts';
import { isDomainError } from '../domain-error.ts';
import type { CompanyProfile } from '../company/company-profile.ts';
import type { CebLineInput, CebOrderInput, CebSettings } from './ceb-input.ts';
import { COUNTRY_CUSTOMS_CODES } from './country-codes.ts';
import { lineAmounts } from './line-amounts.ts';
import { orderFreight, orderGoodsValue } from './order-totals.ts';
import { splitOrderLines } from './split-order-lines.ts';
import { platformOf } from './declared-values.ts';

/** A coded pre-check or build failure the user can fix; `field` names what to fix. */
export interface Finding {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly orderId: number | null;
  readonly orderNo: string;
  /** CEB element or ledger field: 'logisticsNo', 'gcode', 'goodsValue', 'settings.ebpCode', 'sku.weightGrams'… */
  readonly field: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The editable risk list. */
export interface RiskRules {
  /** HS code prefixes (2–10 digits) needing an export licence or inspection; a match blocks the list. */
  readonly licenceHsPrefixes: ReadonlyArray<{ readonly prefix: string; readonly note: string }>;
  /** Per-order goods value ceilings per currency (decimal text); above is a warning. */
  readonly valueThresholds: ReadonlyArray<{ readonly currency: string; readonly max: string }>;
}

export const EMPTY_RISK_RULES: RiskRules = { licenceHsPrefixes: [], valueThresholds: [] };

export interface PrecheckLine {
  /** The seller/platform SKU code on the order line. */
  readonly skuCode: string;
  readonly sku: Sku | null;
  readonly quantity: number;
  /** Unit price in minor units; null when the line total does not divide by the quantity. */
  readonly unitPrice: Minor | null;
  /** Declared line total when the unit price needs more than the currency's decimals (see CebLineInput.lineTotal). */
  readonly lineTotal?: Minor | null;
}

/** An order with everything its documents need, possibly incomplete (the pre-check says what is missing). */
export interface PrecheckOrder extends Omit<
  CebOrderInput,
  'mode' | 'lines' | 'logisticsNo' | 'exportDate' | 'destinationCountry'
> {
  readonly orderId: number;
  readonly mode: CustomsMode | null;
  readonly lines: readonly PrecheckLine[];
  readonly logisticsNo: string | null;
  readonly exportDate: string | null;
  readonly destinationCountry: string | null;
}

/** What a document states, for matching (stored with each document). */
export interface DocumentFacts {
  readonly type: 'CEB303' | 'CEB403' | 'CEB505' | 'CEB603';
  readonly orderNo: string;
  readonly ebpCode?: string;
  readonly ebcCode?: string;
  readonly logisticsCode?: string;
  readonly logisticsNo?: string;
  readonly currency: string;
  readonly goodsValue?: string;
  readonly freight?: string;
  readonly charge?: string;
  /** Platform-funded (non-cash) discounts: charge + nonCash = goodsValue + freight. */
  readonly nonCash?: string;
  readonly lines?: ReadonlyArray<{
    readonly gnum: number;
    readonly itemNo: string;
    readonly qty: string;
    readonly unit: string;
    readonly gcode?: string;
    readonly totalPrice: string;
  }>;
}

function finding(
  o: { orderId: number | null; orderNo: string },
  code: string,
  field: string,
  params: Finding['params'] = {},
  severity: Finding['severity'] = 'error',
): Finding {
  return { code, severity, orderId: o.orderId, orderNo: o.orderNo, field, params };
}

function lineFindings(o: PrecheckOrder, risk: RiskRules): Finding[] {
  const out: Finding[] = [];
  if (o.lines.length === 0) out.push(finding(o, 'precheck.lines.none', 'lines'));
  for (const l of o.lines) {
    const sku = l.sku;
    if (!sku) {
      out.push(finding(o, 'precheck.sku.unmapped', 'sku', { sku: l.skuCode }));
      continue;
    }
    if (!/^\d{10}$/.test(sku.hsCode))
      out.push(finding(o, 'precheck.sku.hsCode', 'gcode', { itemNo: sku.itemNo, hsCode: sku.hsCode }));
    if (sku.weightGrams == null) out.push(finding(o, 'precheck.sku.weight', 'sku.weightGrams', { itemNo: sku.itemNo }));
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0)
      out.push(finding(o, 'precheck.line.quantity', 'qty', { itemNo: sku.itemNo, quantity: l.quantity }));
    if (l.unitPrice === null) out.push(finding(o, 'precheck.line.price', 'price', { itemNo: sku.itemNo }));
    for (const r of risk.licenceHsPrefixes) {
      if (sku.hsCode.startsWith(r.prefix))
        out.push(
          finding(o, 'precheck.risk.licence', 'gcode', {
            itemNo: sku.itemNo,
            hsCode: sku.hsCode,
            prefix: r.prefix,
            note: r.note,
          }),
        );
    }
  }
  return out;
}

function orderFindings(o: PrecheckOrder): Finding[] {
  const out: Finding[] = [];
  if (o.mode === null) out.push(finding(o, 'precheck.mode.missing', 'customsMode'));
  if (!o.logisticsNo) out.push(finding(o, 'precheck.logisticsNo.missing', 'logisticsNo'));
  if (!o.exportDate) out.push(finding(o, 'precheck.exportDate.missing', 'exportDate'));
  if (!o.destinationCountry) out.push(finding(o, 'precheck.country.missing', 'country'));
  else if (!Object.hasOwn(COUNTRY_CUSTOMS_CODES, o.destinationCountry))
    out.push(finding(o, 'precheck.country.unknown', 'country', { country: o.destinationCountry }));
  return out;
}

function valueFindings(o: PrecheckOrder, input: CebOrderInput, risk: RiskRules): Finding[] {
  const value = orderGoodsValue(input);
  const out: Finding[] = [];
  for (const t of risk.valueThresholds) {
    if (t.currency !== o.currency) continue;
    let max: Money;
    try {
      max = parseDecimal(t.max, o.currency);
    } catch {
      continue;
    }
    if (compareMoney(value, max) > 0)
      out.push(
        finding(
          o,
          'precheck.risk.value',
          'goodsValue',
          { value: formatDecimal(value), max: t.max, currency: o.currency },
          'warning',
        ),
      );
  }
  return out;
}

/** The plain CEB input of an order whose order-level and line-level checks passed. */
function toInput(o: PrecheckOrder): CebOrderInput {
  const lines: CebLineInput[] = o.lines.map((l) => ({
    sku: l.sku!,
    quantity: l.quantity,
    unitPrice: l.unitPrice!,
    ...(l.lineTotal != null ? { lineTotal: l.lineTotal } : {}),
  }));
  const { orderId: _id, lines: _l, ...rest } = o;
  void _id;
  void _l;
  return {
    ...rest,
    mode: o.mode!,
    lines,
    logisticsNo: o.logisticsNo!,
    exportDate: o.exportDate!,
    destinationCountry: o.destinationCountry!,
  };
}

/** Facts of the documents an order would produce (order, payment receipt, waybill, lists), as the builders state them. */
export function documentFacts(input: CebOrderInput, settings: CebSettings, company: CompanyProfile): DocumentFacts[] {
  const goodsValue = orderGoodsValue(input);
  const freight = orderFreight(input);
  const charge =
    input.charge != null ? formatDecimal({ amount: input.charge, currency: input.currency }, 5) : undefined;
  const logisticsCode = input.logisticsCode ?? settings.logisticsCode;
  const common = {
    ebpCode: platformOf(input, settings).ebpCode,
    ebcCode: company.customsCode,
    currency: input.currency,
  };
  const nonCash =
    input.nonCashDiscount != null
      ? formatDecimal({ amount: input.nonCashDiscount, currency: input.currency }, 5)
      : undefined;
  const facts: DocumentFacts[] = [];
  for (const part of splitOrderLines(input)) {
    const lines = part.lines.map((l, i) => {
      const a = lineAmounts(l, input.currency);
      return {
        gnum: i + 1,
        itemNo: l.sku.itemNo,
        qty: a.qty,
        unit: l.sku.unit,
        gcode: l.sku.hsCode,
        totalPrice: a.totalPrice,
      };
    });
    facts.push({
      type: 'CEB303',
      orderNo: part.orderNo,
      ...common,
      lines: lines.map(({ gcode: _g, ...rest }) => rest),
    });
    facts.push({
      type: 'CEB603',
      orderNo: part.orderNo,
      ...common,
      logisticsCode,
      logisticsNo: input.logisticsNo,
      lines,
    });
  }
  const first = facts[0]!;
  facts.push({
    type: 'CEB403',
    orderNo: first.orderNo,
    ...common,
    goodsValue: formatDecimal(goodsValue, 5),
    freight: formatDecimal(freight, 5),
    ...(charge ? { charge } : {}),
    ...(nonCash ? { nonCash } : {}),
  });
  facts.push({
    type: 'CEB505',
    orderNo: first.orderNo,
    currency: input.currency,
    logisticsCode,
    logisticsNo: input.logisticsNo,
  });
  return facts;
}

const HEAD_KEYS = ['ebpCode', 'ebcCode', 'logisticsCode', 'logisticsNo', 'currency'] as const;

/**
 * 三单比对 over a set of documents of one order (new and already declared): documents with the
 * same orderNo must state the same head keys (where both state them) and the same lines by gnum;
 * the payment's charge plus non-cash discounts must equal goods value + freight (error).
 */
export function matchDocuments(
  o: { orderId: number | null; orderNo: string },
  docs: readonly DocumentFacts[],
): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    const k = `${f.code}|${f.field}|${JSON.stringify(f.params)}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  };
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i]!,
        b = docs[j]!;
      if (a.orderNo !== b.orderNo) continue;
      for (const key of HEAD_KEYS) {
        const va = a[key],
          vb = b[key];
        if (va !== undefined && vb !== undefined && va !== vb)
          push(finding(o, 'precheck.match.mismatch', key, { a: a.type, b: b.type, valueA: va, valueB: vb }));
      }
      if (a.lines && b.lines) {
        const byGnum = new Map(b.lines.map((l) => [l.gnum, l]));
        if (a.lines.length !== b.lines.length)
          push(
            finding(o, 'precheck.match.mismatch', 'lines', {
              a: a.type,
              b: b.type,
              valueA: a.lines.length,
              valueB: b.lines.length,
            }),
          );
        for (const la of a.lines) {
          const lb = byGnum.get(la.gnum);
          if (!lb) continue;
          for (const key of ['itemNo', 'qty', 'unit', 'gcode', 'totalPrice'] as const) {
            const va = la[key],
              vb = lb[key];
            if (va !== undefined && vb !== undefined && va !== vb) {
              push(
                finding(o, 'precheck.match.mismatch', key, {
                  a: a.type,
                  b: b.type,
                  gnum: la.gnum,
                  valueA: va,
                  valueB: vb,
                }),
              );
            }
          }
        }
      }
    }
  }
  for (const p of docs) {
    if (p.type !== 'CEB403' || p.charge === undefined || p.goodsValue === undefined) continue;
    // Spec: goodsValue includes non-cash discounts; the money collected plus the platform-funded
    // discounts must equal the declared goods value + freight (issue 15, point 3: an error).
    const declaredSum = addDecimal(p.goodsValue, p.freight ?? '0');
    const nonCash = normalise(p.nonCash ?? '0');
    const paid = addDecimal(p.charge, nonCash);
    if (declaredSum !== null && paid !== null && declaredSum !== paid) {
      push(
        finding(o, 'precheck.match.charge', 'charge', {
          paid,
          declared: declaredSum,
          charge: normalise(p.charge),
          nonCash,
        }),
      );
    }
  }
  return out;
}

function normalise(d: string): string {
  const [i = '0', f = ''] = d.split('.');
  return `${BigInt(i)}.${f.padEnd(5, '0')}`;
}

function addDecimal(a: string, b: string): string | null {
  const scale = (s: string) => {
    const [i = '0', f = ''] = normalise(s).split('.');
    return BigInt(i) * 100000n + BigInt(f.slice(0, 5));
  };
  try {
    const sum = scale(a) + scale(b);
    return `${sum / 100000n}.${(sum % 100000n).toString().padStart(5, '0')}`;
  } catch {
    return null;
  }
}

export interface PrecheckOutcome {
  readonly findings: readonly Finding[];
  /** Orders with no 'error' finding, ready for the builders. */
  readonly ready: ReadonlyArray<{
    readonly orderId: number;
    readonly input: CebOrderInput;
    readonly facts: readonly DocumentFacts[];
  }>;
}

/**
 * Pre-checks orders. `declared(orderId)` gives the facts of documents already declared for the
 * order (they must agree with the new ones). Findings come in order, per order.
 */
export function precheckOrders(
  orders: readonly PrecheckOrder[],
  settings: CebSettings,
  company: CompanyProfile,
  risk: RiskRules,
  declared: (orderId: number) => readonly DocumentFacts[] = () => [],
  types: readonly DocumentFacts['type'][] = ['CEB303', 'CEB403', 'CEB505', 'CEB603'],
): PrecheckOutcome {
  const findings: Finding[] = [];
  const ready: Array<PrecheckOutcome['ready'][number]> = [];
  for (const o of orders) {
    const own = [...orderFindings(o), ...lineFindings(o, risk)];
    findings.push(...own);
    if (own.some((f) => f.severity === 'error')) continue;
    const input = toInput(o);
    let facts: DocumentFacts[];
    try {
      facts = documentFacts(input, settings, company).filter((f) => types.includes(f.type));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      findings.push(finding(o, e.code, String(e.params.field ?? ''), e.params));
      continue;
    }
    const more = [...valueFindings(o, input, risk), ...matchDocuments(o, [...declared(o.orderId), ...facts])];
    findings.push(...more);
    if (!more.some((f) => f.severity === 'error')) ready.push({ orderId: o.orderId, input, facts });
  }
  return { findings, ready };
}
