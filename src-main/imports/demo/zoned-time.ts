/**
 * Fast wall-clock formatting of instants in an IANA time zone for the demo files. Luxon gives
 * the zone's offset, cached per 15-minute bucket (every offset change of the tz database since
 * 1970 falls on a quarter hour), and the fields are formatted by hand: formatting through
 * Intl per row would dominate writing a 100k-order file.
 */
import { IANAZone } from 'luxon';

export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes east of UTC. */
  readonly offset: number;
}

const BUCKET = 15 * 60_000;
const offsets = new Map<string, number>();
const zones = new Map<string, IANAZone>();

function offsetAt(ms: number, zone: string): number {
  if (zone === 'utc' || zone === 'UTC') return 0;
  const key = `${zone}|${Math.floor(ms / BUCKET)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    let z = zones.get(zone);
    if (z === undefined) {
      z = IANAZone.create(zone);
      if (!z.isValid) throw new RangeError(`unknown time zone ${zone}`);
      zones.set(zone, z);
    }
    off = z.offset(Math.floor(ms / BUCKET) * BUCKET);
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

export function zonedParts(ms: number, zone: string): ZonedParts {
  const offset = offsetAt(ms, zone);
  const d = new Date(ms + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    offset,
  };
}

const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function offsetText(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${p2(Math.floor(a / 60))}${colon ? ':' : ''}${p2(a % 60)}`;
}

/** `2026-03-05T14:02:05-08:00` */
export function isoTime(ms: number, zone: string): string {
  const t = zonedParts(ms, zone);
  return `${t.year}-${p2(t.month)}-${p2(t.day)}T${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)}${offsetText(t.offset, true)}`;
}

/** `2026-03-05 14:02:05 -0800` (Shopify) */
export function shopifyTime(ms: number, zone: string): string {
  const t = zonedParts(ms, zone);
  return `${t.year}-${p2(t.month)}-${p2(t.day)} ${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)} ${offsetText(t.offset, false)}`;
}

/** `03/05/2026 2:02:05 PM` (TikTok Shop) */
export function tiktokTime(ms: number, zone: string): string {
  const t = zonedParts(ms, zone);
  const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${p2(t.month)}/${p2(t.day)}/${t.year} ${h12}:${p2(t.minute)}:${p2(t.second)} ${t.hour < 12 ? 'AM' : 'PM'}`;
}

/** `2026-03-05 14:02` (Shopee) */
export function shopeeTime(ms: number, zone: string): string {
  const t = zonedParts(ms, zone);
  return `${t.year}-${p2(t.month)}-${p2(t.day)} ${p2(t.hour)}:${p2(t.minute)}`;
}

/** `2026/3/5 14:02` (Chinese ERP) */
export function erpTime(ms: number, zone: string): string {
  const t = zonedParts(ms, zone);
  return `${t.year}/${t.month}/${t.day} ${p2(t.hour)}:${p2(t.minute)}`;
}

/** `2026-03-05 22:02:05 UTC` (Amazon settlement) */
export function settlementTime(ms: number): string {
  const t = zonedParts(ms, 'utc');
  return `${t.year}-${p2(t.month)}-${p2(t.day)} ${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)} UTC`;
}

/** `2026-03-05` in UTC (settlement posted-date) */
export function utcDay(ms: number): string {
  return settlementTime(ms).slice(0, 10);
}

/** Compact local date: `yyMMdd` (short) or `yyyyMMdd`. */
export function compactDate(ms: number, zone: string, short: boolean): string {
  const t = zonedParts(ms, zone);
  return `${short ? p2(t.year % 100) : t.year}${p2(t.month)}${p2(t.day)}`;
}
