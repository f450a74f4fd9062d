/**
 * ValuationMethodSwitch: the company's stock valuation method — FIFO cost layers (the
 * default) or moving average — read from `stock.valuation` and changed with
 * `settings.setValuationMethod`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput } from '../../../src-main/api/contract.ts';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { ErrorsBanner } from '../../ui/ErrorBanner.tsx';
import { InlineSelect } from '../../ui/InlineField.tsx';
import { optionsOf } from '../../ui/options.ts';

type Method = CommandInput<'settings.setValuationMethod'>['method'];
const METHODS = ['fifo', 'movingAverage'] as const satisfies readonly Method[];

export function ValuationMethodSwitch() {
  const { t } = useTranslation();
  const valuation = useQuery('stock.valuation', {}, { areas: ['settings'] });
  const save = useMutation('settings.setValuationMethod');
  const [chosen, setChosen] = useState<Method | null>(null);
  const [saved, setSaved] = useState(false);
  const method = chosen ?? valuation.data?.method ?? null;
  const saving = save.pending;

  const change = async (value: string) => {
    const next = METHODS.find((m) => m === value);
    if (!next || saving) return;
    setSaved(false);
    const result = await save.run({ method: next });
    if (result.ok) {
      setChosen(result.value.method);
      setSaved(true);
    }
  };

  return (
    <div className="field">
      <InlineSelect
        id="settings-valuation-method"
        label={t('settings.valuationMethod')}
        value={method ?? ''}
        placeholder={method === null ? t('settings.valuationLoading') : undefined}
        disabled={saving || method === null}
        options={optionsOf(METHODS, (m) => t(`settings.valuationMethods.${m}`))}
        onChange={(e) => void change(e.target.value)}
      />
      <p className="field-help">{t('settings.valuationHelp')}</p>
      {saved ? (
        <p className="form-saved" role="status" data-testid="settings-valuation-saved">
          {t('settings.valuationSaved')}
        </p>
      ) : null}
      <ErrorsBanner sources={[save, valuation]} />
    </div>
  );
}
