/**
 * Summary declaration plan (汇总申报, 公告2018年第194号 as domain.md §5 reads it; the merge keys are
 * UNCONFIRMED there and kept in one place here): lists with statisticsFlag A form no declaration
 * (summary statistics only); B lists concluded (899 结关) are merged into one application per
 * (consignor ebcCode, transport mode, producer/seller ownerCode, country of arrival, exit office
 * portCode, month of export), and within it one declaration line per (final destination, 10-digit
 * HS, currency) with quantities and values summed exactly (unit is not a key). B lists released
 * or concluded by the list check (800/399) but not 结关 are pending. The application is due by
 * the 15th of the next month (the next working day when that is not one); December's lists by
 * December's last working day. Pure: today and the holiday calendar come in.
 */
import { sumDecimalTexts } from './decimal-text.ts';

export interface SummaryListFacts {
  readonly invtNo: string;
  readonly statisticsFlag: string;
  /** Latest customs status of the list ('800', '399', '899'…). */
  readonly status: string;
  /** Export date 'YYYY-MM-DD'. */
  readonly ieDate: string;
  readonly ebcCode: string;
  readonly trafMode: string;
  readonly ownerCode: string;
  /** Country of arrival (head country, customs code). */
  readonly country: string;
  readonly portCode: string;
  readonly lines: ReadonlyArray<{
    readonly country: string;
    readonly gcode: string;
    readonly currency: string;
    readonly qty: string;
    readonly totalPrice: string;
  }>;
}

export interface SummaryGroupKey {
  readonly ebcCode: string;
  readonly trafMode: string;
  readonly ownerCode: string;
  readonly country: string;
  readonly portCode: string;
  /** 'YYYY-MM' of the export date. */
  readonly month: string;
}

export interface SummaryGroup {
  readonly key: SummaryGroupKey;
  readonly invtNos: readonly string[];
  readonly lines: ReadonlyArray<{ country: string; gcode: string; currency: string; qty: string; totalPrice: string }>;
  readonly dueDate: string;
  /** 'due' within 5 days before the due date (inclusive), 'overdue' after it. */
  readonly warning: 'due' | 'overdue' | null;
}

export interface SummaryPlan {
  readonly statisticsOnly: readonly string[];
  readonly pending: readonly string[];
  readonly groups: readonly SummaryGroup[];
}

export interface WorkCalendar {
  /** Public holidays 'YYYY-MM-DD' (not working days even on a weekday). */
  readonly holidays?: readonly string[];
  /** Weekend days that are working days (调休). */
  readonly workingWeekends?: readonly string[];
}

const CONCLUDED = '899';
const WARN_DAYS = 5;

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(isoDay: string, n: number): string {
  const d = day(isoDay);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

export function isWorkingDay(isoDay: string, cal: WorkCalendar = {}): boolean {
  if (cal.holidays?.includes(isoDay)) return false;
  if (cal.workingWeekends?.includes(isoDay)) return true;
  const wd = day(isoDay).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** Due date of the application for lists exported in `month` ('YYYY-MM'). */
export function summaryDueDate(month: string, cal: WorkCalendar = {}): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (m === 12) {
    let d = `${y}-12-31`;
    while (!isWorkingDay(d, cal)) d = addDays(d, -1);
    return d;
  }
  let d = `${m === 12 ? y + 1 : y}-${String(m + 1).padStart(2, '0')}-15`;
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

export function planSummary(lists: readonly SummaryListFacts[], today: string, cal: WorkCalendar = {}): SummaryPlan {
  const statisticsOnly: string[] = [];
  const pending: string[] = [];
  type LineAcc = { country: string; gcode: string; currency: string; qty: string[]; totalPrice: string[] };
  const groups = new Map<string, { key: SummaryGroupKey; invtNos: string[]; lines: Map<string, LineAcc> }>();
  for (const l of lists) {
    if (l.statisticsFlag !== 'B') {
      statisticsOnly.push(l.invtNo);
      continue;
    }
    if (l.status !== CONCLUDED) {
      pending.push(l.invtNo);
      continue;
    }
    const key: SummaryGroupKey = {
      ebcCode: l.ebcCode,
      trafMode: l.trafMode,
      ownerCode: l.ownerCode,
      country: l.country,
      portCode: l.portCode,
      month: l.ieDate.slice(0, 7),
    };
    const k = JSON.stringify(key);
    const g = groups.get(k) ?? { key, invtNos: [], lines: new Map<string, LineAcc>() };
    groups.set(k, g);
    g.invtNos.push(l.invtNo);
    for (const line of l.lines) {
      const lk = `${line.country}|${line.gcode}|${line.currency}`;
      const acc: LineAcc = g.lines.get(lk) ?? {
        country: line.country,
        gcode: line.gcode,
        currency: line.currency,
        qty: [],
        totalPrice: [],
      };
      acc.qty.push(line.qty);
      acc.totalPrice.push(line.totalPrice);
      g.lines.set(lk, acc);
    }
  }
  return {
    statisticsOnly,
    pending,
    groups: [...groups.values()].map((g) => {
      const dueDate = summaryDueDate(g.key.month, cal);
      const warning = today > dueDate ? 'overdue' : today >= addDays(dueDate, -WARN_DAYS) ? 'due' : null;
      return {
        key: g.key,
        invtNos: g.invtNos,
        dueDate,
        warning,
        lines: [...g.lines.values()].map((x) => ({
          country: x.country,
          gcode: x.gcode,
          currency: x.currency,
          qty: sumDecimalTexts(x.qty),
          totalPrice: sumDecimalTexts(x.totalPrice),
        })),
      };
    }),
  };
}
