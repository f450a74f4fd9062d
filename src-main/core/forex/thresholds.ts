/**
 * Trade-list (名录) threshold: annual goods-trade receipts in USD against USD 200,000, with a
 * notice at 80 % (USD 160,000), a warning in the band from USD 180,000 and "over" from 200,000;
 * for individual sellers, the note that settlements backed by transaction evidence do not use
 * the USD 50,000 personal quota.
 */
import { convert, minor, type Currency, type Minor } from '../money/index.ts';
import type { SellerKind, ThresholdLevel } from './settlement-views.ts';

export const LIMIT_USD_CENTS = 20_000_000 as Minor;
export const WARNING_USD_CENTS = 18_000_000;
export const NOTICE_USD_CENTS = 16_000_000;

/** A receipt's USD cents: USD as is; others through CNY (X→CNY, then ÷ USD→CNY). */
export function toUsdCents(
  currency: Currency,
  amount: Minor,
  rateToCny: string | null,
  usdRate: string | null,
): Minor | null {
  if (currency === 'USD') return amount;
  if (usdRate === null) return null;
  const cny =
    currency === 'CNY' ? amount : rateToCny === null ? null : convert({ amount, currency }, rateToCny, 'CNY').amount;
  if (cny === null) return null;
  // fen ÷ rate = cents: scale the rate to an integer and divide with half-away rounding.
  const [int, frac = ''] = usdRate.split('.');
  const scaled = BigInt(`${int}${frac}`);
  const num = BigInt(cny) * 10n ** BigInt(frac.length);
  const q = num / scaled;
  return minor(Number((num % scaled) * 2n >= scaled ? q + 1n : q));
}

export function thresholdLevel(usdCents: number): ThresholdLevel {
  return usdCents >= LIMIT_USD_CENTS
    ? 'over'
    : usdCents >= WARNING_USD_CENTS
      ? 'warning'
      : usdCents >= NOTICE_USD_CENTS
        ? 'notice'
        : 'ok';
}

/** Percent of the limit with one decimal, exact (truncated). */
export function thresholdPercent(usdCents: number): string {
  const tenths = Math.floor((usdCents * 1000) / LIMIT_USD_CENTS);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export function thresholdNotes(kind: SellerKind): string[] {
  return kind === 'individual' ? ['settlement.thresholds.individualNote'] : [];
}
