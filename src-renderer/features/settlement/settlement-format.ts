/**
 * Formatting and small helpers shared by the settlement views: money in any currency through
 * the one money formatter, days in the display language, counts, evidence row lists written
 * as ranges ("3–7, 12"), today's date, and the check that a typed amount or rate is a plain
 * decimal (the host parses it exactly; the renderer never turns it into a float).
 */
import { useLocaleFormat, type LocaleFormat } from '../../ui/use-locale-format.ts';

/** Settlement amounts are in their own currencies: the shared formatters as they are. */
export type SettlementFormatters = LocaleFormat;

export const useSettlementFormatters: () => SettlementFormatters = useLocaleFormat;

/** [3,4,5,7,9,10] → '3–5, 7, 9–10'; at most `limit` pieces, then '…'. */
export function rowRanges(rows: readonly number[], limit = 12): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const pieces: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    pieces.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return pieces.length > limit ? `${pieces.slice(0, limit).join(', ')}, …` : pieces.join(', ');
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** '1,234.56' / '-12' / '7.100000' — what the host's decimal parser accepts. */
export function isDecimalText(text: string): boolean {
  return /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(text.trim());
}

/**
 * A typed rate as the host stores it: a positive decimal padded with zeros to at least 6
 * fraction digits ('7.1' → '7.100000', exact); null when it is not a positive decimal.
 */
export function normaliseRate(text: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const whole = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').padEnd(6, '0');
  if (/^0+$/.test(whole + fraction)) return null;
  return `${whole}.${fraction}`;
}
