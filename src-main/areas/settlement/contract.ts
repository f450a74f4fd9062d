/**
 * Commands of the settlement area (forex, payouts, netting, journal, rates, advances), spread into
 * `contract` (contract.ts). Same rules as there: zod input, phantom result type, `mutates`; the
 * renderer only `import type`s these types.
 *
 * Change log for the screens (S2): Evidence and NettingDeduction items gained `rowCount`; their
 * `rows` list only the first EVIDENCE_ROWS_MAX (200) rows, ascending (payouts.get lists every line).
 * Threshold notes are i18n keys (e.g. 'settlement.thresholds.individualNote').
 * Money: integer minor units of the stated currency (CNY amounts are fen); rates: decimal strings.
 * Coded errors the screens should expect: `rates.missing` {currency, date} (→ "enter the rate"),
 * `payouts.total.mismatch` {stated, sum, currency}, `payouts.currency.unknown` {currency},
 * `journal.unbalanced` {debits, credits}, `journal.entry.notFound`, `journal.entry.alreadyReversed`,
 * `settlement.payout.notFound`, `settlement.advance.notFound`, `settlement.advance.overRepaid`.
 */
import { z } from 'zod';
import type { ImportSummary } from '../imports/contract.ts';
import type { Page } from '../paging.ts';
import { CURRENCIES } from '../../core/money/currency.ts';
import type { Minor } from '../../core/money/index.ts';
import {
  ADVANCE_CATEGORIES,
  PAYOUT_SOURCE_NAMES,
  RATE_SOURCES,
  type Advance,
  type AppliedRate,
  type FxReport,
  type NettingCategory,
  type NettingStatement,
  type PayoutDetail,
  type PayoutLine,
  type PayoutListItem,
  type RateRecord,
  type Receipt,
  type ReceivableAgeingRow,
  type SettlementSettings,
  type ThresholdStatus,
} from '../../core/forex/settlement-views.ts';
import type { ParsedPayout } from '../../core/forex/payout.ts';
import {
  SOURCE_KINDS,
  type Account,
  type JournalEntryView,
  type TrialBalance,
} from '../../core/ledger/ledger-views.ts';
import type { RowError } from '../../core/orders/order.ts';
import {
  asOfInput,
  type Base64File,
  decimalText,
  discardPreviewCommand,
  empty,
  fileFields,
  id,
  isoDay,
  pageFields,
  previewIdInput,
  result,
} from '../contract-kit.ts';

export {
  ADVANCE_CATEGORIES,
  AGEING_BUCKETS,
  DEDUCTION_CATEGORIES,
  NETTING_CATEGORIES,
  PAYOUT_SOURCE_NAMES,
  RATE_SOURCES,
} from '../../core/forex/settlement-views.ts';
export type {
  Advance,
  AdvanceCategory,
  AdvanceStatus,
  AgeingBucket,
  AppliedRate,
  DeclarationComparison,
  DeductionCategory,
  Evidence,
  FxReport,
  NettingCategory,
  NettingDeduction,
  NettingStatement,
  PayoutDetail,
  PayoutHead,
  PayoutLine,
  PayoutListItem,
  PayoutSource,
  RateRecord,
  RateSource,
  Receipt,
  ReceivableAgeingRow,
  SellerKind,
  SettlementSettings,
  ThresholdLevel,
  ThresholdStatus,
  UnrealisedRow,
} from '../../core/forex/settlement-views.ts';
export type {
  Account,
  AccountKind,
  JournalEntryHead,
  JournalEntryView,
  JournalLineAmounts,
  JournalLineView,
  SourceKind,
  TrialBalance,
  TrialBalanceRow,
} from '../../core/ledger/ledger-views.ts';

