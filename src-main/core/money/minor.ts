/**
 * Money as an integer count of minor units (分, cents; whole yen for JPY) plus a currency.
 * Invariants: amounts are safe integers (|amount| <= Number.MAX_SAFE_INTEGER, never -0);
 * all arithmetic is exact (bigint inside), overflow throws 'money.outOfRange', mixing
 * currencies throws 'money.currencyMismatch'. No floats are used for money anywhere.
 * Rounding (convert only): round half away from zero (四舍五入), symmetric for negatives.
 */
import { DomainError } from '../domain-error.ts';
import { type Currency, minorDigits, parseCurrency } from './currency.ts';

export type Minor = number & { readonly __brand: 'Minor' };

export type Money = { readonly amount: Minor; readonly currency: Currency };

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function fromBig(b: bigint): Minor {
  if (b > MAX || b < -MAX) throw new DomainError('money.outOfRange', { amount: b.toString() });
  return Number(b) as Minor; // Number(0n) is +0, never -0
}

function big(m: Money): bigint {
  return BigInt(m.amount);
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function abs(b: bigint): bigint {
  return b < 0n ? -b : b;
}

function sameCurrency(a: Money, b: Money): Currency {
  if (a.currency !== b.currency) {
    throw new DomainError('money.currencyMismatch', { a: a.currency, b: b.currency });
  }
  return a.currency;
}

export function minor(n: number): Minor {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new DomainError('money.notInteger', { amount: String(n) });
  }
  if (!Number.isSafeInteger(n)) throw new DomainError('money.outOfRange', { amount: String(n) });
  return (n === 0 ? 0 : n) as Minor; // normalise -0
}

export function money(amount: number | Minor, currency: Currency): Money {
  return { amount: minor(amount), currency: parseCurrency(currency) };
}

// optional sign, then either plain digits or 1-3 digits followed by ',ddd' groups, optional fraction
const DECIMAL_RE = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Parses a human decimal ('1,234.50', '-12.5', ' 7 ') into exact minor units.
 * Thousands separators must form valid 3-digit groups; significant fraction digits may not
 * exceed the currency's minor digits ('money.tooManyDecimals'), while trailing zeros are exact
 * and accepted ('1200.00' JPY, as some exports print yen); anything else is 'money.badDecimal'.
 */
export function parseDecimal(text: string, currency: Currency): Money {
  const digits = minorDigits(currency);
  const match = DECIMAL_RE.exec(String(text).trim());
  if (match === null) throw new DomainError('money.badDecimal', { text: String(text) });
  const sign = match[1] ?? '';
  const intPart = (match[2] ?? '').replaceAll(',', '');
  const fracPart = (match[3] ?? '').replace(/0+$/, '');
  if (fracPart.length > digits) {
    throw new DomainError('money.tooManyDecimals', { text, currency, digits });
  }
  const magnitude = BigInt(intPart + fracPart.padEnd(digits, '0'));
  return { amount: fromBig(sign === '-' ? -magnitude : magnitude), currency };
}

/**
 * Exact decimal string without grouping: 1250 CNY → '12.50'; fractionDigits pads with
 * zeros ('12.50000' for CEB decimal(19,5)) and must be an integer in [minorDigits, 30].
 */
export function formatDecimal(m: Money, fractionDigits?: number): string {
  const digits = minorDigits(m.currency);
  const target = fractionDigits ?? digits;
  if (!Number.isInteger(target) || target < digits || target > 30) {
    throw new DomainError('money.badFractionDigits', { fractionDigits: String(target), digits });
  }
  const value = big(m);
  const text = abs(value)
    .toString()
    .padStart(digits + 1, '0');
  const intPart = text.slice(0, text.length - digits);
  const fracPart = text.slice(text.length - digits).padEnd(target, '0');
  const sign = value < 0n ? '-' : '';
  return target === 0 ? sign + intPart : `${sign}${intPart}.${fracPart}`;
}

export function addMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  return { amount: fromBig(big(a) + big(b)), currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  return { amount: fromBig(big(a) - big(b)), currency };
}

export function negate(m: Money): Money {
  return { amount: fromBig(-big(m)), currency: m.currency };
}

/** Sum of a list (empty → zero); only the final total must be in range. */
export function sumMoney(list: readonly Money[], currency: Currency): Money {
  let total = 0n;
  for (const m of list) {
    if (m.currency !== currency) {
      throw new DomainError('money.currencyMismatch', { a: currency, b: m.currency });
    }
    total += big(m);
  }
  return { amount: fromBig(total), currency };
}

