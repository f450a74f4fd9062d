/**
 * The forex / settlement vocabulary shared by the core, the stores, the API contract and the
 * screens: rate sources, netting categories, payout sources, and the read models (payouts,
 * netting statement, receipts and FX results, advances, thresholds). Money is integer minor
 * units with its currency; rates are decimal strings.
 */
import type { Currency } from '../money/currency.ts';
import type { Minor } from '../money/minor.ts';

/** Where a rate comes from: PBoC central parity (中间价), the bank's buying rate, the platform's conversion, typed in. */
export const RATE_SOURCES = ['pboc', 'bank', 'platform', 'manual'] as const;
export type RateSource = (typeof RATE_SOURCES)[number];
/** Default precedence for booking: the first source that has a rate for the day wins. */
export const DEFAULT_RATE_PRECEDENCE: readonly RateSource[] = ['pboc', 'bank', 'platform', 'manual'];

export interface RateRecord {
  readonly id: number;
  /** The foreign currency X of the pair X→CNY. */
  readonly currency: Currency;
  readonly date: string;
  /** 1 X = rate CNY, a decimal string with at least 6 fraction digits. */
  readonly rate: string;
  readonly source: RateSource;
  readonly note: string | null;
  readonly savedAt: string;
}

/** A rate as it was applied to an amount: which day's rate, from which source. */
export interface AppliedRate {
  readonly currency: Currency;
  readonly date: string;
  readonly rate: string;
  readonly source: RateSource;
}

/** Netting categories of payout lines (轧差结算): gross proceeds and each deduction type. */
export const NETTING_CATEGORIES = [
  'sales',
  'warehousing',
  'logistics',
  'platformFees',
  'overseasTax',
  'advertising',
  'refunds',
  'other',
] as const;
export type NettingCategory = (typeof NETTING_CATEGORIES)[number];
export const DEDUCTION_CATEGORIES = NETTING_CATEGORIES.filter((c) => c !== 'sales') as Exclude<
  NettingCategory,
  'sales'
>[];
export type DeductionCategory = Exclude<NettingCategory, 'sales'>;

/** Payout file formats: Amazon settlement V2 and the generic payout CSV per provider. */
export const PAYOUT_SOURCE_NAMES = [
  'amazon-settlement',
  'shopify-payments',
  'shopee-income',
  'tiktok-settlement',
  'pingpong',
  'lianlian',
  'payoneer',
  'payout-csv',
] as const;
export type PayoutSource = (typeof PAYOUT_SOURCE_NAMES)[number];

export type SellerKind = 'enterprise' | 'individual';

export interface SettlementSettings {
  readonly sellerKind: SellerKind;
  readonly ratePrecedence: readonly RateSource[];
}

/** One payout line as stored: signed amount (+ credit to the seller), its mapping and evidence. */
export interface PayoutLine {
  readonly id: number;
  /** 1-based row in the file (header = 1). */
  readonly row: number;
  readonly transactionType: string;
  readonly amountType: string;
  readonly amountDescription: string;
  readonly orderNo: string | null;
  /** The matched order's id, or null (unmatched or not an order line). */
  readonly orderId: number | null;
  readonly sku: string | null;
  readonly postedAt: string | null;
  readonly category: NettingCategory;
  /** Chart-of-accounts code the line posts to, e.g. '5601.01'. */
  readonly account: string;
  readonly amount: Minor;
}

/** What a settlement file states about itself: its source, the platform's settlement id, period and stated deposit. */
export interface PayoutHead {
  readonly source: PayoutSource;
  /** The platform's settlement id (Amazon settlement-id; file name + period for CSVs). */
  readonly settlementId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly depositDate: string;
  readonly currency: Currency;
  /** Stated deposit; negative = a debit balance the seller owes the platform. */
  readonly deposit: Minor;
}

