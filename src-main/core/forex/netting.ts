/**
 * Netting (轧差结算, 汇发〔2020〕11号): each payout line's platform key (transaction-type /
 * amount-type / amount-description, or a generic CSV column) maps to a netting category and an
 * account; the statement restores the gross proceeds and lists each deduction with its rows, so
 * gross − Σ deductions = net = the deposit. Pure and exact (integer minor units).
 */
import { ACC, currencyAccount } from '../ledger/chart.ts';
import type { Currency } from '../money/currency.ts';
import { minor, sumMinor, type Minor } from '../money/minor.ts';
import {
  EVIDENCE_ROWS_MAX,
  OVERSEAS_COST_CATEGORIES,
  type Evidence,
  type NettingCategory,
  type NettingClass,
  type NettingDeduction,
  type NettingFigures,
  type NettingItem,
  type NettingLabel,
  type NettingReserve,
  type NettingSection,
} from './settlement-views.ts';

export const CATEGORY_ACCOUNT: Readonly<Record<Exclude<NettingCategory, 'sales'>, string>> = {
  warehousing: ACC.warehousing,
  logistics: ACC.logistics,
  platformFees: ACC.platformFees,
  overseasTax: ACC.overseasTax,
  advertising: ACC.advertising,
  refunds: ACC.refunds,
  other: ACC.otherSelling,
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
  // Reserves move money between periods and reimbursements are compensation: neither is a cost.
  if (has(key, 'reserve', 'reimburse')) return 'other';
  if (has(key, 'tax')) return 'overseasTax';
  if (has(key, 'storage', 'warehous', 'removal', 'disposal')) return 'warehousing';
  if (has(key, 'advertis', 'sponsored')) return 'advertising';
  if (t === 'refund' && (a === 'itemprice' || a === 'promotion')) return 'refunds';
  if ((t === 'order' || t === 'refund') && (a === 'itemprice' || a === 'promotion')) return 'sales';
  if (has(key, 'fba', 'fulfil', 'fulfill', 'shipping', 'transportation', 'inbound', 'freight', 'postage', 'label'))
    return 'logistics';
  if (has(key, 'commission', 'referral', 'closing', 'subscription', 'fee', 'service')) return 'platformFees';
  return 'other';
}

/**
 * The account a payout line posts to (sales lines to the receivable in their currency). With its
 * platform key: a reserve is money the platform still owes the seller (其他应收款 in the payout's
 * currency), a reimbursement is income (营业外收入), never a cost (汇发〔2020〕11号, issue 17).
 */
export function categoryAccount(category: NettingCategory, currency: Currency, key?: string): string {
  if (key !== undefined && isReserveKey(key)) return currencyAccount(ACC.otherReceivable, currency);
  if (key !== undefined && isReimbursementKey(key)) return ACC.otherIncome;
  return category === 'sales' ? currencyAccount(ACC.receivable, currency) : CATEGORY_ACCOUNT[category];
}

/** Reserve rows (Amazon "Previous Reserve Amount Balance" / "Current Reserve Amount"): a timing item. */
export function isReserveKey(key: string): boolean {
  return key.toLowerCase().includes('reserve');
}

/** Reimbursements (FBA inventory reimbursement for lost or damaged stock, SAFE-T): other income. */
export function isReimbursementKey(key: string): boolean {
  return key.toLowerCase().includes('reimburse');
}

/**
 * Where a stored line sits in the statement: reserves and reimbursements by their key (whatever
 * category an older import stored for them), refunds apart from the overseas costs.
 */
export function nettingClass(category: NettingCategory, key: string): NettingClass {
  if (isReserveKey(key)) return 'reserve';
  if (isReimbursementKey(key)) return 'otherIncome';
  return category;
}

/** Readable name of a platform key (the screens and printouts translate it; `raw` prints the key). */
export function nettingLabel(key: string): NettingLabel {
  const k = key.toLowerCase();
  const [t = '', a = '', d = ''] = k.split('/');
  if (k.includes('previous reserve')) return 'reservePrevious';
  if (k.includes('reserve')) return 'reserveCurrent';
  if (k.includes('reimburse')) return 'inventoryReimbursement';
  const refund = t === 'refund' || t === 'chargeback';
  if (a === 'itemprice' && d === 'principal') return refund ? 'refundedPrincipal' : 'principal';
  if (a === 'itemprice' && d === 'shipping') return refund ? 'refundedShipping' : 'shipping';
  if (a === 'itemprice' && d === 'giftwrap') return 'giftWrap';
  if (a === 'promotion') return 'promotion';
  if (a === 'itemwithheldtax' || d.includes('withheld') || d.includes('facilitator')) return 'withheldTax';
  if (d.includes('tax')) return 'salesTax';
  // Refund/ItemFees/Commission is the referral fee given back; RefundCommission is the fee Amazon keeps for a refund.
  if (d === 'refundcommission') return 'refundCommission';
  if (d === 'commission') return 'commission';
  if (d.includes('fulfillmentfee') || d.includes('fulfilmentfee')) return 'fulfilmentFee';
  if (d.includes('transportation') || d.includes('inbound')) return 'transportationFee';
  if (d.includes('long-term') || d.includes('longterm')) return 'longTermStorageFee';
  if (d.includes('storage')) return 'storageFee';
  if (d.includes('removal') || d.includes('disposal')) return 'removalFee';
  if (d.includes('subscription')) return 'subscriptionFee';
  if (k.includes('advertis')) return 'advertising';
  return 'raw';
}

