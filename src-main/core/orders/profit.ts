/**
 * Profit of one order: revenue − product cost − head haul − last mile − platform fees − ads − FX
 * difference, each in minor units of the order currency. A part nobody has reported yet is null
 * (unknown), never 0, and the profit stays null while any part is unknown. Fees are costs as
 * positive amounts (a refunded fee is negative). fxDifference is a loss as a positive amount.
 */
import { DomainError } from '../domain-error.ts';
import type { FeeType } from './order.ts';

export interface ProfitFee {
  readonly type: FeeType;
  readonly amount: number;
  readonly currency: string;
}

export interface ProfitBreakdown {
  readonly currency: string;
  /** Null while the order's amounts are unknown (its file stated no prices). */
  readonly revenue: number | null;
  readonly productCost: number | null;
  /** Cost of goods from the stock ledger in CNY fen (null until every counted line's sale is posted); present when stock fed it. */
  readonly productCostCny?: number | null;
  readonly headHaul: number | null;
  readonly lastMile: number | null;
  readonly platformFees: number | null;
  readonly advertising: number | null;
  readonly fxDifference: number | null;
  readonly profit: number | null;
}

export interface ProfitInput {
  readonly currency: string;
  /** Null: the order's amounts are unknown; revenue and profit are then unknown too. */
  readonly gross: number | null;
  readonly refunded: number;
  /** Fee rows from settlements or fee columns; none at all = the platform's fees are unknown. */
  readonly fees: readonly ProfitFee[];
  /** Filled later by stock (cost layers), head-haul allocation and settlement (FX). */
  readonly productCost?: number | null;
  /**
   * Cost of goods in CNY fen from the stock ledger. It is the product cost as is for a CNY order;
   * for another currency it stays beside the breakdown until a rate for the order is known.
   */
  readonly productCostCny?: number | null;
  readonly headHaul?: number | null;
  readonly fxDifference?: number | null;
}

/**
 * Sum of the fees of the given types; null when no fee of these types was reported, or when
 * one is in another currency (it cannot be added without a rate, and must not be dropped).
 */
function sumOf(fees: readonly ProfitFee[], currency: string, types: readonly FeeType[]): number | null {
  const picked = fees.filter((f) => types.includes(f.type));
  if (picked.length === 0 || picked.some((f) => f.currency !== currency)) return null;
  return picked.reduce((s, f) => s + f.amount, 0);
}

export function profitBreakdown(input: ProfitInput): ProfitBreakdown {
  const { currency, fees } = input;
  const revenue = input.gross === null ? null : input.gross - input.refunded;
  // Once a settlement lists any fee for the order, a missing commission row means none was charged.
  const platformFees =
    fees.length === 0 || fees.some((f) => (f.type === 'commission' || f.type === 'other') && f.currency !== currency)
      ? null
      : fees.filter((f) => f.type === 'commission' || f.type === 'other').reduce((s, f) => s + f.amount, 0);
  const lastMile = sumOf(fees, currency, ['fulfilment', 'shipping']);
  const advertising = sumOf(fees, currency, ['advertising']);
  const productCostCny = input.productCostCny ?? null;
  const productCost = input.productCost ?? (currency === 'CNY' ? productCostCny : null);
  const headHaul = input.headHaul ?? null;
  const fxDifference = input.fxDifference ?? null;
  const parts = [productCost, headHaul, lastMile, platformFees, advertising, fxDifference];
  const profit =
    revenue !== null && parts.every((p): p is number => p !== null) ? parts.reduce((s, p) => s - p, revenue) : null;
  for (const v of [revenue, platformFees, lastMile, advertising, profit]) {
    if (v !== null && !Number.isSafeInteger(v)) throw new DomainError('money.outOfRange', { amount: String(v) });
  }
  return {
    currency,
    revenue,
    productCost,
    ...(input.productCostCny === undefined ? {} : { productCostCny }),
    headHaul,
    lastMile,
    platformFees,
    advertising,
    fxDifference,
    profit,
  };
}
