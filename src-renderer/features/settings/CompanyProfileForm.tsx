/**
 * CompanyProfileForm: name, USCC, customs code, DXP id, pilot zone and (fixed) base currency.
 * Used by the first-run screen and the settings page. Nothing is stored until the server
 * accepts the whole profile; its per-field codes (`validation.failed` → `fields`) are shown
 * next to each field. Editing a field clears that field's error.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyRecord, ErrorInfo } from '../../../src-main/api/contract.ts';
import { useMutation } from '../../app/use-query.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select, type SelectProps } from '../../ui/Select.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import {
  checkFieldOnBlur,
  isCompanyField,
  precheckCompany,
  toSaveInput,
  valuesFrom,
  type CompanyField,
  type CompanyFieldErrors,
  type CompanyFormValues,
} from './company-form-values.ts';
import { isPilotZone, PILOT_ZONES } from './pilot-zones.ts';
import { optionsOf } from '../../ui/options.ts';

export interface CompanyProfileFormProps {
  /** The saved profile to edit, or null on first run. */
  readonly initial: CompanyRecord | null;
  readonly onSaved?: (record: CompanyRecord) => void;
}

type TextField = 'name' | 'uscc' | 'customsCode' | 'dxpId';
type SelectField = 'pilotZone' | 'baseCurrency';

function LengthCounter({ value, expected }: { readonly value: string; readonly expected: number }) {
  const length = value.trim().length;
  const cls = length === expected ? 'counter counter-ok' : 'counter';
  return (
    <span className={cls} aria-hidden="true">
      {length} / {expected}
    </span>
  );
}

export function CompanyProfileForm({ initial, onSaved }: CompanyProfileFormProps) {
  const { t, i18n } = useTranslation();
  const saveCompany = useMutation('company.save');
  const [values, setValues] = useState<CompanyFormValues>(() => valuesFrom(initial));
  const [fieldErrors, setFieldErrors] = useState<CompanyFieldErrors>({});
  const [formError, setFormError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<CompanyRecord | null>(null);

  const update = (field: keyof CompanyFormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors(({ [field]: _cleared, ...rest }) => rest);
    setSaved(null);
  };

  const blur = (field: CompanyField) => {
    const code = checkFieldOnBlur(field, values);
    if (code) setFieldErrors((e) => ({ ...e, [field]: code }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const pre = precheckCompany(values);
    if (Object.keys(pre).length > 0 || values.pilotZone === '') {
      setFieldErrors(pre);
      setFormError({ code: 'validation.failed', params: {} });
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await saveCompany.run(toSaveInput(values, values.pilotZone));
    setSaving(false);
    if (result.ok) {
      setValues(valuesFrom(result.value));
      setFieldErrors({});
      setSaved(result.value);
      onSaved?.(result.value);
      return;
    }
    const next: CompanyFieldErrors = {};
    for (const [key, code] of Object.entries(result.error.fields ?? {})) {
      if (isCompanyField(key)) next[key] = code;
    }
    setFieldErrors(next);
    setFormError(result.error);
  };

  const fieldFrame = (field: CompanyField, optional = false) => ({
    name: field,
    label: t(`company.fields.${field}.label`),
    help: t(`company.fields.${field}.help`),
    optional,
    errorCode: fieldErrors[field] ?? null,
  });

  const selectField = (field: SelectField, select: Omit<SelectProps, 'name'>) => (
    <Field {...fieldFrame(field)}>
      {(control) => <Select {...control} name={field} data-testid={`field-${field}`} {...select} />}
    </Field>
  );

  const textField = (field: TextField, opts: { optional?: boolean; code?: boolean; expected?: number } = {}) => (
    <Field {...fieldFrame(field, opts.optional)}>
      {(control) => (
        <div className="input-row">
          <input
            {...control}
            className={opts.code ? 'input input-code' : 'input'}
            type="text"
            name={field}
            data-testid={`field-${field}`}
            value={values[field]}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => update(field, e.target.value)}
            onBlur={() => blur(field)}
          />
          {opts.expected ? <LengthCounter value={values[field]} expected={opts.expected} /> : null}
        </div>
      )}
    </Field>
  );

  const savedAt = saved
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(saved.savedAt),
      )
    : '';

  return (
    <form className="form" data-testid="company-form" noValidate onSubmit={(e) => void submit(e)}>
      {formError ? <ErrorBanner error={formError} onDismiss={() => setFormError(null)} /> : null}
      {textField('name')}
      {textField('uscc', { code: true, expected: 18 })}
      {textField('customsCode', { code: true, expected: 10 })}
      {textField('dxpId', { optional: true, code: true })}
      {selectField('pilotZone', {
        value: values.pilotZone,
        placeholder: t('company.fields.pilotZone.placeholder'),
        options: optionsOf(PILOT_ZONES, (zone) => t(`company.pilotZones.${zone}`)),
        onChange: (e) => update('pilotZone', isPilotZone(e.target.value) ? e.target.value : ''),
      })}
      {selectField('baseCurrency', {
        value: 'CNY',
        disabled: true,
        options: [{ value: 'CNY', label: t('company.currencies.CNY') }],
      })}
      <SubmitActions
        testId="company-save"
        busy={saving}
        done={saved ? t('company.saved', { version: saved.version, savedAt }) : null}
        doneTestId="company-saved"
      >
        {saving ? t('company.saving') : t('company.save')}
      </SubmitActions>
    </form>
  );
}
