/**
 * Formats an ISO-8601 instant (`2026-03-05T14:02:00+08:00`) for people, in the display
 * language and the computer's time zone; text that is not a date is shown unchanged.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** 'medium' for detail views (2026年3月5日 14:02), 'short' for dense lists (2026/3/5 14:02), 'date' without the time. */
export type DateTimeStyle = 'medium' | 'short' | 'date';

const OPTIONS: Readonly<Record<DateTimeStyle, Intl.DateTimeFormatOptions>> = {
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  short: { dateStyle: 'short', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
};

function formatterFor(locale: string, style: DateTimeStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, OPTIONS[style]);
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string, locale: string, style: DateTimeStyle = 'medium'): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatterFor(locale, style).format(new Date(ms));
}

/** A calendar day ('2026-03-05') as a date in the display language, read at local noon so no time
 * zone shifts the day; anything else is shown as it is. */
export function formatDay(iso: string, locale: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDateTime(`${iso}T12:00:00`, locale, 'date') : iso;
}
