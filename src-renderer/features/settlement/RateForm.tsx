/**
 * RateForm: saves one dated X→CNY rate with its source (`rates.save`). Used on the rates tab,
 * and as the prompt that appears wherever the host answers `rates.missing` — then the currency
 * and day are fixed and, once saved, the interrupted action runs again (`onSaved`).
 * The rate is sent as exact decimal text padded to 6 fraction digits; 1 is never assumed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, RateRecord, RateSource } from '../../../src-main/api/contract.ts';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { useForm } from '../../ui/use-form.ts';
import { normaliseRate, todayIso } from './settlement-format.ts';
import { isRateSource, RATE_SOURCES } from './vocabulary.ts';

export const FOREIGN_CURRENCIES = CURRENCIES.filter((c) => c !== 'CNY');

export interface RateFormProps {
  /** Set when the host asked for this rate (`rates.missing`): currency and day are not editable. */
  readonly missing?: { readonly currency: string; readonly date: string };
  readonly onSaved?: (rate: RateRecord) => void;
  readonly onCancel?: () => void;
}

export function RateForm({ missing, onSaved, onCancel }: RateFormProps) {
  const { t } = useTranslation();
  const ratesSave = useMutation('rates.save');
  const fixedCurrency = missing && isCurrency(missing.currency) ? missing.currency : null;
  const [currency, setCurrency] = useState<Currency>(fixedCurrency ?? 'USD');
  const [source, setSource] = useState<RateSource>(missing ? 'manual' : 'pboc');
  const prefix = missing ? 'missing-rate' : 'rate';
  const fields = useForm(
    { date: missing?.date ?? todayIso(), rate: '', note: '' },
    {
      names: prefix,
      testIds: prefix,
      label: (key: 'currency' | 'date' | 'source' | 'note') => t(`settlement.fields.${key}`),
    },
  );
  const { date, rate, note } = fields.values;

  const submit = async () => {
    const exact = normaliseRate(rate);
    const local: Record<string, string> = {};
    if (exact === null) local['rate'] = 'settlementForm.rateFormat';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) local['date'] = 'validation.required';
    if (fields.refuse(local) || exact === null) return;
    const result = await ratesSave.run({
      currency,
      date,
      rate: exact,
      source,
      note: note.trim() === '' ? null : note.trim(),
    });
    if (result.ok) {
      fields.patch({ rate: '' });
      onSaved?.(result.value);
    } else fields.show(result.error);
  };

  return (
    <FormPanel
      testId={`${prefix}-form`}
      notice={missing !== undefined}
      title={
        missing
          ? t('settlement.rates.missingTitle', { currency: missing.currency, date: missing.date })
          : t('settlement.rates.addTitle')
      }
      help={missing ? t('settlement.rates.missingHelp') : null}
      sending={ratesSave}
      onSubmit={submit}
      submit={{ testId: `${prefix}-save`, label: t('settlement.rates.save'), onCancel }}
      form={fields}
      fields={[
        {
          key: 'currency',
          disabled: fixedCurrency !== null,
          options: FOREIGN_CURRENCIES.map((c) => ({ value: c, label: c })),
          value: currency,
          onChange: (v) => isCurrency(v) && setCurrency(v),
        },
        { key: 'date', type: 'date', disabled: missing !== undefined },
        {
          key: 'rate',
          label: t('settlement.fields.rateToCny', { currency }),
          help: t('settlement.rates.rateHelp'),
          className: 'input mono',
          type: 'text',
          inputMode: 'decimal',
          placeholder: '7.100000',
        },
        {
          key: 'source',
          options: RATE_SOURCES.map((s) => ({ value: s, label: t(`settlement.rateSources.${s}`) })),
          value: source,
          onChange: (v) => isRateSource(v) && setSource(v),
        },
        { key: 'note', optional: true, type: 'text', maxLength: 200 },
      ]}
    />
  );
}

/** The missing-rate prompt for an error, or null when the error is something else. */
export function missingRateOf(error: ErrorInfo | null): { currency: string; date: string } | null {
  if (error?.code !== 'rates.missing') return null;
  const { currency, date } = error.params;
  return typeof currency === 'string' && typeof date === 'string' ? { currency, date } : null;
}
