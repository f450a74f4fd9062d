/**
 * Payout CSV/XLSX files other than Amazon's: long formats (one row per transaction — Shopify
 * Payments, PingPong, LianLian, Payoneer, the generic payout CSV; an optional fee column adds
 * a platform-fee line) and wide formats (Shopee income, TikTok settlement — one row per order,
 * one column per deduction). The deposit is the stated total column when present (checked
 * against Σ lines), else Σ lines. Period = first to last line date; the settlement id is the
 * file's own id column, else `<source>:<first 16 hex of the file's SHA-256>`.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { PayoutSource } from '../../core/forex/settlement-views.ts';
import type { Currency, Minor } from '../../core/money/index.ts';
import type { RowError } from '../../core/orders/order.ts';
import { currencyFromText } from '../currency-from-text.ts';
import { type Column, FieldReader, RowFailure } from '../field-reader.ts';
import { stripUnit } from '../header-dictionary.ts';
import { detectDayFirst } from '../parse-dates.ts';
import { checkRowsAccounted, type Table } from '../read-table.ts';
import { sumMinor } from '../sum-minor.ts';
import { checkDeposit } from './check-deposit.ts';
import { categoryFromType, LONG_HEADERS, SHOPEE_INCOME, TIKTOK_SETTLEMENT, type WideSpec } from './payout-headers.ts';
import type { ParsedPayout, ParsedPayoutLine } from '../../core/forex/payout.ts';

export interface GenericPayoutOptions {
  readonly source: Exclude<PayoutSource, 'amazon-settlement'>;
  readonly fileSha256: string;
  /** Used when the file names no currency (no column, no unit in a header). */
  readonly currency?: Currency | undefined;
}

function find(table: Table, spellings: readonly string[]): Column | null {
  for (const s of spellings) {
    const i = table.keys.findIndex((k) => k === s || stripUnit(k) === s);
    if (i >= 0) return { index: i, header: table.headers[i] ?? s };
  }
  return null;
}

/** Currency from a column, a header unit "(RM)" / "(USD)", or the option. */
function fileCurrency(table: Table, column: Column | null, fallback: Currency | undefined): Currency {
  const cell = column === null ? '' : (table.rows[0]?.[column.index] ?? '').trim();
  if (cell !== '') {
    const c = currencyFromText(cell);
    if (c === null)
      throw new DomainError('payouts.currency.unknown', { currency: cell, row: table.rowNumbers[0] ?? 2 });
    return c;
  }
  for (const h of table.headers) {
    const unit = /\(([^()]+)\)\s*$/.exec(h)?.[1];
    const c = unit === undefined ? null : currencyFromText(unit);
    if (c !== null) return c;
  }
  if (fallback) return fallback;
  throw new DomainError('payouts.currency.missing', {});
}

interface Reading {
  readonly lines: ParsedPayoutLine[];
  readonly rejected: RowError[];
  stated: Minor | null;
  settlementId: string | null;
}

function eachRow(
  table: Table,
  dateCols: readonly (Column | null)[],
  readRow: (f: FieldReader, dayFirst: boolean) => void,
  rejected: RowError[],
): void {
  const dayFirst = detectDayFirst(
    table.rows.flatMap((r) => dateCols.map((c) => (c === null ? '' : (r[c.index] ?? '')))),
  );
  let read = 0;
  const rejectedBefore = rejected.length;
  table.rows.forEach((cells, i) => {
    const readError = table.rowErrors[i] ?? null;
    if (readError !== null) {
      rejected.push(readError);
      return;
    }
    try {
      readRow(new FieldReader(cells, table.rowNumbers[i] ?? 0, 'UTC'), dayFirst);
      read++;
    } catch (e) {
      if (!(e instanceof RowFailure)) throw e;
      rejected.push(e.rowError);
    }
  });
  // a row whose amounts are all zero gives no line but is read: it still counts as imported
  checkRowsAccounted(table.rows.length, read, rejected.length - rejectedBefore);
}

