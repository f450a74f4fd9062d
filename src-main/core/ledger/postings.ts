/**
 * Posting rules: the journal entries for an order's revenue (Dr 应收账款-平台(X) / Cr 主营业务收入
 * at the order day's rate), its cost of goods (Dr 主营业务成本 / Cr 库存商品), stock bought in
 * (purchases and landed costs: Dr 库存商品 / Cr 应付账款), a payout's fees,
 * refunds, taxes and unbooked sales against the receivable (at the deposit day's rate), and
 * 代垫 advances with their repayments (the difference at repayment is 汇兑损益).
 */
import { categoryAccount } from '../forex/netting.ts';
import { toCny } from '../forex/rates.ts';
import type { AdvanceCategory, AppliedRate, NettingCategory } from '../forex/settlement-views.ts';
import { minor, sumMinor, type Currency, type Minor } from '../money/index.ts';
import { ACC, currencyAccount } from './chart.ts';
import { draftEntry, line, type DraftEntry, type DraftLine } from './entry.ts';

const fx = (amount: Minor, rate: AppliedRate | null) => (rate === null ? undefined : { amount, rate });

/** A source's own entry (it reverses nothing); `evidence` names the file it was read from, where there is one. */
function sourceEntry(
  head: Pick<DraftEntry, 'date' | 'memo' | 'sourceKind' | 'sourceId'> & { readonly evidence?: string },
  lines: readonly DraftLine[],
): DraftEntry {
  return draftEntry({ ...head, evidence: head.evidence ?? null, reversesId: null, lines });
}

export interface OrderToPost {
  readonly id: number;
  readonly orderNo: string;
  readonly date: string;
  readonly currency: Currency;
  /** Revenue in the order currency (gross without taxes collected on top). */
  readonly revenue: Minor;
}

export function orderRevenueEntry(o: OrderToPost, rate: AppliedRate | null): DraftEntry {
  const cny = toCny(o.revenue, rate, o.currency);
  return sourceEntry({ date: o.date, memo: `订单 ${o.orderNo}`, sourceKind: 'order', sourceId: String(o.id) }, [
    line(currencyAccount(ACC.receivable, o.currency), cny, fx(o.revenue, rate)),
    line(ACC.revenue, -cny, fx(minor(-o.revenue), rate)),
  ]);
}

export function cogsEntry(orderId: number, orderNo: string, date: string, costFen: Minor): DraftEntry {
  return sourceEntry({ date, memo: `销售成本 ${orderNo}`, sourceKind: 'cogs', sourceId: String(orderId) }, [
    line(ACC.cogs, costFen),
    line(ACC.inventory, -costFen),
  ]);
}

/** A stock move that brings value in: a purchase at cost, or a landed cost (freight, duty …). */
export interface StockInToPost {
  readonly moveId: number;
  readonly type: 'purchase' | 'landedCost';
  readonly date: string;
  readonly reference: string | null;
  /** CNY fen the move brought in (the purchase cost, the landed-cost amount). */
  readonly cost: Minor;
  /** Of a landed cost, the part that went straight to cost of goods (units already sold). */
  readonly toCogs: Minor;
}

/**
 * Dr 库存商品 / Cr 应付账款 at cost; a landed cost's share of units already sold goes to
 * 主营业务成本 instead. Source kind `stock`, source id `move:<id>`.
 */
export function stockInEntry(m: StockInToPost): DraftEntry {
  const label = m.type === 'purchase' ? '采购入库' : '到岸费用';
  return sourceEntry(
    {
      date: m.date,
      memo: `${label} ${m.reference ?? `#${m.moveId}`}`,
      sourceKind: 'stock',
      sourceId: stockMoveSourceId(m.moveId),
    },
    [line(ACC.inventory, sumMinor([m.cost, -m.toCogs])), line(ACC.cogs, m.toCogs), line(ACC.payables, -m.cost)],
  );
}

export const stockMoveSourceId = (moveId: number): string => `move:${moveId}`;

export interface PayoutLineToPost {
  readonly row: number;
  readonly category: NettingCategory;
  readonly amount: Minor;
  /** True when the order of a sales line has its revenue booked (the line is then already in the receivable). */
  readonly booked: boolean;
  /** The platform key (transaction-type/amount-type/amount-description): reserves and reimbursements post by it. */
  readonly key?: string;
}

