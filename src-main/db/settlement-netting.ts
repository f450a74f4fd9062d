/**
 * A payout's netting statement from the store: per-category sums come from SQL (one GROUP BY
 * over the payout's lines), the core folds them into gross − deductions = net with evidence
 * rows; plus unmatched counts, the declared-vs-received rows for goods sold from overseas
 * warehouses (declared value, list and declaration numbers from the order's CEB603 lists) and the
 * rates the payout and its orders were booked at.
 */
import { nettingFigures } from '../core/forex/netting.ts';
import { EVIDENCE_ROWS_MAX, type AppliedRate, type NettingStatement } from '../core/forex/settlement-views.ts';
import type { Db } from './open-ledger.ts';
import { orderDeclarations } from './settlement-declarations.ts';
import { countOrdersWithoutPayout, countUnmatchedLines, nettingRows, PAYOUT_ORDER_IDS, payoutHead, payoutOrders } from './settlement-payout-store.ts';

const OVERSEAS = (o: { customsMode: string | null; fulfilment: string | null }) =>
  o.customsMode === '9810' || o.fulfilment === 'overseas' || o.fulfilment === 'platform';

export function bookedRates(db: Db, payoutId: number): AppliedRate[] {
  return db.prepare(`SELECT DISTINCT l.currency, l.rate_date AS date, l.rate, l.rate_source AS source FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
    WHERE l.rate IS NOT NULL AND (
      (e.source_kind = 'payout' AND e.source_id = @payoutKey)
      OR (e.source_kind = 'order' AND e.source_id IN (SELECT CAST(order_id AS TEXT) FROM (${PAYOUT_ORDER_IDS}))))
    ORDER BY l.currency, l.rate_date, l.rate_source`).all({ payoutId, payoutKey: String(payoutId) }) as AppliedRate[];
}

export function nettingStatement(db: Db, payoutId: number): NettingStatement {
  const p = payoutHead(db, payoutId);
  // The SQL already summed each key; the core gets one line per key with its first rows and count.
  const sums = nettingRows(db, payoutId, EVIDENCE_ROWS_MAX);
  const figures = nettingFigures(p.fileName, sums);
  const overseas = payoutOrders(db, payoutId).filter(OVERSEAS);
  const declared = orderDeclarations(db, overseas.map((o) => o.orderId));
  const declarations = overseas.map((o) => {
    const d = declared.get(o.orderId);
    return {
      orderId: o.orderId, orderNo: o.orderNo, customsMode: o.customsMode, declarationNo: d ? d.entryId ?? d.invtNo : null,
      invtNo: d?.invtNo ?? null, entryId: d?.entryId ?? null, declaredValue: d?.declaredValue ?? null, declaredCurrency: d?.currency ?? null,
      orderValue: o.gross, received: o.received,
    };
  });
  return {
    payoutId, settlementId: p.settlementId, fileName: p.fileName, periodStart: p.periodStart, periodEnd: p.periodEnd, depositDate: p.depositDate,
    currency: p.currency, gross: figures.gross, grossEvidence: figures.grossEvidence, deductions: figures.deductions, net: figures.net,
    deposit: p.deposit, debitBalance: p.deposit < 0,
    unmatched: { payoutLines: countUnmatchedLines(db, payoutId), orders: countOrdersWithoutPayout(db, p) },
    declarations, rates: bookedRates(db, payoutId),
  };
}
