/**
 * StockImportView: imports a stock file with `stock.import` — stock moves (the downloadable
 * template), the FBA inventory report or a 3PL / stock-count CSV — with a progress bar while
 * the file is read and the host works. "Check file" runs the import as a dry run: the preview
 * shows rows to book, rows already in the ledger, SKUs, warehouses and shipments to create, the
 * rejected rows with their reasons and, for reconciliation reports, the differences against the
 * ledger. Nothing is booked until "Import"; a file with rejected rows is booked only through the
 * explicit "Import the valid rows". New warehouses whose kind the file does not give are asked for.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHostEvent, useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, EventMap, StockImportSummary } from '../../../src-main/api/contract.ts';
import { translateError } from '../../i18n/translate-error.ts';
import { Button } from '../../ui/Button.tsx';
import { CountStats } from '../../ui/CountStats.tsx';
import { downloadText } from '../../ui/download-text.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { Select } from '../../ui/Select.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { RejectedRowsTable } from '../../ui/RejectedRowsTable.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { fileToBase64, formatFileSize, importFileName, MAX_IMPORT_FILE_BYTES } from '../../ui/file-to-base64.ts';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { skuColumn, useStockFormatters, warehouseColumn, warehouseLabel } from './stock-format.ts';
import {
  CREATABLE_WAREHOUSE_KINDS,
  isStockImportSource,
  STOCK_IMPORT_SOURCES,
  STOCK_MOVES_TEMPLATE_HEADER,
  type StockImportSource,
} from './vocabulary.ts';
import { useWarehouses } from './use-stock-refs.ts';

type Busy = null | 'reading' | 'importing';

const REJECTED_SHOWN = 200;

export function StockImportView() {
  const { t, i18n } = useTranslation();
  const stockImport = useMutation('stock.import');
  const f = useStockFormatters();
  const warehouses = useWarehouses() ?? [];
  const allWarehouses = useWarehouses();
  const [hostProgress, setHostProgress] = useState<EventMap['import.progress'] | null>(null);
  useHostEvent('import.progress', setHostProgress);
  const resetHostProgress = () => setHostProgress(null);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<StockImportSource>('stock-moves');
  const [warehouseId, setWarehouseId] = useState('');
  const [createMissing, setCreateMissing] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [readProgress, setReadProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [summary, setSummary] = useState<StockImportSummary | null>(null);
  // the checked file, kept for the confirming run
  const [checked, setChecked] = useState<{ fileName: string; base64: string } | null>(null);
  // new warehouse codes the file gives no kind for, and the user's answers
  const [askKinds, setAskKinds] = useState<readonly string[]>([]);
  const [kinds, setKinds] = useState<
    Record<string, { kind: (typeof CREATABLE_WAREHOUSE_KINDS)[number]; country: string }>
  >({});

  const needsWarehouse = source !== 'stock-moves';

  const choose = (chosen: File | null) => {
    setError(null);
    setSummary(null);
    setChecked(null);
    setAskKinds([]);
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
    await submit({ fileName: importFileName(file.name), base64 }, { dryRun: true });
  };

  /** The dry run (preview) or the confirming run of the checked file. */
  const submit = async (
    target: { fileName: string; base64: string },
    mode: { dryRun: boolean; acceptValidRows?: boolean },
  ) => {
    setBusy('importing');
    setError(null);
    const answered = Object.fromEntries(
      Object.entries(kinds).map(([code, k]) => [
        code,
        { kind: k.kind, country: k.country.trim() === '' ? null : k.country.trim().toUpperCase() },
      ]),
    );
    const result = await stockImport.run({
      fileName: target.fileName,
      contentBase64: target.base64,
      source,
      warehouseId: needsWarehouse ? Number(warehouseId) : null,
      createMissing,
      ...(createMissing && Object.keys(answered).length > 0 ? { warehouseKinds: answered } : {}),
      dryRun: mode.dryRun,
      acceptValidRows: mode.acceptValidRows ?? false,
    });
    setBusy(null);
    resetHostProgress();
    setChecked(target);
    if (result.ok) {
      setSummary(result.value);
      setAskKinds([]);
    } else if (result.error.code === 'stock.warehouseKindUnknown') {
      const codes = String(result.error.params.warehouses ?? '')
        .split(', ')
        .filter((c) => c !== '');
      setAskKinds(codes);
      setKinds((k) => Object.fromEntries(codes.map((c) => [c, k[c] ?? { kind: 'overseasOwn', country: '' }])));
      setSummary(null);
    } else {
      setSummary(null);
      setError(result.error);
    }
  };

  const progress =
    busy === 'reading'
      ? { phase: 'read' as const, done: readProgress?.done ?? 0, total: readProgress?.total ?? 0 }
      : busy === 'importing' && hostProgress
        ? { phase: hostProgress.phase, done: hostProgress.done, total: hostProgress.total }
        : { phase: 'parse' as const, done: 0, total: 0 };

  const downloadRejected = () => {
    if (!summary) return;
    const escape = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = [
      [t('stock.import.rejectedRow'), t('stock.import.rejectedColumn'), t('stock.import.rejectedReason')].join(','),
      ...summary.rejected.map((r) =>
        [String(r.row), r.column ?? '', translateError(t, r.code, r.params)].map(escape).join(','),
      ),
    ];
    downloadText('stock-import-rejected.csv', `${lines.join('\n')}\n`);
  };

  return (
    <ViewSection titleId="stock-import-title" title={t('stock.import.title')} help={t('stock.import.intro')}>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <section className="panel">
        <div className="toolbar">
          <ToolbarSelect
            label={t('stock.import.source')}
            testId="stock-import-source"
            value={source}
            disabled={busy !== null}
            options={STOCK_IMPORT_SOURCES.map((s) => ({ value: s, label: t(`stock.import.sources.${s}`) }))}
            onChange={(e) => {
              if (isStockImportSource(e.target.value)) setSource(e.target.value);
              setSummary(null);
            }}
          />
          {needsWarehouse ? (
            <ToolbarSelect
              label={t('stock.import.warehouse')}
              testId="stock-import-warehouse"
              value={warehouseId}
              disabled={busy !== null}
              placeholder={t('stock.chooseWarehouse')}
              options={warehouses
                .filter((w) => w.kind !== 'transit')
                .map((w) => ({ value: String(w.id), label: warehouseLabel(w) }))}
              onChange={(e) => setWarehouseId(e.target.value)}
            />
          ) : null}
          <Checkbox
            testId="stock-import-create-missing"
            label={t('stock.import.createMissing')}
            checked={createMissing}
            disabled={busy !== null}
            onChange={setCreateMissing}
          />
          {source === 'stock-moves' ? (
            <Button
              data-testid="stock-import-template"
              onClick={() => downloadText('stock-moves-template.csv', `${STOCK_MOVES_TEMPLATE_HEADER}\n`)}
            >
              {t('stock.import.template')}
            </Button>
          ) : null}
        </div>
        <p className="field-help">{t(`stock.import.sourceHelp.${source}`)}</p>
        <label className="dropzone">
          <input
            type="file"
            className="visually-hidden"
            aria-label={t('stock.import.choose')}
            data-testid="stock-import-file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values"
            disabled={busy !== null}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          <span className="dropzone-button" aria-hidden="true">
            {t('stock.import.choose')}
          </span>
          {file ? (
            <span className="dropzone-file" data-testid="stock-import-chosen">
              {t('stock.import.chosen', { name: file.name, size: formatFileSize(file.size, i18n.language) })}
            </span>
          ) : null}
        </label>
        <div className="form-actions">
          <Button
            variant="primary"
            data-testid="stock-import-start"
            disabled={!file || busy !== null}
            onClick={() => void run()}
          >
            {busy ? t('stock.import.running') : t('stock.import.check')}
          </Button>
        </div>
      </section>

      {busy ? (
        <ProgressBar
          testId="stock-import-progress"
          label={t(`orders.import.phases.${progress.phase}`)}
          done={progress.done}
          total={progress.total}
          valueText={
            progress.total > 0
              ? t('orders.import.progress', { done: f.quantity(progress.done), total: f.quantity(progress.total) })
              : t('orders.import.progressUnknown')
          }
        />
      ) : null}

      {askKinds.length > 0 && checked ? (
        <section className="panel" data-testid="stock-import-kinds">
          <h3 className="panel-title">{t('stock.import.kindsTitle')}</h3>
          <p className="field-help">{t('stock.import.kindsHelp')}</p>
          {askKinds.map((code) => (
            <div className="toolbar" key={code} data-testid={`stock-import-kind-${code}`}>
              <span className="mono">{code}</span>
              <ToolbarField label={t('stock.warehouse.fields.kind')}>
                <Select
                  className="select-compact"
                  value={kinds[code]?.kind ?? 'overseasOwn'}
                  options={CREATABLE_WAREHOUSE_KINDS.map((k) => ({ value: k, label: t(`stock.warehouse.kinds.${k}`) }))}
                  onChange={(e) => {
                    const kind = CREATABLE_WAREHOUSE_KINDS.find((k) => k === e.target.value);
                    if (kind) setKinds((m) => ({ ...m, [code]: { kind, country: m[code]?.country ?? '' } }));
                  }}
                />
              </ToolbarField>
              <ToolbarField label={t('stock.import.kindCountry')}>
                <input
                  className="input input-compact"
                  maxLength={2}
                  value={kinds[code]?.country ?? ''}
                  onChange={(e) => {
                    const country = e.target.value;
                    setKinds((m) => ({ ...m, [code]: { kind: m[code]?.kind ?? 'overseasOwn', country } }));
                  }}
                />
              </ToolbarField>
            </div>
          ))}
          <div className="form-actions">
            <Button
              variant="primary"
              data-testid="stock-import-kinds-continue"
              disabled={busy !== null}
              onClick={() => void submit(checked, { dryRun: true })}
            >
              {t('stock.import.kindsContinue')}
            </Button>
          </div>
        </section>
      ) : null}

      {summary ? (
        <section className="panel" data-testid="stock-import-summary" data-committed={summary.committed}>
          <h3 className="panel-title">
            {summary.committed ? t('stock.import.summaryTitle') : t('stock.import.previewTitle')}
          </h3>
          {summary.committed ? (
            <p className="form-saved" data-testid="stock-import-committed">
              {t('stock.import.committed')}
            </p>
          ) : summary.source === 'stock-moves' || summary.source === 'stock-count' ? (
            <>
              <p className="field-help" data-testid="stock-import-preview-note">
                {summary.rejected.length > 0
                  ? t('stock.import.previewRejected')
                  : summary.posted === 0
                    ? t('stock.import.nothingNew')
                    : t('stock.import.previewClean')}
              </p>
              {checked && (summary.posted > 0 || summary.created.skus + summary.created.warehouses > 0) ? (
                <div className="form-actions">
                  {summary.rejected.length > 0 ? (
                    <Button
                      data-testid="stock-import-confirm-valid"
                      disabled={busy !== null}
                      onClick={() => void submit(checked, { dryRun: false, acceptValidRows: true })}
                    >
                      {t('stock.import.confirmValid', { count: new Set(summary.rejected.map((r) => r.row)).size })}
                    </Button>
                  ) : (
                    <Button
                      variant="primary"
                      data-testid="stock-import-confirm"
                      disabled={busy !== null}
                      onClick={() => void submit(checked, { dryRun: false })}
                    >
                      {t('stock.import.confirm')}
                    </Button>
                  )}
                </div>
              ) : null}
            </>
          ) : null}
          <CountStats
            counts={
              [
                ['rows', summary.rows],
                ['posted', summary.posted],
                ['unchanged', summary.unchanged],
                ['createdSkus', summary.created.skus],
                ['createdWarehouses', summary.created.warehouses],
                ['createdShipments', summary.created.shipments],
                ['rejected', summary.rejected.length],
              ] as const
            }
            label={(key) => t(`stock.import.counts.${key}`)}
            testId={(key) => `stock-import-${key}`}
            format={f.quantity}
          />
          {summary.rejected.length > 0 ? (
            <>
              <h4 className="section-title">{t('stock.import.rejectedTitle')}</h4>
              <RejectedRowsTable
                rows={summary.rejected.slice(0, REJECTED_SHOWN)}
                testId="stock-import-rejected"
                extraClass="rejected"
                rowTestId={(row) => `stock-import-rejected-${row}`}
                labels={[
                  t('stock.import.rejectedRow'),
                  t('stock.import.rejectedColumn'),
                  t('stock.import.rejectedReason'),
                ]}
              />
              <Button data-testid="stock-import-rejected-download" onClick={downloadRejected}>
                {t('stock.import.downloadRejected')}
              </Button>
            </>
          ) : null}
          {summary.source !== 'stock-moves' ? (
            <>
              <h4 className="section-title">{t('stock.import.differencesTitle')}</h4>
              {summary.differences.length === 0 ? (
                <p className="form-saved" data-testid="stock-differences-none">
                  {t('stock.import.noDifferences')}
                </p>
              ) : (
                <ColumnTable
                  data-testid="stock-differences"
                  rows={summary.differences}
                  row={(d) => ({
                    key: `${d.sku}|${d.warehouse}`,
                    'data-testid': `difference-${d.sku}-${d.warehouse}`,
                    'data-difference': d.difference,
                  })}
                  columns={[
                    skuColumn(),
                    warehouseColumn(allWarehouses, 'warehouse'),
                    { head: 'stock.import.ledger', num: true, cell: (d) => f.quantity(d.ledger) },
                    { head: 'stock.import.reported', num: true, cell: (d) => f.quantity(d.reported) },
                    {
                      head: 'stock.import.difference',
                      num: true,
                      td: (d) => ({ className: d.difference === 0 ? undefined : 'strong' }),
                      cell: (d) => (d.difference > 0 ? `+${f.quantity(d.difference)}` : f.quantity(d.difference)),
                    },
                  ]}
                />
              )}
            </>
          ) : null}
        </section>
      ) : null}
    </ViewSection>
  );
}