export interface PayoutListItem extends PayoutHead {
  readonly id: number;
  readonly fileName: string;
  /** Restored gross proceeds (Σ `sales` lines) and net (Σ all lines = the deposit, checked at import). */
  readonly gross: Minor;
  readonly net: Minor;
  readonly debitBalance: boolean;
  readonly lines: number;
  readonly matchedOrders: number;
  readonly unmatchedLines: number;
  /** CNY (fen) received against it so far through bank receipts. */
  readonly repatriated: Minor;
  readonly importedAt: string;
}

export interface PayoutDetail extends PayoutListItem {
  readonly lineItems: readonly PayoutLine[];
  /** Payout lines naming an order that is not in the ledger. */
  readonly unmatchedLines: number;
  readonly unmatchedPayoutLines: readonly PayoutLine[];
  /** Orders of the period (same currency) with no payout line. */
  readonly ordersWithoutPayout: ReadonlyArray<{
    readonly orderId: number;
    readonly orderNo: string;
    readonly orderedAt: string;
    readonly gross: Minor;
  }>;
}

/** Row lists in statements stop here; `rowCount` is exact and payouts.get lists every line. */
export const EVIDENCE_ROWS_MAX = 200;

/** Where a figure comes from: the file and its line numbers (the first EVIDENCE_ROWS_MAX, ascending). */
export interface Evidence {
  readonly fileName: string;
  readonly rows: readonly number[];
  readonly rowCount: number;
}

/**
 * Overseas costs (汇发〔2020〕11号: 境外仓储、物流、税收等费用) — the only deductions a netting
 * statement lists. Refunds reduce gross proceeds, reserves are a timing item between periods and
 * reimbursements are other income; none of them is a deduction.
 */
export const OVERSEAS_COST_CATEGORIES = [
  'warehousing',
  'logistics',
  'platformFees',
  'overseasTax',
  'advertising',
] as const;
export type OverseasCostCategory = (typeof OVERSEAS_COST_CATEGORIES)[number];

/** Where a payout line sits in the netting statement (derived from its stored category and its platform key). */
export type NettingClass = 'sales' | 'refunds' | OverseasCostCategory | 'reserve' | 'otherIncome' | 'other';

/**
 * Readable names of platform keys (translated by the screens and the printouts); `raw` = no name
 * known, the key itself is printed. The raw key is always shown beside it in small print.
 */
export const NETTING_LABELS = [
  'principal',
  'shipping',
  'giftWrap',
  'promotion',
  'salesTax',
  'withheldTax',
  'commission',
  'fulfilmentFee',
  'transportationFee',
  'storageFee',
  'longTermStorageFee',
  'removalFee',
  'subscriptionFee',
  'advertising',
  'refundedPrincipal',
  'refundedShipping',
  'refundCommission',
  'reservePrevious',
  'reserveCurrent',
  'inventoryReimbursement',
  'raw',
] as const;
export type NettingLabel = (typeof NETTING_LABELS)[number];

/** One platform key's sum in a statement section, with its readable name and evidence rows. */
export interface NettingItem {
  readonly key: string;
  readonly label: NettingLabel;
  readonly amount: Minor;
  readonly rows: readonly number[];
  readonly rowCount: number;
}

/** A statement section: its total (sign stated per section), its keys and the file rows behind it. */
export interface NettingSection {
  readonly amount: Minor;
  readonly items: readonly NettingItem[];
  readonly evidence: Evidence;
}

export interface NettingDeduction extends NettingSection {
  readonly category: OverseasCostCategory;
  /** Positive = reduces the net amount; item amounts likewise. */
  readonly amount: Minor;
}

/** Reserve held back by the platform: opening + movement = closing; − movement is what it did to this deposit. */
export interface NettingReserve {
  /** Previous Reserve Amount Balance (released into this period). */
  readonly opening: Minor;
  /** closing − opening: positive = more held back this period (reduces the deposit). */
  readonly movement: Minor;
  /** Current Reserve Amount (held back for the next period). */
  readonly closing: Minor;
  /** Item amounts as in the file (+ released, − held back). */
  readonly items: readonly NettingItem[];
  readonly evidence: Evidence;
}

