/**
 * SkuForm: creates or edits a seller SKU with the customs data the inventory list needs
 * (item no, goods name, declaration elements, 10-digit HS code, customs and legal units,
 * barcode, origin, weight and volume) with `stock.skus.save`. The server's per-field codes
 * (`stock.sku.hsCode.length`, …) are shown next to their fields.
 */
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { CommandInput, SkuRecord } from '../../../src-main/api/contract.ts';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { useForm } from '../../ui/use-form.ts';
import { parseInteger, UNIT_CODES } from './vocabulary.ts';
import type { RecordFormProps } from '../../ui/use-editor.ts';

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

export function SkuForm({ record: sku, onSaved, onCancel }: RecordFormProps<SkuRecord>) {
  const { t } = useTranslation();
  const skusSave = useMutation('stock.skus.save');
  const fields = useForm<SkuField>(() => valuesOf(sku), {
    names: 'sku',
    testIds: 'sku-form',
    label: (key) => t(`stock.sku.fields.${key}`),
  });
  const values = fields.values;

  const unitOptions = UNIT_CODES.map((code) => ({ value: code, label: `${code} ${t(`stock.units.${code}`)}` }));

  const submit = async () => {
    const local: Record<string, string> = {};
    const weight = values.weightGrams.trim() === '' ? null : parseInteger(values.weightGrams);
    const volume = values.volumeCm3.trim() === '' ? null : parseInteger(values.volumeCm3);
    if (values.weightGrams.trim() !== '' && (weight === null || weight < 0))
      local['weightGrams'] = 'stock.sku.measure.invalid';
    if (values.volumeCm3.trim() !== '' && (volume === null || volume < 0))
      local['volumeCm3'] = 'stock.sku.measure.invalid';
    if (fields.refuse(local)) return;
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
    const result = await skusSave.run(input);
    if (result.ok) onSaved(result.value);
    else fields.show(result.error);
  };

  const text = (maxLength: number, className = 'input') => ({ type: 'text', maxLength, className });
  const numeric = { ...text(12), optional: true, inputMode: 'numeric' } as const;

  return (
    <FormPanel
      testId="sku-form"
      level={2}
      wide
      title={sku ? t('stock.sku.editTitle', { itemNo: sku.itemNo }) : t('stock.sku.newTitle')}
      sending={skusSave}
      onSubmit={submit}
      submit={{ testId: 'sku-form-save', label: t('stock.actions.save'), onCancel }}
      form={fields}
      fields={[
        { key: 'itemNo', help: t('stock.sku.help.itemNo'), ...text(20, 'input mono') },
        { key: 'goodsName', ...text(250) },
        { key: 'gmodel', optional: true, help: t('stock.sku.help.gmodel'), ...text(250) },
        { key: 'hsCode', help: t('stock.sku.help.hsCode'), inputMode: 'numeric', ...text(10, 'input mono') },
        { key: 'unit', options: unitOptions },
        { key: 'legalUnit', options: unitOptions },
        {
          key: 'secondLegalUnit',
          optional: true,
          options: [{ value: '', label: t('stock.sku.noSecondUnit') }, ...unitOptions],
        },
        { key: 'barcode', optional: true, ...text(50, 'input mono') },
        { key: 'origin', optional: true, help: t('stock.sku.help.origin'), ...text(2, 'input input-country') },
        { key: 'weightGrams', ...numeric },
        { key: 'volumeCm3', ...numeric },
      ]}
    />
  );
}
