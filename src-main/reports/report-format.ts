/**
 * Cell formatting shared by the report writers: exact money text with thousands separators
 * (from `formatDecimal`, never a float), the page-number and currency labels per language,
 * and the plain-text form of any `ReportCell`.
 */
import { formatDecimal, minor } from '../core/money/index.ts';
import type { Currency } from '../core/money/index.ts';
import type { ReportCell, ReportLanguage } from './report-document.ts';

/** Exact decimal with ',' thousands separators: 123456 CNY → '1,234.56'; -5 JPY → '-5'. */
export function groupedDecimal(amount: number, currency: Currency): string {
  const plain = formatDecimal({ amount: minor(amount), currency });
  const negative = plain.startsWith('-');
  const unsigned = negative ? plain.slice(1) : plain;
  const [intPart = '', fracPart] = unsigned.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fracPart === undefined ? '' : `.${fracPart}`}`;
}

/** Money as printed in a PDF cell: '1,234.56 USD'. */
export function moneyText(amount: number, currency: Currency): string {
  return `${groupedDecimal(amount, currency)} ${currency}`;
}

/** Plain text of any cell, as the PDF prints it (XLSX keeps typed values instead). */
export function cellText(cell: ReportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  switch (cell.kind) {
    case 'money':
      return moneyText(cell.minor, cell.currency);
    case 'number':
      return String(cell.value);
    case 'rate':
      return cell.text;
    case 'date':
      return cell.iso;
    case 'labelled':
      return cell.text;
  }
}

/** The small-print line under a cell (a labelled cell's raw code), if any. */
export function cellSmallPrint(cell: ReportCell | undefined): string | undefined {
  return typeof cell === 'object' && cell !== null && cell.kind === 'labelled' && cell.code !== ''
    ? cell.code
    : undefined;
}

const PAGE_LABEL: Record<ReportLanguage, (page: number, total: number) => string> = {
  'zh-CN': (n, total) => `第 ${n} / ${total} 页`,
  'zh-TW': (n, total) => `第 ${n} / ${total} 頁`,
  en: (n, total) => `Page ${n} of ${total}`,
};

/** "第 n / N 页" in the document's language. */
export function pageLabel(language: ReportLanguage, page: number, total: number): string {
  return PAGE_LABEL[language](page, total);
}

const WORDS: Record<
  ReportLanguage,
  { summary: string; currency: string; rows: string; table: string; none: string; carried: string; brought: string }
> = {
  'zh-CN': {
    summary: '摘要',
    currency: '币种',
    rows: '行数',
    table: '表',
    none: '（无）',
    carried: '过次页',
    brought: '承前页',
  },
  'zh-TW': {
    summary: '摘要',
    currency: '幣別',
    rows: '列數',
    table: '表',
    none: '（無）',
    carried: '過次頁',
    brought: '承前頁',
  },
  en: {
    summary: 'Summary',
    currency: 'Currency',
    rows: 'Rows',
    table: 'Table',
    none: '(none)',
    carried: 'Carried forward',
    brought: 'Brought forward',
  },
};

/** Fixed words the writers add themselves (sheet names, column suffixes). */
export function writerWords(language: ReportLanguage): (typeof WORDS)['en'] {
  return WORDS[language];
}
