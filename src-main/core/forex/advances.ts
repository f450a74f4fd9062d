/**
 * 代垫 advances (汇发〔2020〕11号: ≤ 12 months in principle): due date = advance date + 12
 * months; a warning from month 11 (one month before the due date); overdue from the due date
 * while anything is outstanding.
 */
import type { AdvanceStatus } from './settlement-views.ts';

export const ADVANCE_MONTHS = 12;
export const WARNING_MONTHS = 11;

/** ISO day + n months, clamped to the month's last day (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function advanceStatus(
  date: string,
  outstanding: number,
  asOf: string,
): { dueDate: string; status: AdvanceStatus } {
  const dueDate = addMonths(date, ADVANCE_MONTHS);
  if (outstanding <= 0) return { dueDate, status: 'repaid' };
  if (asOf >= dueDate) return { dueDate, status: 'overdue' };
  if (asOf >= addMonths(date, WARNING_MONTHS)) return { dueDate, status: 'warning' };
  return { dueDate, status: 'open' };
}
