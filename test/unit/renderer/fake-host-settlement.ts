/**
 * Default answers of the fake host (fake-host.ts) for the settlement area's commands: small,
 * plausible data so a screen renders; tests override single commands through `overrides`.
 */
import type {
  Advance,
  CommandInput,
  CommandName,
  CommandResult,
  NettingStatement,
  PayoutDetail,
  PayoutLine,
  PayoutListItem,
  Receipt,
  Result,
  SettlementSettings,
  TrialBalance,
} from '../../../src-main/api/contract.ts';
import type { settlementContract } from '../../../src-main/areas/settlement/contract.ts';
import { nettingFigures } from '../../../src-main/core/forex/netting.ts';
import { minor } from '../../../src-main/core/money/index.ts';
import type { Minor } from '../../../src-main/core/money/index.ts';
/** A fixture amount in minor units (the read models brand money as `Minor`). */
const m = (n: number): Minor => n as Minor;

type SettlementCommand = keyof typeof settlementContract & CommandName;
type Answer<K extends CommandName> = (
  input: CommandInput<K>,
) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

const SETTINGS: SettlementSettings = {
  sellerKind: 'enterprise',
  ratePrecedence: ['pboc', 'bank', 'platform', 'manual'],
};

const PAYOUT: PayoutListItem = {
  id: 1,
  source: 'amazon-settlement',
  settlementId: '11223344556',
  fileName: 'settlement-11223344556.txt',
  periodStart: '2026-03-01',
  periodEnd: '2026-03-15',
  depositDate: '2026-03-17',
  currency: 'USD',
  deposit: m(85_000),
  gross: m(100_000),
  net: m(85_000),
  debitBalance: false,
  lines: 5,
  matchedOrders: 1,
  unmatchedLines: 0,
  repatriated: m(0),
  importedAt: '2026-03-18T09:00:00.000Z',
};

const line = (
  id: number,
  row: number,
  category: PayoutLine['category'],
  account: string,
  amountType: string,
  amountDescription: string,
  amount: number,
): PayoutLine => ({
  id,
  row,
  transactionType: category === 'warehousing' ? 'other-transaction' : 'Order',
  amountType,
  amountDescription,
  orderNo: category === 'warehousing' ? null : '111-1234567-1234567',
  orderId: category === 'warehousing' ? null : 1,
  sku: null,
  postedAt: '2026-03-05T10:00:00+00:00',
  category,
  account,
  amount: m(amount),
});

const LINES: readonly PayoutLine[] = [
  line(1, 3, 'sales', '1122.USD', 'ItemPrice', 'Principal', 100_000),
  line(2, 4, 'platformFees', '5601.01', 'ItemFees', 'Commission', -15_000),
  line(3, 5, 'logistics', '5601.03', 'ItemFees', 'FBAPerUnitFulfillmentFee', -3_000),
  line(4, 6, 'warehousing', '5601.04', 'other-transaction', 'Storage Fee', -2_000),
  line(5, 7, 'advertising', '5601.02', 'Cost of Advertising', 'TransactionTotalAmount', 0),
];

// The statement's figures come from the core, so the fake keeps the real shape (and its sums).
const FIGURES = nettingFigures(
  PAYOUT.fileName,
  LINES.map((l) => ({
    rows: [l.row],
    key: `${l.transactionType}/${l.amountType}/${l.amountDescription}`,
    category: l.category,
    amount: minor(l.amount),
  })),
);

const NETTING: NettingStatement = {
  payoutId: 1,
  settlementId: PAYOUT.settlementId,
  fileName: PAYOUT.fileName,
  periodStart: PAYOUT.periodStart,
  periodEnd: PAYOUT.periodEnd,
  depositDate: PAYOUT.depositDate,
  currency: 'USD',
  ...FIGURES,
  deposit: minor(80_000),
  debitBalance: false,
  cny: {
    rate: null,
    gross: null,
    refunds: null,
    netSales: null,
    deductions: { warehousing: null, logistics: null, platformFees: null, overseasTax: null, advertising: null },
    otherIncome: null,
    reserveMovement: null,
    otherItems: null,
    net: null,
  },
  unmatched: { payoutLines: 0, orders: 0, payoutLineList: [], orderList: [], shops: ['Amazon US'] },
  declarations: [
    {
      orderId: 1,
      orderNo: '111-1234567-1234567',
      customsMode: '9810',
      declarationNo: null,
      invtNo: null,
      entryId: null,
      declaredValue: null,
      declaredCurrency: null,
      orderValue: m(100_000),
      received: m(82_000),
    },
    {
      orderId: 2,
      orderNo: '111-7654321-7654321',
      customsMode: '9810',
      declarationNo: '530120260000000001',
      invtNo: '53012026I000000001',
      entryId: '530120260000000001',
      declaredValue: m(64_000),
      declaredCurrency: 'USD',
      orderValue: m(65_000),
      received: m(60_000),
    },
  ],
  rates: [{ currency: 'USD', date: '2026-03-17', rate: '7.100000', source: 'pboc' }],
};

