/**
 * RatesView: the dated X→CNY rates with their source (PBoC central parity, bank buying rate,
 * platform conversion, manual), filtered by currency; the form to add one; and the rates CSV
 * import (columns currency, date, rate, source) with its rejected rows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, RatesImportSummary } from '../../../src-main/api/contract.ts';
import { call } from '../../app/core-client.ts';
import { Button } from '../../ui/Button.tsx';
import { isCurrency, type Currency } from '../../ui/currencies.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Select } from '../../ui/Select.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { FilePicker, readForHost } from './FilePicker.tsx';
import { Pager, usePage } from './Pager.tsx';
import { FOREIGN_CURRENCIES, RateForm } from './RateForm.tsx';
import { RejectedRows } from './RejectedRows.tsx';
import type { SettlementViewProps } from './SettlementPage.tsx';
import { useSettlementFormatters } from './settlement-format.ts';
import { useHostQuery } from './use-host-query.ts';

export function RatesView({ revision, onChanged }: SettlementViewProps) {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const [currency, setCurrency] = useState<Currency | ''>('');
  const list = useHostQuery('rates.list', currency === '' ? {} : { currency }, revision);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { rows, pager } = usePage(list.value ?? []);

  return (
    <ViewSection titleId="settlement-rates-title" title={t('settlement.rates.title')}
      actions={<Button variant="primary" data-testid="rate-new" onClick={() => { setAdding((v) => !v); setSaved(null); }}>{t('settlement.rates.add')}</Button>}
      help={t('settlement.rates.help')}>
      {saved ? <p className="form-saved" role="status" data-testid="rate-saved">{saved}</p> : null}
      {adding ? (
        <RateForm onCancel={() => setAdding(false)} onSaved={(r) => {
          setAdding(false);
          setSaved(t('settlement.rates.saved', { currency: r.currency, date: r.date, rate: r.rate }));
          onChanged();
        }} />
      ) : null}
      <RatesImport onImported={onChanged} />
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      <div className="toolbar">
        <ToolbarField label={t('settlement.fields.currency')}>
          <Select className="select-compact" data-testid="rates-currency" value={currency}
            options={[{ value: '', label: t('settlement.rates.allCurrencies') }, ...FOREIGN_CURRENCIES.map((c) => ({ value: c, label: c }))]}
            onChange={(e) => setCurrency(isCurrency(e.target.value) ? e.target.value : '')} />
        </ToolbarField>
      </div>
      {list.value !== null && list.value.length === 0 ? <EmptyState title={t('settlement.rates.emptyTitle')} body={t('settlement.rates.emptyBody')} /> : null}
      {rows.length > 0 ? (
        <DataTable data-testid="rates-table"
          columns={[t('settlement.fields.date'), t('settlement.fields.currency'), num(t('settlement.rates.rate')), t('settlement.fields.source'), t('settlement.fields.note')]}>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`rate-${r.currency}-${r.date}-${r.source}`}>
              <td>{f.day(r.date)}</td>
              <td>{r.currency}</td>
              <td className="num mono">{r.rate}</td>
              <td>{t(`settlement.rateSources.${r.source}`)}</td>
              <td>{r.note ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <Pager {...pager} />
    </ViewSection>
  );
}

function RatesImport({ onImported }: { readonly onImported: () => void }) {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [summary, setSummary] = useState<RatesImportSummary | null>(null);

  const run = async () => {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    const read = await readForHost(file);
    const result = read.ok ? await call('rates.import', { fileName: read.fileName, contentBase64: read.contentBase64 }) : null;
    setBusy(false);
    if (!read.ok) setError(read.error);
    else if (result?.ok) {
      setSummary(result.value);
      if (result.value.saved > 0) onImported();
    } else if (result) setError(result.error);
  };

  return (
    <details className="panel" data-testid="rates-import">
      <summary className="panel-title">{t('settlement.rates.importTitle')}</summary>
      <p className="field-help">{t('settlement.rates.importHelp')}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <FilePicker file={file} disabled={busy} accept=".csv,text/csv" testId="rates-import-file" onChoose={(chosen) => { setFile(chosen); setSummary(null); }} />
      <div className="form-actions">
        <Button variant="primary" data-testid="rates-import-start" disabled={!file || busy} onClick={() => void run()}>
          {busy ? t('settlement.import.importing') : t('settlement.rates.importStart')}
        </Button>
      </div>
      {summary ? (
        <div data-testid="rates-import-summary" data-saved={summary.saved}>
          <p className="form-saved" role="status">
            {t('settlement.rates.importDone', { rows: f.count(summary.rows), saved: f.count(summary.saved), unchanged: f.count(summary.unchanged), rejected: f.count(summary.rejected.length) })}
          </p>
          <RejectedRows rows={summary.rejected} testId="rates-import-rejected" />
        </div>
      ) : null}
    </details>
  );
}
