/**
 * ThresholdsView: the year's goods-trade receipts in USD equivalent against USD 200,000 (the
 * trade-list registration line) as a progress bar, with the warning from 80 %; receipts that
 * could not be converted for want of a rate; the seller kind, and for individual sellers the
 * note that e-commerce settlements with transaction evidence do not use the USD 50,000
 * personal quota.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import type { ErrorInfo, SellerKind, ThresholdLevel } from '../../../src-main/api/contract.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { useSettlementFormatters } from './settlement-format.ts';

const LEVEL_CLASS: Readonly<Record<ThresholdLevel, string>> = {
  ok: 'status-badge status-badge-ok',
  notice: 'status-badge status-badge-warn',
  warning: 'status-badge status-badge-warn',
  over: 'status-badge status-badge-warn',
};

const INDIVIDUAL_NOTE = 'settlement.note.individualQuota';

export function ThresholdsView() {
  const { t } = useTranslation();
  const settingsSave = useMutation('settlement.settings.save');
  const f = useSettlementFormatters();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const status = useQuery('settlement.thresholds', { year }, { areas: SETTLEMENT_AREAS });
  const settings = useQuery('settlement.settings.get', {}, { areas: SETTLEMENT_AREAS });
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);
  const s = status.data;
  const sellerKind = settings.data?.sellerKind ?? s?.sellerKind ?? 'enterprise';

  const saveKind = async (kind: SellerKind) => {
    const result = await settingsSave.run({ sellerKind: kind });
    if (!result.ok) setSaveError(result.error);
  };

  return (
    <ViewSection titleId="settlement-thresholds-title" title={t('settlement.thresholds.title')}>
      <div className="toolbar">
        <ToolbarSelect
          label={t('settlement.thresholds.year')}
          testId="thresholds-year"
          value={String(year)}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        <ToolbarSelect
          label={t('settlement.thresholds.sellerKind')}
          testId="thresholds-seller-kind"
          value={sellerKind}
          options={(['enterprise', 'individual'] as const).map((k) => ({
            value: k,
            label: t(`settlement.thresholds.sellerKinds.${k}`),
          }))}
          onChange={(e) => void saveKind(e.target.value === 'individual' ? 'individual' : 'enterprise')}
        />
      </div>
      {status.error ? <ErrorBanner error={status.error} onDismiss={status.clearError} /> : null}
      {saveError ? <ErrorBanner error={saveError} onDismiss={() => setSaveError(null)} /> : null}
      {s ? (
        <div className="panel" data-testid="thresholds" data-level={s.level} data-percent={s.percent}>
          <ProgressBar
            testId="thresholds-progress"
            label={t('settlement.thresholds.progressLabel', { year: s.year })}
            done={s.receiptsUsd}
            total={s.limitUsd}
            valueText={t('settlement.thresholds.progressValue', {
              done: f.money(s.receiptsUsd, 'USD'),
              limit: f.money(s.limitUsd, 'USD'),
              percent: s.percent,
            })}
          />
          <p>
            <span className={LEVEL_CLASS[s.level]} data-testid="thresholds-level">
              {t(`settlement.thresholds.levels.${s.level}`)}
            </span>
          </p>
          {s.level !== 'ok' ? (
            <p className="notice" role="alert" data-testid="thresholds-warning">
              {t(`settlement.thresholds.advice.${s.level}`, { percent: s.percent })}
            </p>
          ) : null}
          <p className="field-help">{t('settlement.thresholds.help')}</p>
          {s.missingRates.length > 0 ? (
            <div className="notice" data-testid="thresholds-missing-rates">
              {t('settlement.thresholds.missingRates')}
              <ul className="settlement-list">
                {s.missingRates.map((m) => (
                  <li key={`${m.currency}-${m.date}`}>
                    {m.currency} · {f.day(m.date)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {sellerKind === 'individual' || s.notes.includes(INDIVIDUAL_NOTE) ? (
            <p className="notice" data-testid="thresholds-individual-note">
              {t('settlement.thresholds.individualNote')}
            </p>
          ) : null}
        </div>
      ) : null}
    </ViewSection>
  );
}
