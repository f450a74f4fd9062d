/**
 * RiskListView: the editable risk list of the pre-check — HS code prefixes that need an export
 * licence or inspection (a match blocks the list) and per-order goods value ceilings per
 * currency (above is a warning) — saved with `customs.riskList.save`.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { ErrorInfo, RiskList } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { InputCell } from '../../ui/InputCell.tsx';
import { FORM_DATA } from './vocabulary.ts';

type Prefix = { prefix: string; note: string };
type Threshold = { currency: string; max: string };

/** The last cell of an editable row: the button that takes the row out. */
function RemoveCell({ onRemove }: { readonly onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <td>
      <Button variant="quiet" onClick={onRemove}>
        {t('customsDesk.risk.remove')}
      </Button>
    </td>
  );
}

export function RiskListView() {
  const { t } = useTranslation();
  const riskListSave = useMutation('customs.riskList.save');
  const current = useQuery('customs.riskList.get', {}, FORM_DATA);
  const [prefixes, setPrefixes] = useState<Prefix[]>([]);
  const [thresholds, setThresholds] = useState<Threshold[]>([]);
  const [bad, setBad] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const r: RiskList | null = current.data ?? null;
    if (!r) return;
    setPrefixes(r.licenceHsPrefixes.map((p) => ({ ...p })));
    setThresholds(r.valueThresholds.map((v) => ({ ...v })));
  }, [current.data]);

  const save = async () => {
    if (saving) return;
    const wrong = new Set<string>();
    prefixes.forEach((p, i) => {
      if (!/^\d{2,10}$/.test(p.prefix.trim())) wrong.add(`prefix-${i}`);
    });
    thresholds.forEach((v, i) => {
      if (!/^[A-Z]{3}$/.test(v.currency.trim().toUpperCase())) wrong.add(`currency-${i}`);
      if (!/^\d+(\.\d+)?$/.test(v.max.trim())) wrong.add(`max-${i}`);
    });
    setBad(wrong);
    setSaved(false);
    if (wrong.size > 0) return;
    setSaving(true);
    const result = await riskListSave.run({
      licenceHsPrefixes: prefixes.map((p) => ({ prefix: p.prefix.trim(), note: p.note.trim() })),
      valueThresholds: thresholds.map((v) => ({ currency: v.currency.trim().toUpperCase(), max: v.max.trim() })),
    });
    setSaving(false);
    if (result.ok) {
      setSaved(true);
      setError(null);
    } else setError(result.error);
  };

  return (
    <ViewSection testId="customs-risk" title={t('customsDesk.risk.title')} help={t('customsDesk.risk.help')}>
      {current.error ? <ErrorBanner error={current.error} onDismiss={current.clearError} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {bad.size > 0 ? (
        <p className="inline-error" role="alert" data-testid="customs-risk-invalid">
          {t('customsDesk.risk.invalid')}
        </p>
      ) : null}

      <h3 className="section-title">{t('customsDesk.risk.prefixes')}</h3>
      <DataTable
        wrap={false}
        data-testid="customs-risk-prefixes"
        columns={[t('customsDesk.risk.prefix'), t('customsDesk.risk.note'), null]}
      >
        {prefixes.map((p, i) => (
          <tr key={i}>
            <InputCell
              label={t('customsDesk.risk.prefix')}
              testId={`risk-prefix-${i}`}
              invalid={bad.has(`prefix-${i}`)}
              inputMode="numeric"
              maxLength={10}
              value={p.prefix}
              onChange={(prefix) => setPrefixes(prefixes.map((x, k) => (k === i ? { ...x, prefix } : x)))}
            />
            <InputCell
              label={t('customsDesk.risk.note')}
              testId={`risk-note-${i}`}
              maxLength={200}
              value={p.note}
              onChange={(note) => setPrefixes(prefixes.map((x, k) => (k === i ? { ...x, note } : x)))}
            />
            <RemoveCell onRemove={() => setPrefixes(prefixes.filter((_, k) => k !== i))} />
          </tr>
        ))}
      </DataTable>
      <Button data-testid="risk-add-prefix" onClick={() => setPrefixes([...prefixes, { prefix: '', note: '' }])}>
        {t('customsDesk.risk.addPrefix')}
      </Button>

      <h3 className="section-title">{t('customsDesk.risk.thresholds')}</h3>
      <DataTable
        wrap={false}
        data-testid="customs-risk-thresholds"
        columns={[t('customsDesk.risk.currency'), t('customsDesk.risk.max'), null]}
      >
        {thresholds.map((v, i) => (
          <tr key={i}>
            <InputCell
              label={t('customsDesk.risk.currency')}
              testId={`risk-currency-${i}`}
              invalid={bad.has(`currency-${i}`)}
              maxLength={3}
              value={v.currency}
              onChange={(currency) => setThresholds(thresholds.map((x, k) => (k === i ? { ...x, currency } : x)))}
            />
            <InputCell
              label={t('customsDesk.risk.max')}
              testId={`risk-max-${i}`}
              invalid={bad.has(`max-${i}`)}
              inputMode="decimal"
              value={v.max}
              onChange={(max) => setThresholds(thresholds.map((x, k) => (k === i ? { ...x, max } : x)))}
            />
            <RemoveCell onRemove={() => setThresholds(thresholds.filter((_, k) => k !== i))} />
          </tr>
        ))}
      </DataTable>
      <Button
        data-testid="risk-add-threshold"
        onClick={() => setThresholds([...thresholds, { currency: 'CNY', max: '' }])}
      >
        {t('customsDesk.risk.addThreshold')}
      </Button>

      <div className="form-actions">
        <Button variant="primary" data-testid="customs-risk-save" disabled={saving} onClick={() => void save()}>
          {saving ? t('customsDesk.saving') : t('customsDesk.save')}
        </Button>
        {saved ? (
          <span className="form-saved" role="status" data-testid="customs-risk-saved">
            {t('customsDesk.risk.saved')}
          </span>
        ) : null}
      </div>
    </ViewSection>
  );
}
