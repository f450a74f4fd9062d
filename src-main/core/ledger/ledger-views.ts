/**
 * The journal's read models shared by the stores, the API contract and the screens: accounts,
 * entries with their lines, and the trial balance. CNY amounts are integer fen; each line keeps
 * its original-currency amount and the rate (text + source) it was converted at.
 */
import type { Currency } from '../money/currency.ts';
import type { Minor } from '../money/minor.ts';
import type { RateSource } from '../forex/settlement-views.ts';

export type AccountKind = 'asset' | 'liability' | 'equity' | 'cost' | 'income' | 'expense';

export interface Account {
  /** '1122', or a sub-account '1122.USD', '5601.01'. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: AccountKind;
  /** Set on per-currency sub-accounts that keep a foreign balance. */
  readonly currency: Currency | null;
  readonly parent: string | null;
}

/** `stock`: purchases and landed costs into 库存商品 (migration 0009); `cogs`: cost of goods sold per order. */
export const SOURCE_KINDS = [
  'order',
  'payout',
  'receipt',
  'cogs',
  'stock',
  'advance',
  'advanceRepayment',
  'reversal',
  'manual',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What every journal line states: the account, CNY debit/credit (fen) and the original-currency amount. */
export interface JournalLineAmounts {
  readonly account: string;
  readonly debit: Minor;
  readonly credit: Minor;
  /** The amount in its original currency (signed like debit − credit; = the CNY amount for CNY lines). */
  readonly currency: Currency;
  readonly originalAmount: Minor;
}

export interface JournalLineView extends JournalLineAmounts {
  readonly rate: string | null;
  readonly rateSource: RateSource | null;
  readonly rateDate: string | null;
}

/** What every journal entry states besides its lines: date, memo, source, evidence, the entry it reverses. */
export interface JournalEntryHead {
  readonly date: string;
  readonly memo: string;
  readonly sourceKind: SourceKind;
  readonly sourceId: string;
  readonly evidence: string | null;
  readonly reversesId: number | null;
}

export interface JournalEntryView extends JournalEntryHead {
  readonly id: number;
  readonly reversedById: number | null;
  readonly postedAt: string;
  readonly lines: readonly JournalLineView[];
}

export interface TrialBalanceRow {
  readonly account: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: AccountKind;
  readonly debit: Minor;
  readonly credit: Minor;
  /** debit − credit. */
  readonly balance: Minor;
}

export interface TrialBalance {
  readonly asOf: string;
  readonly rows: readonly TrialBalanceRow[];
  readonly totalDebit: Minor;
  readonly totalCredit: Minor;
  readonly balanced: boolean;
}
