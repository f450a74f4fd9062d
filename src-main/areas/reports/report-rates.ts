/**
 * PBoC central parity (中间价) lookups for the tax reports: only `pboc` rates, for the exact day
 * asked — a missing rate is the coded error `reports.rate.missing` naming currency and date,
 * never a fallback to another day or source. Each rate used is remembered for the report's list.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { AppliedRate } from '../../core/forex/settlement-views.ts';
import { convert, minorDigits, type Currency, type Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';

export class PbocRates {
  private readonly db: Db;
  private readonly used = new Map<string, AppliedRate>();
  private lookup: { get: (...params: unknown[]) => unknown } | null = null;
  constructor(db: Db) {
    this.db = db;
  }

  rate(currency: Currency, date: string): string {
    if (currency === 'CNY') return '1';
    const key = `${currency}@${date}`;
    const hit = this.used.get(key);
    if (hit) return hit.rate;
    this.lookup ??= this.db
      .prepare("SELECT rate FROM fx_rates WHERE currency = ? AND date = ? AND source = 'pboc' ORDER BY id DESC LIMIT 1")
      .pluck();
    const rate = this.lookup.get(currency, date) as string | undefined;
    if (rate === undefined) throw new DomainError('reports.rate.missing', { currency, date, source: 'pboc' });
    this.used.set(key, { currency, date, rate, source: 'pboc' });
    return rate;
  }

  private readonly scaled = new Map<string, { readonly numerator: number; readonly denominator: number } | null>();

  /**
   * amount (minor units of `currency`) in CNY fen at the day's PBoC rate: exactly `convert` (half away
   * from zero), in safe integers when every product fits (a long register converts thousands of lines),
   * else through `convert`'s bigint arithmetic.
   */
  cny(amount: number, currency: Currency, date: string): Minor {
    return this.scale(this.factor(currency, date), amount, currency, date);
  }

  /** `cny` for one currency and day, the rate looked up once (a list's lines, a record's items). */
  cnyOf(currency: Currency, date: string): (amount: number) => Minor {
    const f = this.factor(currency, date);
    return (amount) => this.scale(f, amount, currency, date);
  }

  private factor(
    currency: Currency,
    date: string,
  ): { readonly numerator: number; readonly denominator: number } | null {
    const key = `${currency}@${date}`;
    let f = this.scaled.get(key);
    if (f === undefined) {
      const rate = this.rate(currency, date);
      const m = /^(\d+)(?:\.(\d{1,12}))?$/.exec(rate);
      const frac = m?.[2] ?? '';
      const numerator = m === null ? NaN : Number(`${m[1]}${frac}`) * 10 ** minorDigits('CNY');
      const denominator = 10 ** (minorDigits(currency) + frac.length);
      f = Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) ? { numerator, denominator } : null;
      this.scaled.set(key, f);
    }
    return f;
  }

  private scale(
    f: { readonly numerator: number; readonly denominator: number } | null,
    amount: number,
    currency: Currency,
    date: string,
  ): Minor {
    const n = Math.abs(amount) * (f?.numerator ?? Infinity);
    if (f === null || !Number.isSafeInteger(n))
      return convert({ amount: amount as Minor, currency }, this.rate(currency, date), 'CNY').amount;
    let q = Math.floor(n / f.denominator);
    let r = n - q * f.denominator; // exact: q × denominator ≤ n + denominator is a safe integer
    // the float quotient may be one off near a whole number: correct it
    if (r < 0) ((q -= 1), (r += f.denominator));
    else if (r >= f.denominator) ((q += 1), (r -= f.denominator));
    if (r * 2 >= f.denominator) q += 1;
    return (amount < 0 ? -q : q) as Minor;
  }

  list(): AppliedRate[] {
    return [...this.used.values()].sort((a, b) => (a.currency + a.date).localeCompare(b.currency + b.date));
  }
}

/** The day whose rate converts a sale: the sale day, or the 1st of its month (the company's choice, 实施细则 第十五条). */
export type RateDay = 'saleDay' | 'monthFirst';
export const rateDayOf = (day: RateDay, saleDate: string): string =>
  day === 'monthFirst' ? `${saleDate.slice(0, 7)}-01` : saleDate;
