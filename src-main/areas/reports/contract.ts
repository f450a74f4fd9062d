/** Commands of the reports area (issue 17): read-only reports as data, and their printouts. */
import { z } from 'zod';
import { result } from '../contract-kit.ts';
import type { ReportDocument } from '../../reports/report-document.ts';
import { REPORT_NAMES, type ReportData } from './report-data.ts';

export { REPORT_NAMES };
export type { DataCell, DataColumn, DataSection, ReportData, ReportName } from './report-data.ts';
export type { ReportCell, ReportColumn, ReportDocument, ReportTable } from '../../reports/report-document.ts';

const reportInput = {
  name: z.enum(REPORT_NAMES),
  /** '2026-Q1' or '2026-03'; for `netting` the settlement id. */
  period: z.string().min(1).max(60),
  preparedBy: z.string().max(60).nullable().optional(),
  staff: z.number().int().min(0).nullable().optional(),
  /** Total assets in CNY fen. */
  totalAssets: z.number().int().min(0).nullable().optional(),
};

/** A closed month's state and its recorded acts (close / reopen with reason). */
export interface PeriodStateView {
  readonly month: string;
  readonly closed: boolean;
  readonly events: ReadonlyArray<{
    readonly id: number;
    readonly month: string;
    readonly action: 'close' | 'reopen';
    readonly reason: string | null;
    readonly at: string;
  }>;
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const reportsContract = {
  'periods.list': { input: z.object({}).strict(), result: result<readonly PeriodStateView[]>(), mutates: false },
  'periods.close': { input: z.object({ month }).strict(), result: result<PeriodStateView>(), mutates: true },
  'periods.reopen': {
    input: z.object({ month, reason: z.string().min(1).max(200) }).strict(),
    result: result<PeriodStateView>(),
    mutates: true,
  },
  'reports.get': { input: z.object(reportInput).strict(), result: result<ReportData>(), mutates: false },
  /** The printable document in the reader's language, for the print preview. */
  'reports.document': {
    input: z.object({ ...reportInput, language: z.enum(['zh-CN', 'zh-TW', 'en']).optional() }).strict(),
    result: result<ReportDocument>(),
    mutates: false,
  },
  'reports.file': {
    input: z
      .object({
        ...reportInput,
        format: z.enum(['json', 'pdf', 'xlsx']),
        language: z.enum(['zh-CN', 'zh-TW', 'en']).optional(),
      })
      .strict(),
    result: result<{ readonly fileName: string; readonly contentBase64: string }>(),
    mutates: false,
  },
} as const;
