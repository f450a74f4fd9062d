/**
 * Reads the date-times marketplace and ERP exports write and returns ISO-8601 with an offset
 * (`2026-03-05T14:02:00.000+08:00`), or null when the text is not a date. A written offset or
 * zone (`Z`, `+00:00`, `-0800`, `UTC`, `PST`) is kept as written; local times are read in the
 * shop's IANA zone (offsets from luxon's zone data, cached per quarter hour; DST gaps are invalid).
 * Slash dates with the year last (`03/05/2026`) are month-first unless the column proves
 * day-first (see `detectDayFirst`); dotted ones (`05.03.2026`) are always day-first.
 */
import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

export interface DateReadOptions {
  /** For `NN/NN/YYYY`: read the first number as the day. */
  readonly dayFirst?: boolean;
}

const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?`;
const ZONE = String.raw`(?:\s*(Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|[A-Z]{3,4}))?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}${ZONE}$`);
const YEAR_FIRST_ZH = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日?${TIME}${ZONE}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}${ZONE}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4})${TIME}${ZONE}$`);
const EXCEL_SERIAL = /^(\d{5})(?:\.(\d+))?$/;
/** The common shape (`2026-03-05T14:02:00+00:00`, `2026-03-05 14:02:05`), matched before the general one. */
const ISO_FAST = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Zone abbreviations seen in Amazon and TikTok exports; ambiguous ones (CST, IST) are left out. */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  EST: -300,
  EDT: -240,
  BST: 60,
  CET: 60,
  CEST: 120,
  MEZ: 60,
  MESZ: 120,
  JST: 540,
  KST: 540,
  SGT: 480,
  AEST: 600,
  AEDT: 660,
};

const zoneCache = new Map<string, Zone>();
/** Offsets per zone per 15-minute bucket: zone rules change on quarter hours, luxon's lookups are slow. */
const offsetCache = new Map<Zone, Map<number, number>>();
const BUCKET_MS = 15 * 60_000;

function zoneOf(name: string): Zone | null {
  let z = zoneCache.get(name);
  if (z === undefined) {
    if (!IANAZone.isValidZone(name)) return null;
    z = IANAZone.create(name);
    zoneCache.set(name, z);
  }
  return z;
}

function offsetAt(zone: Zone, ts: number): number {
  if (zone.isUniversal) return zone.offset(ts);
  let byBucket = offsetCache.get(zone);
  if (byBucket === undefined) {
    byBucket = new Map();
    offsetCache.set(zone, byBucket);
  }
  const bucket = Math.floor(ts / BUCKET_MS);
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    offset = zone.offset(bucket * BUCKET_MS);
    byBucket.set(bucket, offset);
  }
  return offset;
}

/** True when `name` is an IANA zone luxon can read times in. */
export function isValidTimeZone(name: string): boolean {
  return zoneOf(name) !== null;
}

const writtenZones = new Map<string, Zone | null>();

function writtenZone(text: string | undefined): Zone | null | undefined {
  if (text === undefined) return undefined;
  let zone = writtenZones.get(text);
  if (zone === undefined) {
    zone = readWrittenZone(text);
    if (writtenZones.size < 1000) writtenZones.set(text, zone);
  }
  return zone;
}

function readWrittenZone(text: string): Zone | null {
  const t = text.replace(/\s+/g, '').toUpperCase();
  const abbr = ABBREVIATIONS[t];
  if (abbr !== undefined) return FixedOffsetZone.instance(abbr);
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m === null) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return FixedOffsetZone.instance((m[1] === '-' ? -1 : 1) * (hours * 60 + minutes));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A wall-clock time in `zone` → ISO with offset, or null when the date does not exist
 * (31 April) or the time falls in a DST gap. The offset comes from luxon's zone data.
 */
