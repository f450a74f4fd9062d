/**
 * PBoC central parity (中间价) lookups for the tax reports: only `pboc` rates, for the exact day
 * asked — a missing rate is the coded error `reports.rate.missing` naming currency and date,
 * never a fallback to another day or source. Each rate used is remembered for the report's list.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { AppliedRate } from '../../core/forex/settlement-views.ts';
import { convert, type Currency, type Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';

export class PbocRates {
  private readonly db: Db;
  private readonly used = new Map<string, AppliedRate>();
  constructor(db: Db) {
    this.db = db;
  }

  rate(currency: Currency, date: string): string {
    if (currency === 'CNY') return '1';
    const key = `${currency}@${date}`;
    const hit = this.used.get(key);
    if (hit) return hit.rate;
    const rate = this.db
      .prepare("SELECT rate FROM fx_rates WHERE currency = ? AND date = ? AND source = 'pboc' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get(currency, date) as string | undefined;
    if (rate === undefined) throw new DomainError('reports.rate.missing', { currency, date, source: 'pboc' });
    this.used.set(key, { currency, date, rate, source: 'pboc' });
    return rate;
  }

  /** amount (minor units of `currency`) in CNY fen at the day's PBoC rate. */
  cny(amount: number, currency: Currency, date: string): Minor {
    return convert({ amount: amount as Minor, currency }, this.rate(currency, date), 'CNY').amount;
  }

  list(): AppliedRate[] {
    return [...this.used.values()].sort((a, b) => (a.currency + a.date).localeCompare(b.currency + b.date));
  }
}

/** The day whose rate converts a sale: the sale day, or the 1st of its month (the company's choice, 实施细则 第十五条). */
export type RateDay = 'saleDay' | 'monthFirst';
export const rateDayOf = (day: RateDay, saleDate: string): string =>
  day === 'monthFirst' ? `${saleDate.slice(0, 7)}-01` : saleDate;