/** Checked sum of bare minor-unit amounts of one currency (empty → 0): exact (bigint), only the total must be in range. */
export function sumMinor(list: readonly number[]): Minor {
  let total = 0n;
  for (const m of list) {
    if (!Number.isSafeInteger(m)) minor(m); // throws: 'money.notInteger', or 'money.outOfRange' for an unsafe integer
    total += BigInt(m);
  }
  return fromBig(total);
}

/**
 * Checked sum of two amounts of one currency, without allocating: two safe integers add exactly
 * whenever the result is itself safe, so a result outside the range is 'money.outOfRange'.
 */
export function addMinor(a: Minor, b: Minor): Minor {
  const total = a + b;
  if (!Number.isSafeInteger(total)) throw new DomainError('money.outOfRange', { amount: String(total) });
  return (total === 0 ? 0 : total) as Minor;
}

export function multiplyByQuantity(unit: Money, qty: number): Money {
  if (!Number.isSafeInteger(qty)) throw new DomainError('money.quantity.notInteger', { qty: String(qty) });
  return { amount: fromBig(big(unit) * BigInt(qty)), currency: unit.currency };
}

function toWeight(w: number | bigint, index: number): bigint {
  if (typeof w === 'bigint') {
    if (w < 0n) throw new DomainError('money.allocate.badWeight', { index, weight: w.toString() });
    return w;
  }
  if (!Number.isSafeInteger(w) || w < 0) {
    throw new DomainError('money.allocate.badWeight', { index, weight: String(w) });
  }
  return BigInt(w);
}

/**
 * Splits `total` proportionally to non-negative integer weights by the largest-remainder
 * method (ties go to the earlier index). Parts sum exactly to `total`, each part is within
 * one minor unit of its exact share, zero weights get zero; negative totals are mirrored.
 */
export function allocate(total: Money, weights: readonly (number | bigint)[]): Money[] {
  if (weights.length === 0) throw new DomainError('money.allocate.noParts');
  const ws = weights.map(toWeight);
  const weightSum = ws.reduce((s, w) => s + w, 0n);
  if (weightSum === 0n) throw new DomainError('money.allocate.zeroWeights');
  const value = big(total);
  const magnitude = abs(value);
  const floors = ws.map((w) => (magnitude * w) / weightSum);
  const remainders = ws.map((w) => (magnitude * w) % weightSum);
  let leftover = magnitude - floors.reduce((s, f) => s + f, 0n);
  const order = ws
    .map((_, i) => i)
    .sort((i, j) => {
      const ri = remainders[i] ?? 0n;
      const rj = remainders[j] ?? 0n;
      return ri === rj ? i - j : ri > rj ? -1 : 1;
    });
  for (const i of order) {
    if (leftover === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return floors.map((f) => ({ amount: fromBig(value < 0n ? -f : f), currency: total.currency }));
}

/** Splits `total` into `n` parts differing by at most one minor unit, larger parts first. */
export function allocateEvenly(total: Money, n: number): Money[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new DomainError('money.allocate.noParts', { n: String(n) });
  return allocate(total, new Array<number>(n).fill(1));
}

const RATE_RE = /^(\d+)(?:\.(\d{1,12}))?$/;

/**
 * Converts at `rate` (decimal string, > 0, at most 12 fraction digits) meaning
 * 1 unit of m.currency = rate units of `to`. Differing minor digits are accounted for
 * (e.g. JPY 0 → CNY 2). Exact via bigint, then rounded half away from zero (四舍五入).
 */
export function convert(m: Money, rate: string, to: Currency): Money {
  const target = parseCurrency(to);
  const match = typeof rate === 'string' ? RATE_RE.exec(rate) : null;
  if (match === null) throw new DomainError('money.badRate', { rate: String(rate) });
  const fracPart = match[2] ?? '';
  const rateScaled = BigInt((match[1] ?? '') + fracPart);
  if (rateScaled === 0n) throw new DomainError('money.badRate', { rate });
  const value = big(m);
  const numerator = abs(value) * rateScaled * pow10(minorDigits(target));
  const denominator = pow10(minorDigits(m.currency) + fracPart.length);
  let q = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) q += 1n;
  return { amount: fromBig(value < 0n ? -q : q), currency: target };
}

/** -1, 0 or 1; currencies must match. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function isZero(m: Money): boolean {
  return m.amount === 0;
}
