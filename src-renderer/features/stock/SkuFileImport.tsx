/**
 * SkuFileImport: a SKU customs-data file (CSV/XLSX: item no, goods name, HS code, declaration
 * elements, units, weights) imported with `stock.skus.import` — SKUs created or updated by item
 * no, nothing saved while a row is rejected (the rejected rows are listed). Lesson 4 of training
 * mode uses it with the sandbox's `files/sku-customs.csv`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../src-main/api/contract.ts';
import { useMutation } from '../../app/use-query.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { RejectedRowsTable } from '../../ui/RejectedRowsTable.tsx';
import { fileToBase64, importFileName } from '../../ui/file-to-base64.ts';

type SkuImportResult = CommandResult<'stock.skus.import'>;

export function SkuFileImport() {
  const { t } = useTranslation();
  const importFile = useMutation('stock.skus.import');
  const [result, setResult] = useState<SkuImportResult | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    const r = await importFile.run({ fileName: importFileName(file.name), contentBase64: await fileToBase64(file) });
    if (r.ok) setResult(r.value);
  };

  return (
    <div className="panel" data-testid="sku-file-import">
      <label className="field-label">
        {t('stock.sku.fileImport')}{' '}
        <input
          type="file"
          accept=".csv,.txt,.xlsx"
          data-testid="sku-file"
          disabled={importFile.pending}
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <p className="field-help">{importFile.pending ? t('stock.sku.fileImporting') : t('stock.sku.fileImportHelp')}</p>
      {importFile.error ? <ErrorBanner error={importFile.error} onDismiss={importFile.clearError} /> : null}
      {result && result.rejected.length === 0 ? (
        <p className="form-saved" role="status" data-testid="sku-file-imported" data-created={result.created}>
          {t('stock.sku.fileImported', {
            rows: result.rows,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
        </p>
      ) : null}
      {result && result.rejected.length > 0 ? (
        <div data-testid="sku-file-rejected">
          <p className="notice" role="alert">
            {t('stock.sku.fileRejected', { count: result.rejected.length })}
          </p>
          <RejectedRowsTable
            rows={result.rejected}
            labels={[t('stock.import.rejectedRow'), t('stock.import.rejectedColumn'), t('stock.import.rejectedReason')]}
            rowTestId={(row) => `sku-file-rejected-${row}`}
          />
        </div>
      ) : null}
    </div>
  );
}