function format(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  zone: Zone,
): string | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return null;
  let offset = offsetAt(zone, wall);
  const corrected = offsetAt(zone, wall - offset * 60_000);
  if (corrected !== offset) {
    if (offsetAt(zone, wall - corrected * 60_000) !== corrected) return null; // in a DST gap
    offset = corrected;
  }
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(ms, 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function build(
  year: number,
  month: number,
  day: number,
  m: RegExpExecArray,
  timeAt: number,
  zoneName: string,
): string | null {
  let hour = Number(m[timeAt] ?? '0');
  const minute = Number(m[timeAt + 1] ?? '0');
  const second = Number(m[timeAt + 2] ?? '0');
  const millisecond = Math.floor(Number(`0.${m[timeAt + 3] ?? '0'}`) * 1000);
  const meridiem = m[timeAt + 4];
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem[0] === 'P' || meridiem[0] === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const written = writtenZone(m[timeAt + 5]);
  if (written === null) return null;
  const zone = written ?? zoneOf(zoneName);
  if (zone === null) return null;
  return format(year, month, day, hour, minute, second, millisecond, zone);
}

function fromExcelSerial(m: RegExpExecArray, zoneName: string): string | null {
  const days = Number(m[1]);
  // serials 20000–80000 are 1954–2119: wider than any order date, narrower than plain numbers
  if (days < 20000 || days >= 80000) return null;
  const seconds = Math.round(Number(`0.${m[2] ?? '0'}`) * 86400);
  const wall = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000 + seconds * 1000);
  const zone = zoneOf(zoneName);
  if (zone === null) return null;
  return format(
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    0,
    zone,
  );
}

/**
 * Parses one date-time. Accepted: ISO (with or without offset), `2026/3/5 14:02`,
 * `2026-03-05 14:02:05 -0800`, `2026年3月5日 14:02`, `05.03.2026 14:02:00 UTC`,
 * `03/05/2026 2:02:05 PM`, Excel serials (`46086.5847`). Date-only values mean local midnight.
 */
export function parseDateTime(text: string, timeZone: string, options: DateReadOptions = {}): string | null {
  const t = text.trim();
  const fast = ISO_FAST.exec(t);
  if (fast !== null) {
    const zone = fast[8] === undefined ? zoneOf(timeZone) : writtenZone(fast[8]);
    if (zone === null || zone === undefined) return null;
    const ms = fast[7] === undefined ? 0 : Math.floor(Number(`0.${fast[7]}`) * 1000);
    return format(
      Number(fast[1]),
      Number(fast[2]),
      Number(fast[3]),
      Number(fast[4]),
      Number(fast[5]),
      Number(fast[6]),
      ms,
      zone,
    );
  }
  let m = YEAR_FIRST.exec(t) ?? YEAR_FIRST_ZH.exec(t);
  if (m !== null) return build(Number(m[1]), Number(m[2]), Number(m[3]), m, 4, timeZone);
  m = DOTTED.exec(t);
  if (m !== null) return build(Number(m[3]), Number(m[2]), Number(m[1]), m, 4, timeZone);
  m = YEAR_LAST.exec(t);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return options.dayFirst === true
      ? build(Number(m[3]), b, a, m, 4, timeZone)
      : build(Number(m[3]), a, b, m, 4, timeZone);
  }
  m = EXCEL_SERIAL.exec(t);
  if (m !== null) return fromExcelSerial(m, timeZone);
  return null;
}

/**
 * Decides day-first for a column of `NN/NN/YYYY` values: true only when some value has a first
 * number above 12 and none has a second number above 12 (month-first is the default, as
 * TikTok and US exports write it).
 */
export function detectDayFirst(values: Iterable<string>): boolean {
  let firstOver12 = false;
  for (const v of values) {
    const m = /^\s*(\d{1,2})[/-](\d{1,2})[/-]\d{4}/.exec(v);
    if (m === null) continue;
    if (Number(m[2]) > 12) return false;
    if (Number(m[1]) > 12) firstOver12 = true;
  }
  return firstOver12;
}
