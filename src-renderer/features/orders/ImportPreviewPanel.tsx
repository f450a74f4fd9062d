/**
 * ImportPreviewPanel: what confirming would do — detected source and encoding, counts
 * (orders, lines, new / updated / unchanged, rejected rows), totals per currency, the first
 * orders, and the rejected rows with row, column and a translated reason, downloadable as
 * CSV to fix and re-import. Nothing is written until the wizard confirms.
 */
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Select } from '../../ui/Select.tsx';
import { CountStats } from '../../ui/CountStats.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { RejectedRowsTable } from '../../ui/RejectedRowsTable.tsx';
import { translateError } from '../../i18n/translate-error.ts';
import { StatusBadge, useOrderFormatters } from './order-labels.tsx';
import { isImportSource, MAPPABLE_STATUSES, type MappableStatus } from './vocabulary.ts';
import { ImportMonths } from './ImportMonths.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Subsection } from '../../ui/Subsection.tsx';
import { optionsOf } from '../../ui/options.ts';

/** Rejected rows listed on screen; the CSV download has them all. */
export const REJECTED_SHOWN = 200;

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'xlsx'] as const;
type KnownEncoding = (typeof ENCODINGS)[number];

export interface ImportPreviewPanelProps {
  readonly preview: ImportPreview;
  readonly downloading: boolean;
  readonly onDownloadRejected: () => void;
  /** The meaning chosen for each unknown status word (saved for the shop when the import is confirmed). */
  readonly statusChoices?: Readonly<Record<string, MappableStatus>>;
  readonly onStatusChoice?: (word: string, status: MappableStatus | null) => void;
  /** Rows were rejected: confirming needs this explicit choice ("import the valid rows"). */
  readonly acceptValidRows?: boolean;
  readonly onAcceptValidRows?: (accept: boolean) => void;
}

