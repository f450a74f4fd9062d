/**
 * Where each dashboard chart drills to: the orders list with the filter the clicked bar stands for
 * (the orders list's own filter: local dates, country, customs mode, text = SKU), or the list
 * behind a figure (receivables ageing, stock on hand). Pure, so it is tested without a screen.
 */
import type { CommandInput } from '../../../src-main/api/contract.ts';

export type OrderFilter = NonNullable<CommandInput<'orders.list'>['filter']>;

/** First and last local day of a month ('2026-02' → 2026-02-01 … 2026-02-28). */
export function monthDays(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export type Drill =
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'country'; readonly country: string }
  | { readonly kind: 'customsMode'; readonly mode: NonNullable<OrderFilter['customsMode']> }
  | { readonly kind: 'sku'; readonly sku: string };

/** The orders-list filter a drill opens; the period's dates narrow every drill but the month's own. */
export function drillFilter(d: Drill, period: { from: string; to: string }): OrderFilter {
  const dates = { from: monthDays(period.from).from, to: monthDays(period.to).to };
  switch (d.kind) {
    case 'month':
      return monthDays(d.month);
    case 'country':
      return { ...dates, country: d.country };
    case 'customsMode':
      return { ...dates, customsMode: d.mode };
    case 'sku':
      return { ...dates, q: d.sku };
  }
}
