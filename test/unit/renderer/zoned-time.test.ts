/**
 * Wall-clock time in a shop's time zone ↔ ISO with offset, as the manual order form sends
 * and shows it: standard and summer time, the spring-forward gap, and unknown zones.
 */
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, isoToZonedLocal, zonedLocalToIso } from '../../../src-renderer/features/orders/zoned-time.ts';

describe('zoned time', () => {
  it('reads a local time in the shop’s zone and writes it with that offset', () => {
    expect(zonedLocalToIso('2026-03-05T14:02', 'Asia/Shanghai')).toBe('2026-03-05T14:02:00+08:00');
    expect(zonedLocalToIso('2026-03-05T14:02', 'Asia/Tokyo')).toBe('2026-03-05T14:02:00+09:00');
    expect(zonedLocalToIso('2026-01-15T09:30', 'America/Los_Angeles')).toBe('2026-01-15T09:30:00-08:00');
    expect(zonedLocalToIso('2026-07-15T09:30', 'America/Los_Angeles')).toBe('2026-07-15T09:30:00-07:00');
    expect(zonedLocalToIso('2026-07-15T09:30', 'Europe/London')).toBe('2026-07-15T09:30:00+01:00');
    expect(zonedLocalToIso('2026-07-15T09:30:15', 'UTC')).toBe('2026-07-15T09:30:15+00:00');
    expect(zonedLocalToIso('2026-07-15T09:30', 'Asia/Kolkata')).toBe('2026-07-15T09:30:00+05:30');
  });

  it('takes the offset before the change for a time that does not exist (spring forward)', () => {
    // 2026-03-08 02:30 does not exist in Los Angeles.
    expect(zonedLocalToIso('2026-03-08T02:30', 'America/Los_Angeles')).toBe('2026-03-08T02:30:00-08:00');
    expect(zonedLocalToIso('2026-03-08T03:30', 'America/Los_Angeles')).toBe('2026-03-08T03:30:00-07:00');
  });

  it('shows an instant as the local time in the zone', () => {
    expect(isoToZonedLocal('2026-03-05T06:02:00Z', 'Asia/Shanghai')).toBe('2026-03-05T14:02');
    expect(isoToZonedLocal('2026-03-05T14:02:00+08:00', 'America/New_York')).toBe('2026-03-05T01:02');
    expect(isoToZonedLocal('not a date', 'UTC')).toBe('');
  });

  it('round-trips every hour of a year in a DST zone (outside the gap)', () => {
    for (let h = 0; h < 24 * 365; h += 7) {
      const iso = new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString();
      const local = isoToZonedLocal(iso, 'Europe/Berlin');
      const back = zonedLocalToIso(local, 'Europe/Berlin');
      expect(back === null ? NaN : Date.parse(back), `${iso} → ${local} → ${back}`).toBeOneOf([
        Date.parse(iso),
        Date.parse(iso) - 3_600_000,
      ]);
    }
  });

  it('refuses unknown zones and malformed times', () => {
    expect(zonedLocalToIso('2026-03-05T14:02', 'Mars/Olympus')).toBeNull();
    expect(zonedLocalToIso('5 March', 'UTC')).toBeNull();
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
