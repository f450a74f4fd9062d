/**
 * ImportPreviewPanel: what confirming would do — detected source and encoding, counts
 * (orders, lines, new / updated / unchanged, rejected rows), totals per currency, the first
 * orders, and the rejected rows with row, column and a translated reason, downloadable as
 * CSV to fix and re-import. Nothing is written until the wizard confirms.
 */
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/api/contract.ts';
import { translateError } from '../../i18n/translate-error.ts';
import { Button } from '../../ui/Button.tsx';
import { StatusBadge, useOrderFormatters } from './order-labels.tsx';
import { isImportSource } from './vocabulary.ts';

/** Rejected rows listed on screen; the CSV download has them all. */
export const REJECTED_SHOWN = 200;

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'xlsx'] as const;
type KnownEncoding = (typeof ENCODINGS)[number];

export interface ImportPreviewPanelProps {
  readonly preview: ImportPreview;
  readonly downloading: boolean;
  readonly onDownloadRejected: () => void;
}

export function ImportPreviewPanel({ preview, downloading, onDownloadRejected }: ImportPreviewPanelProps) {
  const { t } = useTranslation();
  const f = useOrderFormatters();
  const encoding = (ENCODINGS as readonly string[]).includes(preview.encoding)
    ? t(`orders.import.encodings.${preview.encoding as KnownEncoding}`)
    : preview.encoding;
  const source = isImportSource(preview.source) ? t(`orders.import.sources.${preview.source}`) : preview.source;
  const counts = [
    ['orders', preview.orders],
    ['lines', preview.lines],
    ['new', preview.counts.new],
    ['updated', preview.counts.updated],
    ['unchanged', preview.counts.unchanged],
    ['rejected', preview.rejected.length],
  ] as const;
  const totals = Object.entries(preview.totals);
  const shownRejected = preview.rejected.slice(0, REJECTED_SHOWN);

  return (
    <section className="panel" data-testid="import-preview" aria-labelledby="import-preview-title">
      <h2 className="panel-title" id="import-preview-title">{t('orders.import.preview.title')}</h2>
      <dl className="facts">
        <dt>{t('orders.import.preview.fileName')}</dt><dd data-testid="import-file-name">{preview.fileName}</dd>
        <dt>{t('orders.import.preview.source')}</dt><dd data-testid="import-detected-source" data-source={preview.source}>{source}</dd>
        <dt>{t('orders.import.preview.encoding')}</dt><dd data-testid="import-encoding">{encoding}</dd>
      </dl>
      <dl className="stats">
        {counts.map(([key, value]) => (
          <div key={key} className="stat" data-testid={`import-count-${key}`} data-value={value}>
            <dt>{t(`orders.import.preview.${key}`)}</dt>
            <dd className={key === 'rejected' && value > 0 ? 'stat-bad' : undefined}>{f.number(value)}</dd>
          </div>
        ))}
      </dl>
      {preview.orders === 0 ? <p className="notice">{t('orders.import.preview.nothing')}</p> : null}

      {totals.length > 0 ? (
        <>
          <h3 className="section-title">{t('orders.import.preview.totals')}</h3>
          <table className="table table-compact" data-testid="import-totals">
            <thead>
              <tr>
                <th scope="col">{t('orders.import.preview.totalsCurrency')}</th>
                <th scope="col" className="num">{t('orders.import.preview.totalsOrders')}</th>
                <th scope="col" className="num">{t('orders.import.preview.totalsGross')}</th>
              </tr>
            </thead>
            <tbody>
              {totals.map(([currency, total]) => (
                <tr key={currency} data-testid={`import-total-${currency}`}>
                  <td>{currency}</td>
                  <td className="num">{f.number(total.orders)}</td>
                  <td className="num">{f.money(total.gross, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {preview.sample.length > 0 ? (
        <>
          <h3 className="section-title">{t('orders.import.preview.sample')}</h3>
          <div className="table-wrap">
            <table className="table table-compact" data-testid="import-sample">
              <thead>
                <tr>
                  <th scope="col">{t('orders.columns.orderNo')}</th>
                  <th scope="col">{t('orders.columns.status')}</th>
                  <th scope="col">{t('orders.columns.orderedAt')}</th>
                  <th scope="col">{t('orders.columns.country')}</th>
                  <th scope="col" className="num">{t('orders.columns.units')}</th>
                  <th scope="col" className="num">{t('orders.columns.gross')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((o) => (
                  <tr key={o.orderNo}>
                    <td className="mono">{o.orderNo}</td>
                    <td><StatusBadge status={o.status} /></td>
                    <td>{f.dateTime(o.orderedAt)}</td>
                    <td>{o.buyerCountry ?? ''}</td>
                    <td className="num">{f.number(o.units)}</td>
                    <td className="num">{f.money(o.gross, o.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {preview.rejected.length > 0 ? (
        <div className="rejected" data-testid="import-rejected">
          <h3 className="section-title">{t('orders.import.rejected.title')}</h3>
          <p className="field-help">{t('orders.import.rejected.intro')}</p>
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('orders.import.rejected.row')}</th>
                  <th scope="col">{t('orders.import.rejected.column')}</th>
                  <th scope="col">{t('orders.import.rejected.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {shownRejected.map((r, i) => (
                  <tr key={`${r.row}-${r.column ?? ''}-${i}`} data-testid={`import-rejected-row-${r.row}`} data-code={r.code}>
                    <td className="num">{r.row}</td>
                    <td className="mono">{r.column ?? ''}</td>
                    <td>{translateError(t, r.code, { column: r.column ?? t('orders.import.rejected.someColumn'), ...r.params })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rejected.length > shownRejected.length ? (
            <p className="field-help">{t('orders.import.rejected.more', { count: preview.rejected.length - shownRejected.length })}</p>
          ) : null}
          <div className="form-actions">
            <Button data-testid="import-rejected-download" disabled={downloading} onClick={onDownloadRejected}>
              {t('orders.import.rejected.download')}
            </Button>
          </div>
        </div>
      ) : null}
      <p className="field-help">{t('orders.import.preview.notWritten')}</p>
    </section>
  );
}
