/**
 * Currency text → ISO code: the code itself in any case, the Chinese names ERPs write
 * (美元, 人民币, 欧元 …) and the symbols Shopee puts in headers ("(RM)"). Bare `$` and `¥` are
 * ambiguous and not read. Unknown → null.
 */
import { type Currency, isCurrency } from '../core/money/index.ts';

const NAMES: Readonly<Record<string, Currency>> = {
  人民币: 'CNY',
  RMB: 'CNY',
  美元: 'USD',
  美金: 'USD',
  US$: 'USD',
  欧元: 'EUR',
  '€': 'EUR',
  英镑: 'GBP',
  '£': 'GBP',
  日元: 'JPY',
  日币: 'JPY',
  港币: 'HKD',
  港元: 'HKD',
  HK$: 'HKD',
  加元: 'CAD',
  加拿大元: 'CAD',
  C$: 'CAD',
  澳元: 'AUD',
  澳大利亚元: 'AUD',
  A$: 'AUD',
  新西兰元: 'NZD',
  新加坡元: 'SGD',
  新币: 'SGD',
  S$: 'SGD',
  泰铢: 'THB',
  '฿': 'THB',
  新台币: 'TWD',
  台币: 'TWD',
  NT$: 'TWD',
  林吉特: 'MYR',
  马来西亚林吉特: 'MYR',
  RM: 'MYR',
  韩元: 'KRW',
  '₩': 'KRW',
  菲律宾比索: 'PHP',
  '₱': 'PHP',
  越南盾: 'VND',
  '₫': 'VND',
  印尼盾: 'IDR',
  RP: 'IDR',
  墨西哥比索: 'MXN',
  MX$: 'MXN',
  巴西雷亚尔: 'BRL',
  R$: 'BRL',
  迪拉姆: 'AED',
  阿联酋迪拉姆: 'AED',
  沙特里亚尔: 'SAR',
  兹罗提: 'PLN',
  波兰兹罗提: 'PLN',
  ZŁ: 'PLN',
  瑞典克朗: 'SEK',
  瑞士法郎: 'CHF',
};

export function currencyFromText(text: string): Currency | null {
  const t = text.trim().toUpperCase();
  if (isCurrency(t)) return t;
  return NAMES[t] ?? null;
}
