/**
 * The chart of accounts for small enterprises (小企业会计准则), the accounts this app posts to,
 * with zh and en names. Foreign balances are kept on per-currency sub-accounts written
 * `<code>.<ISO currency>` (e.g. 1122.USD 应收账款-平台(USD)); fee sub-accounts are `5601.01` ….
 */
import { DomainError } from '../domain-error.ts';
import { isCurrency, type Currency } from '../money/currency.ts';
import type { Account, AccountKind } from './ledger-views.ts';

type Def = readonly [code: string, nameZh: string, nameEn: string, kind: AccountKind];

const BASE: readonly Def[] = [
  ['1001', '库存现金', 'Cash on hand', 'asset'],
  ['1002', '银行存款', 'Bank deposits', 'asset'],
  ['1012', '其他货币资金', 'Other monetary funds (platform / collection accounts)', 'asset'],
  ['1122', '应收账款', 'Accounts receivable', 'asset'],
  ['1221', '其他应收款', 'Other receivables', 'asset'],
  ['1405', '库存商品', 'Merchandise inventory', 'asset'],
  ['2202', '应付账款', 'Accounts payable', 'liability'],
  ['2221', '应交税费', 'Taxes payable', 'liability'],
  ['2241', '其他应付款', 'Other payables', 'liability'],
  ['2241.01', '其他应付款-代垫费用', 'Other payables - advances by third parties (代垫)', 'liability'],
  ['3103', '本年利润', 'Profit of the year', 'equity'],
  ['5001', '主营业务收入', 'Main business revenue', 'income'],
  ['5001.01', '主营业务收入-销售退回', 'Main business revenue - refunds', 'income'],
  ['5301', '营业外收入', 'Non-operating income', 'income'],
  ['5401', '主营业务成本', 'Cost of main business', 'expense'],
  ['5601', '销售费用', 'Selling expenses', 'expense'],
  ['5601.01', '销售费用-平台佣金及服务费', 'Selling expenses - platform fees', 'expense'],
  ['5601.02', '销售费用-广告费', 'Selling expenses - advertising', 'expense'],
  ['5601.03', '销售费用-物流费', 'Selling expenses - logistics', 'expense'],
  ['5601.04', '销售费用-仓储费', 'Selling expenses - warehousing', 'expense'],
  ['5601.05', '销售费用-境外税费', 'Selling expenses - overseas taxes', 'expense'],
  ['5601.09', '销售费用-其他', 'Selling expenses - other', 'expense'],
  ['5603', '财务费用', 'Finance costs', 'expense'],
  ['5603.01', '财务费用-汇兑损益', 'Finance costs - exchange gains and losses', 'expense'],
  ['5603.02', '财务费用-手续费', 'Finance costs - bank charges', 'expense'],
];

/** Accounts that keep a balance per foreign currency (`1122.USD`). */
export const CURRENCY_ACCOUNTS: ReadonlySet<string> = new Set(['1012', '1122', '1221', '2241.01']);

const BY_CODE: ReadonlyMap<string, Account> = new Map(
  BASE.map(([code, nameZh, nameEn, kind]) => {
    const dot = code.indexOf('.');
    return [code, { code, nameZh, nameEn, kind, currency: null, parent: dot > 0 ? code.slice(0, dot) : null }];
  }),
);

export const ACCOUNTS: readonly Account[] = [...BY_CODE.values()];

/** Well-known codes the posting rules use. */
export const ACC = {
  bank: '1002',
  platformFunds: '1012',
  receivable: '1122',
  inventory: '1405',
  payables: '2202',
  advances: '2241.01',
  revenue: '5001',
  refunds: '5001.01',
  cogs: '5401',
  otherReceivable: '1221',
  otherIncome: '5301',
  platformFees: '5601.01',
  advertising: '5601.02',
  logistics: '5601.03',
  warehousing: '5601.04',
  overseasTax: '5601.05',
  otherSelling: '5601.09',
  fxGainLoss: '5603.01',
  bankCharges: '5603.02',
} as const;

/** `1122` + USD → `1122.USD`. CNY balances stay on the base account. */
export function currencyAccount(code: string, currency: Currency): string {
  if (!CURRENCY_ACCOUNTS.has(code))
    throw new DomainError('journal.account.unknown', { account: `${code}.${currency}` });
  return currency === 'CNY' ? code : `${code}.${currency}`;
}

/** The account for a code, including per-currency sub-accounts; `journal.account.unknown` otherwise. */
export function accountFor(code: string): Account {
  const known = BY_CODE.get(code);
  if (known) return known;
  const m = /^(\d{4}(?:\.\d{2})?)\.([A-Z]{3})$/.exec(code);
  const base = m ? BY_CODE.get(m[1]!) : undefined;
  if (!m || !base || !CURRENCY_ACCOUNTS.has(base.code) || !isCurrency(m[2]))
    throw new DomainError('journal.account.unknown', { account: code });
  return {
    ...base,
    code,
    nameZh: `${base.nameZh}(${m[2]})`,
    nameEn: `${base.nameEn} (${m[2]})`,
    currency: m[2],
    parent: base.code,
  };
}
