/**
 * ImportWizard (`#/orders/import`): an import is one unit — choose a file (picker or drop),
 * its source (auto-detected by default), optionally a shop and a saved mapping → preview
 * (counts, totals, sample, rejected rows; the mapping screen for generic files) → confirm
 * (written in one go) → summary → the orders list. Discard drops the preview. While the
 * host reads, parses or writes, a progress bar follows the `import.progress` events.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHostEvent, useMutation, useQuery } from '../../app/use-query.ts';
import { uploadFile } from '../../app/core-client.ts';
import type {
  ColumnMapping,
  ErrorInfo,
  ImportPreview,
  ImportSource,
  ImportSummary,
  EventMap,
  MaxImportFileBytes,
} from '../../../src-main/api/contract.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { CountStats } from '../../ui/CountStats.tsx';
import { ImportMonths } from './ImportMonths.tsx';
import { downloadText } from '../../ui/download-text.ts';
import { DropZone } from '../../ui/DropZone.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ToolbarInput } from '../../ui/ToolbarInput.tsx';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { fileToBase64, formatFileSize, importFileName } from '../../ui/file-to-base64.ts';
import { ChooseShopDialog } from './ChooseShopDialog.tsx';
import { CATALOG_SOURCES, CatalogImport, isCatalogSource, type CatalogSource } from '../imports/index.ts';
import { ImportPreviewPanel } from './ImportPreviewPanel.tsx';
import { MappingEditor, unmappedRequired } from './MappingEditor.tsx';
import { useOrderFormatters } from './order-labels.tsx';
import {
  GENERIC_FIELDS,
  IMPORT_SOURCES,
  isImportSource,
  type GenericField,
  type MappableStatus,
} from './vocabulary.ts';
import { optionsOf } from '../../ui/options.ts';

type Busy = null | 'reading' | 'previewing' | 'confirming' | 'discarding';
/** Order sources, or a master-data file (SKU customs data, warehouses, shops: features/imports). */
type SourceChoice = 'auto' | ImportSource | CatalogSource;

type ImportProgress = EventMap['import.progress'];

/** Progress is drawn at most this often: a 100k-order import sends hundreds of events (issue 19, ui.importLongTask). */
const PROGRESS_EVERY_MS = 150;

/**
 * A setter that passes on at most one value per `ms`: the first at once, then the latest of each
 * window; `cancel` drops a pending one. Progress events and upload callbacks then re-render a few
 * times a second, not per event.
 */
function useThrottledSetter<T>(set: (value: T) => void, ms = PROGRESS_EVERY_MS) {
  const pending = useRef<{ readonly value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastAt = useRef(-Infinity);
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);
  const throttled = useCallback(
    (value: T) => {
      const wait = lastAt.current + ms - performance.now();
      if (wait <= 0 && timer.current === null) {
        lastAt.current = performance.now();
        set(value);
        return;
      }
      pending.current = { value };
      if (timer.current !== null) return;
      timer.current = setTimeout(
        () => {
          timer.current = null;
          lastAt.current = performance.now();
          const next = pending.current;
          pending.current = null;
          if (next) set(next.value);
        },
        Math.max(0, wait),
      );
    },
    [set, ms],
  );
  return { set: throttled, cancel };
}

/**
 * The bar while the host reads, parses or writes. It follows the host's `import.progress` events
 * itself (throttled), so an event re-renders the bar, not the wizard with its preview; it is keyed
 * by the wizard's phase, so each phase starts from no progress.
 */
function ImportProgressBar({
  busy,
  preview,
  local,
}: {
  readonly busy: Busy;
  readonly preview: ImportPreview | null;
  readonly local: ImportProgress | null;
}) {
  const [host, setHost] = useState<ImportProgress | null>(null);
  useHostEvent('import.progress', useThrottledSetter(setHost).set);
  const progress = busy === 'reading' ? local : relevantProgress(host, preview, busy);
  const { t } = useTranslation();
  const f = useOrderFormatters();
  const phase = progress?.phase ?? 'read';
  const known = progress !== null && progress.total > 0;
  return (
    <ProgressBar
      testId="import-progress"
      label={t(`orders.import.phases.${phase}`)}
      done={progress?.done ?? 0}
      total={known ? progress.total : 0}
      valueText={
        known
          ? t('orders.import.progress', { done: f.number(progress.done), total: f.number(progress.total) })
          : t('orders.import.progressUnknown')
      }
    />
  );
}

