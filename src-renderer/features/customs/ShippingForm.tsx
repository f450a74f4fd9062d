/**
 * ShippingForm: the per-order data the lists and waybills need that marketplace files do not
 * carry — waybill number (logisticsNo), carrier, export date, gross weight, packages, list
 * copNo — read with `customs.shipping.get` and saved with `customs.shipping.save`. Opened from
 * a pre-check finding so the user fixes it where it was reported.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { ErrorInfo } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { FORM_DATA } from './vocabulary.ts';

const TEXTS = [
  'logisticsNo',
  'logisticsCode',
  'logisticsName',
  'exportDate',
  'grossWeightGrams',
  'packNo',
  'copNo',
] as const;
type ShippingText = (typeof TEXTS)[number];
const NUMERIC: ReadonlySet<ShippingText> = new Set(['grossWeightGrams', 'packNo']);

export interface ShippingFormProps {
  readonly orderId: number;
  readonly onSaved: () => void;
  readonly onClose: () => void;
}

const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

export function ShippingForm({ orderId, onSaved, onClose }: ShippingFormProps) {
  const { t } = useTranslation();
  const shippingSave = useMutation('customs.shipping.save');
  const current = useQuery('customs.shipping.get', { orderId }, FORM_DATA);
  const [values, setValues] = useState<Record<ShippingText, string>>(
    () => Object.fromEntries(TEXTS.map((k) => [k, ''])) as Record<ShippingText, string>,
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const s = current.data;
    if (s)
      setValues(
        Object.fromEntries(TEXTS.map((k) => [k, s[k] === null ? '' : String(s[k])])) as Record<ShippingText, string>,
      );
  }, [current.data]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    for (const k of NUMERIC)
      if (values[k].trim() !== '' && !/^\d+$/.test(values[k].trim())) local[k] = 'validation.invalid';
    if (values.exportDate.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(values.exportDate.trim()))
      local['exportDate'] = 'validation.invalid';
    setFieldErrors(local);
    if (Object.keys(local).length > 0) return;
    const num = (k: ShippingText): number | null => (values[k].trim() === '' ? null : Number(values[k].trim()));
    setSaving(true);
    const result = await shippingSave.run({
      orderId,
      logisticsNo: orNull(values.logisticsNo),
      logisticsCode: orNull(values.logisticsCode),
      logisticsName: orNull(values.logisticsName),
      exportDate: orNull(values.exportDate),
      grossWeightGrams: num('grossWeightGrams'),
      packNo: num('packNo'),
      copNo: orNull(values.copNo),
    });
    setSaving(false);
    if (result.ok) onSaved();
    else {
      setFieldErrors(result.error.fields ?? {});
      setError(result.error);
    }
  };

  return (
    <form
      className="panel form"
      data-testid={`customs-shipping-${orderId}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 className="panel-title">
        {t('customsDesk.shipping.title', { orderNo: current.data?.orderNo ?? String(orderId) })}
      </h3>
      {current.error ? <ErrorBanner error={current.error} onDismiss={current.clearError} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        {TEXTS.map((k) => (
          <Field
            key={k}
            name={`shipping-${k}`}
            label={t(`customsDesk.shipping.fields.${k}`)}
            optional
            errorCode={fieldErrors[k] ?? null}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type={k === 'exportDate' ? 'date' : 'text'}
                inputMode={NUMERIC.has(k) ? 'numeric' : undefined}
                data-testid={`customs-shipping-${k}`}
                value={values[k]}
                onChange={(e) => setValues({ ...values, [k]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="customs-shipping-save" disabled={saving}>
          {saving ? t('customsDesk.saving') : t('customsDesk.save')}
        </Button>
        <Button variant="quiet" onClick={onClose}>
          {t('customsDesk.cancel')}
        </Button>
      </div>
    </form>
  );
}
