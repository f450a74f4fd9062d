/**
 * Shared by the stock importers (stock-moves, fba-inventory, stock-count): the row loop over a
 * `readTable` table (its read errors pass through as rejected rows) and cell readers that fail
 * with coded `stock.row.*` RowErrors {column, value} naming the file's own header.
 * Quantities are whole numbers ('12', '12.0', '1,200'); days are `YYYY-MM-DD` as written.
 */
import { type Column, RowFailure, readTableRows, type TableRows } from './field-reader.ts';
import { parseDateTime } from './parse-dates.ts';
import type { Table } from './read-table.ts';

/** What every stock importer returns: good rows, coded rejected rows, data rows in the file. */
export type StockParse<R> = TableRows<R>;

/** One row's cells, read with stock codes. */
export class StockCells {
  readonly cells: readonly string[];
  readonly row: number;

  constructor(cells: readonly string[], row: number) {
    this.cells = cells;
    this.row = row;
  }

  /** `column` is the file's column, or the template header name when the file lacks it. */
  fail(column: Column | string, code: string, value?: string): never {
    const header = typeof column === 'string' ? column : column.header;
    const params: Record<string, string> = value === undefined ? { column: header } : { column: header, value };
    throw new RowFailure({ row: this.row, column: header, code, params });
  }

  text(column: Column | null): string {
    return column === null ? '' : (this.cells[column.index] ?? '').trim();
  }

  /** Trimmed text, or null when blank or the column is absent. */
  optional(column: Column | null): string | null {
    const t = this.text(column);
    return t === '' ? null : t;
  }

  required(column: Column): string {
    const t = this.text(column);
    if (t === '') this.fail(column, 'stock.row.missingValue');
    return t;
  }

  /** Whole quantity, ≥ 0 (or > 0 unless `allowZero`); `stock.row.badQuantity` otherwise. */
  quantity(column: Column, allowZero: boolean): number {
    const t = this.required(column);
    const n = wholeNumber(t);
    if (n === null || (n === 0 && !allowZero)) this.fail(column, 'stock.row.badQuantity', t);
    return n;
  }

  /** Like `quantity` (zero allowed) but a blank cell is 0 and an absent column null. */
  count(column: Column | null): number | null {
    if (column === null) return null;
    const t = this.text(column);
    if (t === '') return 0;
    const n = wholeNumber(t);
    if (n === null) this.fail(column, 'stock.row.badQuantity', t);
    return n;
  }

  /** A calendar day `YYYY-MM-DD` as written; see `readDay`. */
  day(column: Column, yearFirstOnly: boolean, dayFirst = false): string {
    const t = this.required(column);
    const d = readDay(t, yearFirstOnly, dayFirst);
    if (d === null) this.fail(column, 'stock.row.badDate', t);
    return d;
  }
}

/** '12', '+12', '12.0', '1,200' → integer; anything else (negative, fractional, text) → null. */
export function wholeNumber(text: string): number | null {
  const m = /^\+?(\d{1,12}|\d{1,3}(?:,\d{3}){1,3})(?:\.0*)?$/.exec(text.trim());
  return m === null ? null : Number((m[1] ?? '').replaceAll(',', ''));
}

/**
 * The day a date cell writes, ignoring any time: `2026-03-05`, `2026/3/5`, `2026年3月5日`, ISO
 * with time or offset (the date as written, never shifted), and — unless `yearFirstOnly` —
 * `05.03.2026`, `03/05/2026` (day-first when told) and Excel serials. Null when not a real day.
 */
export function readDay(text: string, yearFirstOnly: boolean, dayFirst = false): string | null {
  const t = text.trim();
  if (yearFirstOnly && !/^\d{4}\s*[-/.年]/.test(t)) return null;
  // parsed in UTC so the wall-clock day of a zone-less value is kept as written
  const iso = parseDateTime(t, 'UTC', { dayFirst });
  return iso === null ? null : iso.slice(0, 10);
}

/** Runs `readRow` over every data row (`readTableRows`: read errors and failed checks are rejected rows). */
export function collectRows<R>(table: Table, readRow: (cells: StockCells) => R): StockParse<R> {
  return readTableRows(table, (cells, row) => readRow(new StockCells(cells, row)));
}