function SummaryPanel({
  summary,
  fileName,
  onDone,
  onAnother,
}: {
  readonly summary: ImportSummary;
  readonly fileName: string;
  readonly onDone: () => void;
  readonly onAnother: () => void;
}) {
  const { t } = useTranslation();
  const f = useOrderFormatters();
  const counts = [
    ['new', summary.new],
    ['updated', summary.updated],
    ['unchanged', summary.unchanged],
    ['rejected', summary.rejected.length],
  ] as const;
  return (
    <Panel testId="import-summary" title={t('orders.import.summary.title')}>
      <p role="status">{t('orders.import.summary.body', { fileName })}</p>
      <CountStats
        counts={counts}
        label={(key) => t(`orders.import.summary.${key}`)}
        testId={(key) => `import-summary-${key}`}
        format={f.number}
      />
      <ImportMonths months={summary.months} heldBack={summary.heldBack} done />
      <div className="form-actions">
        <Button variant="primary" data-testid="import-done" onClick={onDone}>
          {t('orders.import.summary.toOrders')}
        </Button>
        <Button data-testid="import-another" onClick={onAnother}>
          {t('orders.import.summary.another')}
        </Button>
      </div>
    </Panel>
  );
}

/** The host's cap on an import file (200 MiB): typed as the host's own figure, so the two cannot differ. */
const MAX_UPLOAD_BYTES: MaxImportFileBytes = 209_715_200;

