/**
 * StockImportView: imports a stock file with `stock.import` — stock moves (the downloadable
 * template), the FBA inventory report or a 3PL / stock-count CSV — with a progress bar while
 * the file is read and the host works, then the summary: rows posted, SKUs and warehouses
 * created (only with "create missing"), the rejected rows with their reasons, and for
 * reconciliation reports the differences against the ledger (nothing is posted for those).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, StockImportSummary } from '../../../src-main/api/contract.ts';
import { call } from '../../app/core-client.ts';
import { translateError } from '../../i18n/translate-error.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { CountStats } from '../../ui/CountStats.tsx';
import { downloadText } from '../../ui/download-text.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { Select } from '../../ui/Select.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { RejectedRowsTable } from '../../ui/RejectedRowsTable.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { fileToBase64, formatFileSize, importFileName, MAX_IMPORT_FILE_BYTES } from '../orders/index.ts';
import { findWarehouse, useStockFormatters, warehouseLabel } from './stock-format.ts';
import { isStockImportSource, STOCK_IMPORT_SOURCES, STOCK_MOVES_TEMPLATE_HEADER, type StockImportSource } from './vocabulary.ts';

type Busy = null | 'reading' | 'importing';

const REJECTED_SHOWN = 200;

export function StockImportView() {
  const { t, i18n } = useTranslation();
  const f = useStockFormatters();
  const warehouses = useAppStore((s) => s.stockWarehouses) ?? [];
  const allWarehouses = useAppStore((s) => s.stockWarehouses);
  const hostProgress = useAppStore((s) => s.importProgress);
  const resetHostProgress = useAppStore((s) => s.resetImportProgress);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<StockImportSource>('stock-moves');
  const [warehouseId, setWarehouseId] = useState('');
  const [createMissing, setCreateMissing] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [readProgress, setReadProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [summary, setSummary] = useState<StockImportSummary | null>(null);

  const needsWarehouse = source !== 'stock-moves';

  const choose = (chosen: File | null) => {
    setError(null);
    setSummary(null);
    if (chosen && chosen.size > MAX_IMPORT_FILE_BYTES) {
      setFile(null);
      setError({ code: 'import.file.tooLarge', params: { size: chosen.size } });
      return;
    }
    setFile(chosen);
  };

  const run = async () => {
    if (!file || busy) return;
    if (needsWarehouse && warehouseId === '') {
      setError({ code: 'stock.import.warehouseRequired', params: {} });
      return;
    }
    setError(null);
    setSummary(null);
    resetHostProgress();
    setBusy('reading');
    setReadProgress({ done: 0, total: file.size });
    let base64: string;
    try {
      base64 = await fileToBase64(file, (done, total) => setReadProgress({ done, total }));
    } catch {
      setBusy(null);
      setError({ code: 'import.file.unreadable', params: { file: file.name } });
      return;
    }
    setBusy('importing');
    const result = await call('stock.import', {
      fileName: importFileName(file.name), contentBase64: base64, source,
      warehouseId: needsWarehouse ? Number(warehouseId) : null, createMissing,
    });
    setBusy(null);
    resetHostProgress();
    if (result.ok) setSummary(result.value);
    else setError(result.error);
  };

  const progress = busy === 'reading'
    ? { phase: 'read' as const, done: readProgress?.done ?? 0, total: readProgress?.total ?? 0 }
    : busy === 'importing' && hostProgress ? { phase: hostProgress.phase, done: hostProgress.done, total: hostProgress.total } : { phase: 'parse' as const, done: 0, total: 0 };

  const downloadRejected = () => {
    if (!summary) return;
    const escape = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = [
      [t('stock.import.rejectedRow'), t('stock.import.rejectedColumn'), t('stock.import.rejectedReason')].join(','),
      ...summary.rejected.map((r) => [String(r.row), r.column ?? '', translateError(t, r.code, r.params)].map(escape).join(',')),
    ];
    downloadText('stock-import-rejected.csv', `${lines.join('\n')}\n`);
  };

  return (
    <ViewSection titleId="stock-import-title" title={t('stock.import.title')} help={t('stock.import.intro')}>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <section className="panel">
        <div className="toolbar">
          <ToolbarField label={t('stock.import.source')}>
            <Select className="select-compact" data-testid="stock-import-source" value={source} disabled={busy !== null}
              options={STOCK_IMPORT_SOURCES.map((s) => ({ value: s, label: t(`stock.import.sources.${s}`) }))}
              onChange={(e) => { if (isStockImportSource(e.target.value)) setSource(e.target.value); setSummary(null); }} />
          </ToolbarField>
          {needsWarehouse ? (
            <ToolbarField label={t('stock.import.warehouse')}>
              <Select className="select-compact" data-testid="stock-import-warehouse" value={warehouseId} disabled={busy !== null} placeholder={t('stock.chooseWarehouse')}
                options={warehouses.filter((w) => w.kind !== 'transit').map((w) => ({ value: String(w.id), label: warehouseLabel(w) }))}
                onChange={(e) => setWarehouseId(e.target.value)} />
            </ToolbarField>
          ) : null}
          <Checkbox testId="stock-import-create-missing" label={t('stock.import.createMissing')} checked={createMissing} disabled={busy !== null} onChange={setCreateMissing} />
          {source === 'stock-moves' ? (
            <Button data-testid="stock-import-template" onClick={() => downloadText('stock-moves-template.csv', `${STOCK_MOVES_TEMPLATE_HEADER}\n`)}>
              {t('stock.import.template')}
            </Button>
          ) : null}
        </div>
        <p className="field-help">{t(`stock.import.sourceHelp.${source}`)}</p>
        <label className="dropzone">
          <input type="file" className="visually-hidden" aria-label={t('stock.import.choose')} data-testid="stock-import-file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values" disabled={busy !== null}
            onChange={(e) => choose(e.target.files?.[0] ?? null)} />
          <span className="dropzone-button" aria-hidden="true">{t('stock.import.choose')}</span>
          {file ? <span className="dropzone-file" data-testid="stock-import-chosen">{t('stock.import.chosen', { name: file.name, size: formatFileSize(file.size, i18n.language) })}</span> : null}
        </label>
        <div className="form-actions">
          <Button variant="primary" data-testid="stock-import-start" disabled={!file || busy !== null} onClick={() => void run()}>
            {busy ? t('stock.import.running') : t('stock.import.start')}
          </Button>
        </div>
      </section>

      {busy ? (
        <ProgressBar
          testId="stock-import-progress"
          label={t(`orders.import.phases.${progress.phase}`)}
          done={progress.done}
          total={progress.total}
          valueText={progress.total > 0 ? t('orders.import.progress', { done: f.quantity(progress.done), total: f.quantity(progress.total) }) : t('orders.import.progressUnknown')}
        />
      ) : null}

      {summary ? (
        <section className="panel" data-testid="stock-import-summary">
          <h3 className="panel-title">{t('stock.import.summaryTitle')}</h3>
          <CountStats
            counts={[
              ['rows', summary.rows], ['posted', summary.posted], ['createdSkus', summary.created.skus],
              ['createdWarehouses', summary.created.warehouses], ['rejected', summary.rejected.length],
            ] as const}
            label={(key) => t(`stock.import.counts.${key}`)} testId={(key) => `stock-import-${key}`} format={f.quantity} />
          {summary.rejected.length > 0 ? (
            <>
              <h4 className="section-title">{t('stock.import.rejectedTitle')}</h4>
              <RejectedRowsTable rows={summary.rejected.slice(0, REJECTED_SHOWN)} testId="stock-import-rejected" extraClass="rejected"
                rowTestId={(row) => `stock-import-rejected-${row}`}
                labels={[t('stock.import.rejectedRow'), t('stock.import.rejectedColumn'), t('stock.import.rejectedReason')]} />
              <Button data-testid="stock-import-rejected-download" onClick={downloadRejected}>{t('stock.import.downloadRejected')}</Button>
            </>
          ) : null}
          {summary.source !== 'stock-moves' ? (
            <>
              <h4 className="section-title">{t('stock.import.differencesTitle')}</h4>
              {summary.differences.length === 0 ? (
                <p className="form-saved" data-testid="stock-differences-none">{t('stock.import.noDifferences')}</p>
              ) : (
                <DataTable data-testid="stock-differences"
                  columns={[t('stock.columns.sku'), t('stock.columns.warehouse'), num(t('stock.import.ledger')), num(t('stock.import.reported')), num(t('stock.import.difference'))]}>
                  {summary.differences.map((d) => {
                    const w = findWarehouse(allWarehouses, d.warehouse);
                    return (
                      <tr key={`${d.sku}|${d.warehouse}`} data-testid={`difference-${d.sku}-${d.warehouse}`} data-difference={d.difference}>
                        <td className="mono">{d.sku}</td>
                        <td>{w ? warehouseLabel(w) : d.warehouse}</td>
                        <td className="num">{f.quantity(d.ledger)}</td>
                        <td className="num">{f.quantity(d.reported)}</td>
                        <td className={d.difference === 0 ? 'num' : 'num strong'}>{d.difference > 0 ? `+${f.quantity(d.difference)}` : f.quantity(d.difference)}</td>
                      </tr>
                    );
                  })}
                </DataTable>
              )}
            </>
          ) : null}
        </section>
      ) : null}
    </ViewSection>
  );
}
