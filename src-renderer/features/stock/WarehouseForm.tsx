/**
 * WarehouseForm: creates or edits a warehouse — code, name, kind (domestic, overseas own,
 * public overseas warehouse 公共海外仓, platform e.g. FBA, returns) and country — with
 * `stock.warehouses.save`. In-transit locations are made by shipments, not here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { Warehouse, WarehouseKind } from '../../../src-main/api/contract.ts';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { useForm } from '../../ui/use-form.ts';
import { CREATABLE_WAREHOUSE_KINDS, isWarehouseKind } from './vocabulary.ts';
import type { RecordFormProps } from '../../ui/use-editor.ts';

type WarehouseField = 'code' | 'name' | 'kind' | 'country';

export function WarehouseForm({ record: warehouse, onSaved, onCancel }: RecordFormProps<Warehouse>) {
  const { t } = useTranslation();
  const warehousesSave = useMutation('stock.warehouses.save');
  const form = useForm(
    { code: warehouse?.code ?? '', name: warehouse?.name ?? '', country: warehouse?.country ?? 'CN' },
    {
      names: 'warehouse',
      testIds: 'warehouse-form',
      label: (key: WarehouseField) => t(`stock.warehouse.fields.${key}`),
    },
  );
  const { code, name, country } = form.values;
  const [kind, setKind] = useState<WarehouseKind>(warehouse?.kind ?? 'domestic');

  const submit = async () => {
    const local: Record<string, string> = {};
    if (code.trim() === '') local['code'] = 'validation.required';
    if (name.trim() === '') local['name'] = 'validation.required';
    const c = country.trim().toUpperCase();
    if (c !== '' && !/^[A-Z]{2}$/.test(c)) local['country'] = 'stock.warehouse.countryFormat';
    if (c === '' && kind !== 'domestic' && kind !== 'returns') local['country'] = 'stock.warehouse.countryRequired';
    if (form.refuse(local)) return;
    const result = await warehousesSave.run({
      ...(warehouse ? { id: warehouse.id } : {}),
      code: code.trim(),
      name: name.trim(),
      kind,
      country: c === '' ? null : c,
    });
    if (result.ok) onSaved(result.value);
    else form.show(result.error);
  };

  const kinds =
    warehouse?.kind === 'transit' ? [...CREATABLE_WAREHOUSE_KINDS, 'transit' as const] : CREATABLE_WAREHOUSE_KINDS;
  const kindOptions = kinds.map((k) => ({ value: k, label: t(`stock.warehouse.kinds.${k}`) }));
  const pickKind = (next: string) => {
    if (!isWarehouseKind(next)) return;
    setKind(next);
    form.clear('kind');
    if (next === 'domestic' && country === '') form.patch({ country: 'CN' });
  };

  return (
    <FormPanel
      testId="warehouse-form"
      level={2}
      title={warehouse ? t('stock.warehouse.editTitle', { code: warehouse.code }) : t('stock.warehouse.newTitle')}
      sending={warehousesSave}
      onSubmit={submit}
      submit={{ testId: 'warehouse-form-save', label: t('stock.actions.save'), onCancel }}
      form={form}
      fields={[
        { key: 'code', help: t('stock.warehouse.help.code'), className: 'input mono', type: 'text', maxLength: 30 },
        { key: 'name', type: 'text', maxLength: 100 },
        {
          key: 'kind',
          help: t(`stock.warehouse.kindHelp.${kind}`),
          options: kindOptions,
          value: kind,
          onChange: pickKind,
        },
        {
          key: 'country',
          help: t('stock.warehouse.help.country'),
          className: 'input input-country',
          type: 'text',
          maxLength: 2,
          onChange: (v) => form.set('country', v.toUpperCase().replace(/[^A-Z]/g, '')),
        },
      ]}
    />
  );
}
