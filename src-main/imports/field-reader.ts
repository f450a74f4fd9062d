/**
 * Reads one row's cells into typed values, failing with a RowFailure that carries the row, the
 * file's own column header and a coded reason (`import.row.badAmount` {column, value} …).
 * Money always goes through `parseDecimal` in the row's currency; empty amounts are zero;
 * quantities are integers; text is trimmed but never otherwise changed (`=HYPERLINK(…)` stays).
 */
import { DomainError } from '../core/domain-error.ts';
import { type Currency, type Minor, minor, parseDecimal } from '../core/money/index.ts';
import type { ImportedLine, ImportedOrder, RowError } from '../core/orders/order.ts';
import { countryToIso2 } from './country-codes.ts';
import { currencyFromText } from './currency-from-text.ts';
import { parseDateTime } from './parse-dates.ts';
import { checkRowsAccounted, type Table } from './read-table.ts';

/** A column of the table: where it is and its header as the file writes it. */
export interface Column {
  readonly index: number;
  readonly header: string;
}

/** The first column whose normalised header is one of `keys` (tried in order), or null. */
export function findColumn(table: Pick<Table, 'headers' | 'keys'>, ...keys: readonly string[]): Column | null {
  for (const key of keys) {
    const index = table.keys.indexOf(key);
    if (index >= 0) return { index, header: table.headers[index] ?? key };
  }
  return null;
}

/** Thrown while reading a row; the grouping turns it into a rejected row. */
export class RowFailure extends Error {
  readonly rowError: RowError;
  constructor(rowError: RowError) {
    super(rowError.code);
    this.rowError = rowError;
  }
}

/** A table's rows as read: good rows in file order, coded rejected rows, and how many data rows the file has. */
export interface TableRows<R> {
  readonly rows: R[];
  readonly rejected: RowError[];
  readonly rowCount: number;
}

/**
 * Runs `readRow` over every data row of a `readTable` table: a row with a read error
 * (`import.row.columnCount`, `unterminatedQuote`, `fieldTooLong`) or whose `readRow` throws a
 * RowFailure is rejected with its RowError; every row is accounted for (`checkRowsAccounted`).
 */
export function readTableRows<R>(table: Table, readRow: (cells: readonly string[], row: number) => R): TableRows<R> {
  const rows: R[] = [];
  const rejected: RowError[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const readError = table.rowErrors[i] ?? null;
    if (readError !== null) {
      rejected.push(readError);
      continue;
    }
    try {
      rows.push(readRow(table.rows[i] ?? [], table.rowNumbers[i] ?? 0));
    } catch (e) {
      if (e instanceof RowFailure) rejected.push(e.rowError);
      else throw e;
    }
  }
  checkRowsAccounted(table.rows.length, rows.length, rejected.length);
  return { rows, rejected, rowCount: table.rows.length };
}

export const ZERO = minor(0);

/** What a marketplace export without sales channels (Shopee, TikTok) states about the order on its first row. */
export function marketplaceOrderHead(
  platform: ImportedOrder['platform'],
  orderNo: string,
  head: {
    readonly status: string;
    readonly createdAt: string;
    readonly country: string | null;
    readonly currency: Currency;
  },
): Pick<
  ImportedOrder,
  'platform' | 'orderNo' | 'platformStatus' | 'salesChannel' | 'orderedAt' | 'buyerCountry' | 'currency'
> {
  return {
    platform,
    orderNo,
    platformStatus: head.status,
    salesChannel: null,
    orderedAt: head.createdAt,
    buyerCountry: head.country,
    currency: head.currency,
  };
}

/**
 * One order's rows must agree on the currency: a row that states one other than `expected` fails
 * with `import.row.currencyMismatch` in `column`; rows without one (null) go with any.
 */
export function checkSameCurrency(
  rows: readonly { readonly row: number; readonly value: { readonly currency: Currency | null } }[],
  column: Column,
  expected: Currency | null,
): void {
  for (const r of rows) {
    if (r.value.currency !== null && r.value.currency !== expected) {
      throw new RowFailure({
        row: r.row,
        column: column.header,
        code: 'import.row.currencyMismatch',
        params: { column: column.header, value: r.value.currency, expected: expected ?? '' },
      });
    }
  }
}

/** A goods line with the parts most exports do not state per line left at zero. */
export function goodsLine(
  line: Pick<ImportedLine, 'lineKey' | 'sku' | 'itemName' | 'quantity' | 'unitPrice' | 'lineTotal' | 'sourceRow'> &
    Partial<ImportedLine>,
): ImportedLine {
  return { discount: ZERO, taxOnTop: ZERO, shipping: ZERO, giftWrap: ZERO, cancelled: false, ...line };
}

