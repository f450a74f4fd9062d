/**
 * Stock valuation for one SKU in one warehouse, as a pure fold over its moves in date order.
 * FIFO keeps one cost layer per receipt (with the receipt date, for ageing); moving average
 * keeps one pooled layer. Issues take value from the oldest layers: a partial take is
 * round-half-up of value × taken / quantity, and the layer keeps the exact rest, so values
 * never drift — the last unit out of a layer carries whatever fen remain. Values are integer
 * minor units of the base currency (CNY fen). Taking more than is on hand throws `stock.negative`.
 */
import { DomainError } from '../domain-error.ts';
import { minor, sumMinor, type Minor } from '../money/index.ts';
import { daysBetween } from '../time/days.ts';

export type ValuationMethod = 'fifo' | 'movingAverage';

export interface CostLayer {
  /** The move that brought this stock in (kept through transfers, for ageing and evidence). */
  readonly sourceMoveId: number;
  /** When it first entered stock (purchase date), carried through transfers. */
  readonly receivedAt: string;
  readonly quantity: number;
  readonly value: Minor;
}

export interface StockContext {
  readonly sku: string;
  readonly warehouse: string;
}

/** Part of a layer taken by an issue: what a transfer carries or a sale costs. */
export type TakenPiece = CostLayer;

/** round-half-up of value × numerator / denominator (exact, bigint inside); the result must be in range. */
export function mulDivRoundHalfUp(value: Minor, numerator: number, denominator: number): Minor {
  const v = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  const q = v / d;
  const r = v % d;
  const abs = r < 0n ? -r : r;
  const rounded = 2n * abs >= d ? q + (v < 0n ? -1n : 1n) : q;
  return minor(Number(rounded));
}

export function onHand(layers: readonly CostLayer[]): { quantity: number; value: Minor } {
  let quantity = 0;
  for (const l of layers) quantity += l.quantity;
  return { quantity, value: sumMinor(layers.map((l) => l.value)) };
}

/** Adds stock: a new layer (FIFO) or into the pool (moving average). */
export function receive(
  layers: readonly CostLayer[],
  incoming: readonly CostLayer[],
  method: ValuationMethod,
): CostLayer[] {
  for (const l of incoming) {
    if (!Number.isInteger(l.quantity) || l.quantity <= 0)
      throw new DomainError('stock.badQuantity', { quantity: l.quantity });
    if (!Number.isSafeInteger(l.value)) throw new DomainError('money.outOfRange', { amount: String(l.value) });
  }
  if (method === 'fifo') return [...layers, ...incoming];
  const all = [...layers, ...incoming];
  if (all.length === 0) return [];
  const total = onHand(all);
  const first = all[0]!;
  return [
    { sourceMoveId: first.sourceMoveId, receivedAt: first.receivedAt, quantity: total.quantity, value: total.value },
  ];
}

/** Taking `quantity` from `layers` would go below zero: `stock.negative` { sku, warehouse, date, onHand, wanted }. */
export function assertOnHand(
  layers: readonly CostLayer[],
  quantity: number,
  ctx: StockContext & { readonly date: string },
): void {
  const have = onHand(layers).quantity;
  if (quantity > have)
    throw new DomainError('stock.negative', {
      sku: ctx.sku,
      warehouse: ctx.warehouse,
      date: ctx.date,
      onHand: have,
      wanted: quantity,
    });
}

/**
 * Takes `quantity` units, oldest first. Returns the pieces taken (their values sum to the cost
 * of the issue) and the layers left. Throws `stock.negative` { sku, warehouse, date, onHand, wanted }.
 */
export function issue(
  layers: readonly CostLayer[],
  quantity: number,
  ctx: StockContext & { readonly date: string },
): { taken: TakenPiece[]; left: CostLayer[] } {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new DomainError('stock.badQuantity', { quantity });
  assertOnHand(layers, quantity, ctx);
  const taken: TakenPiece[] = [];
  const left: CostLayer[] = [];
  let need = quantity;
  for (const layer of layers) {
    if (need === 0) {
      left.push(layer);
      continue;
    }
    const n = Math.min(need, layer.quantity);
    const value = n === layer.quantity ? layer.value : mulDivRoundHalfUp(layer.value, n, layer.quantity);
    taken.push({ ...layer, quantity: n, value });
    if (n < layer.quantity)
      left.push({ ...layer, quantity: layer.quantity - n, value: sumMinor([layer.value, -value]) });
    need -= n;
  }
  return { taken, left };
}

/**
 * Adds an amount (landed cost: freight, insurance, duties, inbound fees) to layers that came from
 * given source moves, split by remaining quantity with remainders placed (parts sum exactly).
 * Returns the new layers and the part that belongs to units already gone (to post to cost of goods).
 */
export function addValue(
  layers: readonly CostLayer[],
  amount: Minor,
  shares: ReadonlyArray<{ readonly sourceMoveId: number; readonly originalQuantity: number }>,
): { layers: CostLayer[]; toCostOfGoods: Minor } {
  const originalTotal = shares.reduce((s, x) => s + x.originalQuantity, 0);
  if (originalTotal <= 0) throw new DomainError('stock.landedCost.noUnits');
  const remaining = new Map<number, number>();
  for (const l of layers) remaining.set(l.sourceMoveId, (remaining.get(l.sourceMoveId) ?? 0) + l.quantity);
  const stillHere = shares.reduce((s, x) => s + Math.min(remaining.get(x.sourceMoveId) ?? 0, x.originalQuantity), 0);
  // The share of units still on hand stays in stock; the rest went out already → cost of goods.
  const toStock = mulDivRoundHalfUp(amount, stillHere, originalTotal);
  let left = toStock;
  let unitsLeft = stillHere;
  const out = layers.map((l) => {
    if (!shares.some((s) => s.sourceMoveId === l.sourceMoveId) || unitsLeft === 0) return l;
    const part = l.quantity === unitsLeft ? left : mulDivRoundHalfUp(left, l.quantity, unitsLeft);
    left = sumMinor([left, -part]);
    unitsLeft -= l.quantity;
    return { ...l, value: sumMinor([l.value, part]) };
  });
  return { layers: out, toCostOfGoods: sumMinor([amount, -toStock]) };
}

export const AGEING_BUCKETS = ['0-30', '31-90', '91-180', '181-365', '365+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export { daysBetween };

export function ageingBucket(days: number): AgeingBucket {
  if (days <= 30) return '0-30';
  if (days <= 90) return '31-90';
  if (days <= 180) return '91-180';
  if (days <= 365) return '181-365';
  return '365+';
}

/** Quantity and value per ageing bucket as of a date, from the layers' receipt dates. */
export function ageing(
  layers: readonly CostLayer[],
  asOf: string,
): Record<AgeingBucket, { quantity: number; value: Minor }> {
  const out = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, { quantity: 0, value: minor(0) }])) as Record<
    AgeingBucket,
    { quantity: number; value: Minor }
  >;
  for (const l of layers) {
    const b = out[ageingBucket(daysBetween(l.receivedAt, asOf))];
    b.quantity += l.quantity;
    b.value = sumMinor([b.value, l.value]);
  }
  return out;
}
