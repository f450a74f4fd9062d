/**
 * Repatriation and advances in SQLite: bank receipts (realised FX posted to 汇兑损益), the FX
 * report with unrealised differences at a period-end rate, receivables ageing by currency
 * (FIFO: the open balance is the newest debits), 代垫 advances with repayments, and the
 * annual USD receipts against the trade-list threshold.
 */
import { DomainError } from '../../core/domain-error.ts';
import { advanceStatus } from '../../core/forex/advances.ts';
import { normaliseRate } from '../../core/forex/rates.ts';
import { carryingShare, receiptEntry, receiptFigures, unrealised } from '../../core/forex/repatriation.ts';
import { ageOpenBalance } from '../../core/forex/receivables-ageing.ts';
import {
  type Advance,
  type AdvanceCategory,
  type FxReport,
  type Receipt,
  type ReceivableAgeingRow,
  type UnrealisedRow,
} from '../../core/forex/settlement-views.ts';
import { ACC, currencyAccount } from '../../core/ledger/chart.ts';
import { advanceEntry, repaymentEntry } from '../../core/ledger/postings.ts';
import { formatDecimal, minor, money, sumMinor, type Currency, type Minor } from '../../core/money/index.ts';
import { accountBalance, currencySubAccounts, debitLines, postEntry } from './journal-store.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { PostContext } from './settlement-posting.ts';

export interface NewReceipt {
  readonly payoutId: number | null;
  readonly date: string;
  readonly currency: Currency;
  readonly amount: Minor;
  readonly bankRate: string;
  readonly cnyReceived: Minor | null;
  readonly bankCharges: Minor;
  readonly bankName: string | null;
  readonly reference: string | null;
}

/** Error params: minor amounts as decimal text of `currency` (`100.00`), with the currency. */
function decimals(currency: Currency, amounts: Record<string, number>): Record<string, string> {
  return {
    currency,
    ...Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, formatDecimal(money(v, currency))])),
  };
}

/** CNY carrying value of `amount`: the payout's remaining share, else the receivable's average. */
function bookedFor(db: Db, r: NewReceipt): Minor {
  if (r.payoutId !== null) {
    const p = db
      .prepare(
        `SELECT p.currency, p.deposit, (SELECT coalesce(sum(cny), 0) FROM payout_lines l WHERE l.payout_id = p.id) AS cny,
      (SELECT coalesce(sum(amount), 0) FROM receipts x WHERE x.payout_id = p.id) AS got, (SELECT coalesce(sum(cny_booked), 0) FROM receipts x WHERE x.payout_id = p.id) AS gotCny
      FROM payouts p WHERE p.id = ?`,
      )
      .get(r.payoutId) as { currency: Currency; deposit: Minor; cny: Minor; got: Minor; gotCny: Minor } | undefined;
    if (!p) throw new DomainError('settlement.payout.notFound', { id: r.payoutId });
    if (p.currency !== r.currency)
      throw new DomainError('settlement.receipt.currencyMismatch', { payout: p.currency, receipt: r.currency });
    const open = sumMinor([p.deposit, -p.got]);
    if (r.amount > open)
      throw new DomainError('settlement.receipt.exceedsOpen', decimals(r.currency, { amount: r.amount, open }));
    return carryingShare(r.amount, open, sumMinor([p.cny, -p.gotCny]));
  }
  const bal = accountBalance(db, currencyAccount(ACC.receivable, r.currency), r.date);
  if (r.amount > bal.original)
    throw new DomainError(
      'settlement.receipt.exceedsOpen',
      decimals(r.currency, { amount: r.amount, open: bal.original }),
    );
  return carryingShare(r.amount, bal.original, bal.cny);
}

