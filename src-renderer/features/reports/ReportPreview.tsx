/**
 * ReportPreview: the print preview — the very document the PDF and XLSX writers print (title,
 * company, USCC, period, rates, prepared by and date, tables with their 合计 rows, footnotes),
 * drawn as an A4-like sheet. Money cells are exact minor units formatted per currency; a platform
 * item's raw code is shown in small print under its readable name.
 */
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportDocument } from '../../../src-main/api/contract.ts';
import { formatMoney } from '../../ui/format-money.ts';

function CellView({ cell, locale }: { readonly cell: ReportCell | undefined; readonly locale: string }) {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return <>{cell}</>;
  switch (cell.kind) {
    case 'money':
      return <>{formatMoney(cell.minor, cell.currency, locale)}</>;
    case 'number':
      return <>{cell.value}</>;
    case 'rate':
      return <span className="mono">{cell.text}</span>;
    case 'date':
      return <>{cell.iso}</>;
    case 'labelled':
      return (
        <>
          {cell.text}
          <br />
          <small className="mono muted">{cell.code}</small>
        </>
      );
  }
}

/** SKU columns: a code such as CUP-1 broken at its hyphen reads as two codes. */
const SKU_COLUMNS = new Set(['sku', 'itemNo']);

/** Dates, amounts and SKUs stay on one line (a date broken after its month reads as two values). */
const isUnbroken = (key: string, cell: ReportCell | undefined) =>
  SKU_COLUMNS.has(key) ||
  (typeof cell === 'object' && cell !== null && (cell.kind === 'date' || cell.kind === 'money'));

const isNumeric = (cell: ReportCell | undefined) =>
  typeof cell === 'object' &&
  cell !== null &&
  (cell.kind === 'money' || cell.kind === 'number' || cell.kind === 'rate');

export function ReportPreview({ doc, locale }: { readonly doc: ReportDocument; readonly locale: string }) {
  const { t } = useTranslation();
  return (
    <article
      className="report-sheet"
      data-testid="report-preview-sheet"
      lang={doc.language}
      style={{ maxWidth: '210mm', padding: '12mm', background: '#fff', border: '1px solid #ccc', margin: '1rem 0' }}
    >
      <h2 className="page-title">{doc.title}</h2>
      {doc.subtitle ? <p className="field-help">{doc.subtitle}</p> : null}
      <dl className="facts">
        {doc.meta.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {doc.tables.map((table) => (
        <section key={table.heading} data-testid="report-preview-table">
          <h3 className="section-title">{table.heading}</h3>
          {table.note ? <p className="field-help">{table.note}</p> : null}
          {/* a wide table (the 9810 report's twelve columns) in a smaller type, and scrolled inside the sheet, never past it */}
          <div style={{ overflowX: 'auto' }}>
            <table className="data-table" style={table.columns.length > 8 ? { fontSize: '0.8em' } : undefined}>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.key} className={c.align === 'right' ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.length === 0 ? (
                  <tr data-testid="report-preview-empty-table">
                    <td colSpan={table.columns.length} className="muted">
                      {t('reportsScreen.emptyTable')}
                    </td>
                  </tr>
                ) : null}
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {table.columns.map((c) => (
                      <td
                        key={c.key}
                        className={isNumeric(row[c.key]) ? 'num' : undefined}
                        style={isUnbroken(c.key, row[c.key]) ? { whiteSpace: 'nowrap' } : undefined}
                      >
                        <CellView cell={row[c.key]} locale={locale} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {table.totals ? (
                <tfoot>
                  <tr data-testid="report-preview-totals">
                    {table.columns.map((c) => (
                      <th key={c.key} className={isNumeric(table.totals?.[c.key]) ? 'num' : undefined}>
                        <CellView cell={table.totals?.[c.key]} locale={locale} />
                      </th>
                    ))}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </section>
      ))}
      {(doc.footnotes ?? []).map((n) => (
        <p key={n} className="field-help">
          {n}
        </p>
      ))}
    </article>
  );
}
