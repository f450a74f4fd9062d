import { describe, expect, it } from 'vitest';
import { detectDayFirst, parseDateTime } from '../../../src-main/imports/parse-dates.ts';

const SH = 'Asia/Shanghai';

describe('parseDateTime', () => {
  it.each([
    ['2026-03-05T14:02:00+00:00', '2026-03-05T14:02:00.000+00:00'],
    ['2026-03-05T14:02:00Z', '2026-03-05T14:02:00.000+00:00'],
    ['2026-03-05T14:02:00.123-07:00', '2026-03-05T14:02:00.123-07:00'],
    ['2026-03-05 14:02:05 -0800', '2026-03-05T14:02:05.000-08:00'],
    ['2026-03-05 14:02:00 UTC', '2026-03-05T14:02:00.000+00:00'],
    ['2026-03-05 14:02:00 PST', '2026-03-05T14:02:00.000-08:00'],
    ['05.03.2026 14:02:00 UTC', '2026-03-05T14:02:00.000+00:00'],
  ])('keeps the written offset of %s', (text, iso) => {
    expect(parseDateTime(text, SH)).toBe(iso);
  });

  it.each([
    ['2026/3/5 14:02', '2026-03-05T14:02:00.000+08:00'],
    ['2026-03-05 14:02:05', '2026-03-05T14:02:05.000+08:00'],
    ['2026-03-05T14:02:05', '2026-03-05T14:02:05.000+08:00'],
    ['2026-03-05', '2026-03-05T00:00:00.000+08:00'],
    ['05.03.2026 14:02:00', '2026-03-05T14:02:00.000+08:00'],
    ['03/05/2026 14:02', '2026-03-05T14:02:00.000+08:00'],
    ['03/05/2026 2:02:05 PM', '2026-03-05T14:02:05.000+08:00'],
    ['03/05/2026 12:15:00 AM', '2026-03-05T00:15:00.000+08:00'],
    ['2026年3月5日 14:02', '2026-03-05T14:02:00.000+08:00'],
    ['46086.5847', '2026-03-05T14:01:58.000+08:00'],
    ['46086', '2026-03-05T00:00:00.000+08:00'],
  ])('reads the local time %s in the shop zone', (text, iso) => {
    expect(parseDateTime(text, SH)).toBe(iso);
  });

  it('applies the zone rules of the date, daylight time included', () => {
    expect(parseDateTime('2026-01-15 09:00', 'Europe/Berlin')).toBe('2026-01-15T09:00:00.000+01:00');
    expect(parseDateTime('2026-07-15 09:00', 'Europe/Berlin')).toBe('2026-07-15T09:00:00.000+02:00');
    expect(parseDateTime('2026-03-08 03:30', 'America/Los_Angeles')).toBe('2026-03-08T03:30:00.000-07:00');
  });

  it('reads day-first slash dates when asked', () => {
    expect(parseDateTime('05/03/2026 14:02', SH, { dayFirst: true })).toBe('2026-03-05T14:02:00.000+08:00');
  });

  it.each([
    '',
    'yesterday',
    '2026-02-30',
    '2026/13/01',
    '31.04.2026',
    '2026-03-05 25:00',
    '13/13/2026',
    '2026-03-05 14:02 +25:00',
    '13:00 PM 2026-03-05',
    '12345',
    '99999.5',
  ])('returns null for %j', (text) => {
    expect(parseDateTime(text, SH)).toBeNull();
  });

  it('treats a local time inside a DST gap as invalid', () => {
    expect(parseDateTime('2026-03-08 02:30', 'America/Los_Angeles')).toBeNull();
  });
});

describe('detectDayFirst', () => {
  it('is month-first unless a first number above 12 proves day-first', () => {
    expect(detectDayFirst(['03/05/2026 2:02 PM', '03/15/2026 9:00 AM'])).toBe(false);
    expect(detectDayFirst(['03/05/2026', '25/03/2026'])).toBe(true);
    expect(detectDayFirst(['03/05/2026', '04/06/2026'])).toBe(false);
    expect(detectDayFirst(['2026-03-05'])).toBe(false);
  });
});
