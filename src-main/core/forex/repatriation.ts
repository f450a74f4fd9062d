/**
 * Repatriation: the CNY carrying value of part of a foreign balance, the realised FX result of a
 * bank receipt (CNY received + bank charges − CNY booked at the original rates) and its journal
 * entry, and the unrealised difference of an open balance at a period-end rate (report only).
 */
import { DomainError } from '../domain-error.ts';
import { ACC, currencyAccount } from '../ledger/chart.ts';
import { draftEntry, line, type DraftEntry } from '../ledger/entry.ts';
import { convert, minor, sumMinor, type Currency, type Minor } from '../money/index.ts';
import type { AppliedRate } from './settlement-views.ts';

/**
 * CNY booked for `amount` out of a balance of `balance` foreign units carried at `carrying` fen:
 * pro rata, half away from zero; the whole balance takes exactly `carrying`.
 */
export function carryingShare(amount: Minor, balance: Minor, carrying: Minor): Minor {
  if (balance === 0) throw new DomainError('settlement.receipt.noBalance', { amount, balance });
  if (amount === balance) return carrying;
  const num = BigInt(amount) * BigInt(carrying);
  const den = BigInt(balance);
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return minor(Number(neg ? -q : q));
}

export interface ReceiptFigures {
  readonly grossCny: Minor;
  readonly cnyReceived: Minor;
  readonly bankCharges: Minor;
  readonly cnyBooked: Minor;
  readonly fxGainLoss: Minor;
}

/** amount × bankRate = CNY before charges; received = that − charges unless the bank's own figure is given. */
export function receiptFigures(
  currency: Currency,
  amount: Minor,
  bankRate: string,
  cnyBooked: Minor,
  bankCharges: Minor,
  cnyReceived: Minor | null,
): ReceiptFigures {
  const grossCny = convert({ amount, currency }, bankRate, 'CNY').amount;
  const received = cnyReceived ?? sumMinor([grossCny, -bankCharges]);
  return {
    grossCny,
    cnyReceived: received,
    bankCharges,
    cnyBooked,
    fxGainLoss: sumMinor([received, bankCharges, -cnyBooked]),
  };
}

/**
 * Dr 1002 received, Dr 5603.02 charges, Cr 1122.X booked (foreign amount at the bank rate's
 * record), the difference to 5603.01 (gain = credit).
 */
export function receiptEntry(
  date: string,
  sourceId: string,
  memo: string,
  currency: Currency,
  amount: Minor,
  rate: AppliedRate,
  f: ReceiptFigures,
): DraftEntry {
  return draftEntry({
    date,
    memo,
    sourceKind: 'receipt',
    sourceId,
    evidence: null,
    reversesId: null,
    lines: [
      line(ACC.bank, f.cnyReceived),
      line(ACC.bankCharges, f.bankCharges),
      line(currencyAccount(ACC.receivable, currency), -f.cnyBooked, { amount: minor(-amount), rate }),
      line(ACC.fxGainLoss, -f.fxGainLoss),
    ],
  });
}

/** Open balance revalued at a period-end rate: (revalued, difference) in fen. */
export function unrealised(
  currency: Currency,
  open: Minor,
  booked: Minor,
  rate: string,
): { revalued: Minor; difference: Minor } {
  const revalued = convert({ amount: open, currency }, rate, 'CNY').amount;
  return { revalued, difference: sumMinor([revalued, -booked]) };
}
