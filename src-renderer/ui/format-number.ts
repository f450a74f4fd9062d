/**
 * formatNumber: a number with the display language's grouping (`1,234` / `1.234`), through one
 * `Intl.NumberFormat` kept per language and number of decimals (making one is slow, and table
 * rows format many numbers).
 */
const formats = new Map<string, Intl.NumberFormat>();

/** `maximumFractionDigits` as `Intl.NumberFormat` takes it; by default its own (3). */
export function formatNumber(n: number, locale: string, maximumFractionDigits?: number): string {
  const key = `${locale}|${maximumFractionDigits ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, maximumFractionDigits === undefined ? {} : { maximumFractionDigits });
    formats.set(key, f);
  }
  return f.format(n);
}