function readLong(table: Table, currency: Currency, r: Reading): void {
  const c = Object.fromEntries(Object.entries(LONG_HEADERS).map(([k, v]) => [k, find(table, v)])) as Record<
    keyof typeof LONG_HEADERS,
    Column | null
  >;
  const missing = (['date', 'amount'] as const).filter((k) => c[k] === null && !(k === 'amount' && c.net !== null));
  if (missing.length > 0)
    throw new DomainError('import.file.missingColumns', { source: 'payout', columns: missing.join(', ') });
  eachRow(
    table,
    [c.date],
    (f, dayFirst) => {
      const type = f.text(c.type);
      const description = f.text(c.description);
      const postedAt = f.date(c.date!, dayFirst);
      const fee = f.amount(c.fee, currency);
      // With gross + fee columns the gross is the amount; with only a net column, the net is.
      const feeOut = (fee < 0 ? fee : -fee) as Minor;
      const amount =
        c.amount !== null ? f.amount(c.amount, currency) : sumMinor([f.amount(c.net, currency), feeOut], currency);
      const base = { row: f.row, transactionType: type, orderNo: f.text(c.orderNo) || null, sku: null, postedAt };
      r.lines.push({
        ...base,
        amountType: type,
        amountDescription: description,
        category: categoryFromType(`${type} ${description}`),
        amount,
      });
      // Fees are written positive (Shopify) or negative: either way they reduce the payout.
      if (fee !== 0)
        r.lines.push({
          ...base,
          amountType: 'fee',
          amountDescription: c.fee!.header,
          category: 'platformFees',
          amount: feeOut,
        });
      readTotals(f, c.total, c.settlementId, currency, r);
    },
    r.rejected,
  );
}

function readTotals(f: FieldReader, total: Column | null, idCol: Column | null, currency: Currency, r: Reading): void {
  if (total !== null && f.text(total) !== '') {
    const t = f.amount(total, currency);
    if (r.stated !== null && r.stated !== t) f.fail(total, 'payouts.row.totalDiffers', { value: f.text(total) });
    r.stated = t;
  }
  const id = f.text(idCol);
  if (id !== '') r.settlementId ??= id;
}

function readWide(table: Table, spec: WideSpec, currency: Currency, r: Reading): void {
  const orderNo = find(table, spec.orderNo);
  const date = find(table, spec.date);
  const total = find(table, spec.total);
  const missing = [
    orderNo === null ? spec.orderNo[0] : null,
    date === null ? spec.date[0] : null,
    total === null ? spec.total[0] : null,
  ].filter((x) => x !== null);
  if (missing.length > 0)
    throw new DomainError('import.file.missingColumns', { source: 'payout', columns: missing.join(', ') });
  const cols = spec.columns.map((w) => ({ w, col: find(table, w.headers) })).filter((x) => x.col !== null);
  eachRow(
    table,
    [date],
    (f, dayFirst) => {
      const base = {
        row: f.row,
        transactionType: 'Order',
        orderNo: f.text(orderNo) || null,
        sku: null,
        postedAt: f.date(date!, dayFirst),
      };
      const rowTotal = f.amount(total, currency);
      const lines: ParsedPayoutLine[] = cols.map(({ w, col }) => ({
        ...base,
        amountType: w.category,
        amountDescription: col!.header,
        category: w.category,
        amount: f.amount(col, currency),
      }));
      const listed = sumMinor(
        lines.map((l) => l.amount),
        currency,
      );
      if (spec.restoreGross)
        lines.unshift({
          ...base,
          amountType: 'sales',
          amountDescription: 'restored gross',
          category: 'sales',
          amount: sumMinor([rowTotal, -listed as Minor], currency),
        });
      else if (listed !== rowTotal)
        f.fail(total, 'payouts.row.mismatch', { stated: f.text(total), sum: String(listed) });
      r.lines.push(...lines.filter((l) => l.amount !== 0));
    },
    r.rejected,
  );
}

export function parseGenericPayout(table: Table, opts: GenericPayoutOptions): ParsedPayout {
  const currency = fileCurrency(table, find(table, LONG_HEADERS.currency), opts.currency);
  const r: Reading = { lines: [], rejected: [], stated: null, settlementId: null };
  if (opts.source === 'shopee-income') readWide(table, SHOPEE_INCOME, currency, r);
  else if (opts.source === 'tiktok-settlement') readWide(table, TIKTOK_SETTLEMENT, currency, r);
  else readLong(table, currency, r);
  if (r.lines.length === 0 && r.rejected.length === 0) throw new DomainError('import.file.empty');
  const sum =
    r.stated === null
      ? sumMinor(
          r.lines.map((l) => l.amount),
          currency,
        )
      : checkDeposit(r.stated, r.lines, currency, r.rejected.length);
  const days = r.lines
    .map((l) => (l.postedAt ?? '').slice(0, 10))
    .filter((d) => d !== '')
    .sort();
  const first = days[0] ?? '';
  const last = days[days.length - 1] ?? '';
  return {
    source: opts.source,
    encoding: table.encoding,
    settlementId: r.settlementId ?? `${opts.source}:${opts.fileSha256.slice(0, 16)}`,
    periodStart: first,
    periodEnd: last,
    depositDate: last,
    currency,
    deposit: r.stated ?? sum,
    sumOfLines: sum,
    lines: r.lines,
    rejected: r.rejected,
  };
}
