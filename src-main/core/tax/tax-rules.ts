/**
 * Dated tax rules (resources/tax-rules/tax-rules.json) and the arithmetic the tax reports do with
 * them: which customs modes the 无票免税 register covers on an export date, and the deemed
 * income tax (核定征收, 应税所得率) with the small-and-micro relief for a cumulative period. Every
 * rate and band comes from the table, chosen by date; nothing here is a literal rate. Exact:
 * percents are decimal text, money is integer fen, rounding half away from zero.
 */
import { DomainError } from '../domain-error.ts';
import { minor, sumMinor, type Minor } from '../money/index.ts';

export interface DatedRule {
  readonly from: string;
  readonly to: string | null;
  readonly source: string;
}
export interface ExemptionRule extends DatedRule {
  readonly eligibleModes: readonly string[];
}
export interface DeemedIncomeRule extends DatedRule {
  readonly taxableIncomeRatePercent: string;
  readonly statutoryRatePercent: string;
}
export interface ReliefRule extends DatedRule {
  readonly maxStaff: number;
  /** CNY fen. */
  readonly maxTotalAssets: Minor;
  readonly maxTaxableIncome: Minor;
  readonly bands: ReadonlyArray<{ readonly upTo: Minor; readonly effectiveRatePercent: string }>;
}
export interface TaxRules {
  readonly noInvoiceExemption: readonly ExemptionRule[];
  readonly deemedIncome: readonly DeemedIncomeRule[];
  readonly smallMicroRelief: readonly ReliefRule[];
}

/** The rule in force on `date`; none → 'reports.rule.missing' naming the table and the date. */
export function ruleOn<R extends DatedRule>(table: string, rules: readonly R[], date: string): R {
  const hit = rules.find((r) => r.from <= date && (r.to === null || date <= r.to));
  if (!hit) throw new DomainError('reports.rule.missing', { table, date });
  return hit;
}

export function reliefOn(rules: TaxRules, date: string): ReliefRule | null {
  return rules.smallMicroRelief.find((r) => r.from <= date && (r.to === null || date <= r.to)) ?? null;
}

const PERCENT = /^(\d+)(?:\.(\d{1,6}))?$/;

/** amount × percent / 100, exact, rounded half away from zero. */
export function percentOf(amount: number, percent: string): Minor {
  const m = PERCENT.exec(percent);
  if (!m) throw new DomainError('reports.rule.badPercent', { percent });
  const frac = m[2] ?? '';
  const scaled = BigInt(`${m[1]}${frac}`);
  const den = 100n * 10n ** BigInt(frac.length);
  const value = BigInt(amount);
  const abs = value < 0n ? -value : value;
  let q = (abs * scaled) / den;
  if (((abs * scaled) % den) * 2n >= den) q += 1n;
  return minor(Number(value < 0n ? -q : q));
}

export interface DeemedIncomeInput {
  /** Cumulative revenue of the year to date, CNY fen. */
  readonly revenue: Minor;
  readonly staff: number | null;
  /** CNY fen. */
  readonly totalAssets: Minor | null;
  /** Tax already prepaid this year, CNY fen. */
  readonly prepaid: Minor;
  /** The period's last day (chooses the rules). */
  readonly periodEnd: string;
}

export interface DeemedIncomeSheet {
  readonly revenue: Minor;
  readonly taxableIncomeRatePercent: string;
  readonly taxableIncome: Minor;
  readonly statutoryRatePercent: string;
  /** taxable income × statutory rate. */
  readonly statutoryTax: Minor;
  readonly relief: {
    readonly qualifies: boolean;
    readonly reasons: readonly string[];
    readonly bands: ReliefRule['bands'];
    readonly source: string;
  } | null;
  /** Tax after relief (cumulative). */
  readonly taxDue: Minor;
  readonly reliefAmount: Minor;
  readonly prepaid: Minor;
  /** taxDue − prepaid (never below 0: an overpayment is shown as 0 payable). */
  readonly payable: Minor;
  readonly sources: readonly string[];
}

/**
 * The quarterly prepayment sheet (核定征收): taxable income = revenue × rate; tax at the statutory
 * rate, or, when the company qualifies (staff, assets, taxable income within the relief's
 * limits), at each band's effective rate on the part of the cumulative taxable income in it.
 */
export function deemedIncomeTax(rules: TaxRules, input: DeemedIncomeInput): DeemedIncomeSheet {
  const rule = ruleOn('deemedIncome', rules.deemedIncome, input.periodEnd);
  const taxableIncome = percentOf(input.revenue, rule.taxableIncomeRatePercent);
  const statutoryTax = percentOf(taxableIncome, rule.statutoryRatePercent);
  const relief = reliefOn(rules, input.periodEnd);
  let taxDue = statutoryTax;
  let summary: DeemedIncomeSheet['relief'] = null;
  if (relief) {
    const reasons: string[] = [];
    if (input.staff === null || input.staff > relief.maxStaff) reasons.push('staff');
    if (input.totalAssets === null || input.totalAssets > relief.maxTotalAssets) reasons.push('totalAssets');
    if (taxableIncome > relief.maxTaxableIncome) reasons.push('taxableIncome');
    const qualifies = reasons.length === 0;
    if (qualifies) {
      // Each band's effective rate on the part of the cumulative taxable income inside it.
      const parts: Minor[] = [];
      let below = 0;
      for (const band of relief.bands) {
        parts.push(percentOf(Math.max(0, Math.min(taxableIncome, band.upTo) - below), band.effectiveRatePercent));
        below = band.upTo;
      }
      taxDue = sumMinor(parts);
    }
    summary = { qualifies, reasons, bands: relief.bands, source: relief.source };
  }
  const balance = sumMinor([taxDue, -input.prepaid]);
  const payable = balance > 0 ? balance : minor(0);
  return {
    revenue: minor(input.revenue),
    taxableIncomeRatePercent: rule.taxableIncomeRatePercent,
    taxableIncome,
    statutoryRatePercent: rule.statutoryRatePercent,
    statutoryTax,
    relief: summary,
    taxDue,
    reliefAmount: sumMinor([statutoryTax, -taxDue]),
    prepaid: minor(input.prepaid),
    payable,
    sources: [rule.source, ...(relief ? [relief.source] : [])],
  };
}

/** '2026-Q1' or '2026-03' → first and last day; anything else → 'reports.period.invalid'. */
export function parsePeriod(text: string): {
  readonly from: string;
  readonly to: string;
  readonly kind: 'month' | 'quarter';
} {
  const q = /^(\d{4})-Q([1-4])$/.exec(text);
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  const last = (y: number, month: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  if (q) {
    const y = Number(q[1]);
    const first = (Number(q[2]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(last(y, first + 2))}`, kind: 'quarter' };
  }
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    return { from: `${y}-${pad(month)}-01`, to: `${y}-${pad(month)}-${pad(last(y, month))}`, kind: 'month' };
  }
  throw new DomainError('reports.period.invalid', { period: text });
}
