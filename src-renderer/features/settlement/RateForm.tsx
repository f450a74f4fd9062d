/**
 * RateForm: saves one dated X→CNY rate with its source (`rates.save`). Used on the rates tab,
 * and as the prompt that appears wherever the host answers `rates.missing` — then the currency
 * and day are fixed and, once saved, the interrupted action runs again (`onSaved`).
 * The rate is sent as exact decimal text padded to 6 fraction digits; 1 is never assumed.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, RateRecord, RateSource } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
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
  const [date, setDate] = useState(missing?.date ?? todayIso());
  const [rate, setRate] = useState('');
  const [source, setSource] = useState<RateSource>(missing ? 'manual' : 'pboc');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const prefix = missing ? 'missing-rate' : 'rate';

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const exact = normaliseRate(rate);
    const local: Record<string, string> = {};
    if (exact === null) local['rate'] = 'settlementForm.rateFormat';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) local['date'] = 'validation.required';
    setFieldErrors(local);
    if (exact === null || Object.keys(local).length > 0) return;
    setSaving(true);
    setError(null);
    const result = await ratesSave.run({
      currency,
      date,
      rate: exact,
      source,
      note: note.trim() === '' ? null : note.trim(),
    });
    setSaving(false);
    if (result.ok) {
      setRate('');
      onSaved?.(result.value);
    } else {
      setFieldErrors(result.error.fields ?? {});
      setError(result.error);
    }
  };

  return (
    <form
      className={missing ? 'form panel notice' : 'form panel'}
      data-testid={`${prefix}-form`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 className="panel-title">
        {missing
          ? t('settlement.rates.missingTitle', { currency: missing.currency, date: missing.date })
          : t('settlement.rates.addTitle')}
      </h3>
      {missing ? <p className="field-help">{t('settlement.rates.missingHelp')}</p> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        <Field name={`${prefix}-currency`} label={t('settlement.fields.currency')}>
          {(control) => (
            <Select
              {...control}
              data-testid={`${prefix}-currency`}
              value={currency}
              disabled={fixedCurrency !== null}
              options={FOREIGN_CURRENCIES.map((c) => ({ value: c, label: c }))}
              onChange={(e) => {
                if (isCurrency(e.target.value)) setCurrency(e.target.value);
              }}
            />
          )}
        </Field>
        <Field name={`${prefix}-date`} label={t('settlement.fields.date')} errorCode={fieldErrors['date'] ?? null}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              data-testid={`${prefix}-date`}
              value={date}
              disabled={missing !== undefined}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field
          name={`${prefix}-rate`}
          label={t('settlement.fields.rateToCny', { currency })}
          help={t('settlement.rates.rateHelp')}
          errorCode={fieldErrors['rate'] ?? null}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              type="text"
              inputMode="decimal"
              data-testid={`${prefix}-rate`}
              value={rate}
              placeholder="7.100000"
              onChange={(e) => setRate(e.target.value)}
            />
          )}
        </Field>
        <Field name={`${prefix}-source`} label={t('settlement.fields.source')}>
          {(control) => (
            <Select
              {...control}
              data-testid={`${prefix}-source`}
              value={source}
              options={RATE_SOURCES.map((s) => ({ value: s, label: t(`settlement.rateSources.${s}`) }))}
              onChange={(e) => {
                if (isRateSource(e.target.value)) setSource(e.target.value);
              }}
            />
          )}
        </Field>
        <Field name={`${prefix}-note`} label={t('settlement.fields.note')} optional>
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              maxLength={200}
              data-testid={`${prefix}-note`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid={`${prefix}-save`} disabled={saving}>
          {saving ? t('settlement.actions.saving') : t('settlement.rates.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('settlement.actions.cancel')}</Button> : null}
      </div>
    </form>
  );
}

/** The missing-rate prompt for an error, or null when the error is something else. */
export function missingRateOf(error: ErrorInfo | null): { currency: string; date: string } | null {
  if (error?.code !== 'rates.missing') return null;
  const { currency, date } = error.params;
  return typeof currency === 'string' && typeof date === 'string' ? { currency, date } : null;
}
