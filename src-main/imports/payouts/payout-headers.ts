/**
 * Header dictionaries of the payout CSVs (normalised spellings, Chinese and English) and the
 * transaction-type words that map a row to a netting category. Long formats (one row per
 * transaction: Shopify Payments, PingPong, LianLian, Payoneer, the generic payout CSV) share
 * one dictionary; wide formats (Shopee income, TikTok settlement: one row per order with a
 * column per fee) list their amount columns with the category each belongs to.
 */
import type { NettingCategory } from '../../core/forex/settlement-views.ts';

export const LONG_HEADERS = {
  settlementId: ['payout id', 'settlement id', 'statement id', '结算单号', '结算编号', '提现单号', '批次号'],
  date: [
    'payout date',
    'transaction date',
    'date',
    'posted at',
    'created at',
    '交易时间',
    '交易日期',
    '日期',
    '入账时间',
    '结算时间',
  ],
  orderNo: ['order', 'order id', 'order no', 'order number', '订单号', '平台订单号', '订单编号'],
  type: ['type', 'transaction type', 'category', '交易类型', '类型', '费用类型', '业务类型'],
  description: ['description', 'details', 'memo', '描述', '摘要', '备注', '说明'],
  amount: ['amount', 'gross', 'gross amount', '金额', '交易金额', '发生额'],
  fee: ['fee', 'fees', 'service fee', '手续费', '服务费'],
  net: ['net', 'net amount', '净额', '实收金额'],
  currency: ['currency', '币种', '货币', '币别'],
  total: ['payout amount', 'total', 'deposit', 'settlement total', '结算总额', '到账金额', '提现金额'],
} as const;

/** Type text (normalised) → category; first matching word wins, unknown → other. */
const TYPE_WORDS: ReadonlyArray<readonly [NettingCategory, readonly string[]]> = [
  ['refunds', ['refund', '退款', '退货']],
  ['overseasTax', ['tax', 'vat', 'gst', '税']],
  ['warehousing', ['storage', 'warehouse', '仓储', '仓租']],
  ['advertising', ['advertis', 'ads', '广告', '推广']],
  ['logistics', ['shipping', 'logistic', 'freight', 'postage', 'fulfil', '物流', '运费', '配送', '头程', '尾程']],
  ['platformFees', ['fee', 'commission', 'charge back', 'chargeback', '佣金', '手续费', '服务费', '平台费']],
  ['sales', ['charge', 'sale', 'order', 'payment', 'collection', 'income', '收款', '销售', '货款', '订单', '入账']],
];

export function categoryFromType(type: string): NettingCategory {
  const t = type.toLowerCase();
  for (const [category, words] of TYPE_WORDS) if (words.some((w) => t.includes(w))) return category;
  return 'other';
}

export interface WideColumn {
  readonly headers: readonly string[];
  readonly category: NettingCategory;
}

export interface WideSpec {
  readonly orderNo: readonly string[];
  readonly date: readonly string[];
  /** The row's stated net; Σ of the amount columns must equal it. */
  readonly total: readonly string[];
  readonly columns: readonly WideColumn[];
  /**
   * Formats that list deductions but not the gross: the gross is restored as total − Σ listed
   * columns (a `sales` line), so the row check cannot fail; otherwise a row not adding up is a
   * `payouts.row.mismatch`.
   */
  readonly restoreGross: boolean;
}

export const SHOPEE_INCOME: WideSpec = {
  orderNo: ['order id'],
  date: ['payout completed date'],
  total: ['total released amount'],
  restoreGross: true,
  columns: [
    { headers: ['return to seller fee'], category: 'logistics' },
    { headers: ['shipping fee charged by logistic provider'], category: 'logistics' },
    { headers: ['seller paid shipping fee sst'], category: 'overseasTax' },
    { headers: ['reverse shipping fee'], category: 'logistics' },
    { headers: ['reverse shipping fee sst'], category: 'overseasTax' },
    { headers: ['rebate provided by shopee'], category: 'platformFees' },
    { headers: ['ams commission fee'], category: 'advertising' },
    { headers: ['saver programme fee (incl. sst)', 'saver programme fee'], category: 'platformFees' },
    { headers: ['commission fee'], category: 'platformFees' },
    { headers: ['service fee'], category: 'platformFees' },
    { headers: ['transaction fee'], category: 'platformFees' },
    { headers: ['refund amount'], category: 'refunds' },
  ],
};

export const TIKTOK_SETTLEMENT: WideSpec = {
  orderNo: ['order/adjustment id', 'order id'],
  date: ['order settled time', 'settled time', 'statement date', 'order created time'],
  total: ['total settlement amount'],
  restoreGross: false,
  columns: [
    { headers: ['total revenue'], category: 'sales' },
    { headers: ['transaction fee'], category: 'platformFees' },
    { headers: ['tiktok shop commission fee'], category: 'platformFees' },
    { headers: ['sfp service fee'], category: 'logistics' },
    { headers: ['tap shop ads commission'], category: 'advertising' },
    { headers: ['affiliate commission'], category: 'advertising' },
    { headers: ['affiliate partner commission'], category: 'advertising' },
    { headers: ['affiliate shop ads commission'], category: 'advertising' },
    // Customer / actual / platform-discount shipping are the parts of the seller's shipping fee.
    { headers: ['seller shipping fee'], category: 'logistics' },
  ],
};
