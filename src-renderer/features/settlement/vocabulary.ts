/**
 * The settlement vocabulary copied from the core (the renderer may only `import type` from the
 * contract): tabs, rate sources, netting categories, payout sources, ageing buckets, advance
 * categories. Each list is a `closedList` of the contract's union: it fails to compile if the core
 * adds a value that is not listed here.
 */
import type { Area } from '../../app/use-query.ts';
import type {
  AdvanceCategory,
  AgeingBucket,
  DeductionCategory,
  NettingCategory,
  PayoutSource,
  RateSource,
} from '../../../src-main/api/contract.ts';
import { closedList, memberOf } from '../../ui/closed-list.ts';

export const SETTLEMENT_TABS = [
  'payouts',
  'netting',
  'rates',
  'ageing',
  'fx',
  'receipts',
  'advances',
  'thresholds',
  'journal',
] as const;
export type SettlementTab = (typeof SETTLEMENT_TABS)[number];

export const isSettlementTab = memberOf(SETTLEMENT_TABS);

export const RATE_SOURCES = closedList<RateSource>()(['pboc', 'bank', 'platform', 'manual']);
export const isRateSource = memberOf(RATE_SOURCES);

export const DEDUCTION_CATEGORIES = closedList<DeductionCategory>()([
  'warehousing',
  'logistics',
  'platformFees',
  'overseasTax',
  'advertising',
  'refunds',
  'other',
]);

export const NETTING_CATEGORIES = ['sales', ...DEDUCTION_CATEGORIES] as const satisfies readonly NettingCategory[];

export const PAYOUT_SOURCES = closedList<PayoutSource>()([
  'amazon-settlement',
  'shopify-payments',
  'shopee-income',
  'tiktok-settlement',
  'pingpong',
  'lianlian',
  'payoneer',
  'payout-csv',
]);

export type PayoutSourceChoice = 'auto' | PayoutSource;

export const isPayoutSourceChoice = memberOf<PayoutSourceChoice>(['auto', ...PAYOUT_SOURCES]);

export const AGEING_BUCKETS = closedList<AgeingBucket>()(['0-30', '31-60', '61-90', '91-180', '181-365', '365+']);

export const ADVANCE_CATEGORIES = closedList<AdvanceCategory>()(['warehousing', 'logistics', 'tax', 'other']);
export const isAdvanceCategory = memberOf(ADVANCE_CATEGORIES);

/**
 * Commands of these areas change what the settlement screens show (payouts, rates, receipts,
 * advances, journal entries, and the orders and stock moves that post to the journal); every
 * settlement query names them, so the screens follow `ledger.changed` from any window.
 */
export const SETTLEMENT_AREAS = [
  'settlement',
  'payouts',
  'rates',
  'journal',
  'orders',
  'imports',
  'stock',
] as const satisfies readonly Area[];
