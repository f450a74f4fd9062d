/**
 * Netting (轧差结算, 汇发〔2020〕11号): each payout line's platform key (transaction-type /
 * amount-type / amount-description, or a generic CSV column) maps to a netting category and an
 * account; the statement restores the gross proceeds and lists each deduction with its rows, so
 * gross − Σ deductions = net = the deposit. Pure and exact (integer minor units).
 */
import { ACC, currencyAccount } from '../ledger/chart.ts';
import type { Currency } from '../money/currency.ts';
import {
  DEDUCTION_CATEGORIES, EVIDENCE_ROWS_MAX, type DeductionCategory, type Evidence, type NettingCategory, type NettingDeduction,
} from './settlement-views.ts';

export const CATEGORY_ACCOUNT: Readonly<Record<Exclude<NettingCategory, 'sales'>, string>> = {
  warehousing: ACC.warehousing, logistics: ACC.logistics, platformFees: ACC.platformFees, overseasTax: ACC.overseasTax,
  advertising: ACC.advertising, refunds: ACC.refunds, other: ACC.otherSelling,
};

const has = (text: string, ...words: string[]) => words.some((w) => text.includes(w));

/**
 * Category of an Amazon settlement V2 line. Order/Refund ItemPrice Principal/Shipping/GiftWrap
 * are sales (refund rows: refunds); Tax-like amounts are overseas taxes (collected and withheld
 * net out); FBA fulfilment, shipping and inbound transport are logistics; storage is
 * warehousing; advertising is advertising; commissions and other fees are platform fees;
 * reserves, transfers and anything unknown is other.
 */
export function amazonCategory(transactionType: string, amountType: string, description: string): NettingCategory {
  const t = transactionType.toLowerCase();
  const a = amountType.toLowerCase();
  const d = description.toLowerCase();
  const key = `${t}/${a}/${d}`;
  if (has(key, 'tax')) return 'overseasTax';
  if (has(key, 'storage', 'warehous', 'removal', 'disposal')) return 'warehousing';
  if (has(key, 'advertis', 'sponsored')) return 'advertising';
  if (t === 'refund' && (a === 'itemprice' || a === 'promotion')) return 'refunds';
  if ((t === 'order' || t === 'refund') && (a === 'itemprice' || a === 'promotion')) return 'sales';
  if (has(key, 'fba', 'fulfil', 'fulfill', 'shipping', 'transportation', 'inbound', 'freight', 'postage', 'label')) return 'logistics';
  if (has(key, 'commission', 'referral', 'closing', 'subscription', 'fee', 'service')) return 'platformFees';
  return 'other';
}

/** The account a payout line posts to (sales lines to the receivable in their currency). */
export function categoryAccount(category: NettingCategory, currency: Currency): string {
  return category === 'sales' ? currencyAccount(ACC.receivable, currency) : CATEGORY_ACCOUNT[category];
}

export interface NettingInputLine {
  /** File rows of the line (one, or several when the caller already summed a key; may be the first ones only). */
  readonly rows: readonly number[];
  /** How many rows the line stands for (default rows.length). */
  readonly rowCount?: number;
  readonly key: string;
  readonly category: NettingCategory;
  /** Signed as in the file: + credited to the seller, − charged. */
  readonly amount: number;
}

export interface NettingFigures {
  readonly gross: number;
  readonly grossEvidence: Evidence;
  readonly deductions: readonly NettingDeduction[];
  readonly net: number;
}

/** Ascending union of row lists (each already ascending), cut at EVIDENCE_ROWS_MAX. */
function mergeRows(lists: readonly (readonly number[])[]): readonly number[] {
  if (lists.length === 1) return lists[0]!.slice(0, EVIDENCE_ROWS_MAX);
  return lists.flatMap((l) => l.slice(0, EVIDENCE_ROWS_MAX)).sort((a, b) => a - b).slice(0, EVIDENCE_ROWS_MAX);
}

interface Acc { amount: number; rows: (readonly number[])[]; count: number }

/** Gross, deductions by category (positive = reduces net, with rows per key) and net. */
export function nettingFigures(fileName: string, lines: readonly NettingInputLine[]): NettingFigures {
  const gross: Acc = { amount: 0, rows: [], count: 0 };
  const byCategory = new Map<DeductionCategory, Map<string, Acc>>();
  for (const l of lines) {
    const count = l.rowCount ?? l.rows.length;
    if (l.category === 'sales') { gross.amount += l.amount; gross.rows.push(l.rows); gross.count += count; continue; }
    const items = byCategory.get(l.category) ?? new Map<string, Acc>();
    const item = items.get(l.key) ?? { amount: 0, rows: [], count: 0 };
    item.amount -= l.amount;
    item.rows.push(l.rows);
    item.count += count;
    items.set(l.key, item);
    byCategory.set(l.category, items);
  }
  const evidence = (rows: (readonly number[])[], rowCount: number): Evidence => ({ fileName, rows: rows.length === 0 ? [] : mergeRows(rows), rowCount });
  const deductions = DEDUCTION_CATEGORIES.map((category): NettingDeduction => {
    const items = [...(byCategory.get(category)?.entries() ?? [])].map(([key, v]) => ({ key, amount: v.amount, rows: mergeRows(v.rows), rowCount: v.count }));
    return {
      category, amount: items.reduce((s, i) => s + i.amount, 0), items,
      evidence: evidence(items.map((i) => i.rows), items.reduce((n, i) => n + i.rowCount, 0)),
    };
  });
  const net = gross.amount - deductions.reduce((s, d) => s + d.amount, 0);
  if (!Number.isSafeInteger(net) || !Number.isSafeInteger(gross.amount)) throw new RangeError('netting out of range');
  return { gross: gross.amount, grossEvidence: evidence(gross.rows, gross.count), deductions, net };
}
