import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  erpTime,
  isoTime,
  settlementTime,
  shopeeTime,
  shopifyTime,
  tiktokTime,
} from '../../../../src-main/imports/demo/zoned-time.ts';

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Kuala_Lumpur',
  'Australia/Lord_Howe',
];
// 2024-01-01 … 2030-01-01: crosses many DST changes
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) });

describe('zoned time formatting', () => {
  it('agrees with luxon in every style, across DST changes', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const t = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone, locale: 'en-US' });
        const s = t.toMillis();
        expect(isoTime(s, zone)).toBe(t.toISO({ suppressMilliseconds: true }));
        expect(shopifyTime(s, zone)).toBe(t.toFormat('yyyy-MM-dd HH:mm:ss ZZZ'));
        expect(tiktokTime(s, zone)).toBe(t.toFormat('MM/dd/yyyy h:mm:ss a'));
        expect(shopeeTime(s, zone)).toBe(t.toFormat('yyyy-MM-dd HH:mm'));
        expect(erpTime(s, zone)).toBe(t.toFormat('yyyy/M/d HH:mm'));
      }),
      { numRuns: 2000 },
    );
  });

  it('prints the exact shapes the exports use', () => {
    const ms = Date.parse('2026-03-05T22:02:05Z');
    expect(isoTime(ms, 'America/Los_Angeles')).toBe('2026-03-05T14:02:05-08:00');
    expect(shopifyTime(ms, 'America/Los_Angeles')).toBe('2026-03-05 14:02:05 -0800');
    expect(tiktokTime(ms, 'America/Los_Angeles')).toBe('03/05/2026 2:02:05 PM');
    expect(erpTime(Date.parse('2026-03-05T06:02:00Z'), 'Asia/Shanghai')).toBe('2026/3/5 14:02');
    expect(settlementTime(ms)).toBe('2026-03-05 22:02:05 UTC');
    // after the US switch to summer time on 2026-03-08
    expect(isoTime(Date.parse('2026-03-09T21:02:05Z'), 'America/Los_Angeles')).toBe('2026-03-09T14:02:05-07:00');
  });

  it('rejects an unknown zone', () => {
    expect(() => isoTime(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