/** `payouts.preview` answer: the parsed payout (deposit = sumOfLines, else `payouts.total.mismatch`), before anything is written. */
export interface PayoutPreview extends Omit<ParsedPayout, 'lines'> {
  readonly previewId: string;
  readonly fileName: string;
  /** Deposit < 0: the seller owes the platform (a debit balance). */
  readonly debitBalance: boolean;
  readonly lines: number;
  /** Σ amount per netting category (signed as in the file: fees are negative). */
  readonly categories: Readonly<Record<NettingCategory, Minor>>;
  /** Orders of the payout's lines in the ledger (or written by confirm), without those held back. */
  readonly matchedOrders: number;
  /** Orders of the payout's lines dated in a closed month: confirm holds them back (`period.closed`, not posted). */
  readonly heldBackOrders: number;
  /** The closed months those orders fall in (YYYY-MM, sorted). */
  readonly heldBackMonths: readonly string[];
  /** Lines naming an order that is not in the ledger (first 100). */
  readonly unmatchedLines: readonly PayoutLine[];
  readonly unmatchedLineCount: number;
  /** Set when this settlement id is already imported: confirm changes nothing. */
  readonly alreadyImportedId: number | null;
}

export interface PayoutImportSummary {
  readonly payoutId: number;
  /** True when the same settlement was imported before (idempotent re-import). */
  readonly alreadyImported: boolean;
  readonly settlementId: string;
  readonly lines: number;
  readonly journalEntryId: number | null;
  /** Orders of the payout whose revenue was posted now (at the order date's rate). */
  readonly ordersPosted: number;
  /**
   * An Amazon settlement's orders step (fees and refunds on its orders), in the same transaction; null for other
   * sources. As an orders import: where its orders went by month, and the orders a closed month held back
   * (`period.closed`, not written; issue 17 point 1g).
   */
  readonly orders: Pick<ImportSummary, 'orders' | 'new' | 'updated' | 'unchanged' | 'months' | 'heldBack'> | null;
}

export interface RatesImportSummary {
  readonly rows: number;
  readonly saved: number;
  /** Same currency/date/source/rate already present. */
  readonly unchanged: number;
  readonly rejected: readonly RowError[];
  /** False when nothing was written: a dry run (the preview: saved/unchanged say what it would do), or rejected rows without `acceptValidRows`. */
  readonly committed: boolean;
}

export interface PostPeriodSummary {
  readonly orders: number;
  readonly cogs: number;
  /** Purchases and landed costs posted into 库存商品, and reversals of those whose stock move was reversed. */
  readonly stockIn: number;
  readonly stockReversed: number;
  /** Not posted: orders without a rate for their day, etc. */
  readonly skipped: ReadonlyArray<{
    readonly orderNo: string;
    readonly code: string;
    readonly currency: string;
    readonly date: string;
  }>;
}

export type JournalEntriesPage = Page<JournalEntryView>;

export type EvidencePackFile = Base64File;

const currency = z.enum(CURRENCIES);
const file = fileFields(200 * 1024 * 1024);
const bigBody = 200 * 1024 * 1024 + 64 * 1024;