/**
 * The payout's entry and each line's CNY value: booked sales lines carry their order's value
 * (`bookedCny`), everything else is converted at the deposit day's rate; every non-booked line
 * moves the receivable (fees, refunds and taxes against their account, unbooked sales against
 * revenue). Null entry when nothing needs posting.
 */
export function payoutEntry(
  p: {
    readonly id: number;
    readonly settlementId: string;
    readonly fileName: string;
    readonly depositDate: string;
    readonly currency: Currency;
  },
  lines: readonly PayoutLineToPost[],
  rate: AppliedRate | null,
  bookedCny: (index: number) => Minor,
): { entry: DraftEntry | null; cny: Minor[] } {
  const receivable = currencyAccount(ACC.receivable, p.currency);
  const byAccount = new Map<string, { cny: Minor; original: Minor }>();
  let recCny = minor(0);
  let recOriginal = minor(0);
  const cny = lines.map((l, i) => {
    if (l.category === 'sales' && l.booked) return bookedCny(i);
    const c = toCny(l.amount, rate, p.currency);
    const account = l.category === 'sales' ? ACC.revenue : categoryAccount(l.category, p.currency, l.key);
    const acc = byAccount.get(account) ?? { cny: minor(0), original: minor(0) };
    acc.cny = sumMinor([acc.cny, -c]);
    acc.original = sumMinor([acc.original, -l.amount]);
    byAccount.set(account, acc);
    recCny = sumMinor([recCny, c]);
    recOriginal = sumMinor([recOriginal, l.amount]);
    return c;
  });
  const draft: DraftLine[] = [...byAccount.entries()].map(([account, v]) => line(account, v.cny, fx(v.original, rate)));
  draft.push(line(receivable, recCny, fx(recOriginal, rate)));
  if (draft.every((l) => l.debit === 0 && l.credit === 0 && l.originalAmount === 0)) return { entry: null, cny };
  return {
    entry: sourceEntry(
      {
        date: p.depositDate,
        memo: `结算 ${p.settlementId}`,
        sourceKind: 'payout',
        sourceId: String(p.id),
        evidence: p.fileName,
      },
      draft,
    ),
    cny,
  };
}

export const ADVANCE_ACCOUNT: Readonly<Record<AdvanceCategory, string>> = {
  warehousing: ACC.warehousing,
  logistics: ACC.logistics,
  tax: ACC.overseasTax,
  other: ACC.otherSelling,
};

export function advanceEntry(
  a: { id: number; party: string; date: string; currency: Currency; amount: Minor; category: AdvanceCategory },
  rate: AppliedRate | null,
): { entry: DraftEntry; cny: Minor } {
  const cny = toCny(a.amount, rate, a.currency);
  return {
    cny,
    entry: sourceEntry({ date: a.date, memo: `代垫 ${a.party}`, sourceKind: 'advance', sourceId: String(a.id) }, [
      line(ADVANCE_ACCOUNT[a.category], cny, fx(a.amount, rate)),
      line(currencyAccount(ACC.advances, a.currency), -cny, fx(minor(-a.amount), rate)),
    ]),
  };
}

/** Dr 代垫 payable at its booked share, Cr bank at the repayment day's rate, difference to 汇兑损益. */
export function repaymentEntry(
  r: { id: number; party: string; date: string; currency: Currency; amount: Minor; bookedCny: Minor },
  rate: AppliedRate | null,
): { entry: DraftEntry; paidCny: Minor } {
  const paidCny = toCny(r.amount, rate, r.currency);
  return {
    paidCny,
    entry: sourceEntry(
      { date: r.date, memo: `偿还代垫 ${r.party}`, sourceKind: 'advanceRepayment', sourceId: String(r.id) },
      [
        line(currencyAccount(ACC.advances, r.currency), r.bookedCny, fx(r.amount, rate)),
        line(ACC.bank, -paidCny),
        line(ACC.fxGainLoss, sumMinor([paidCny, -r.bookedCny])),
      ],
    ),
  };
}
