/**
 * Rates CSV/XLSX → rate rows: currency, date, rate and source (pboc|bank|platform|manual or
 * 中间价/银行/平台/手工; default manual), optional note and unit (rates quoted per 100 foreign
 * units, as Chinese banks print them, are divided by the unit exactly by moving the point).
 */
import { DomainError } from '../../core/domain-error.ts';
import { normaliseRate } from '../../core/forex/rates.ts';
import { RATE_SOURCES, type RateSource } from '../../core/forex/settlement-views.ts';
import type { Currency } from '../../core/money/index.ts';
import type { RowError } from '../../core/orders/order.ts';
import { type Column, FieldReader, findColumn, RowFailure } from '../field-reader.ts';
import { detectDayFirst } from '../parse-dates.ts';
import { checkRowsAccounted, type Table } from '../read-table.ts';

export interface RateRow {
  readonly row: number;
  readonly currency: Currency;
  readonly date: string;
  readonly rate: string;
  readonly source: RateSource;
  readonly note: string | null;
}

const SOURCE_WORDS: Readonly<Record<string, RateSource>> = {
  中间价: 'pboc',
  人民银行: 'pboc',
  央行: 'pboc',
  银行: 'bank',
  银行买入价: 'bank',
  现汇买入价: 'bank',
  平台: 'platform',
  手工: 'manual',
  手动: 'manual',
};

/** Divides a decimal text by a power of ten by moving the point ('708.52' / 100 → '7.0852'). */
function perUnit(rate: string, unit: string): string {
  const zeros = /^1(0*)$/.exec(unit)?.[1];
  if (zeros === undefined) throw new DomainError('rates.invalid', { rate: `${rate}/${unit}` });
  const [int = '', frac = ''] = rate.split('.');
  const padded = int.padStart(zeros.length + 1, '0');
  return `${padded.slice(0, padded.length - zeros.length)}.${padded.slice(padded.length - zeros.length)}${frac}`;
}

export function parseRatesTable(table: Table): { rows: RateRow[]; rejected: RowError[] } {
  const col = (...keys: string[]): Column | null => findColumn(table, ...keys);
  const c = {
    currency: col('currency', '币种', '货币', 'ccy'),
    date: col('date', '日期', '生效日期'),
    rate: col('rate', '汇率', '中间价', 'mid rate'),
    source: col('source', '来源', '汇率来源'),
    note: col('note', '备注'),
    unit: col('unit', '单位', '外币单位'),
  };
  const missing = (['currency', 'date', 'rate'] as const).filter((k) => c[k] === null);
  if (missing.length > 0)
    throw new DomainError('import.file.missingColumns', { source: 'rates', columns: missing.join(', ') });
  const dayFirst = detectDayFirst(table.rows.map((r) => r[c.date!.index] ?? ''));
  const rows: RateRow[] = [];
  const rejected: RowError[] = [];
  table.rows.forEach((cells, i) => {
    const readError = table.rowErrors[i] ?? null;
    if (readError !== null) {
      rejected.push(readError);
      return;
    }
    const f = new FieldReader(cells, table.rowNumbers[i] ?? 0, 'UTC');
    try {
      const currency = f.currency(c.currency) ?? f.fail(c.currency, 'import.row.missingValue');
      if (currency === 'CNY') f.fail(c.currency, 'rates.currency.base', { currency });
      const sourceText = f.text(c.source).toLowerCase();
      const source =
        sourceText === ''
          ? 'manual'
          : (RATE_SOURCES as readonly string[]).includes(sourceText)
            ? (sourceText as RateSource)
            : (SOURCE_WORDS[sourceText] ?? f.fail(c.source, 'rates.source.unknown', { value: sourceText }));
      const unit = f.text(c.unit) || '1';
      let rate: string;
      try {
        rate = normaliseRate(perUnit(f.required(c.rate!), unit));
      } catch (e) {
        if (e instanceof DomainError) f.fail(c.rate, 'rates.invalid', { rate: f.text(c.rate) });
        throw e;
      }
      rows.push({
        row: f.row,
        currency,
        date: f.date(c.date!, dayFirst).slice(0, 10),
        rate,
        source,
        note: f.text(c.note) || null,
      });
    } catch (e) {
      if (!(e instanceof RowFailure)) throw e;
      rejected.push(e.rowError);
    }
  });
  checkRowsAccounted(table.rows.length, rows.length, rejected.length);
  return { rows, rejected };
}