const DETAIL: PayoutDetail = { ...PAYOUT, lineItems: LINES, unmatchedPayoutLines: [], ordersWithoutPayout: [] };

const RECEIPT: Receipt = {
  id: 1,
  payoutId: 1,
  date: '2026-03-20',
  currency: 'USD',
  amount: m(85_000),
  bankRate: '7.050000',
  cnyReceived: m(599_250),
  cnyBooked: m(603_500),
  bankCharges: m(0),
  fxGainLoss: m(-4_250),
  bankName: '中国银行',
  reference: 'BOC-0001',
  journalEntryId: 3,
};

const ADVANCE: Advance = {
  id: 1,
  party: '深圳某物流有限公司',
  relatedParty: false,
  date: '2025-05-01',
  currency: 'USD',
  amount: m(120_000),
  category: 'logistics',
  note: null,
  repaid: m(20_000),
  outstanding: m(100_000),
  dueDate: '2026-05-01',
  status: 'warning',
  repayments: [{ id: 1, date: '2025-09-01', amount: m(20_000) }],
};

const TRIAL: TrialBalance = {
  asOf: '2026-03-31',
  totalDebit: m(710_000),
  totalCredit: m(710_000),
  balanced: true,
  rows: [
    {
      account: '1122.USD',
      nameZh: '应收账款-平台(USD)',
      nameEn: 'Receivables - platforms (USD)',
      kind: 'asset',
      debit: m(710_000),
      credit: m(0),
      balance: m(710_000),
    },
    {
      account: '5001',
      nameZh: '主营业务收入',
      nameEn: 'Main business revenue',
      kind: 'income',
      debit: m(0),
      credit: m(710_000),
      balance: m(-710_000),
    },
  ],
};

