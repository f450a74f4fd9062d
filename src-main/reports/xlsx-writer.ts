/**
 * Renders a `ReportDocument` to an XLSX workbook with exceljs: a summary sheet (title, meta,
 * the list of tables, footnotes) and one sheet per table with a bold, frozen header row.
 * Money is a numeric cell in major units with the currency's decimal places as number format
 * and its code in the header (or a currency column when a column mixes currencies); rates stay
 * exact text; dates are real dates. Text that a spreadsheet could read as a formula
 * (= + - @ first) is always written as a plain string cell, never as a formula.
 */
import type ExcelJS from 'exceljs';
import { formatDecimal, minor, minorDigits } from '../core/money/index.ts';
import type { Currency } from '../core/money/index.ts';
import type { ReportCell, ReportColumn, ReportDocument, ReportTable } from './report-document.ts';
import { writerWords } from './report-format.ts';

const MAX_SHEET_NAME = 31;

/** Excel's sheet-name rules: no []:*?/\, not blank, no leading/trailing apostrophe, ≤ 31 chars, unique. */
export function sheetNameFor(wanted: string, taken: Set<string>): string {
  const cleaned =
    wanted
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = [...cleaned].slice(0, MAX_SHEET_NAME).join('');
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = [...cleaned].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function moneyFormat(currency: Currency): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/** Major units as the nearest double of the exact decimal text (1234.56, never 1234.5600000001). */
function majorValue(amount: number, currency: Currency): number {
  return Number(formatDecimal({ amount: minor(amount), currency }));
}

const FORMULA_START = /^[=+\-@\t\r]/;

function writeCell(cell: ExcelJS.Cell, value: ReportCell | undefined): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    cell.value = value; // a string value is always a string cell; exceljs never turns it into a formula
    if (FORMULA_START.test(value)) cell.numFmt = '@';
    return;
  }
  switch (value.kind) {
    case 'money':
      cell.value = majorValue(value.minor, value.currency);
      cell.numFmt = moneyFormat(value.currency);
      cell.alignment = { horizontal: 'right' };
      return;
    case 'number':
      cell.value = value.value;
      return;
    case 'rate':
      cell.value = value.text;
      cell.numFmt = '@';
      cell.alignment = { horizontal: 'right' };
      return;
    case 'labelled':
      cell.value = `${value.text}\n${value.code}`;
      cell.alignment = { wrapText: true, vertical: 'top' };
      return;
    case 'date': {
      const hasTime = value.iso.length > 10;
      cell.value = new Date(hasTime ? value.iso : `${value.iso}T00:00:00Z`);
      cell.numFmt = hasTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
      return;
    }
  }
}

function currenciesOf(table: ReportTable, key: string): Currency[] {
  const found = new Set<Currency>();
  for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])]) {
    const cell = row[key];
    if (typeof cell === 'object' && cell !== null && cell.kind === 'money') found.add(cell.currency);
  }
  return [...found];
}

/** A sheet column: a report column, or the currency code next to a mixed-currency money column. */
interface SheetColumn {
  readonly label: string;
  readonly width: number;
  readonly align: ReportColumn['align'];
  readonly value: (row: Readonly<Record<string, ReportCell>>) => ReportCell | undefined;
}

function sheetColumns(doc: ReportDocument, table: ReportTable): SheetColumn[] {
  const words = writerWords(doc.language);
  const out: SheetColumn[] = [];
  for (const column of table.columns) {
    const currencies = currenciesOf(table, column.key);
    const width = Math.max(
      8,
      Math.min(60, column.width !== undefined && column.width > 3 ? column.width : column.label.length * 2 + 6),
    );
    const label = currencies.length === 1 ? `${column.label} (${currencies[0]})` : column.label;
    out.push({
      label,
      width: currencies.length > 0 ? Math.max(width, 16) : width,
      align: column.align,
      value: (row) => row[column.key],
    });
    if (currencies.length > 1) {
      out.push({
        label: `${column.label} · ${words.currency}`,
        width: 10,
        align: 'center',
        value: (row) => {
          const cell = row[column.key];
          return typeof cell === 'object' && cell !== null && cell.kind === 'money' ? cell.currency : null;
        },
      });
    }
  }
  return out;
}

function addTableSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, table: ReportTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = sheetColumns(doc, table);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    writeCell(cell, c.label);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
    if (c.align !== undefined) cell.alignment = { horizontal: c.align };
  });
  const writeRow = (rowNumber: number, values: Readonly<Record<string, ReportCell>>, bold: boolean): void => {
    const row = sheet.getRow(rowNumber);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      writeCell(cell, c.value(values));
      if (bold) cell.font = { bold: true };
    });
  };
  table.rows.forEach((values, i) => writeRow(i + 2, values, false));
  if (table.totals !== undefined) {
    const totalsRow = table.rows.length + 2;
    writeRow(totalsRow, table.totals, true);
    if (table.totalsAsFormulas === true && table.rows.length > 0) {
      // Totals as formulas over the column, with the exact total cached as the result (readers without a calc engine see it too).
      columns.forEach((c, i) => {
        const cell = sheet.getRow(totalsRow).getCell(i + 1);
        const value = c.value(table.totals!);
        if (typeof value !== 'object' || value === null || (value.kind !== 'money' && value.kind !== 'number')) return;
        const letter = sheet.getColumn(i + 1).letter;
        const result = value.kind === 'money' ? majorValue(value.minor, value.currency) : value.value;
        cell.value = { formula: `SUM(${letter}2:${letter}${totalsRow - 1})`, result };
      });
    }
  }
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  doc: ReportDocument,
  name: string,
  sheets: readonly string[],
): void {
  const words = writerWords(doc.language);
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 28 }, { width: 60 }];
  let r = 1;
  const put = (a: ReportCell, b?: ReportCell, bold = false): void => {
    const row = sheet.getRow(r);
    writeCell(row.getCell(1), a);
    writeCell(row.getCell(2), b);
    if (bold) row.getCell(1).font = { bold: true, size: 14 };
    r += 1;
  };
  put(doc.title, undefined, true);
  if (doc.subtitle !== undefined) put(doc.subtitle);
  r += 1;
  for (const [label, value] of doc.meta) put(label, value);
  r += 1;
  doc.tables.forEach((table, i) => {
    put(`${words.table} ${i + 1}: ${sheets[i] ?? ''}`, table.heading);
    if (table.note !== undefined) put(null, table.note);
    put(null, `${words.rows}: ${table.rows.length}`);
  });
  if (doc.footnotes !== undefined && doc.footnotes.length > 0) {
    r += 1;
    for (const note of doc.footnotes) put(note);
  }
}

/** Renders the document to XLSX bytes. */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded when first used: the host starts sooner (issue 19)
  const workbook = new Excel.Workbook();
  const created = new Date(doc.createdAt);
  workbook.creator = doc.author ?? 'Kuajing Ledger';
  workbook.lastModifiedBy = workbook.creator;
  workbook.title = doc.title;
  workbook.created = created;
  workbook.modified = created;
  const taken = new Set<string>();
  const summaryName = sheetNameFor(writerWords(doc.language).summary, taken);
  const names = doc.tables.map((t) => sheetNameFor(t.sheetName ?? t.heading, taken));
  addSummarySheet(workbook, doc, summaryName, names);
  doc.tables.forEach((table, i) => addTableSheet(workbook, doc, table, names[i] ?? `Sheet${i + 2}`));
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
