/**
 * useLocaleFormat: the display language's formatters the screens share — money in minor units
 * of a currency (one money formatter), whole counts with the language's grouping, and calendar
 * days (YYYY-MM-DD) as dates. An area's own formatters build on these.
 */
import { useTranslation } from 'react-i18next';
import { formatDay } from './format-date-time.ts';
import { formatMoney } from './format-money.ts';
import { formatNumber } from './format-number.ts';

export interface LocaleFormat {
  /** (123456, 'USD') → 'US$1,234.56' in the display language. */
  readonly money: (minor: number, currency: string) => string;
  readonly count: (n: number) => string;
  /** '2026-03-05' → the date in the display language (local noon, so no zone shifts the day). */
  readonly day: (iso: string) => string;
}

export function useLocaleFormat(): LocaleFormat {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    money: (minor, currency) => formatMoney(minor, currency, locale),
    count: (n) => formatNumber(n, locale, 0),
    day: (iso) => formatDay(iso, locale),
  };
}
