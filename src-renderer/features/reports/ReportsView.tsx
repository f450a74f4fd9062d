/**
 * ReportsView (issue 17 point 3): choose a report and a period, see its print preview (the same
 * PDF the writer prints, shown in a frame) with its totals and the rates used, and save it as PDF
 * or XLSX; a progress bar runs while the host builds a file. Data comes through the one data hook
 * (`useQuery` / `useMutation`); the report names and errors are translated in zh-CN, zh-TW and en.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { ErrorInfo, ReportName } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { Select } from '../../ui/Select.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { ToolbarInput } from '../../ui/ToolbarInput.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { formatMoney } from '../../ui/format-money.ts';
import { downloadBase64 } from '../settlement/index.ts';
import { ReportPreview } from './ReportPreview.tsx';

type Language = 'zh-CN' | 'zh-TW' | 'en';
export const REPORT_NAMES = [
  'tax-register',
  'deemed-income-tax',
  'export-summary',
  'stock-valuation',
  'netting',
  '9810-sold-unsold',
] as const satisfies readonly ReportName[];
const everyReport: [Exclude<ReportName, (typeof REPORT_NAMES)[number]>] extends [never] ? true : never = true;
void everyReport;
const languageOf = (l: string): Language => (l === 'zh-TW' ? 'zh-TW' : l.startsWith('en') ? 'en' : 'zh-CN');
const PERIOD = /^(\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4])$/;

function defaultPeriod(): string {
  const d = new Date();
  const month = d.getMonth() === 0 ? 12 : d.getMonth();
  const year = d.getMonth() === 0 ? d.getFullYear() - 1 : d.getFullYear();
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function ReportsView() {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState<ReportName>('tax-register');
  const [period, setPeriod] = useState(defaultPeriod);
  const [preparedBy, setPreparedBy] = useState('');
  const [shown, setShown] = useState<{ name: ReportName; period: string; preparedBy: string | null } | null>(null);
  const data = useQuery('reports.get', shown);
  const preview = useQuery(
    'reports.document',
    shown === null ? null : { ...shown, language: languageOf(i18n.language) },
  );
  const file = useMutation('reports.file');
  const [busy, setBusy] = useState<null | 'pdf' | 'xlsx'>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const validPeriod = name === 'netting' ? period.trim() !== '' : PERIOD.test(period);
  const input = () => ({
    name,
    period: period.trim(),
    preparedBy: preparedBy.trim() === '' ? null : preparedBy.trim(),
  });

  const save = async (format: 'pdf' | 'xlsx') => {
    if (busy || !validPeriod) return;
    setBusy(format);
    setError(null);
    setSaved(null);
    const r = await file.run({ ...input(), format, language: languageOf(i18n.language) });
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    downloadBase64(r.value.fileName, r.value.contentBase64);
    setSaved(r.value.fileName);
  };
  const loading = shown !== null && (data.loading || preview.loading);

  const summary = data.data?.summary;
  // 9810: the headline is the unsold value at the period's end (the pre-refund base), with the sold value beside it
  const sold9810 = name === '9810-sold-unsold' && typeof summary?.unsoldValue === 'number';
  const total = sold9810
    ? (summary!.unsoldValue as number)
    : typeof summary?.total === 'number'
      ? summary.total
      : typeof summary?.net === 'number'
        ? summary.net
        : null;
  const totalCurrency = name === 'netting' && typeof summary?.currency === 'string' ? summary.currency : 'CNY';

  return (
    <ViewSection titleId="reports-title" title={t('pages.reports.title')}>
      <div className="toolbar">
        <ToolbarField label={t('reportsScreen.report')}>
          <Select
            data-testid="report-name"
            value={name}
            options={REPORT_NAMES.map((n) => ({ value: n, label: t(`reportsScreen.names.${n}`) }))}
            onChange={(e) => {
              if ((REPORT_NAMES as readonly string[]).includes(e.target.value)) setName(e.target.value as ReportName);
            }}
          />
        </ToolbarField>
        <ToolbarInput
          label={t('reportsScreen.period')}
          className="input"
          testId="report-period"
          value={period}
          aria-invalid={!validPeriod}
          title={t('reportsScreen.periodHelp')}
          onChange={setPeriod}
        />
        <ToolbarInput
          label={t('reportsScreen.preparedBy')}
          className="input"
          testId="report-prepared-by"
          value={preparedBy}
          onChange={setPreparedBy}
        />
      </div>
      <p className="field-help">{t('reportsScreen.periodHelp')}</p>
      <div className="form-actions">
        <Button
          variant="primary"
          data-testid="report-preview"
          disabled={busy !== null || !validPeriod}
          onClick={() => {
            setError(null);
            setSaved(null);
            setShown(input());
          }}
        >
          {t('reportsScreen.preview')}
        </Button>
        <Button data-testid="report-save-pdf" disabled={busy !== null || !validPeriod} onClick={() => void save('pdf')}>
          {t('reportsScreen.savePdf')}
        </Button>
        <Button
          data-testid="report-save-xlsx"
          disabled={busy !== null || !validPeriod}
          onClick={() => void save('xlsx')}
        >
          {t('reportsScreen.saveXlsx')}
        </Button>
      </div>
      {busy || loading ? (
        <ProgressBar
          testId="report-progress"
          label={busy ? t('reportsScreen.saving', { format: busy.toUpperCase() }) : t('reportsScreen.previewing')}
          done={0}
          total={0}
          valueText={busy ? t('reportsScreen.saving', { format: busy.toUpperCase() }) : t('reportsScreen.previewing')}
        />
      ) : null}
      {saved ? (
        <p className="form-saved" role="status" data-testid="report-saved">
          {t('reportsScreen.saved', { file: saved })}
        </p>
      ) : null}
      {(error ?? data.error ?? preview.error) ? (
        <ErrorBanner error={(error ?? data.error ?? preview.error)!} onDismiss={() => setError(null)} />
      ) : null}
      {data.data ? (
        <div data-testid="report-summary" data-total={total ?? ''} data-empty={data.data.empty}>
          {data.data.empty ? (
            <p className="notice" data-testid="report-empty">
              {t('reportsScreen.empty')}
            </p>
          ) : null}
          {total !== null ? (
            <p data-testid="report-headline">
              <strong>{t(sold9810 ? 'reportsScreen.unsoldValue' : 'reportsScreen.total')}</strong>{' '}
              {formatMoney(total, totalCurrency, i18n.language)}
              {sold9810 && typeof summary?.soldInPeriodValue === 'number' ? (
                <>
                  {' · '}
                  <strong>{t('reportsScreen.soldInPeriodValue')}</strong>{' '}
                  {formatMoney(summary.soldInPeriodValue, 'CNY', i18n.language)}
                </>
              ) : null}
            </p>
          ) : null}
          {data.data.rates.length > 0 ? (
            <p className="field-help" data-testid="report-rates">
              {t('reportsScreen.rates')}: {data.data.rates.map((r) => `${r.currency} ${r.date} ${r.rate}`).join('; ')}
            </p>
          ) : null}
        </div>
      ) : null}
      {preview.data ? <ReportPreview doc={preview.data} locale={i18n.language} /> : null}
    </ViewSection>
  );
}
