/** Labels of the dashboard: months, countries and minor units as chart numbers, in the UI's language. */
import { minorDigitsOf } from '../../ui/format-money.ts';

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** '2026-03' → '2026年3月' (zh) / 'Mar 2026' (en). */
export function monthLabel(month: string, locale: string): string {
  let f = monthFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    monthFormats.set(locale, f);
  }
  return f.format(new Date(`${month}-01T00:00:00Z`));
}

const regionNames = new Map<string, Intl.DisplayNames>();
/** 'US' → '美国' / '美國' / 'United States'; a code the platform lacks stays as written. */
export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Minor units as a plain number for a chart's geometry only (labels and tables print the exact amount). */
export function chartNumber(minor: number, currency: string): number {
  return minor / 10 ** minorDigitsOf(currency);
}
