/**
 * CatalogImport (issue 15, point 8): the import wizard's master-data sources — a SKU customs-data
 * file (`stock.skus.import`), a warehouse file (`stock.warehouses.import`), a shop file with each
 * shop's platform customs code (`customs.shops.import`) — with the orders' preview → confirm flow:
 * the preview is a dry run (rows read, what would be created / updated / unchanged, the rejected rows
 * with their column and translated code); confirm writes all rows in one transaction, and is offered
 * only when no row is rejected (one rejected row saves nothing: fix the file and preview again).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { CommandResult, ErrorInfo } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { CountStats } from '../../ui/CountStats.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { RejectedRowsTable } from '../../ui/RejectedRowsTable.tsx';
import { readForHost } from '../../ui/read-for-host.ts';
import type { CatalogSource } from './vocabulary.ts';
import { Panel } from '../../ui/Panel.tsx';

/** What a master-data import did, or on a preview would do (the three commands answer alike). */
type UploadImportResult = CommandResult<'stock.skus.import'>;

const COMMANDS = {
  skus: 'stock.skus.import',
  warehouses: 'stock.warehouses.import',
  shops: 'customs.shops.import',
} as const;

export interface CatalogImportProps {
  readonly file: File | null;
  readonly source: CatalogSource;
  /** After a confirmed import: where the imported records are shown. */
  readonly onDone: () => void;
}

export function CatalogImport({ file, source, onDone }: CatalogImportProps) {
  const { t, i18n } = useTranslation();
  const skus = useMutation(COMMANDS.skus);
  const warehouses = useMutation(COMMANDS.warehouses);
  const shops = useMutation(COMMANDS.shops);
  const mutation = source === 'skus' ? skus : source === 'warehouses' ? warehouses : shops;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [preview, setPreview] = useState<{ readonly key: string; readonly result: UploadImportResult } | null>(null);
  const [done, setDone] = useState<UploadImportResult | null>(null);
  const key = file ? `${source}:${file.name}:${file.size}:${file.lastModified}` : '';
  const current = preview !== null && preview.key === key ? preview.result : null;
  const format = (n: number) => n.toLocaleString(i18n.language);

  const run = async (dryRun: boolean) => {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const read = await readForHost(file);
    if (!read.ok) {
      setBusy(false);
      setError(read.error);
      return;
    }
    const r = await mutation.run({ fileName: read.fileName, contentBase64: read.contentBase64, dryRun });
    setBusy(false);
    if (!r.ok) {
      setPreview(null);
      setError(r.error);
      return;
    }
    if (dryRun || r.value.rejected.length > 0) setPreview({ key, result: r.value });
    else {
      setPreview(null);
      setDone(r.value);
    }
  };

  const counts = (r: UploadImportResult) =>
    [
      ['rows', r.rows],
      ['created', r.created],
      ['updated', r.updated],
      ['unchanged', r.unchanged],
      ['rejected', r.rejected.length],
    ] as const;

  /** A result's counts, each with the test id `<testIdPrefix>-<count>`. */
  const stats = (r: UploadImportResult, testIdPrefix: string) => (
    <CountStats
      counts={counts(r)}
      label={(k) => t(`catalogImport.counts.${k}`)}
      testId={(k) => `${testIdPrefix}-${k}`}
      format={format}
    />
  );

  return (
    <div data-testid="catalog-import" data-source={source}>
      <p className="field-help" data-testid="catalog-import-columns">
        {t(`catalogImport.columns.${source}`)}
      </p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-actions">
        <Button variant="primary" data-testid="catalog-preview" disabled={!file || busy} onClick={() => void run(true)}>
          {busy ? t('catalogImport.working') : t('catalogImport.preview')}
        </Button>
      </div>
      {current ? (
        <Panel
          testId="catalog-preview-panel"
          titleId="catalog-preview-title"
          title={t('catalogImport.previewTitle', { fileName: file?.name ?? '' })}
        >
          {stats(current, 'catalog-count')}
          {current.rejected.length > 0 ? (
            <>
              <p className="notice" role="alert" data-testid="catalog-rejected-notice">
                {t('catalogImport.rejected', { count: current.rejected.length })}
              </p>
              <RejectedRowsTable
                rows={current.rejected}
                testId="catalog-rejected"
                labels={[
                  t('stock.import.rejectedRow'),
                  t('stock.import.rejectedColumn'),
                  t('stock.import.rejectedReason'),
                ]}
                rowTestId={(row) => `catalog-rejected-${row}`}
              />
            </>
          ) : (
            <p className="field-help">{t('catalogImport.allOrNothing')}</p>
          )}
          <div className="form-actions">
            <Button
              variant="primary"
              data-testid="catalog-confirm"
              disabled={busy || current.rejected.length > 0 || current.created + current.updated === 0}
              onClick={() => void run(false)}
            >
              {t('catalogImport.confirm')}
            </Button>
            <Button data-testid="catalog-discard" disabled={busy} onClick={() => setPreview(null)}>
              {t('catalogImport.discard')}
            </Button>
          </div>
        </Panel>
      ) : null}
      {done ? (
        <Panel testId="catalog-summary" title={t('catalogImport.summaryTitle')}>
          <p role="status">
            {t(`catalogImport.done.${source}`, {
              created: done.created,
              updated: done.updated,
              unchanged: done.unchanged,
            })}
          </p>
          {stats(done, 'catalog-summary')}
          <div className="form-actions">
            <Button variant="primary" data-testid="catalog-done" onClick={onDone}>
              {t(`catalogImport.open.${source}`)}
            </Button>
          </div>
        </Panel>
      ) : null}
    </div>
  );
}
