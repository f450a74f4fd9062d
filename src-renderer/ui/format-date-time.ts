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
