/**
 * Rates X→CNY: validation of rate text (decimal, > 0, normalised to at least 6 fraction
 * digits), the choice among a day's rates by source precedence, and conversion of a foreign
 * amount to CNY fen at the chosen rate. A day without a rate falls back to the latest rate of
 * the previous `LOOKBACK_DAYS` days (weekends, holidays: the last published 中间价) and is
 * otherwise `rates.missing` — 1 is never assumed.
 */
import { DomainError } from '../domain-error.ts';
import { convert, type Currency, type Minor } from '../money/index.ts';
import { DEFAULT_RATE_PRECEDENCE, RATE_SOURCES, type AppliedRate, type RateSource } from './settlement-views.ts';
import { daysBetween } from '../time/days.ts';

export const LOOKBACK_DAYS = 10;
const RATE_TEXT = /^(\d{1,6})(?:\.(\d{1,12}))?$/;

/** '7.1' → '7.100000'; `rates.invalid` for anything that is not a positive decimal. */
export function normaliseRate(text: string): string {
  const m = RATE_TEXT.exec(text.trim());
  if (m === null) throw new DomainError('rates.invalid', { rate: text });
  const int = String(Number(m[1]));
  const frac = (m[2] ?? '').padEnd(6, '0');
  if (/^0*$/.test(m[1]! + frac)) throw new DomainError('rates.invalid', { rate: text });
  return `${int}.${frac}`;
}

/** Checks a precedence list: each known source once. */
export function normalisePrecedence(list: readonly string[]): RateSource[] {
  const out: RateSource[] = [];
  for (const s of list) {
    if (!(RATE_SOURCES as readonly string[]).includes(s) || out.includes(s as RateSource))
      throw new DomainError('rates.precedence.invalid', { source: s });
    out.push(s as RateSource);
  }
  for (const s of DEFAULT_RATE_PRECEDENCE) if (!out.includes(s)) out.push(s);
  return out;
}

export interface RateCandidate {
  readonly date: string;
  readonly rate: string;
  readonly source: RateSource;
}

/**
 * The rate to book `currency` on `date`: among candidates dated on or before `date` (at most
 * LOOKBACK_DAYS back), the latest day wins, then the source earliest in `precedence`.
 * Candidates must already be the latest row per (date, source).
 */
export function pickRate(
  currency: Currency,
  date: string,
  candidates: readonly RateCandidate[],
  precedence: readonly RateSource[] = DEFAULT_RATE_PRECEDENCE,
): AppliedRate {
  let best: RateCandidate | null = null;
  const rank = (s: RateSource) => {
    const i = precedence.indexOf(s);
    return i < 0 ? precedence.length : i;
  };
  for (const c of candidates) {
    const back = daysBetween(c.date, date);
    if (back < 0 || back > LOOKBACK_DAYS) continue;
    if (best === null || c.date > best.date || (c.date === best.date && rank(c.source) < rank(best.source))) best = c;
  }
  if (best === null) throw new DomainError('rates.missing', { currency, date });
  return { currency, date: best.date, rate: best.rate, source: best.source };
}

/** Foreign minor units → CNY fen at `rate` (half away from zero). CNY passes through. */
export function toCny(amount: Minor, rate: AppliedRate | null, currency: Currency): Minor {
  if (currency === 'CNY') return amount;
  if (rate === null || rate.currency !== currency)
    throw new DomainError('rates.missing', { currency, date: rate?.date ?? '' });
  return convert({ amount, currency }, rate.rate, 'CNY').amount;
}
