/**
 * Journal entry drafts: lines with CNY debit/credit (fen) and the original-currency amount plus
 * the rate used. `draftEntry` checks every account and that Σ debit = Σ credit (the database
 * checks it again at insert); `reversalOf` builds the correcting entry; `trialBalance` folds
 * per-account totals into the trial balance.
 */
import { DomainError } from '../domain-error.ts';
import type { AppliedRate } from '../forex/settlement-views.ts';
import { formatDecimal, minor, money, sumMinor, type Minor } from '../money/index.ts';
import { accountFor } from './chart.ts';
import type { JournalEntryHead, JournalLineAmounts, JournalLineView, TrialBalance } from './ledger-views.ts';

export interface DraftLine extends JournalLineAmounts {
  readonly rate: AppliedRate | null;
}

export interface DraftEntry extends JournalEntryHead {
  readonly lines: readonly DraftLine[];
}

/**
 * A line from a signed CNY amount (+ debit, − credit). With `original`, the line also records
 * the foreign amount (same sign) and its rate; without, it is a CNY line.
 */
export function line(
  account: string,
  cny: number,
  original?: { readonly amount: Minor; readonly rate: AppliedRate },
): DraftLine {
  if (!Number.isSafeInteger(cny)) throw new DomainError('money.notInteger', { amount: String(cny) });
  return {
    account,
    debit: minor(cny > 0 ? cny : 0),
    credit: minor(cny < 0 ? -cny : 0),
    currency: original ? original.rate.currency : 'CNY',
    originalAmount: original ? original.amount : minor(cny),
    rate: original ? original.rate : null,
  };
}

/** Fen as CNY decimal text (`1234` → `12.34`) for messages. */
const yuan = (fen: bigint): string => formatDecimal(money(Number(fen), 'CNY'));

/** Validates accounts and balance; drops all-zero lines (a zero fee books nothing). */
export function draftEntry(entry: DraftEntry): DraftEntry {
  const lines = entry.lines.filter((l) => l.debit !== 0 || l.credit !== 0 || l.originalAmount !== 0);
  let debits = 0n;
  let credits = 0n;
  for (const l of lines) {
    accountFor(l.account);
    if (l.debit < 0 || l.credit < 0 || (l.debit !== 0 && l.credit !== 0))
      throw new DomainError('journal.line.invalid', { account: l.account });
    debits += BigInt(l.debit);
    credits += BigInt(l.credit);
  }
  if (lines.length === 0) throw new DomainError('journal.empty', { memo: entry.memo });
  if (debits !== credits) throw new DomainError('journal.unbalanced', { debits: yuan(debits), credits: yuan(credits) });
  return { ...entry, lines };
}

/** The entry that cancels `lines` (debits and credits swapped), dated `date`. */
export function reversalOf(
  original: { readonly id: number; readonly memo: string; readonly lines: readonly JournalLineView[] },
  date: string,
  reason: string,
): DraftEntry {
  return draftEntry({
    date,
    memo: `${reason} (#${original.id})`,
    sourceKind: 'reversal',
    sourceId: String(original.id),
    evidence: null,
    reversesId: original.id,
    lines: original.lines.map((l) => ({
      account: l.account,
      debit: l.credit,
      credit: l.debit,
      currency: l.currency,
      originalAmount: minor(-l.originalAmount),
      rate:
        l.rate !== null && l.rateSource !== null && l.rateDate !== null
          ? { currency: l.currency, date: l.rateDate, rate: l.rate, source: l.rateSource }
          : null,
    })),
  });
}

/**
 * CNY amount that balances `lines` (Σ debit − Σ credit, negated), e.g. the rounding or FX
 * difference an entry books on its last line.
 */
export function balancingAmount(lines: readonly DraftLine[]): Minor {
  return sumMinor(lines.flatMap((l) => [l.credit, -l.debit]));
}

/** Folds per-account totals (any grouping) into a trial balance, accounts in code order. */
export function trialBalance(
  asOf: string,
  totals: ReadonlyArray<{ readonly account: string; readonly debit: Minor; readonly credit: Minor }>,
): TrialBalance {
  const byAccount = new Map<string, { debit: bigint; credit: bigint }>();
  for (const t of totals) {
    const acc = byAccount.get(t.account) ?? { debit: 0n, credit: 0n };
    acc.debit += BigInt(t.debit);
    acc.credit += BigInt(t.credit);
    byAccount.set(t.account, acc);
  }
  let totalDebit = 0n;
  let totalCredit = 0n;
  const rows = [...byAccount.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, t]) => {
      const account = accountFor(code);
      totalDebit += t.debit;
      totalCredit += t.credit;
      return {
        account: code,
        nameZh: account.nameZh,
        nameEn: account.nameEn,
        kind: account.kind,
        debit: minor(Number(t.debit)),
        credit: minor(Number(t.credit)),
        balance: minor(Number(t.debit - t.credit)),
      };
    });
  return {
    asOf,
    rows,
    totalDebit: minor(Number(totalDebit)),
    totalCredit: minor(Number(totalCredit)),
    balanced: totalDebit === totalCredit,
  };
}
