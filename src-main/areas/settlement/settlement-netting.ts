/**
 * A payout's netting statement from the store: per-category sums come from SQL (one GROUP BY
 * over the payout's lines), the core folds them into gross − deductions = net with evidence
 * rows; plus unmatched counts, the declared-vs-received rows for goods sold from overseas
 * warehouses (declared value, list and declaration numbers from the order's CEB603 lists) and the
 * rates the payout and its orders were booked at.
 */
import { nettingFigures } from '../../core/forex/netting.ts';
import {
  EVIDENCE_ROWS_MAX,
  OVERSEAS_COST_CATEGORIES,
  type AppliedRate,
  type NettingCny,
  type NettingFigures,
  type NettingStatement,
  type OverseasCostCategory,
  type ReceiptRate,
} from '../../core/forex/settlement-views.ts';
import { convert, type Currency, type Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';
import { orderDeclarations } from './settlement-declarations.ts';
import {
  countUnmatchedLines,
  nettingRows,
  ordersWithoutPayoutPage,
  PAYOUT_ORDER_IDS,
  payoutHead,
  payoutOrders,
  payoutReceiptRate,
  payoutShops,
  unmatchedLineList,
} from './settlement-payout-store.ts';

const OVERSEAS = (o: { customsMode: string | null; fulfilment: string | null }) =>
  o.customsMode === '9810' || o.fulfilment === 'overseas' || o.fulfilment === 'platform';

export function bookedRates(db: Db, payoutId: number): AppliedRate[] {
  return db
    .prepare(
      `SELECT l.currency, l.rate_date AS date, l.rate, l.rate_source AS source FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
    WHERE e.source_kind = 'payout' AND e.source_id = @payoutKey AND l.rate IS NOT NULL
    UNION SELECT l.currency, l.rate_date AS date, l.rate, l.rate_source AS source FROM (${PAYOUT_ORDER_IDS}) x
      JOIN journal_entries e ON e.source_kind = 'order' AND e.source_id = CAST(x.order_id AS TEXT) JOIN journal_lines l ON l.entry_id = e.id
    WHERE l.rate IS NOT NULL
    ORDER BY 1, 2, 4`,
    )
    .all({ payoutId, payoutKey: String(payoutId) }) as AppliedRate[];
}

/** Each statement total in CNY fen at the receipt's bank rate (all null while no receipt is recorded). */
export function nettingCny(f: NettingFigures, currency: Currency, rate: ReceiptRate | null): NettingCny {
  const cny = (amount: Minor): Minor | null =>
    rate === null ? null : convert({ amount, currency }, rate.rate, 'CNY').amount;
  return {
    rate,
    gross: cny(f.gross),
    refunds: cny(f.refunds.amount),
    netSales: cny(f.netSales),
    deductions: Object.fromEntries(
      OVERSEAS_COST_CATEGORIES.map((c) => [c, cny(f.deductions.find((d) => d.category === c)!.amount)]),
    ) as Record<OverseasCostCategory, Minor | null>,
    otherIncome: cny(f.otherIncome.amount),
    reserveMovement: cny(f.reserve.movement),
    otherItems: cny(f.otherItems.amount),
    net: cny(f.net),
  };
}

export function nettingStatement(db: Db, payoutId: number): NettingStatement {
  const p = payoutHead(db, payoutId);
  // The SQL already summed each key; the core gets one line per key with its first rows and count.
  const sums = nettingRows(db, payoutId, EVIDENCE_ROWS_MAX);
  const figures = nettingFigures(p.fileName, sums);
  const orders = payoutOrders(db, payoutId);
  const overseas = orders.filter(OVERSEAS);
  const declared = orderDeclarations(
    db,
    overseas.map((o) => o.orderId),
  );
  const declarations = overseas.map((o) => {
    const d = declared.get(o.orderId);
    return {
      orderId: o.orderId,
      orderNo: o.orderNo,
      customsMode: o.customsMode,
      declarationNo: d ? (d.entryId ?? d.invtNo) : null,
      invtNo: d?.invtNo ?? null,
      entryId: d?.entryId ?? null,
      declaredValue: d?.declaredValue ?? null,
      declaredCurrency: d?.currency ?? null,
      orderValue: o.gross,
      received: o.received,
    };
  });
  const shops = payoutShops(db, payoutId, orders);
  const scope = {
    id: payoutId,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    currency: p.currency,
    shopIds: shops.map((s) => s.id),
  };
  const withoutPayout = ordersWithoutPayoutPage(db, scope);
  return {
    payoutId,
    settlementId: p.settlementId,
    fileName: p.fileName,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    depositDate: p.depositDate,
    currency: p.currency,
    ...figures,
    deposit: p.deposit,
    debitBalance: p.deposit < 0,
    cny: nettingCny(figures, p.currency, payoutReceiptRate(db, payoutId)),
    unmatched: {
      payoutLines: countUnmatchedLines(db, payoutId),
      orders: withoutPayout.total,
      payoutLineList: unmatchedLineList(db, payoutId),
      orderList: withoutPayout.list,
      shops: shops.map((s) => s.name),
    },
    declarations,
    rates: bookedRates(db, payoutId),
  };
}
