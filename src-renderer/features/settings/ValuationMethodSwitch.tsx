/**
 * ValuationMethodSwitch: the company's stock valuation method — FIFO cost layers (the
 * default) or moving average — read from `stock.valuation` and changed with
 * `settings.setValuationMethod`.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput, ErrorInfo } from '../../../src-main/api/contract.ts';
import { call } from '../../app/core-client.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Select } from '../../ui/Select.tsx';

type Method = CommandInput<'settings.setValuationMethod'>['method'];
const METHODS = ['fifo', 'movingAverage'] as const satisfies readonly Method[];

export function ValuationMethodSwitch() {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void call('stock.valuation', {}).then((r) => {
      if (!live) return;
      if (r.ok) setMethod(r.value.method);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const change = async (value: string) => {
    const next = METHODS.find((m) => m === value);
    if (!next || saving) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    const result = await call('settings.setValuationMethod', { method: next });
    setSaving(false);
    if (result.ok) {
      setMethod(result.value.method);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor="settings-valuation-method">{t('settings.valuationMethod')}</label>
      <Select
        id="settings-valuation-method"
        data-testid="settings-valuation-method"
        value={method ?? ''}
        placeholder={method === null ? t('settings.valuationLoading') : undefined}
        disabled={saving || method === null}
        options={METHODS.map((m) => ({ value: m, label: t(`settings.valuationMethods.${m}`) }))}
        onChange={(e) => void change(e.target.value)}
      />
      <p className="field-help">{t('settings.valuationHelp')}</p>
      {saved ? <p className="form-saved" role="status" data-testid="settings-valuation-saved">{t('settings.valuationSaved')}</p> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
    </div>
  );
}