/** The cells every order-line row of a marketplace file yields. */
export interface LineCells {
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: number;
  /** Absent where the format states only line totals (Amazon). */
  readonly unitPrice?: Minor | null;
  readonly lineTotal: Minor | null;
}

/**
 * An order's goods lines from its rows (`keys[i]` is row i's stable line key); `extra` adds what a
 * format states beyond the common cells (a line discount, taxes, shipping on the line).
 */
export function goodsLines<V extends LineCells>(
  rows: readonly { readonly row: number; readonly value: V }[],
  keys: readonly string[],
  extra: (v: V) => Partial<ImportedLine> = () => ({}),
): ImportedLine[] {
  return rows.map((r, i) =>
    goodsLine({
      lineKey: keys[i] ?? '',
      sku: r.value.sku,
      itemName: r.value.itemName,
      quantity: r.value.quantity,
      unitPrice: r.value.unitPrice ?? null,
      lineTotal: r.value.lineTotal,
      sourceRow: r.row,
      ...extra(r.value),
    }),
  );
}

export class FieldReader {
  readonly cells: readonly string[];
  readonly row: number;
  readonly timeZone: string;

  constructor(cells: readonly string[], row: number, timeZone: string) {
    this.cells = cells;
    this.row = row;
    this.timeZone = timeZone;
  }

  fail(column: Column | null, code: string, params: Record<string, string | number> = {}): never {
    const all = column === null ? params : { column: column.header, ...params };
    throw new RowFailure({ row: this.row, column: column?.header ?? null, code, params: all });
  }

  text(column: Column | null): string {
    return column === null ? '' : (this.cells[column.index] ?? '').trim();
  }

  required(column: Column): string {
    const t = this.text(column);
    if (t === '') this.fail(column, 'import.row.missingValue');
    return t;
  }

  /** Signed amount; empty → 0. `decimalComma` reads `12,34` / `1.234,56` (EU Amazon files). */
  amount(column: Column | null, currency: Currency, decimalComma = false): Minor {
    const t = this.text(column);
    if (t === '' || column === null) return ZERO;
    try {
      const text =
        decimalComma && /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?$/.test(t)
          ? t.replaceAll('.', '').replace(',', '.')
          : t;
      return parseDecimal(text, currency).amount;
    } catch (e) {
      if (e instanceof DomainError) this.fail(column, 'import.row.badAmount', { value: t });
      throw e;
    }
  }

  /** An amount, or null when the cell is empty or the column absent (the file states none: unknown, never 0). */
  optionalAmount(column: Column | null, currency: Currency): Minor | null {
    return this.text(column) === '' ? null : this.amount(column, currency);
  }

  /** An amount whose sign the file may write either way (discounts): its magnitude. */
  magnitude(column: Column | null, currency: Currency): Minor {
    const a = this.amount(column, currency);
    return (a < 0 ? -a : a) as Minor;
  }

  /** Whole, positive (or zero where the format allows it) quantity; '2.0' from Excel is 2. */
  quantity(column: Column, allowZero = false): number {
    const t = this.required(column);
    const m = /^\+?(\d{1,15})(?:\.0*)?$/.exec(t);
    const n = m === null ? NaN : Number(m[1]);
    if (Number.isNaN(n) || (n === 0 && !allowZero)) this.fail(column, 'import.row.badQuantity', { value: t });
    return n;
  }

  date(column: Column, dayFirst: boolean): string {
    const t = this.required(column);
    const iso = parseDateTime(t, this.timeZone, { dayFirst });
    if (iso === null) this.fail(column, 'import.row.badDate', { value: t });
    return iso;
  }

  /** The cell as `parse` reads it; null when it is empty or the column absent; `code` {value} when `parse` cannot read it. */
  lookup<T>(column: Column | null, parse: (text: string) => T | null, code: string): T | null {
    const t = this.text(column);
    if (t === '' || column === null) return null;
    return parse(t) ?? this.fail(column, code, { value: t });
  }

  /** `text` itself, or `code` {value: its first 20 characters} when it is longer than `max`. */
  atMost(column: Column | null, text: string, max: number, code: string): string {
    if (text.length > max) this.fail(column, code, { value: text.slice(0, 20) });
    return text;
  }

  country(column: Column | null): string | null {
    return this.lookup(column, countryToIso2, 'import.row.badCountry');
  }

  currency(column: Column | null): Currency | null {
    return this.lookup(column, currencyFromText, 'import.row.badCurrency');
  }

  /**
   * The status word as written. A word no table knows is kept too: the core makes it status
   * `unknown` until the shop maps it, so an unknown word never drops an order.
   */
  status(column: Column): string {
    return this.required(column);
  }
}