/** The receipt rate the CNY column uses (the bank's rate of the payout's first receipt). */
export interface ReceiptRate {
  readonly receiptId: number;
  readonly date: string;
  readonly rate: string;
}

/** Each statement total in CNY fen at the receipt's rate (null figures while no receipt is recorded). */
export interface NettingCny {
  readonly rate: ReceiptRate | null;
  readonly gross: Minor | null;
  readonly refunds: Minor | null;
  readonly netSales: Minor | null;
  readonly deductions: Readonly<Record<OverseasCostCategory, Minor | null>>;
  readonly otherIncome: Minor | null;
  readonly reserveMovement: Minor | null;
  readonly otherItems: Minor | null;
  readonly net: Minor | null;
}

/** The unmatched on both sides, by number: payout lines naming no known order; orders of the payout's own shop(s) and period without a payout line. */
export interface NettingUnmatched {
  readonly payoutLines: number;
  readonly orders: number;
  readonly payoutLineList: ReadonlyArray<{
    readonly row: number;
    readonly orderNo: string;
    readonly key: string;
    readonly amount: Minor;
  }>;
  readonly orderList: ReadonlyArray<{
    readonly orderId: number;
    readonly orderNo: string;
    readonly orderedAt: string;
    readonly gross: Minor | null;
  }>;
  /** The shops whose orders were compared (names). */
  readonly shops: readonly string[];
}

/** Declared export value vs amount received, per order sold from an overseas warehouse. */
export interface DeclarationComparison {
  readonly orderId: number;
  readonly orderNo: string;
  readonly customsMode: string | null;
  /** The declaration number (entryId) when known, else the list number (invtNo); null without a CEB603 list. */
  readonly declarationNo: string | null;
  /** The order's CEB603 list number(s) (清单编号) and declaration number(s) (报关单号), when customs assigned them. */
  readonly invtNo: string | null;
  readonly entryId: string | null;
  /** Declared value = Σ the list lines' totalPrice (minor units of `declaredCurrency`); null without a list. */
  readonly declaredValue: Minor | null;
  readonly declaredCurrency: Currency | null;
  /** The order's own gross value, shown when no declaration is linked; null while only a settlement named the order. */
  readonly orderValue: Minor | null;
  /** Σ payout lines of this order in the period (net of its fees). */
  readonly received: Minor;
}

/** The netting figures of one payout file (core/forex/netting.ts `nettingFigures`): gross down to net. */
export interface NettingFigures {
  /** Restored gross proceeds (还原数据): the `sales` lines, per key in `grossItems`. */
  readonly gross: Minor;
  readonly grossEvidence: Evidence;
  readonly grossItems: readonly NettingItem[];
  /** Refunds reverse goods proceeds (positive = reduces gross). */
  readonly refunds: NettingSection;
  /** gross − refunds. */
  readonly netSales: Minor;
  /** Overseas costs only, in OVERSEAS_COST_CATEGORIES order. */
  readonly deductions: readonly NettingDeduction[];
  /** Reimbursements (FBA inventory reimbursement …): income, not a negative cost (+ = credited). */
  readonly otherIncome: NettingSection;
  readonly reserve: NettingReserve;
  /** Lines of no known kind, as in the file (+ credited, − charged); listed with their rows. */
  readonly otherItems: NettingSection;
  /** netSales − Σ deductions + otherIncome − reserve.movement + otherItems = net = the deposit (实际收付数据). */
  readonly net: Minor;
}

