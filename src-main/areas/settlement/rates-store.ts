/**
 * FX rates in SQLite (append-only; the latest row per currency, day and source is the one in
 * force) and the lookup booking uses: the day's (or last published) rate by source precedence.
 */
import {
  DEFAULT_RATE_PRECEDENCE,
  type AppliedRate,
  type RateRecord,
  type RateSource,
  type SettlementSettings,
} from '../../core/forex/settlement-views.ts';
import {
  LOOKBACK_DAYS,
  normalisePrecedence,
  normaliseRate,
  pickRate,
  type RateCandidate,
} from '../../core/forex/rates.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { Currency } from '../../core/money/index.ts';
import { getSetting } from '../../db/settings-store.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import { addDays } from '../../core/time/days.ts';

interface RateRow {
  id: number;
  currency: Currency;
  date: string;
  rate: string;
  source: RateSource;
  note: string | null;
  saved_at: string;
}

const toRecord = (r: RateRow): RateRecord => ({
  id: r.id,
  currency: r.currency,
  date: r.date,
  rate: r.rate,
  source: r.source,
  note: r.note,
  savedAt: r.saved_at,
});

/** Saves a rate; returns null when the same rate is already in force for that day and source. */
export function saveRate(
  db: WriteDb,
  commandId: number,
  now: string,
  r: { currency: Currency; date: string; rate: string; source: RateSource; note?: string | null },
): RateRecord | null {
  if (r.currency === 'CNY') throw new DomainError('rates.currency.base', { currency: r.currency });
  const rate = normaliseRate(r.rate);
  const current = db
    .prepare('SELECT rate FROM fx_rates WHERE currency = ? AND date = ? AND source = ? ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(r.currency, r.date, r.source) as string | undefined;
  if (current === rate) return null;
  const id = Number(
    db
      .prepare(
        'INSERT INTO fx_rates (currency, date, rate, source, note, command_id, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(r.currency, r.date, rate, r.source, r.note ?? null, commandId, now).lastInsertRowid,
  );
  return { id, currency: r.currency, date: r.date, rate, source: r.source, note: r.note ?? null, savedAt: now };
}

/** Rates in force (latest per currency/day/source), newest day first. */
export function listRates(
  db: Db,
  q: { currency?: Currency | undefined; from?: string | undefined; to?: string | undefined },
): RateRecord[] {
  return (
    db
      .prepare(
        `SELECT id, currency, date, rate, source, note, saved_at FROM fx_rates f
    WHERE (? IS NULL OR currency = ?) AND date BETWEEN ? AND ?
      AND id = (SELECT max(id) FROM fx_rates g WHERE g.currency = f.currency AND g.date = f.date AND g.source = f.source)
    ORDER BY date DESC, currency, source`,
      )
      .all(q.currency ?? null, q.currency ?? null, q.from ?? '0000-00-00', q.to ?? '9999-99-99') as RateRow[]
  ).map(toRecord);
}

export function readSettlementSettings(db: Db): SettlementSettings {
  return {
    sellerKind: getSetting<'enterprise' | 'individual'>(db, 'settlement.sellerKind', 'enterprise'),
    ratePrecedence: normalisePrecedence(
      getSetting<string[]>(db, 'settlement.ratePrecedence', [...DEFAULT_RATE_PRECEDENCE]),
    ),
  };
}

function minusDays(day: string, n: number): string {
  return addDays(day, -n);
}

/** Looks rates up with one prepared statement and a per-call cache (a posting run asks many times). */
export class RateBook {
  readonly #stmt;
  readonly #precedence: readonly RateSource[];
  readonly #cache = new Map<string, AppliedRate | DomainError>();

  constructor(db: Db, precedence?: readonly RateSource[]) {
    this.#precedence = precedence ?? readSettlementSettings(db).ratePrecedence;
    this.#stmt = db.prepare(`SELECT date, rate, source FROM fx_rates f WHERE currency = ? AND date BETWEEN ? AND ?
      AND id = (SELECT max(id) FROM fx_rates g WHERE g.currency = f.currency AND g.date = f.date AND g.source = f.source)`);
  }

  /** The rate for X→CNY on `date`, or `rates.missing`; null for CNY itself. */
  rate(currency: Currency, date: string): AppliedRate | null {
    if (currency === 'CNY') return null;
    const key = `${currency}|${date}`;
    let hit = this.#cache.get(key);
    if (hit === undefined) {
      const candidates = this.#stmt.all(currency, minusDays(date, LOOKBACK_DAYS), date) as RateCandidate[];
      try {
        hit = pickRate(currency, date, candidates, this.#precedence);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        hit = e;
      }
      this.#cache.set(key, hit);
    }
    if (hit instanceof DomainError) throw new DomainError(hit.code, hit.params);
    return hit;
  }
}
