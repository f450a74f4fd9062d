/**
 * Profit of one order: revenue − product cost − head haul − last mile − platform fees − ads − FX
 * difference, each in minor units of the order currency. A part nobody has reported yet is null
 * (unknown), never 0, and the profit stays null while any part is unknown. Fees are costs as
 * positive amounts (a refunded fee is negative). fxDifference is a loss as a positive amount.
 */
import { sumMinor, type Minor } from '../money/index.ts';
import type { FeeType } from './order.ts';

export interface ProfitFee {
  readonly type: FeeType;
  readonly amount: Minor;
  readonly currency: string;
}

export interface ProfitBreakdown {
  readonly currency: string;
  /** Null while the order's amounts are unknown (its file stated no prices). */
  readonly revenue: Minor | null;
  readonly productCost: Minor | null;
  /** Cost of goods from the stock ledger in CNY fen (null until every counted line's sale is posted); present when stock fed it. */
  readonly productCostCny?: Minor | null;
  readonly headHaul: Minor | null;
  readonly lastMile: Minor | null;
  readonly platformFees: Minor | null;
  readonly advertising: Minor | null;
  readonly fxDifference: Minor | null;
  readonly profit: Minor | null;
}

export interface ProfitInput {
  readonly currency: string;
  /** Null: the order's amounts are unknown; revenue and profit are then unknown too. */
  readonly gross: Minor | null;
  readonly refunded: Minor;
  /** Fee rows from settlements or fee columns; none at all = the platform's fees are unknown. */
  readonly fees: readonly ProfitFee[];
  /** Filled later by stock (cost layers), head-haul allocation and settlement (FX). */
  readonly productCost?: Minor | null;
  /**
   * Cost of goods in CNY fen from the stock ledger. It is the product cost as is for a CNY order;
   * for another currency it stays beside the breakdown until a rate for the order is known.
   */
  readonly productCostCny?: Minor | null;
  readonly headHaul?: Minor | null;
  readonly fxDifference?: Minor | null;
}

/**
 * Sum of the fees of the given types; null when no fee of these types was reported, or when
 * one is in another currency (it cannot be added without a rate, and must not be dropped).
 */
function sumOf(fees: readonly ProfitFee[], currency: string, types: readonly FeeType[]): Minor | null {
  const picked = fees.filter((f) => types.includes(f.type));
  if (picked.length === 0 || picked.some((f) => f.currency !== currency)) return null;
  return sumMinor(picked.map((f) => f.amount));
}

/** A part not given is unknown (null). */
const part = (v: Minor | null | undefined): Minor | null => v ?? null;

export function profitBreakdown(input: ProfitInput): ProfitBreakdown {
  const { currency, fees } = input;
  const revenue = input.gross === null ? null : sumMinor([input.gross, -input.refunded]);
  // Once a settlement lists any fee for the order, a missing commission row means none was charged.
  const platformFees =
    fees.length === 0 || fees.some((f) => (f.type === 'commission' || f.type === 'other') && f.currency !== currency)
      ? null
      : sumMinor(fees.filter((f) => f.type === 'commission' || f.type === 'other').map((f) => f.amount));
  const lastMile = sumOf(fees, currency, ['fulfilment', 'shipping']);
  const advertising = sumOf(fees, currency, ['advertising']);
  const productCostCny = part(input.productCostCny);
  const productCost = part(input.productCost) ?? (currency === 'CNY' ? productCostCny : null);
  const headHaul = part(input.headHaul);
  const fxDifference = part(input.fxDifference);
  const parts = [productCost, headHaul, lastMile, platformFees, advertising, fxDifference];
  const profit =
    revenue !== null && parts.every((p): p is Minor => p !== null)
      ? sumMinor([revenue, ...parts.map((p) => -p)])
      : null;
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
