/**
 * Totals of a whole order as the CEB documents state them: goods value = Σ line totalPrice
 * (FOB, excluding freight), freight, and the net weight in grams. Shared by the pre-check and
 * the payment receipt / waybill builders so they compare and declare the same numbers.
 */
import { DomainError } from '../domain-error.ts';
import { money, sumMoney, type Money } from '../money/index.ts';
import type { CebLineInput, CebOrderInput } from './ceb-input.ts';
import { lineAmounts } from './line-amounts.ts';

export function orderGoodsValue(order: CebOrderInput): Money {
  return sumMoney(
    order.lines.map((l) => lineAmounts(l, order.currency).total),
    order.currency,
  );
}

export function orderFreight(order: CebOrderInput): Money {
  return money(order.freight ?? 0, order.currency);
}

/** Net weight of a line in grams (SKU weight × quantity); a SKU without weight is `customs.field.required`. */
export function lineNetGrams(line: CebLineInput): bigint {
  const w = line.sku.weightGrams;
  if (w == null) throw new DomainError('customs.field.required', { field: 'netWeight', itemNo: line.sku.itemNo });
  return BigInt(w) * BigInt(line.quantity);
}

export function orderGrossGrams(order: CebOrderInput): bigint {
  const net = order.lines.reduce((s, l) => s + lineNetGrams(l), 0n);
  return order.grossWeightGrams != null && BigInt(order.grossWeightGrams) > net ? BigInt(order.grossWeightGrams) : net;
}