export function recordReceipt(ctx: PostContext, r: NewReceipt): Receipt {
  const bankRate = normaliseRate(r.bankRate);
  const cnyBooked = bookedFor(ctx.db, r);
  const f = receiptFigures(r.currency, r.amount, bankRate, cnyBooked, r.bankCharges, r.cnyReceived);
  const id = Number(ctx.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM receipts').pluck().get());
  const entryId = postEntry(
    ctx.db,
    ctx.commandId,
    ctx.now,
    receiptEntry(
      r.date,
      String(id),
      `结汇 ${r.reference ?? r.bankName ?? id}`,
      r.currency,
      r.amount,
      { currency: r.currency, date: r.date, rate: bankRate, source: 'bank' },
      f,
    ),
  );
  ctx.db
    .prepare(
      `INSERT INTO receipts (id, payout_id, date, currency, amount, bank_rate, cny_received, cny_booked, bank_charges, fx_gain_loss, bank_name, reference, journal_entry_id, command_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      r.payoutId,
      r.date,
      r.currency,
      r.amount,
      bankRate,
      f.cnyReceived,
      f.cnyBooked,
      f.bankCharges,
      f.fxGainLoss,
      r.bankName,
      r.reference,
      entryId,
      ctx.commandId,
    );
  return {
    id,
    payoutId: r.payoutId,
    date: r.date,
    currency: r.currency,
    amount: r.amount,
    bankRate,
    ...f,
    bankName: r.bankName,
    reference: r.reference,
    journalEntryId: entryId,
  };
}

interface ReceiptRow {
  id: number;
  payout_id: number | null;
  date: string;
  currency: Currency;
  amount: Minor;
  bank_rate: string;
  cny_received: Minor;
  cny_booked: Minor;
  bank_charges: Minor;
  fx_gain_loss: Minor;
  bank_name: string | null;
  reference: string | null;
  journal_entry_id: number;
}

export function listReceipts(db: Db, from = '0000-00-00', to = '9999-99-99'): Receipt[] {
  return (
    db.prepare('SELECT * FROM receipts WHERE date BETWEEN ? AND ? ORDER BY date, id').all(from, to) as ReceiptRow[]
  ).map((r) => ({
    id: r.id,
    payoutId: r.payout_id,
    date: r.date,
    currency: r.currency,
    amount: r.amount,
    bankRate: r.bank_rate,
    cnyReceived: r.cny_received,
    cnyBooked: r.cny_booked,
    bankCharges: r.bank_charges,
    fxGainLoss: r.fx_gain_loss,
    bankName: r.bank_name,
    reference: r.reference,
    journalEntryId: r.journal_entry_id,
  }));
}

/** Realised results of the period and, per currency, the open receivable revalued at `rateAt(currency)` (report only). */
export function fxReport(
  db: Db,
  from: string,
  to: string,
  rateAt: (
    currency: Currency,
  ) => { rate: string; date: string; source: 'pboc' | 'bank' | 'platform' | 'manual' } | null,
): FxReport {
  const realised = listReceipts(db, from, to);
  const unrealisedRows: UnrealisedRow[] = currencySubAccounts(db, ACC.receivable).flatMap((account) => {
    const currency = account.slice(-3) as Currency;
    const bal = accountBalance(db, account, to);
    if (bal.original === 0 && bal.cny === 0) return [];
    const rate = rateAt(currency);
    const u = rate === null ? null : unrealised(currency, bal.original, bal.cny, rate.rate);
    return [
      {
        currency,
        open: minor(bal.original),
        booked: minor(bal.cny),
        periodEndRate: rate === null ? null : { currency, ...rate },
        revalued: u?.revalued ?? null,
        difference: u?.difference ?? null,
      },
    ];
  });
  return { from, to, realised, realisedTotal: sumMinor(realised.map((r) => r.fxGainLoss)), unrealised: unrealisedRows };
}

export function receivablesAgeing(db: Db, asOf: string): ReceivableAgeingRow[] {
  return currencySubAccounts(db, ACC.receivable).flatMap((account) => {
    const currency = account.slice(-3) as Currency;
    const open = accountBalance(db, account, asOf).original;
    if (open <= 0) return [];
    const debits = debitLines(db, account, asOf).map((d) => ({ date: d.date, amount: d.original }));
    return [{ currency, buckets: ageOpenBalance(open, debits, asOf), total: open }];
  });
}

// ---- advances ------------------------------------------------------------------------------

interface AdvanceRow {
  id: number;
  party: string;
  related_party: number;
  date: string;
  currency: Currency;
  amount: Minor;
  category: AdvanceCategory;
  note: string | null;
  cny: Minor;
}

export function saveAdvance(
  ctx: PostContext,
  a: {
    party: string;
    relatedParty: boolean;
    date: string;
    currency: Currency;
    amount: Minor;
    category: AdvanceCategory;
    note: string | null;
  },
  asOf: string,
): Advance {
  const id = Number(ctx.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM advances').pluck().get());
  const { entry, cny } = advanceEntry({ id, ...a }, ctx.rates.rate(a.currency, a.date));
  const entryId = postEntry(ctx.db, ctx.commandId, ctx.now, entry);
  ctx.db
    .prepare(
      'INSERT INTO advances (id, party, related_party, date, currency, amount, category, note, cny, journal_entry_id, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      id,
      a.party,
      a.relatedParty ? 1 : 0,
      a.date,
      a.currency,
      a.amount,
      a.category,
      a.note,
      cny,
      entryId,
      ctx.commandId,
    );
  return getAdvance(ctx.db, id, asOf);
}

export function repayAdvance(ctx: PostContext, advanceId: number, date: string, amount: Minor, asOf: string): Advance {
  const a = getAdvance(ctx.db, advanceId, asOf);
  if (amount > a.outstanding)
    throw new DomainError(
      'settlement.advance.overRepaid',
      decimals(a.currency, { amount, outstanding: a.outstanding }),
    );
  const row = ctx.db
    .prepare(
      'SELECT cny, (SELECT coalesce(sum(cny), 0) FROM advance_repayments r WHERE r.advance_id = a.id) AS repaidCny FROM advances a WHERE id = ?',
    )
    .get(advanceId) as { cny: Minor; repaidCny: Minor };
  const bookedCny = carryingShare(amount, a.outstanding, sumMinor([row.cny, -row.repaidCny]));
  const id = Number(ctx.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM advance_repayments').pluck().get());
  const { entry } = repaymentEntry(
    { id, party: a.party, date, currency: a.currency, amount, bookedCny },
    ctx.rates.rate(a.currency, date),
  );
  const entryId = postEntry(ctx.db, ctx.commandId, ctx.now, entry);
  ctx.db
    .prepare(
      'INSERT INTO advance_repayments (id, advance_id, date, amount, cny, journal_entry_id, command_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, advanceId, date, amount, bookedCny, entryId, ctx.commandId);
  return getAdvance(ctx.db, advanceId, asOf);
}

function toAdvance(db: Db, r: AdvanceRow, asOf: string): Advance {
  const repayments = db
    .prepare('SELECT id, date, amount FROM advance_repayments WHERE advance_id = ? ORDER BY date, id')
    .all(r.id) as Array<{ id: number; date: string; amount: Minor }>;
  const repaid = sumMinor(repayments.map((x) => x.amount));
  const outstanding = sumMinor([r.amount, -repaid]);
  const { dueDate, status } = advanceStatus(r.date, outstanding, asOf);
  return {
    id: r.id,
    party: r.party,
    relatedParty: r.related_party === 1,
    date: r.date,
    currency: r.currency,
    amount: r.amount,
    category: r.category,
    note: r.note,
    repaid,
    outstanding,
    dueDate,
    status,
    repayments,
  };
}

export function getAdvance(db: Db, id: number, asOf: string): Advance {
  const r = db.prepare('SELECT * FROM advances WHERE id = ?').get(id) as AdvanceRow | undefined;
  if (!r) throw new DomainError('settlement.advance.notFound', { id });
  return toAdvance(db, r, asOf);
}

export function listAdvances(db: Db, asOf: string): Advance[] {
  return (db.prepare('SELECT * FROM advances WHERE date <= ? ORDER BY date, id').all(asOf) as AdvanceRow[]).map((r) =>
    toAdvance(db, r, asOf),
  );
}
