/**
 * WaybillImport: the build tab's "导入运单文件" — a carrier's waybill file is previewed first
 * (customs.shipping.import with dryRun: rows, matched orders, rejected rows with their coded
 * reasons, unknown order numbers), then saved in one go on confirm; a file with any problem
 * saves nothing unless the user explicitly chooses to save only the valid rows. After saving,
 * `onSaved` re-runs the pre-check.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, WaybillImportResult } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DropZone } from '../../ui/DropZone.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { RejectedRowsTable } from '../../ui/RejectedRowsTable.tsx';
import { readForHost } from '../../ui/read-for-host.ts';

interface Preview {
  readonly fileName: string;
  readonly contentBase64: string;
  readonly result: WaybillImportResult;
}

export function WaybillImport({ onSaved }: { readonly onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const shippingImport = useMutation('customs.shipping.import');
  const number = new Intl.NumberFormat(i18n.language);
  const [busy, setBusy] = useState<'reading' | 'saving' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const choose = async (file: File | null) => {
    if (!file || busy) return;
    setError(null);
    setSaved(null);
    setPreview(null);
    setBusy('reading');
    const read = await readForHost(file);
    if (!read.ok) {
      setBusy(null);
      setError(read.error);
      return;
    }
    const { fileName, contentBase64 } = read;
    const r = await shippingImport.run({ fileName, contentBase64, dryRun: true });
    setBusy(null);
    if (r.ok) setPreview({ fileName, contentBase64, result: r.value });
    else setError(r.error);
  };

  const confirm = async (acceptValidRows = false) => {
    if (!preview || busy) return;
    setBusy('saving');
    const r = await shippingImport.run({
      fileName: preview.fileName,
      contentBase64: preview.contentBase64,
      acceptValidRows,
    });
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    if (r.value.saved === 0) {
      setPreview({ ...preview, result: r.value });
      return;
    }
    setPreview(null);
    setSaved(r.value.saved);
    onSaved();
  };

  const result = preview?.result ?? null;
  const blocked =
    result !== null && (result.rejected.length > 0 || result.unknownOrders.length > 0 || result.matched === 0);
  return (
    <div className="panel" data-testid="waybill-import">
      <DropZone
        chooseLabel={t('customsDesk.waybills.choose')}
        inputTestId="waybill-file"
        accept=".csv,.tsv,.txt,.xlsx"
        disabled={busy !== null}
        clearAfterChoice
        onChoose={(chosen) => void choose(chosen)}
      />
      <p className="field-help">{t('customsDesk.waybills.help')}</p>
      {busy ? (
        <p role="status">{t(busy === 'reading' ? 'customsDesk.waybills.reading' : 'customsDesk.waybills.saving')}</p>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {saved !== null ? (
        <p className="form-saved" role="status" data-testid="waybill-saved">
          {t('customsDesk.waybills.saved', { saved: number.format(saved) })}
        </p>
      ) : null}
      {preview && result ? (
        <div data-testid="waybill-preview" data-matched={result.matched} data-rejected={result.rejected.length}>
          <p role="status">
            {t('customsDesk.waybills.preview', {
              file: preview.fileName,
              rows: number.format(result.rows),
              matched: number.format(result.matched),
              rejected: number.format(result.rejected.length),
              unknown: number.format(result.unknownOrders.length),
            })}
          </p>
          {blocked ? (
            <p className="notice" role="alert" data-testid="waybill-blocked">
              {t('customsDesk.waybills.blocked')}
            </p>
          ) : null}
          {result.unknownOrders.length > 0 ? (
            <p className="mono" data-testid="waybill-unknown">
              {t('customsDesk.waybills.unknownOrders', { orderNos: result.unknownOrders.slice(0, 50).join(', ') })}
            </p>
          ) : null}
          {result.rejected.length > 0 ? (
            <>
              <h3 className="section-title">{t('customsDesk.waybills.rejectedTitle')}</h3>
              <RejectedRowsTable
                rows={result.rejected.slice(0, 200)}
                testId="waybill-rejected"
                rowTestId={(row) => `waybill-rejected-${row}`}
                labels={[
                  t('customsDesk.waybills.row'),
                  t('customsDesk.waybills.column'),
                  t('customsDesk.waybills.reason'),
                ]}
              />
            </>
          ) : null}
          {!blocked ? (
            <div className="form-actions">
              <Button
                variant="primary"
                data-testid="waybill-confirm"
                disabled={busy !== null}
                onClick={() => void confirm()}
              >
                {t('customsDesk.waybills.confirm', { count: result.matched })}
              </Button>
            </div>
          ) : result.matched > 0 ? (
            <div className="form-actions">
              <Button data-testid="waybill-confirm-valid" disabled={busy !== null} onClick={() => void confirm(true)}>
                {t('customsDesk.waybills.confirmValid', { count: result.matched })}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
