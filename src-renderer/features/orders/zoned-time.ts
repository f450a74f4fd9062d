/**
 * Wall-clock time in a shop's IANA time zone ↔ ISO-8601 with the offset, without a date
 * library: the offset is read from Intl for the instant, and checked again at the result
 * so DST changes land on the right side. A local time that does not exist (spring-forward
 * gap) takes the offset before the change.
 */
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function partsIn(zone: string, ms: number): Record<string, number> {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes east of UTC in `zone` at the instant `ms`. Throws RangeError for an unknown zone. */
export function offsetMinutes(zone: string, ms: number): number {
  const p = partsIn(zone, ms);
  const asUtc = Date.UTC(
    p['year'] ?? 1970,
    (p['month'] ?? 1) - 1,
    p['day'] ?? 1,
    p['hour'] ?? 0,
    p['minute'] ?? 0,
    p['second'] ?? 0,
  );
  return Math.round((asUtc - (ms - (ms % 1000))) / 60_000);
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** '2026-03-05T14:02' read in 'Asia/Shanghai' → '2026-03-05T14:02:00+08:00'; null if not a time or zone. */
export function zonedLocalToIso(local: string, zone: string): string | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  try {
    const first = offsetMinutes(zone, wall);
    const second = offsetMinutes(zone, wall - first * 60_000);
    const offset = offsetMinutes(zone, wall - second * 60_000) === second ? second : first;
    return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offsetText(offset)}`;
  } catch {
    return null;
  }
}

/** An ISO instant as the `datetime-local` value ('YYYY-MM-DDTHH:mm') it shows in `zone`. */
export function isoToZonedLocal(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  try {
    const p = partsIn(zone, ms);
    return `${pad(p['year'] ?? 0, 4)}-${pad(p['month'] ?? 1)}-${pad(p['day'] ?? 1)}T${pad(p['hour'] ?? 0)}:${pad(p['minute'] ?? 0)}`;
  } catch {
    return '';
  }
}

/** True if Intl knows the zone. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