export function ImportPreviewPanel({
  preview,
  downloading,
  onDownloadRejected,
  statusChoices = {},
  onStatusChoice,
  acceptValidRows = false,
  onAcceptValidRows,
}: ImportPreviewPanelProps) {
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
  const unknownWords = Object.entries(preview.unknownStatuses ?? {});
  const warnings = preview.warnings ?? [];
  const shownRejected = preview.rejected.slice(0, REJECTED_SHOWN);

  return (
    <Panel testId="import-preview" title={t('orders.import.preview.title')}>
      <dl className="facts">
        <dt>{t('orders.import.preview.fileName')}</dt>
        <dd data-testid="import-file-name">{preview.fileName}</dd>
        <dt>{t('orders.import.preview.source')}</dt>
        <dd data-testid="import-detected-source" data-source={preview.source}>
          {source}
        </dd>
        <dt>{t('orders.import.preview.encoding')}</dt>
        <dd data-testid="import-encoding">{encoding}</dd>
      </dl>
      <CountStats
        counts={counts}
        label={(key) => t(`orders.import.preview.${key}`)}
        testId={(key) => `import-count-${key}`}
        format={f.number}
      />
      <ImportMonths months={preview.months} heldBack={preview.heldBack} done={false} />
      {preview.rows ? (
        <p className="field-help" data-testid="import-rows">
          {t('orders.import.preview.rows', preview.rows)}
        </p>
      ) : null}
      {preview.orders === 0 ? (
        <p className="notice">
          {t(preview.rejected.length > 0 ? 'orders.import.preview.allRejected' : 'orders.import.preview.nothing')}
        </p>
      ) : null}

      {unknownWords.length > 0 ? (
        <div data-testid="import-unknown-statuses">
          <Subsection
            title={t('orders.import.preview.unknownStatuses')}
            help={t('orders.import.preview.unknownStatusesIntro')}
          >
            <DataTable
              wrap={false}
              columns={[
                t('orders.import.preview.unknownWord'),
                num(t('orders.import.preview.unknownCount')),
                t('orders.import.preview.unknownAs'),
              ]}
            >
              {unknownWords.map(([word, count]) => (
                <tr key={word} data-testid={`import-unknown-status-${word}`}>
                  <td>{word}</td>
                  <td className="num">{f.number(count)}</td>
                  <td>
                    <Select
                      aria-label={`${t('orders.import.preview.unknownAs')} ${word}`}
                      data-testid={`import-status-map-${word}`}
                      value={statusChoices[word] ?? ''}
                      options={[
                        { value: '', label: t('orders.import.preview.unknownLeave') },
                        ...optionsOf(MAPPABLE_STATUSES, (s) => t(`orders.statuses.${s}`)),
                      ]}
                      onChange={(e) =>
                        onStatusChoice?.(
                          word,
                          (MAPPABLE_STATUSES as readonly string[]).includes(e.target.value)
                            ? (e.target.value as MappableStatus)
                            : null,
                        )
                      }
                    />
                  </td>
                </tr>
              ))}
            </DataTable>
          </Subsection>
        </div>
      ) : null}

      {warnings.length > 0 ? (
        <div data-testid="import-warnings">
          <h3 className="section-title">{t('orders.import.preview.warnings')}</h3>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.orderNo}-${w.code}`} data-testid={`import-warning-${w.orderNo}`}>
                {w.code === 'import.order.totalMismatch'
                  ? t('orders.import.preview.totalMismatch', {
                      orderNo: w.orderNo,
                      stated: '',
                      computed: '',
                      difference: '',
                      currency: '',
                      ...w.params,
                    })
                  : translateError(t, w.code, w.params)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {totals.length > 0 ? (
        <Subsection title={t('orders.import.preview.totals')}>
          <DataTable
            wrap={false}
            data-testid="import-totals"
            columns={[
              t('orders.import.preview.totalsCurrency'),
              num(t('orders.import.preview.totalsOrders')),
              num(t('orders.import.preview.totalsGross')),
            ]}
          >
            {totals.map(([currency, total]) => (
              <tr key={currency} data-testid={`import-total-${currency}`}>
                <td>{currency}</td>
                <td className="num">{f.number(total.orders)}</td>
                <td className="num">{f.money(total.gross, currency)}</td>
              </tr>
            ))}
          </DataTable>
        </Subsection>
      ) : null}

      {preview.sample.length > 0 ? (
        <Subsection title={t('orders.import.preview.sample')}>
          <DataTable
            data-testid="import-sample"
            columns={[
              ...(['orderNo', 'status', 'orderedAt', 'country'] as const).map((key) => t(`orders.columns.${key}`)),
              ...(['units', 'gross'] as const).map((key) => num(t(`orders.columns.${key}`))),
            ]}
          >
            {preview.sample.map((o) => (
              <tr key={o.orderNo}>
                <td className="mono">{o.orderNo}</td>
                <td>
                  <StatusBadge status={o.status} />
                </td>
                <td>{f.dateTime(o.orderedAt)}</td>
                <td>{o.buyerCountry ?? ''}</td>
                <td className="num">{f.number(o.units)}</td>
                <td className="num">{f.money(o.gross, o.currency)}</td>
              </tr>
            ))}
          </DataTable>
        </Subsection>
      ) : null}

      {preview.rejected.length > 0 ? (
        <div className="rejected" data-testid="import-rejected">
          <Subsection title={t('orders.import.rejected.title')} help={t('orders.import.rejected.intro')} />
          <RejectedRowsTable
            rows={shownRejected}
            rowTestId={(row) => `import-rejected-row-${row}`}
            labels={[
              t('orders.import.rejected.row'),
              t('orders.import.rejected.column'),
              t('orders.import.rejected.reason'),
            ]}
            params={(r) => ({ column: r.column ?? t('orders.import.rejected.someColumn'), ...r.params })}
          />
          {preview.rejected.length > shownRejected.length ? (
            <p className="field-help">
              {t('orders.import.rejected.more', { count: preview.rejected.length - shownRejected.length })}
            </p>
          ) : null}
          <div className="form-actions">
            <Button data-testid="import-rejected-download" disabled={downloading} onClick={onDownloadRejected}>
              {t('orders.import.rejected.download')}
            </Button>
          </div>
          {preview.orders > 0 ? (
            <>
              <Checkbox
                testId="import-accept-valid-rows"
                label={t('orders.import.preview.acceptValidRows', { count: preview.rejected.length })}
                checked={acceptValidRows}
                onChange={(v) => onAcceptValidRows?.(v)}
              />
              {!acceptValidRows ? (
                <p className="notice" role="status" data-testid="import-must-accept">
                  {t('orders.import.preview.mustAccept', { count: preview.rejected.length })}
                </p>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      <p className="field-help">{t('orders.import.preview.notWritten')}</p>
    </Panel>
  );
}