/** Only commands a screen needs data from; any other answers notImplemented (fake-host.ts). */
export function settlementDefaults(): { [K in SettlementCommand]?: Answer<K> } {
  return {
    'settlement.settings.get': () => ok(SETTINGS),
    'settlement.settings.save': (input) => ok({ ...SETTINGS, ...input }),
    'rates.list': () =>
      ok([
        {
          id: 1,
          currency: 'USD',
          date: '2026-03-17',
          rate: '7.100000',
          source: 'pboc',
          note: null,
          savedAt: '2026-03-17T01:00:00.000Z',
        },
      ]),
    'rates.save': (input) =>
      ok({
        id: 2,
        currency: input.currency,
        date: input.date,
        rate: input.rate,
        source: input.source,
        note: input.note ?? null,
        savedAt: '2026-03-18T01:00:00.000Z',
      }),
    'rates.lookup': (input) => ok({ currency: input.currency, date: input.date, rate: '7.100000', source: 'pboc' }),
    'rates.import': (input) => ok({ rows: 2, saved: 2, unchanged: 0, rejected: [], committed: !input.dryRun }),
    'payouts.preview': (input) =>
      ok({
        previewId: 'payout-preview-1',
        fileName: input.fileName,
        source: 'amazon-settlement',
        encoding: 'utf-8',
        settlementId: PAYOUT.settlementId,
        periodStart: PAYOUT.periodStart,
        periodEnd: PAYOUT.periodEnd,
        depositDate: PAYOUT.depositDate,
        currency: 'USD',
        deposit: m(85_000),
        sumOfLines: m(85_000),
        debitBalance: false,
        lines: 5,
        categories: {
          sales: m(100_000),
          warehousing: m(-2_000),
          logistics: m(-3_000),
          platformFees: m(-10_000),
          overseasTax: m(0),
          advertising: m(0),
          refunds: m(0),
          other: m(0),
        },
        matchedOrders: 1,
        heldBackOrders: 0,
        heldBackMonths: [],
        unmatchedLines: [],
        unmatchedLineCount: 0,
        rejected: [],
        alreadyImportedId: null,
      }),
    'payouts.confirm': () =>
      ok({
        payoutId: 1,
        alreadyImported: false,
        settlementId: PAYOUT.settlementId,
        lines: 5,
        journalEntryId: 2,
        ordersPosted: 1,
        orders: null,
      }),
    'payouts.discard': () => ok({ discarded: true }),
    'payouts.list': () => ok([PAYOUT]),
    'payouts.get': () => ok(DETAIL),
    'settlement.netting': () => ok(NETTING),
    'settlement.evidencePack': (input) =>
      ok({ fileName: `evidence-${PAYOUT.settlementId}.${input.format}`, contentBase64: '' }),
    'settlement.receipts.record': () => ok(RECEIPT),
    'settlement.receipts.list': () => ok([RECEIPT]),
    'settlement.fxReport': (input) =>
      ok({
        from: input.from,
        to: input.to,
        realised: [RECEIPT],
        realisedTotal: RECEIPT.fxGainLoss,
        unrealised: [
          {
            currency: 'USD',
            open: m(50_000),
            booked: m(355_000),
            periodEndRate: { currency: 'USD', date: input.to, rate: '7.080000', source: 'pboc' },
            revalued: m(354_000),
            difference: m(-1_000),
          },
        ],
      }),
    'settlement.receivablesAgeing': () =>
      ok([
        {
          currency: 'USD',
          buckets: { '0-30': m(50_000), '31-60': m(0), '61-90': m(0), '91-180': m(0), '181-365': m(0), '365+': m(0) },
          total: m(50_000),
        },
      ]),
    'settlement.advances.list': () => ok([ADVANCE]),
    'settlement.advances.save': (input) =>
      ok({
        ...ADVANCE,
        id: 2,
        party: input.party,
        date: input.date,
        currency: input.currency,
        category: input.category,
        repaid: m(0),
        repayments: [],
        status: 'open',
      }),
    'settlement.advances.repay': () => ok(ADVANCE),
    'settlement.thresholds': (input) =>
      ok({
        year: input.year ?? 2026,
        receiptsUsd: m(16_500_000),
        limitUsd: m(20_000_000),
        percent: '82.5',
        level: 'notice',
        missingRates: [],
        sellerKind: 'enterprise',
        notes: [],
      }),
    'journal.accounts': () =>
      ok([
        {
          code: '1122',
          nameZh: '应收账款',
          nameEn: 'Accounts receivable',
          kind: 'asset',
          currency: null,
          parent: null,
        },
        {
          code: '5001',
          nameZh: '主营业务收入',
          nameEn: 'Main business revenue',
          kind: 'income',
          currency: null,
          parent: null,
        },
      ]),
    'journal.entries': () =>
      ok({
        items: [
          {
            id: 1,
            date: '2026-03-05',
            memo: '订单 111-1234567-1234567',
            sourceKind: 'order',
            sourceId: '1',
            evidence: null,
            reversesId: null,
            reversedById: null,
            postedAt: '2026-03-18T09:00:00.000Z',
            lines: [
              {
                account: '1122.USD',
                debit: m(710_000),
                credit: m(0),
                currency: 'USD',
                originalAmount: m(100_000),
                rate: '7.100000',
                rateSource: 'pboc',
                rateDate: '2026-03-05',
              },
              {
                account: '5001',
                debit: m(0),
                credit: m(710_000),
                currency: 'USD',
                originalAmount: m(-100_000),
                rate: '7.100000',
                rateSource: 'pboc',
                rateDate: '2026-03-05',
              },
            ],
          },
        ],
        nextCursor: null,
      }),
    'journal.trialBalance': (input) => ok({ ...TRIAL, asOf: input.asOf }),
    'journal.reverse': () =>
      ok({
        id: 9,
        date: '2026-03-31',
        memo: '冲销 #1',
        sourceKind: 'reversal',
        sourceId: '1',
        evidence: null,
        reversesId: 1,
        reversedById: null,
        postedAt: '2026-03-31T09:00:00.000Z',
        lines: [],
      }),
    'journal.postPeriod': () => ok({ orders: 1, cogs: 1, stockIn: 1, stockReversed: 0, skipped: [] }),
  };
}
