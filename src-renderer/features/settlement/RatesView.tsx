/**
 * RatesView: the dated X→CNY rates with their source (PBoC central parity, bank buying rate,
 * platform conversion, manual), filtered by currency; the form to add one; and the rates CSV
 * import (columns currency, date, rate, source) with its rejected rows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import type { ErrorInfo, RatesImportSummary } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { StatusNote } from '../../ui/StatusNote.tsx';
import { useEditor } from '../../ui/use-editor.ts';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { FilePicker, readForHost } from './FilePicker.tsx';
import { Pager, usePage } from './Pager.tsx';
import { FOREIGN_CURRENCIES, RateForm } from './RateForm.tsx';
import { RejectedRows } from './RejectedRows.tsx';
import { useSettlementFormatters } from './settlement-format.ts';

export function RatesView() {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const [currency, setCurrency] = useState<Currency | ''>('');
  const list = useQuery('rates.list', currency === '' ? {} : { currency }, { areas: SETTLEMENT_AREAS });
  const editor = useEditor();
  const { rows, pager } = usePage(list.data ?? []);

  return (
    <ViewSection
      titleId="settlement-rates-title"
      title={t('settlement.rates.title')}
      action={{ testId: 'rate-new', label: t('settlement.rates.add'), onClick: editor.toggleNew }}
      help={t('settlement.rates.help')}
    >
      <StatusNote testId="rate-saved">{editor.saved}</StatusNote>
      {editor.editing ? (
        <RateForm
          onCancel={editor.close}
          onSaved={(r) =>
            editor.done(t('settlement.rates.saved', { currency: r.currency, date: r.date, rate: r.rate }))
          }
        />
      ) : null}
      <RatesImport />
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      <FilterBar
        filters={[
          {
            label: 'settlement.fields.currency',
            testId: 'rates-currency',
            value: currency,
            all: 'settlement.rates.allCurrencies',
            options: FOREIGN_CURRENCIES.map((c) => ({ value: c, label: c })),
            onChange: (v) => setCurrency(isCurrency(v) ? v : ''),
          },
        ]}
      />
      <ListTable
        items={list.data}
        rows={rows}
        empty={{ title: t('settlement.rates.emptyTitle'), body: t('settlement.rates.emptyBody') }}
        data-testid="rates-table"
        row={(r) => ({ key: r.id, 'data-testid': `rate-${r.currency}-${r.date}-${r.source}` })}
        columns={[
          { head: 'settlement.fields.date', cell: (r) => f.day(r.date) },
          { head: 'settlement.fields.currency', cell: (r) => r.currency },
          { head: 'settlement.rates.rate', num: true, mono: true, cell: (r) => r.rate },
          { head: 'settlement.fields.source', cell: (r) => t(`settlement.rateSources.${r.source}`) },
          { head: 'settlement.fields.note', cell: (r) => r.note ?? '' },
        ]}
      />
      <Pager {...pager} />
    </ViewSection>
  );
}

function RatesImport() {
  const { t } = useTranslation();
  const ratesImport = useMutation('rates.import');
  const f = useSettlementFormatters();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [summary, setSummary] = useState<RatesImportSummary | null>(null);
  const [checked, setChecked] = useState<{ fileName: string; contentBase64: string } | null>(null);

  // "Check file" is a dry run (the preview); nothing is saved until "Import", and a file with
  // rejected rows only through the explicit "Import the valid rows".
  const run = async () => {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    const read = await readForHost(file);
    const result = read.ok
      ? await ratesImport.run({ fileName: read.fileName, contentBase64: read.contentBase64, dryRun: true })
      : null;
    setBusy(false);
    if (!read.ok) setError(read.error);
    else if (result?.ok) {
      setChecked({ fileName: read.fileName, contentBase64: read.contentBase64 });
      setSummary(result.value);
    } else if (result) setError(result.error);
  };

  const confirm = async (acceptValidRows: boolean) => {
    if (!checked || busy) return;
    setBusy(true);
    const result = await ratesImport.run({ ...checked, acceptValidRows });
    setBusy(false);
    if (result.ok) setSummary(result.value);
    else setError(result.error);
  };

  return (
    <details className="panel" data-testid="rates-import">
      <summary className="panel-title">{t('settlement.rates.importTitle')}</summary>
      <p className="field-help">{t('settlement.rates.importHelp')}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <FilePicker
        file={file}
        disabled={busy}
        accept=".csv,text/csv"
        testId="rates-import-file"
        onChoose={(chosen) => {
          setFile(chosen);
          setSummary(null);
        }}
      />
      <div className="form-actions">
        <Button variant="primary" data-testid="rates-import-start" disabled={!file || busy} onClick={() => void run()}>
          {busy ? t('settlement.import.importing') : t('settlement.rates.importCheck')}
        </Button>
      </div>
      {summary ? (
        <div data-testid="rates-import-summary" data-saved={summary.saved} data-committed={summary.committed}>
          <p className={summary.committed ? 'form-saved' : undefined} role="status">
            {t(summary.committed ? 'settlement.rates.importDone' : 'settlement.rates.importPreview', {
              rows: f.count(summary.rows),
              saved: f.count(summary.saved),
              unchanged: f.count(summary.unchanged),
              rejected: f.count(summary.rejected.length),
            })}
          </p>
          <RejectedRows rows={summary.rejected} testId="rates-import-rejected" />
          {!summary.committed && summary.saved > 0 ? (
            <div className="form-actions">
              {summary.rejected.length === 0 ? (
                <Button
                  variant="primary"
                  data-testid="rates-import-confirm"
                  disabled={busy}
                  onClick={() => void confirm(false)}
                >
                  {t('settlement.rates.importStart')}
                </Button>
              ) : (
                <Button data-testid="rates-import-confirm-valid" disabled={busy} onClick={() => void confirm(true)}>
                  {t('settlement.rates.importValid', { count: new Set(summary.rejected.map((r) => r.row)).size })}
                </Button>
              )}
            </div>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