export const settlementContract = {
  'settlement.settings.get': { input: empty, result: result<SettlementSettings>(), mutates: false },
  'settlement.settings.save': {
    input: z
      .object({
        sellerKind: z.enum(['enterprise', 'individual']).optional(),
        ratePrecedence: z.array(z.enum(RATE_SOURCES)).min(1).max(4).optional(),
      })
      .strict(),
    result: result<SettlementSettings>(),
    mutates: true,
  },

  'rates.list': {
    input: z.object({ currency: currency.optional(), from: isoDay.optional(), to: isoDay.optional() }).strict(),
    result: result<readonly RateRecord[]>(),
    mutates: false,
  },
  'rates.save': {
    input: z
      .object({
        currency,
        date: isoDay,
        rate: decimalText,
        source: z.enum(RATE_SOURCES),
        note: z.string().max(200).nullable().optional(),
      })
      .strict(),
    result: result<RateRecord>(),
    mutates: true,
  },
  /** The rate booking would use for X→CNY on a day (by precedence); `rates.missing` if none. */
  'rates.lookup': {
    input: z.object({ currency, date: isoDay }).strict(),
    result: result<AppliedRate>(),
    mutates: false,
  },
  'rates.import': {
    input: z.object({ ...file, dryRun: z.boolean().optional(), acceptValidRows: z.boolean().optional() }).strict(),
    result: result<RatesImportSummary>(),
    mutates: true,
    maxBodyBytes: bigBody,
  },

  'payouts.preview': {
    input: z
      .object({ ...file, source: z.enum(['auto', ...PAYOUT_SOURCE_NAMES]), currency: currency.optional() })
      .strict(),
    result: result<PayoutPreview>(),
    mutates: false,
    maxBodyBytes: bigBody,
  },
  'payouts.confirm': {
    input: previewIdInput,
    result: result<PayoutImportSummary>(),
    mutates: true,
  },
  'payouts.discard': discardPreviewCommand,
  'payouts.list': {
    input: z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict(),
    result: result<readonly PayoutListItem[]>(),
    mutates: false,
  },
  'payouts.get': { input: z.object({ id }).strict(), result: result<PayoutDetail>(), mutates: false },

  'settlement.netting': {
    input: z.object({ payoutId: id }).strict(),
    result: result<NettingStatement>(),
    mutates: false,
  },
  'settlement.evidencePack': {
    input: z
      .object({ payoutId: id, format: z.enum(['pdf', 'xlsx']), language: z.enum(['zh-CN', 'zh-TW', 'en']).optional() })
      .strict(),
    result: result<EvidencePackFile>(),
    mutates: false,
  },
  'settlement.receipts.record': {
    input: z
      .object({
        payoutId: id.nullable().optional(),
        date: isoDay,
        currency,
        amount: decimalText,
        bankRate: decimalText,
        /** The bank's own CNY figure when it differs from amount × rate by rounding. */
        cnyReceived: decimalText.nullable().optional(),
        bankCharges: decimalText.nullable().optional(),
        bankName: z.string().max(100).nullable().optional(),
        reference: z.string().max(100).nullable().optional(),
      })
      .strict(),
    result: result<Receipt>(),
    mutates: true,
  },
  'settlement.receipts.list': {
    input: z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict(),
    result: result<readonly Receipt[]>(),
    mutates: false,
  },
  'settlement.fxReport': {
    input: z.object({ from: isoDay, to: isoDay }).strict(),
    result: result<FxReport>(),
    mutates: false,
  },
  'settlement.receivablesAgeing': {
    input: asOfInput,
    result: result<readonly ReceivableAgeingRow[]>(),
    mutates: false,
  },
  'settlement.advances.list': {
    input: z
      .object({ asOf: isoDay.optional(), status: z.enum(['open', 'warning', 'overdue', 'repaid']).optional() })
      .strict(),
    result: result<readonly Advance[]>(),
    mutates: false,
  },
  'settlement.advances.save': {
    input: z
      .object({
        party: z.string().min(1).max(200),
        relatedParty: z.boolean().optional(),
        date: isoDay,
        currency,
        amount: decimalText,
        category: z.enum(ADVANCE_CATEGORIES),
        note: z.string().max(400).nullable().optional(),
      })
      .strict(),
    result: result<Advance>(),
    mutates: true,
  },
  'settlement.advances.repay': {
    input: z.object({ advanceId: id, date: isoDay, amount: decimalText }).strict(),
    result: result<Advance>(),
    mutates: true,
  },
  'settlement.thresholds': {
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
    result: result<ThresholdStatus>(),
    mutates: false,
  },

  'journal.accounts': { input: empty, result: result<readonly Account[]>(), mutates: false },
  'journal.entries': {
    input: z
      .object({
        from: isoDay.optional(),
        to: isoDay.optional(),
        sourceKind: z.enum(SOURCE_KINDS).optional(),
        account: z.string().max(20).optional(),
        ...pageFields(100),
      })
      .strict(),
    result: result<JournalEntriesPage>(),
    mutates: false,
  },
  'journal.trialBalance': {
    input: z.object({ asOf: isoDay }).strict(),
    result: result<TrialBalance>(),
    mutates: false,
  },
  'journal.reverse': {
    input: z.object({ entryId: id, reason: z.string().min(1).max(200) }).strict(),
    result: result<JournalEntryView>(),
    mutates: true,
  },
  /** Posts revenue of orders (at each order date's rate) and cost of goods from stock sales; idempotent. */
  'journal.postPeriod': {
    input: z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict(),
    result: result<PostPeriodSummary>(),
    mutates: true,
  },
} as const;
