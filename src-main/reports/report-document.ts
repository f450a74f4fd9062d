/**
 * The one description of a printable report that every writer renders: the PDF writer
 * (pdfkit, bundled Noto Sans SC) and the XLSX writer (exceljs) take the same `ReportDocument`,
 * so the evidence pack, the tax-filing reports and any later printout are built once as data
 * and printed twice. Labels arrive already in the reader's language (see report-labels.ts);
 * money cells carry integer minor units + currency and are formatted exactly by the writers.
 */
import type { Currency } from '../core/money/index.ts';

export type ReportLanguage = 'zh-CN' | 'zh-TW' | 'en';

/** A cell: plain text, an integer count, exact money, a rate as a decimal string, a date, or a label with its code in small print. */
export type ReportCell =
  | string
  | null
  | { readonly kind: 'money'; readonly minor: number; readonly currency: Currency }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'rate'; readonly text: string }
  | { readonly kind: 'date'; readonly iso: string }
  /** A readable label with its raw code under it in small print (e.g. a platform's fee key). */
  | { readonly kind: 'labelled'; readonly text: string; readonly code: string };

export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  /** Relative width (PDF) / character width hint (XLSX). */
  readonly width?: number;
  readonly align?: 'left' | 'right' | 'center';
}

export interface ReportTable {
  readonly heading: string;
  /** Optional sentence under the heading (e.g. what the table proves). */
  readonly note?: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: ReadonlyArray<Readonly<Record<string, ReportCell>>>;
  /** A totals row printed bold under the table (keys as in `columns`). */
  readonly totals?: Readonly<Record<string, ReportCell>>;
  /** PDF: when the table runs over a page, print the running sums of its money columns (过次页 / 承前页). */
  readonly carryTotals?: boolean;
  /** XLSX: write the totals row's money and number cells as SUM formulas over the column (with the exact result cached). */
  readonly totalsAsFormulas?: boolean;
  /** Sheet name for XLSX (≤ 31 chars, no []:*?/\); defaults to the heading. */
  readonly sheetName?: string;
}

export interface ReportDocument {
  readonly language: ReportLanguage;
  readonly title: string;
  readonly subtitle?: string;
  /** Label → value lines under the title (company, USCC, period, generated at …). */
  readonly meta: ReadonlyArray<readonly [label: string, value: string]>;
  readonly tables: readonly ReportTable[];
  /** Small print at the end of the document (sources, disclaimers). */
  readonly footnotes?: readonly string[];
  /** Document properties (PDF info / XLSX core properties). */
  readonly author?: string;
  readonly createdAt: string;
}