export interface NettingStatement
  extends
    Pick<
      PayoutListItem,
      | 'settlementId'
      | 'fileName'
      | 'periodStart'
      | 'periodEnd'
      | 'depositDate'
      | 'currency'
      | 'deposit'
      | 'debitBalance'
    >,
    NettingFigures {
  readonly payoutId: number;
  readonly deposit: Minor;
  readonly cny: NettingCny;
  readonly unmatched: NettingUnmatched;
  readonly declarations: readonly DeclarationComparison[];
  /** Rates used when this payout was booked. */
  readonly rates: readonly AppliedRate[];
}

/** A bank receipt of foreign currency converted to CNY at the bank's rate, with its realised FX result. */
export interface Receipt {
  readonly id: number;
  readonly payoutId: number | null;
  readonly date: string;
  readonly currency: Currency;
  readonly amount: Minor;
  readonly bankRate: string;
  /** CNY fen received (amount × bankRate unless the bank's own figure was entered). */
  readonly cnyReceived: Minor;
  /** CNY fen at which the receivable was booked (original rates). */
  readonly cnyBooked: Minor;
  /** Bank charges in CNY fen (posted to 财务费用-手续费). */
  readonly bankCharges: Minor;
  /** cnyReceived + bankCharges − cnyBooked: + gain, − loss (财务费用-汇兑损益). */
  readonly fxGainLoss: Minor;
  readonly bankName: string | null;
  readonly reference: string | null;
  readonly journalEntryId: number;
}

export interface UnrealisedRow {
  readonly currency: Currency;
  /** Open receivable in the foreign currency. */
  readonly open: Minor;
  /** CNY fen booked for it. */
  readonly booked: Minor;
  readonly periodEndRate: AppliedRate | null;
  /** CNY fen at the period-end rate; null when no rate exists. */
  readonly revalued: Minor | null;
  readonly difference: Minor | null;
}

export interface FxReport {
  readonly from: string;
  readonly to: string;
  readonly realised: readonly Receipt[];
  readonly realisedTotal: Minor;
  /** Report only, not posted. */
  readonly unrealised: readonly UnrealisedRow[];
}

export const AGEING_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export interface ReceivableAgeingRow {
  readonly currency: Currency;
  readonly buckets: Readonly<Record<AgeingBucket, Minor>>;
  readonly total: Minor;
}

export const ADVANCE_CATEGORIES = ['warehousing', 'logistics', 'tax', 'other'] as const;
export type AdvanceCategory = (typeof ADVANCE_CATEGORIES)[number];
export type AdvanceStatus = 'open' | 'warning' | 'overdue' | 'repaid';

export interface Advance {
  readonly id: number;
  readonly party: string;
  readonly relatedParty: boolean;
  readonly date: string;
  readonly currency: Currency;
  readonly amount: Minor;
  readonly category: AdvanceCategory;
  readonly note: string | null;
  readonly repaid: Minor;
  readonly outstanding: Minor;
  /** date + 12 months. */
  readonly dueDate: string;
  readonly status: AdvanceStatus;
  readonly repayments: ReadonlyArray<{ readonly id: number; readonly date: string; readonly amount: Minor }>;
}

export type ThresholdLevel = 'ok' | 'notice' | 'warning' | 'over';

export interface ThresholdStatus {
  readonly year: number;
  /** Goods-trade receipts of the year in USD cents (each receipt converted at its day's USD rate). */
  readonly receiptsUsd: Minor;
  /** USD 200,000 in cents. */
  readonly limitUsd: Minor;
  /** 0–100+ percent, as a decimal string with 1 digit. */
  readonly percent: string;
  /** ok < 80 %; notice ≥ 80 % (160k); warning ≥ USD 180,000; over ≥ 200,000. */
  readonly level: ThresholdLevel;
  /** Receipts that could not be converted (no USD/CNY rate for the day). */
  readonly missingRates: ReadonlyArray<{ readonly currency: Currency; readonly date: string }>;
  readonly sellerKind: SellerKind;
  /** Note codes for the screen, e.g. 'settlement.thresholds.individualNote'. */
  readonly notes: readonly string[];
}
