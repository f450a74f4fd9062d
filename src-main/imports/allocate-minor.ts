/**
 * Exact splits of an amount in minor units (issue 15): an order-level amount over its lines by
 * weight (largest remainder, ties to the earlier line, so the parts always add up to the total),
 * and the tax inside a tax-inclusive amount at a percentage rate (half up).
 */
import type { Minor } from '../core/money/index.ts';

/** `total` split in proportion to `weights` (non-negative); all on the first part when every weight is 0. */
export function allocateMinor(total: Minor, weights: readonly number[]): Minor[] {
  if (weights.length === 0) return [];
  const w = weights.map((x) => BigInt(Math.max(0, x)));
  const sum = w.reduce((s, x) => s + x, 0n);
  const t = BigInt(total);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : (0 as Minor)));
  const shares = w.map((x) => (t * x) / sum);
  let rest = t - shares.reduce((s, x) => s + x, 0n);
  const byRemainder = w
    .map((x, i) => ({ i, rem: (t * x) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  // a negative total leaves negative remainders: hand the rest out one unit at a time either way
  const step = rest < 0n ? -1n : 1n;
  for (let k = 0; rest !== 0n && byRemainder.length > 0; k = (k + 1) % byRemainder.length) {
    shares[byRemainder[k]!.i]! += step;
    rest -= step;
  }
  return shares.map((x) => Number(x) as Minor);
}

/**
 * A percentage in a tax name ('GB VAT 20%', 'DE MwSt 19%', 'FR TVA 5,5 %') as an exact fraction
 * (numerator over 100 × 10^scale), or null when the text names none.
 */
export function percentIn(text: string): { readonly points: bigint; readonly scale: number } | null {
  const m = /(\d{1,3})(?:[.,](\d{1,4}))?\s*%/.exec(text);
  if (m === null) return null;
  const frac = m[2] ?? '';
  return { points: BigInt(`${m[1]}${frac}`), scale: frac.length };
}

/** The tax inside `gross` (an amount that includes it) at `rate`: gross × p / (100 + p), rounded half up. */
export function taxInside(gross: Minor, rate: { readonly points: bigint; readonly scale: number }): Minor {
  const hundred = 100n * 10n ** BigInt(rate.scale);
  const num = BigInt(gross) * rate.points;
  const den = hundred + rate.points;
  const sign = num < 0n ? -1n : 1n;
  const abs = num * sign;
  return Number(sign * ((2n * abs + den) / (2n * den))) as Minor;
}
