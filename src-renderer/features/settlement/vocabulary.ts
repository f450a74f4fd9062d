/**
 * The settlement vocabulary copied from the core (the renderer may only `import type` from the
 * contract): tabs, rate sources, netting categories, payout sources, ageing buckets, advance
 * categories. Each list `satisfies` the contract's union and a completeness check fails to
 * compile if the core adds a value that is not listed here.
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

export function isSettlementTab(value: string): value is SettlementTab {
  return (SETTLEMENT_TABS as readonly string[]).includes(value);
}

export const RATE_SOURCES = ['pboc', 'bank', 'platform', 'manual'] as const satisfies readonly RateSource[];
const everyRateSource: [Exclude<RateSource, (typeof RATE_SOURCES)[number]>] extends [never] ? true : never = true;

export function isRateSource(value: string): value is RateSource {
  return (RATE_SOURCES as readonly string[]).includes(value);
}

export const DEDUCTION_CATEGORIES = [
  'warehousing',
  'logistics',
  'platformFees',
  'overseasTax',
  'advertising',
  'refunds',
  'other',
] as const satisfies readonly DeductionCategory[];
const everyDeduction: [Exclude<DeductionCategory, (typeof DEDUCTION_CATEGORIES)[number]>] extends [never]
  ? true
  : never = true;

export const NETTING_CATEGORIES = ['sales', ...DEDUCTION_CATEGORIES] as const satisfies readonly NettingCategory[];

export const PAYOUT_SOURCES = [
  'amazon-settlement',
  'shopify-payments',
  'shopee-income',
  'tiktok-settlement',
  'pingpong',
  'lianlian',
  'payoneer',
  'payout-csv',
] as const satisfies readonly PayoutSource[];
const everyPayoutSource: [Exclude<PayoutSource, (typeof PAYOUT_SOURCES)[number]>] extends [never] ? true : never = true;

export type PayoutSourceChoice = 'auto' | PayoutSource;

export function isPayoutSourceChoice(value: string): value is PayoutSourceChoice {
  return value === 'auto' || (PAYOUT_SOURCES as readonly string[]).includes(value);
}

export const AGEING_BUCKETS = [
  '0-30',
  '31-60',
  '61-90',
  '91-180',
  '181-365',
  '365+',
] as const satisfies readonly AgeingBucket[];
const everyBucket: [Exclude<AgeingBucket, (typeof AGEING_BUCKETS)[number]>] extends [never] ? true : never = true;

export const ADVANCE_CATEGORIES = [
  'warehousing',
  'logistics',
  'tax',
  'other',
] as const satisfies readonly AdvanceCategory[];
const everyAdvanceCategory: [Exclude<AdvanceCategory, (typeof ADVANCE_CATEGORIES)[number]>] extends [never]
  ? true
  : never = true;

export function isAdvanceCategory(value: string): value is AdvanceCategory {
  return (ADVANCE_CATEGORIES as readonly string[]).includes(value);
}

void everyRateSource;
void everyDeduction;
void everyPayoutSource;
void everyBucket;
void everyAdvanceCategory;

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
