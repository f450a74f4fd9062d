/**
 * The dashboard use case (issue 17 point 4): the order figures of a period from the monthly
 * aggregates, receivables by age in CNY as booked from the journal's day totals (settlement area)
 * and stock value now (stock area), as of the workspace clock's day. Each reads a table kept in the
 * write transaction, so the summary never walks the orders, the journal lines or the stock moves.
 */
import { sumMinor } from '../../core/money/index.ts';
import { receivablesAgeingBooked } from '../settlement/index.ts';
import { stockValueByWarehouse } from '../stock/index.ts';
import type { Workspace } from '../workspace.ts';
import { orderFigures, type DashboardSummary } from './dashboard-query.ts';

export function dashboardSummary(
  ws: Workspace,
  opts: { from?: string | undefined; to?: string | undefined; topSkus?: number | undefined },
): DashboardSummary {
  const asOf = ws.clock().toISOString().slice(0, 10);
  const orders = orderFigures(ws.read, opts, asOf.slice(0, 7));
  const byWarehouse = stockValueByWarehouse(ws.read);
  return {
    ...orders,
    asOf,
    receivables: receivablesAgeingBooked(ws.read, asOf),
    stock: {
      total: sumMinor(byWarehouse.map((w) => w.value)),
      quantity: byWarehouse.reduce((s, w) => s + w.quantity, 0),
      byWarehouse,
    },
  };
}
