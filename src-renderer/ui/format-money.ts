/**
 * The one money formatter of the renderer. Amounts arrive as integer minor units; they are
 * turned into an exact decimal string with string/bigint arithmetic (never divided as a
 * float), which `Intl.NumberFormat` then formats as a decimal string (exact, any size) with
 * the currency's own digits: JPY 0, CNY/USD/EUR/GBP 2.
 */
import { isCurrency, MINOR_DIGITS } from './currencies.ts';

/** Minor-unit digits of a currency code; unknown codes take what Intl says (usually 2). */
export function minorDigitsOf(currency: string): number {
  if (isCurrency(currency)) return MINOR_DIGITS[currency] ?? 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1250 CNY → '12.50'; -5 USD → '-0.05'; 1200 JPY → '1200'. No grouping; exact for any integer. */
export function minorToDecimal(minor: number | bigint, currency: string): string {
  const value = typeof minor === 'bigint' ? minor : BigInt(minor); // BigInt(1.5) throws: minor must be an integer
  const digits = minorDigitsOf(currency);
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  const sign = negative ? '-' : '';
  return digits === 0 ? sign + whole : `${sign}${whole}.${fraction}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    formatters.set(key, f);
  }
  return f;
}

/** `formatMoney(123456, 'USD', 'en')` → '$1,234.56'; `formatMoney(1200, 'JPY', 'zh-CN')` → 'JP¥1,200'. */
export function formatMoney(minor: number | bigint, currency: string, locale: string): string {
  const digits = minorDigitsOf(currency);
  // A decimal string is formatted exactly by Intl.NumberFormat (no conversion to a double).
  return formatterFor(locale, currency, digits).format(minorToDecimal(minor, currency) as `${number}`);
}
