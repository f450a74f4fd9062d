/**
 * Checks an imported order against the total its file states (Shopify `Total`, TikTok order
 * amount …): items − discounts + shipping + gift wrap + taxes on top must equal it. A difference
 * is a warning (`import.order.totalMismatch`, both sums and the difference as decimals of the
 * order's currency), never a rejection: the order is kept with the stated total, so the
 * difference (an edit after the order was placed, an outstanding balance) is never dropped.
 */
import { formatDecimal, money, sumMinor } from '../money/index.ts';
import type { ImportedOrder, ImportWarning } from './order.ts';
import { computedOrderTotal, orderTotals } from './sale-rule.ts';

/** A warning about one order, on its first row, with its order number among the params. */
function orderWarning(order: ImportedOrder, code: string, params: ImportWarning['params']): ImportWarning {
  return { row: order.sourceRows[0] ?? 0, orderNo: order.orderNo, code, params: { orderNo: order.orderNo, ...params } };
}

export function totalMismatch(order: ImportedOrder): ImportWarning | null {
  const stated = order.statedTotal ?? null;
  if (stated === null || order.currency === null) return null;
  const totals = orderTotals(order);
  if (!totals.amountsKnown) return null;
  const computed = computedOrderTotal(totals);
  if (computed === stated) return null;
  const text = (n: number) => formatDecimal(money(n, order.currency as string));
  return orderWarning(order, 'import.order.totalMismatch', {
    currency: order.currency,
    stated: text(stated),
    computed: text(computed),
    difference: text(stated - computed),
  });
}

/**
 * The note that an order's VAT inside its prices was computed from the destination's rate because
 * its export states none (issue 15, point 3): `import.order.taxComputed` {orderNo, country, rate,
 * tax (the computed VAT of goods and shipping, a decimal of the order's currency), currency}.
 */
export function computedTaxNote(order: ImportedOrder): ImportWarning | null {
  const computed = order.computedTax ?? null;
  if (computed === null || order.currency === null) return null;
  const tax = sumMinor(order.lines.flatMap((l) => [l.includedTax ?? 0, l.includedShippingTax ?? 0]));
  return orderWarning(order, 'import.order.taxComputed', {
    country: computed.country,
    rate: computed.ratePercent,
    tax: formatDecimal(money(tax, order.currency)),
    currency: order.currency,
  });
}