export interface NettingInputLine {
  /** File rows of the line (one, or several when the caller already summed a key; may be the first ones only). */
  readonly rows: readonly number[];
  /** How many rows the line stands for (default rows.length). */
  readonly rowCount?: number;
  readonly key: string;
  readonly category: NettingCategory;
  /** Signed as in the file: + credited to the seller, − charged. */
  readonly amount: Minor;
}

/** Ascending union of row lists (each already ascending), cut at EVIDENCE_ROWS_MAX. */
function mergeRows(lists: readonly (readonly number[])[]): readonly number[] {
  if (lists.length === 1) return lists[0]!.slice(0, EVIDENCE_ROWS_MAX);
  return lists
    .flatMap((l) => l.slice(0, EVIDENCE_ROWS_MAX))
    .sort((a, b) => a - b)
    .slice(0, EVIDENCE_ROWS_MAX);
}

interface Acc {
  amounts: number[];
  rows: (readonly number[])[];
  count: number;
}

/**
 * The statement's figures (汇发〔2020〕11号): gross proceeds (sales lines) less refunds = net sales;
 * less the overseas costs by category; plus other income (reimbursements); less the reserve
 * movement (closing − opening); plus lines of no known kind = net. `sign` turns file amounts
 * (+ credited) into each section's sign: costs and refunds positive when they reduce the net.
 */
export function nettingFigures(fileName: string, lines: readonly NettingInputLine[]): NettingFigures {
  const byClass = new Map<NettingClass, Map<string, Acc>>();
  for (const l of lines) {
    const cls = nettingClass(l.category, l.key);
    const items = byClass.get(cls) ?? new Map<string, Acc>();
    const item = items.get(l.key) ?? { amounts: [], rows: [], count: 0 };
    item.amounts.push(l.amount);
    item.rows.push(l.rows);
    item.count += l.rowCount ?? l.rows.length;
    items.set(l.key, item);
    byClass.set(cls, items);
  }
  const evidence = (items: readonly NettingItem[]): Evidence => ({
    fileName,
    rows: items.length === 0 ? [] : mergeRows(items.map((i) => i.rows)),
    rowCount: items.reduce((n, i) => n + i.rowCount, 0),
  });
  /** Items of a class; `sign` −1 turns a charge (−) into a positive reduction. */
  const itemsOf = (cls: NettingClass, sign: 1 | -1): NettingItem[] =>
    [...(byClass.get(cls)?.entries() ?? [])].map(([key, v]) => {
      const sum = sumMinor(v.amounts);
      return { key, label: nettingLabel(key), amount: minor(sign * sum), rows: mergeRows(v.rows), rowCount: v.count };
    });
  const section = (cls: NettingClass, sign: 1 | -1): NettingSection => {
    const items = itemsOf(cls, sign);
    return { amount: sumMinor(items.map((i) => i.amount)), items, evidence: evidence(items) };
  };
  const grossItems = itemsOf('sales', 1);
  const gross = sumMinor(grossItems.map((i) => i.amount));
  const refunds = section('refunds', -1);
  const netSales = sumMinor([gross, -refunds.amount]);
  const deductions = OVERSEAS_COST_CATEGORIES.map((category): NettingDeduction => ({
    category,
    ...section(category, -1),
  }));
  const otherIncome = section('otherIncome', 1);
  const otherItems = section('other', 1);
  const reserveItems = itemsOf('reserve', 1);
  const opening = sumMinor(reserveItems.filter((i) => i.label === 'reservePrevious').map((i) => i.amount));
  const effect = sumMinor(reserveItems.map((i) => i.amount));
  const movement = minor(-effect);
  const reserve: NettingReserve = {
    opening,
    movement,
    closing: sumMinor([opening, movement]),
    items: reserveItems,
    evidence: evidence(reserveItems),
  };
  const net = sumMinor([netSales, ...deductions.map((d) => -d.amount), otherIncome.amount, effect, otherItems.amount]);
  return {
    gross,
    grossEvidence: evidence(grossItems),
    grossItems,
    refunds,
    netSales,
    deductions,
    otherIncome,
    reserve,
    otherItems,
    net,
  };
}
