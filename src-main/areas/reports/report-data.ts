/**
 * The reports as data (issue 17 point 1): every report is a `ReportData` — its period, company,
 * the rates it used, sections of typed columns and rows (money as integer minor units of the
 * column's currency) with their totals, a summary of named figures and notes as codes. The JSON
 * output is this object; the PDF and XLSX are printed from it (to-document.ts), so the three agree.
 */
import type { AppliedRate } from '../../core/forex/settlement-views.ts';
import type { Currency } from '../../core/money/index.ts';

export const REPORT_NAMES = [
  'tax-register',
  'deemed-income-tax',
  'export-summary',
  'stock-valuation',
  'netting',
  '9810-sold-unsold',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export type ColumnKind = 'text' | 'money' | 'number' | 'date' | 'rate';

export interface DataColumn {
  readonly key: string;
  readonly kind: ColumnKind;
  /** Money columns: the currency of every cell (CNY for the tax reports). */
  readonly currency?: Currency;
  /** Money columns in several currencies: the row's column that names each cell's currency. */
  readonly currencyFrom?: string;
  /** Relative print width (PDF; default 1) for wide tables. */
  readonly width?: number;
}

/** Column builders, so a section lists its columns as `text('sku')`, `money('value', 'CNY')` …. */
const column =
  (kind: Exclude<ColumnKind, 'money'>) =>
  (key: string, width?: number): DataColumn =>
    width === undefined ? { key, kind } : { key, kind, width };
export const textColumn = column('text');
export const dateColumn = column('date');
export const numberColumn = column('number');
export const rateColumn = column('rate');
/** A money column in one currency, or in the currency each row names in its column `{ from }`. */
export function moneyColumn(key: string, currency: Currency | { readonly from: string }, width?: number): DataColumn {
  const c = typeof currency === 'string' ? { currency } : { currencyFrom: currency.from };
  return { key, kind: 'money', ...c, ...(width === undefined ? {} : { width }) };
}

export type DataCell = string | number | null;

export interface DataSection {
  /** Label key (report-text.ts) and stable id. */
  readonly key: string;
  readonly columns: readonly DataColumn[];
  readonly rows: ReadonlyArray<Readonly<Record<string, DataCell>>>;
  /** Σ of the money / number columns that are totalled (exact integers). */
  readonly totals?: Readonly<Record<string, DataCell>>;
  /** False for sections printed apart from the report's totals (e.g. orders without a list). */
  readonly inTotals: boolean;
}

export interface ReportData {
  readonly name: ReportName;
  readonly period: { readonly label: string; readonly from: string; readonly to: string };
  readonly company: { readonly name: string; readonly uscc: string } | null;
  readonly generatedAt: string;
  readonly preparedBy: string | null;
  /** Every rate the figures used (PBoC 中间价 for the tax reports). */
  readonly rates: readonly AppliedRate[];
  readonly sections: readonly DataSection[];
  /** Named figures (minor units / counts / text), e.g. the register's total and its reconciliation. */
  readonly summary: Readonly<Record<string, DataCell | boolean>>;
  /** True when the period holds nothing to report (the report still prints, saying so). */
  readonly empty: boolean;
  /** Note codes printed under the report (translated by report-text.ts). */
  readonly notes: readonly string[];
}

export interface ReportOptions {
  readonly preparedBy?: string | null | undefined;
  /** Deemed income tax: average staff and total assets (CNY fen) for the small-and-micro relief. */
  readonly staff?: number | null | undefined;
  readonly totalAssets?: number | null | undefined;
}
