/**
 * Cost of `quantity` units at a decimal unit cost in any currency, in CNY fen, computed in one
 * exact step (unit × quantity × rate) and rounded once, half away from zero. A foreign currency
 * needs its decimal rate (1 unit = rate CNY): never assumed to be 1 (`stock.rate.required`).
 */
import { DomainError } from '../domain-error.ts';
import { minor, minorDigits, parseCurrency, type Currency, type Minor } from '../money/index.ts';

const DECIMAL = /^(\d+)(?:\.(\d{1,12}))?$/;

function scaled(text: string, code: string): { n: bigint; scale: number } {
  const m = DECIMAL.exec(text.trim().replaceAll(',', ''));
  if (!m) throw new DomainError(code, { text });
  const frac = m[2] ?? '';
  return { n: BigInt((m[1] ?? '') + frac), scale: frac.length };
}

export function costInCny(
  unitCost: string,
  quantity: number,
  currency: string,
  rate: string | null | undefined,
): Minor {
  const cur: Currency = parseCurrency(currency);
  if (cur !== 'CNY' && (rate === null || rate === undefined || rate.trim() === ''))
    throw new DomainError('stock.rate.required', { currency: cur });
  const u = scaled(unitCost, 'money.badDecimal');
  const r = cur === 'CNY' ? { n: 1n, scale: 0 } : scaled(rate!, 'money.badRate');
  if (r.n === 0n) throw new DomainError('money.badRate', { rate: String(rate) });
  const num = u.n * BigInt(quantity) * r.n * 10n ** BigInt(minorDigits('CNY'));
  const den = 10n ** BigInt(u.scale + r.scale);
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) throw new DomainError('money.outOfRange', { amount: q.toString() });
  return minor(Number(q));
}

/** An amount (decimal text in its currency) in CNY fen: the same rule with quantity 1. */
export function amountInCny(amount: string, currency: string, rate: string | null | undefined): Minor {
  const t = amount.trim();
  const negative = t.startsWith('-');
  const v = costInCny(negative ? t.slice(1) : t, 1, currency, rate);
  return negative ? minor(-v) : v;
}
