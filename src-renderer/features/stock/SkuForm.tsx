/**
 * SkuForm: creates or edits a seller SKU with the customs data the inventory list needs
 * (item no, goods name, declaration elements, 10-digit HS code, customs and legal units,
 * barcode, origin, weight and volume) with `stock.skus.save`. The server's per-field codes
 * (`stock.sku.hsCode.length`, …) are shown next to their fields.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { CommandInput, ErrorInfo, SkuRecord } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { parseInteger, UNIT_CODES } from './vocabulary.ts';

interface SkuValues {
  readonly itemNo: string;
  readonly goodsName: string;
  readonly gmodel: string;
  readonly hsCode: string;
  readonly unit: string;
  readonly legalUnit: string;
  readonly secondLegalUnit: string;
  readonly barcode: string;
  readonly origin: string;
  readonly weightGrams: string;
  readonly volumeCm3: string;
}
type SkuField = keyof SkuValues;

function valuesOf(sku: SkuRecord | null): SkuValues {
  return {
    itemNo: sku?.itemNo ?? '',
    goodsName: sku?.goodsName ?? '',
    gmodel: sku?.gmodel ?? '',
    hsCode: sku?.hsCode ?? '',
    unit: sku?.unit ?? '007',
    legalUnit: sku?.legalUnit ?? '007',
    secondLegalUnit: sku?.secondLegalUnit ?? '',
    barcode: sku?.barcode ?? '',
    origin: sku?.origin ?? 'CN',
    weightGrams: sku?.weightGrams === null || sku?.weightGrams === undefined ? '' : String(sku.weightGrams),
    volumeCm3: sku?.volumeCm3 === null || sku?.volumeCm3 === undefined ? '' : String(sku.volumeCm3),
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export interface SkuFormProps {
  readonly sku: SkuRecord | null;
  readonly onSaved: (sku: SkuRecord) => void;
  readonly onCancel?: () => void;
}

export function SkuForm({ sku, onSaved, onCancel }: SkuFormProps) {
  const { t } = useTranslation();
  const skusSave = useMutation('stock.skus.save');
  const [values, setValues] = useState<SkuValues>(() => valuesOf(sku));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (key: SkuField, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFieldErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const unitOptions = UNIT_CODES.map((code) => ({ value: code, label: `${code} ${t(`stock.units.${code}`)}` }));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    const weight = values.weightGrams.trim() === '' ? null : parseInteger(values.weightGrams);
    const volume = values.volumeCm3.trim() === '' ? null : parseInteger(values.volumeCm3);
    if (values.weightGrams.trim() !== '' && (weight === null || weight < 0))
      local['weightGrams'] = 'stock.sku.measure.invalid';
    if (values.volumeCm3.trim() !== '' && (volume === null || volume < 0))
      local['volumeCm3'] = 'stock.sku.measure.invalid';
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      return;
    }
    const input: CommandInput<'stock.skus.save'> = {
      ...(sku ? { id: sku.id } : {}),
      itemNo: values.itemNo.trim(),
      goodsName: values.goodsName.trim(),
      gmodel: values.gmodel.trim(),
      hsCode: values.hsCode.trim(),
      unit: values.unit,
      legalUnit: values.legalUnit,
      secondLegalUnit: orNull(values.secondLegalUnit),
      barcode: orNull(values.barcode),
      origin: orNull(values.origin.toUpperCase()),
      weightGrams: weight,
      volumeCm3: volume,
    };
    setSaving(true);
    setError(null);
    const result = await skusSave.run(input);
    setSaving(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    setFieldErrors(result.error.fields ?? {});
    setError(result.error);
  };

  const text = (
    key: SkuField,
    maxLength: number,
    opts: { optional?: boolean; help?: string; inputMode?: 'numeric'; className?: string } = {},
  ) => (
    <Field
      name={`sku-${key}`}
      label={t(`stock.sku.fields.${key}`)}
      optional={opts.optional}
      help={opts.help}
      errorCode={fieldErrors[key] ?? null}
    >
      {(control) => (
        <input
          {...control}
          className={['input', opts.className].filter(Boolean).join(' ')}
          type="text"
          inputMode={opts.inputMode}
          data-testid={`sku-form-${key}`}
          maxLength={maxLength}
          value={values[key]}
          onChange={(e) => update(key, e.target.value)}
        />
      )}
    </Field>
  );

  const unit = (key: 'unit' | 'legalUnit' | 'secondLegalUnit', optional = false) => (
    <Field
      name={`sku-${key}`}
      label={t(`stock.sku.fields.${key}`)}
      optional={optional}
      errorCode={fieldErrors[key] ?? null}
    >
      {(control) => (
        <Select
          {...control}
          data-testid={`sku-form-${key}`}
          value={values[key]}
          options={optional ? [{ value: '', label: t('stock.sku.noSecondUnit') }, ...unitOptions] : unitOptions}
          onChange={(e) => update(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="form form-wide panel" data-testid="sku-form" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="panel-title">
        {sku ? t('stock.sku.editTitle', { itemNo: sku.itemNo }) : t('stock.sku.newTitle')}
      </h2>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        {text('itemNo', 20, { help: t('stock.sku.help.itemNo'), className: 'mono' })}
        {text('goodsName', 250)}
        {text('gmodel', 250, { optional: true, help: t('stock.sku.help.gmodel') })}
        {text('hsCode', 10, { help: t('stock.sku.help.hsCode'), inputMode: 'numeric', className: 'mono' })}
        {unit('unit')}
        {unit('legalUnit')}
        {unit('secondLegalUnit', true)}
        {text('barcode', 50, { optional: true, className: 'mono' })}
        {text('origin', 2, { optional: true, help: t('stock.sku.help.origin'), className: 'input-country' })}
        {text('weightGrams', 12, { optional: true, inputMode: 'numeric' })}
        {text('volumeCm3', 12, { optional: true, inputMode: 'numeric' })}
      </div>
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="sku-form-save" disabled={saving}>
          {saving ? t('stock.actions.saving') : t('stock.actions.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('stock.actions.cancel')}</Button> : null}
      </div>
    </form>
  );
}
