/**
 * Splits one landed cost (CNY fen) over a shipment's lines by the shipment's basis: value (the
 * lines' dispatched cost), weight or volume (unit measure × quantity) or quantity. Uses core
 * `allocate` (largest remainder), so the parts sum exactly to the amount.
 */
import { DomainError } from '../domain-error.ts';
import { allocate, type Minor } from '../money/index.ts';

export type AllocationBasis = 'value' | 'weight' | 'volume' | 'quantity';

export interface LandedCostLine {
  readonly sku: string;
  readonly quantity: number;
  /** Cost of the units dispatched, CNY fen. */
  readonly value: Minor;
  readonly weightGrams: number | null;
  readonly volumeCm3: number | null;
}

export function allocateLandedCost(amount: Minor, lines: readonly LandedCostLine[], basis: AllocationBasis): Minor[] {
  const weights = lines.map((l) => {
    if (basis === 'quantity') return l.quantity;
    if (basis === 'value') return Math.max(0, l.value);
    const unit = basis === 'weight' ? l.weightGrams : l.volumeCm3;
    if (unit === null) throw new DomainError('stock.landedCost.missingMeasure', { sku: l.sku, basis });
    return unit * l.quantity;
  });
  if (weights.every((w) => w === 0)) throw new DomainError('stock.landedCost.noBasis', { basis });
  return allocate({ amount, currency: 'CNY' }, weights).map((m) => m.amount);
}
