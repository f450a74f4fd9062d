import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../../src-main/core/time/days.ts';

describe('calendar days', () => {
  it('counts whole days across months, leap days and a DST change, and backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // US DST starts on 2026-03-08
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(-2);
    expect(daysBetween('2026-03-01T23:59:59Z', '2026-03-02')).toBe(1);
  });

  it('adds and subtracts days, across a year end', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -29)).toBe('2026-01-31');
    expect(daysBetween('2026-03-01', addDays('2026-03-01', 365))).toBe(365);
  });
});