export function ImportWizard() {
  const { t, i18n } = useTranslation();
  const importsConfirm = useMutation('imports.confirm');
  const importsDiscard = useMutation('imports.discard');
  const importsPreview = useMutation('imports.preview');
  const importsRejectedCsv = useMutation('imports.rejectedCsv');
  const navigate = useAppStore((s) => s.navigate);
  const shops = useQuery('shops.list', {}).data ?? null;
  const savedMappings = useQuery('imports.mappings.list', {}).data ?? [];

  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<SourceChoice>('auto');
  const [shopId, setShopId] = useState('');
  const [mappingName, setMappingName] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [localProgress, setLocalProgressNow] = useState<ImportProgress | null>(null);
  const uploadProgress = useThrottledSetter(setLocalProgressNow);
  const setLocalProgress = (p: ImportProgress | null) => {
    uploadProgress.cancel();
    setLocalProgressNow(p);
  };
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [mappingDirty, setMappingDirty] = useState(false);
  const [saveMapping, setSaveMapping] = useState(false);
  const [saveName, setSaveName] = useState('');
  const [summary, setSummary] = useState<{ readonly value: ImportSummary; readonly fileName: string } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [dragging, setDragging] = useState(false);
  /** The user's meaning of each unknown status word (saved for the shop at confirm), and the explicit "import the valid rows". */
  const [statusChoices, setStatusChoices] = useState<Readonly<Record<string, MappableStatus>>>({});
  const [acceptValidRows, setAcceptValidRows] = useState(false);
  /** Set when the host could not tell which of the platform's shops the file is from: the dialog asks. */
  const [shopQuestion, setShopQuestion] = useState<{ readonly platform: string; readonly error: ErrorInfo } | null>(
    null,
  );

  const contentRef = useRef<{ readonly file: File; readonly base64: string } | null>(null);
  /** The preview the host holds for us; discarded if the wizard is left without confirming. */
  const openPreviewId = useRef<string | null>(null);

  useEffect(
    () => () => {
      const id = openPreviewId.current;
      if (id !== null) void importsDiscard.run({ previewId: id });
    },
    [],
  );

  const discardOpenPreview = () => {
    const id = openPreviewId.current;
    openPreviewId.current = null;
    if (id !== null) void importsDiscard.run({ previewId: id });
  };

  const chooseFile = (chosen: File | null) => {
    setError(null);
    discardOpenPreview();
    setPreview(null);
    setMapping(null);
    setMappingDirty(false);
    setSummary(null);
    contentRef.current = null;
    if (chosen && chosen.size > MAX_UPLOAD_BYTES) {
      setFile(null);
      setError({ code: 'import.file.tooLarge', params: { size: chosen.size } });
      return;
    }
    setFile(chosen);
  };

  const runPreview = async (withMapping: ColumnMapping | null, forShop: string = shopId) => {
    if (!file || busy || isCatalogSource(source)) return;
    setError(null);
    let base64 = contentRef.current?.file === file ? contentRef.current.base64 : null;
    // the file streams to the host, anew for each preview (a preview keeps its copy); a host that
    // takes no upload gets it as base64 (read once, kept for the next preview)
    let fileRef: string | null = null;
    if (base64 === null) {
      setBusy('reading');
      setLocalProgress({ previewId: null, phase: 'read', done: 0, total: file.size });
      const uploaded = await uploadFile(file, (done, total) =>
        uploadProgress.set({ previewId: null, phase: 'read', done, total }),
      );
      if (uploaded?.ok === false) {
        setBusy(null);
        setLocalProgress(null);
        setError(uploaded.error);
        return;
      }
      if (uploaded?.ok) fileRef = uploaded.value.fileRef;
    }
    if (base64 === null && fileRef === null) {
      try {
        base64 = await fileToBase64(file, (done, total) =>
          uploadProgress.set({ previewId: null, phase: 'read', done, total }),
        );
      } catch {
        setBusy(null);
        setLocalProgress(null);
        setError({ code: 'import.file.unreadable', params: { file: file.name } });
        return;
      }
      contentRef.current = { file, base64 };
    }
    setBusy('previewing');
    setLocalProgress(null);
    discardOpenPreview();
    const result = await importsPreview.run({
      fileName: importFileName(file.name),
      ...(fileRef !== null ? { fileRef } : { contentBase64: base64 ?? '' }),
      source,
      shopId: forShop === '' ? null : Number(forShop),
      mapping: withMapping,
      mappingName: withMapping === null && mappingName !== '' ? mappingName : null,
    });
    setBusy(null);
    if (!result.ok) {
      setPreview(null);
      const platform = result.error.params['platform'];
      if (result.error.code === 'imports.shopAmbiguous' && typeof platform === 'string' && forShop === '') {
        setShopQuestion({ platform, error: result.error }); // ask, rather than show the error: the answer is one click away
        return;
      }
      setError(result.error);
      return;
    }
    openPreviewId.current = result.value.previewId;
    setPreview(result.value);
    setStatusChoices({});
    setAcceptValidRows(false);
    setMapping(result.value.mapping);
    setMappingDirty(false);
  };

  const confirm = async () => {
    if (!preview || busy) return;
    setBusy('confirming');
    setError(null);
    const name = saveMapping ? saveName.trim() : '';
    const result = await importsConfirm.run({
      previewId: preview.previewId,
      saveMappingAs: name === '' ? null : name,
      ...(preview.rejected.length > 0 ? { acceptValidRows } : {}),
      ...(Object.keys(statusChoices).length > 0 ? { statusMappings: statusChoices } : {}),
    });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      if (result.error.code === 'imports.preview.expired') {
        openPreviewId.current = null;
        setPreview(null);
      }
      return;
    }
    openPreviewId.current = null;
    setSummary({ value: result.value, fileName: preview.fileName });
    setPreview(null);
  };

  const discard = async () => {
    if (busy) return;
    const id = openPreviewId.current;
    openPreviewId.current = null;
    if (id !== null) {
      setBusy('discarding');
      await importsDiscard.run({ previewId: id });
      setBusy(null);
    }
    navigate('orders');
  };

  const downloadRejected = async () => {
    if (!preview) return;
    setDownloading(true);
    const result = await importsRejectedCsv.run({ previewId: preview.previewId });
    setDownloading(false);
    if (result.ok) downloadText(result.value.fileName, result.value.csv);
    else setError(result.error);
  };

  const changeMapping = (field: GenericField, header: string | null) => {
    setMapping((m) => (m ? { ...m, [field]: header } : m));
    setMappingDirty(true);
  };

  const startOver = () => {
    setSummary(null);
    setFile(null);
    contentRef.current = null;
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    chooseFile(e.dataTransfer.files[0] ?? null);
  };

  const showMapping =
    preview !== null && mapping !== null && (preview.source === 'generic' || preview.mapping !== null);
  const missingRequired = mapping ? unmappedRequired(mapping) : [];
  const stillMissing = preview ? [...new Set([...preview.unmappedRequired, ...missingRequired])] : [];
  const mustAccept = preview !== null && preview.rejected.length > 0 && !acceptValidRows;
  const confirmBlocked =
    preview === null ||
    preview.orders === 0 ||
    mappingDirty ||
    stillMissing.length > 0 ||
    (saveMapping && saveName.trim() === '') ||
    mustAccept;

  return (
    <div className="import-wizard" data-testid="import-wizard">
      <PageHeader
        title={t('orders.import.title')}
        description={t('orders.import.intro')}
        actions={
          <Button variant="quiet" data-testid="import-back" onClick={() => navigate('orders')}>
            {t('orders.actions.back')}
          </Button>
        }
      />
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {shopQuestion ? (
        <ChooseShopDialog
          platform={shopQuestion.platform}
          shops={shops ?? []}
          onCancel={() => {
            setShopQuestion(null);
            setError(shopQuestion.error);
          }}
          onChoose={(id) => {
            setShopQuestion(null);
            setShopId(String(id));
            void runPreview(mapping && mappingDirty ? mapping : null, String(id));
          }}
        />
      ) : null}

      {summary ? (
        <SummaryPanel
          summary={summary.value}
          fileName={summary.fileName}
          onDone={() => navigate('orders')}
          onAnother={startOver}
        />
      ) : (
        <>
          <section className="panel" aria-labelledby="import-choose-title">
            <h2 className="panel-title" id="import-choose-title">
              {t('orders.import.file')}
            </h2>
            <DropZone
              active={dragging}
              data-testid="import-dropzone"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              chooseLabel={t('orders.import.choose')}
              inputTestId="import-file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy !== null}
              onChoose={chooseFile}
            >
              <span>{t('orders.import.drop')}</span>
              {file ? (
                <span className="dropzone-file" data-testid="import-chosen">
                  {t('orders.import.chosen', { name: file.name, size: formatFileSize(file.size, i18n.language) })}
                </span>
              ) : null}
            </DropZone>
            <p className="field-help">{t('orders.import.fileHelp')}</p>
            <div className="toolbar">
              <ToolbarSelect
                label={t('orders.import.source')}
                testId="import-source"
                value={source}
                disabled={busy !== null}
                options={[
                  { value: 'auto', label: t('orders.import.sources.auto') },
                  ...optionsOf(IMPORT_SOURCES, (s) => t(`orders.import.sources.${s}`)),
                  ...optionsOf(CATALOG_SOURCES, (s) => t(`catalogImport.sources.${s}`)),
                ]}
                onChange={(e) => {
                  const v = e.target.value;
                  discardOpenPreview();
                  setPreview(null);
                  setSource(isImportSource(v) || isCatalogSource(v) ? v : 'auto');
                }}
              />
              {isCatalogSource(source) ? null : (
                <ToolbarSelect
                  label={t('orders.import.shop')}
                  testId="import-shop"
                  value={shopId}
                  disabled={busy !== null}
                  options={[
                    { value: '', label: t('orders.import.shopAuto') },
                    ...(shops ?? []).map((s) => ({ value: String(s.id), label: s.name })),
                  ]}
                  onChange={(e) => setShopId(e.target.value)}
                />
              )}
              {savedMappings.length > 0 ? (
                <ToolbarSelect
                  label={t('orders.import.savedMapping')}
                  testId="import-saved-mapping"
                  value={mappingName}
                  disabled={busy !== null}
                  options={[
                    { value: '', label: t('orders.import.savedMappingNone') },
                    ...savedMappings.map((m) => ({ value: m.name, label: m.name })),
                  ]}
                  onChange={(e) => setMappingName(e.target.value)}
                />
              ) : null}
            </div>
            {isCatalogSource(source) ? (
              <CatalogImport
                key={source}
                file={file}
                source={source}
                onDone={() => navigate(CATALOG_DONE[source][0], CATALOG_DONE[source][1])}
              />
            ) : (
              <div className="form-actions">
                <Button
                  variant="primary"
                  data-testid="import-start"
                  disabled={!file || busy !== null}
                  onClick={() => void runPreview(null)}
                >
                  {busy === 'reading' || busy === 'previewing' ? t('orders.import.reading') : t('orders.import.start')}
                </Button>
              </div>
            )}
          </section>

          {busy !== null && busy !== 'discarding' ? (
            <ImportProgressBar key={busy} busy={busy} preview={preview} local={localProgress} />
          ) : null}

          {preview ? (
            <>
              {showMapping && mapping ? (
                <MappingEditor
                  headers={preview.headers}
                  mapping={mapping}
                  dirty={mappingDirty}
                  busy={busy !== null}
                  onChange={changeMapping}
                  onRemap={() => void runPreview(mapping)}
                />
              ) : null}
              <ImportPreviewPanel
                preview={preview}
                downloading={downloading}
                onDownloadRejected={() => void downloadRejected()}
                statusChoices={statusChoices}
                onStatusChoice={(word, status) =>
                  setStatusChoices((c) => {
                    const { [word]: _old, ...rest } = c;
                    return status === null ? rest : { ...rest, [word]: status };
                  })
                }
                acceptValidRows={acceptValidRows}
                onAcceptValidRows={setAcceptValidRows}
              />
              <section className="panel import-actions">
                {showMapping ? (
                  <div className="save-mapping">
                    <Checkbox
                      testId="import-save-mapping"
                      label={t('orders.import.mapping.saveAs')}
                      checked={saveMapping}
                      onChange={setSaveMapping}
                    />
                    {saveMapping ? (
                      <ToolbarInput
                        label={t('orders.import.mapping.saveName')}
                        testId="import-mapping-name"
                        type="text"
                        maxLength={100}
                        placeholder={t('orders.import.mapping.saveNamePlaceholder')}
                        value={saveName}
                        onChange={setSaveName}
                      />
                    ) : null}
                  </div>
                ) : null}
                {stillMissing.length > 0 ? (
                  <p className="notice" role="status" data-testid="import-mapping-missing">
                    {t('orders.import.mapping.missing', {
                      fields: stillMissing
                        .map((f) => (isGenericFieldName(f) ? t(`orders.import.genericFields.${f}`) : f))
                        .join(t('orders.profit.listSeparator')),
                    })}
                  </p>
                ) : null}
                <div className="form-actions">
                  <Button
                    variant="primary"
                    data-testid="import-confirm"
                    disabled={confirmBlocked || busy !== null}
                    onClick={() => void confirm()}
                  >
                    {busy === 'confirming' ? t('orders.import.confirming') : t('orders.import.confirm')}
                  </Button>
                  <Button data-testid="import-discard" disabled={busy !== null} onClick={() => void discard()}>
                    {t('orders.import.discard')}
                  </Button>
                  {confirmBlocked && !mappingDirty && stillMissing.length === 0 && preview.orders > 0 ? (
                    <span className="field-help">{t('orders.import.confirmBlocked')}</span>
                  ) : null}
                </div>
              </section>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

/** Where the records of a master-data import are shown (page, tab). */
const CATALOG_DONE = {
  skus: ['stock', 'skus'],
  warehouses: ['stock', 'warehouses'],
  shops: ['customs', 'settings'],
} as const satisfies Record<CatalogSource, readonly [string, string]>;

function isGenericFieldName(name: string): name is GenericField {
  return (GENERIC_FIELDS as readonly string[]).includes(name);
}

/** Host progress for what we are waiting on: any while previewing (no id yet), this preview's while confirming. */
function relevantProgress(
  progress: ImportProgress | null,
  preview: ImportPreview | null,
  busy: Busy,
): ImportProgress | null {
  if (progress === null) return null;
  if (busy === 'confirming' && preview && progress.previewId !== null && progress.previewId !== preview.previewId)
    return null;
  return progress;
}
