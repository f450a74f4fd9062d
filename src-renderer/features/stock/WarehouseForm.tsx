/**
 * WarehouseForm: creates or edits a warehouse — code, name, kind (domestic, overseas own,
 * public overseas warehouse 公共海外仓, platform e.g. FBA, returns) and country — with
 * `stock.warehouses.save`. In-transit locations are made by shipments, not here.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, Warehouse, WarehouseKind } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { CREATABLE_WAREHOUSE_KINDS, isWarehouseKind } from './vocabulary.ts';

export interface WarehouseFormProps {
  readonly warehouse: Warehouse | null;
  readonly onSaved: (warehouse: Warehouse) => void;
  readonly onCancel?: () => void;
}

export function WarehouseForm({ warehouse, onSaved, onCancel }: WarehouseFormProps) {
  const { t } = useTranslation();
  const warehousesSave = useMutation('stock.warehouses.save');
  const [code, setCode] = useState(warehouse?.code ?? '');
  const [name, setName] = useState(warehouse?.name ?? '');
  const [kind, setKind] = useState<WarehouseKind>(warehouse?.kind ?? 'domestic');
  const [country, setCountry] = useState(warehouse?.country ?? 'CN');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const clear = (key: string) => setFieldErrors(({ [key]: _cleared, ...rest }) => rest);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    if (code.trim() === '') local['code'] = 'validation.required';
    if (name.trim() === '') local['name'] = 'validation.required';
    const c = country.trim().toUpperCase();
    if (c !== '' && !/^[A-Z]{2}$/.test(c)) local['country'] = 'stock.warehouse.countryFormat';
    if (c === '' && kind !== 'domestic' && kind !== 'returns') local['country'] = 'stock.warehouse.countryRequired';
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      return;
    }
    setSaving(true);
    setError(null);
    const result = await warehousesSave.run({
      ...(warehouse ? { id: warehouse.id } : {}),
      code: code.trim(),
      name: name.trim(),
      kind,
      country: c === '' ? null : c,
    });
    setSaving(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    setFieldErrors(result.error.fields ?? {});
    setError(result.error);
  };

  const kinds =
    warehouse?.kind === 'transit' ? [...CREATABLE_WAREHOUSE_KINDS, 'transit' as const] : CREATABLE_WAREHOUSE_KINDS;

  return (
    <form className="form panel" data-testid="warehouse-form" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="panel-title">
        {warehouse ? t('stock.warehouse.editTitle', { code: warehouse.code }) : t('stock.warehouse.newTitle')}
      </h2>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        <Field
          name="warehouse-code"
          label={t('stock.warehouse.fields.code')}
          help={t('stock.warehouse.help.code')}
          errorCode={fieldErrors['code'] ?? null}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              type="text"
              maxLength={30}
              data-testid="warehouse-form-code"
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                clear('code');
              }}
            />
          )}
        </Field>
        <Field name="warehouse-name" label={t('stock.warehouse.fields.name')} errorCode={fieldErrors['name'] ?? null}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              maxLength={100}
              data-testid="warehouse-form-name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                clear('name');
              }}
            />
          )}
        </Field>
        <Field
          name="warehouse-kind"
          label={t('stock.warehouse.fields.kind')}
          help={t(`stock.warehouse.kindHelp.${kind}`)}
          errorCode={fieldErrors['kind'] ?? null}
        >
          {(control) => (
            <Select
              {...control}
              data-testid="warehouse-form-kind"
              value={kind}
              options={kinds.map((k) => ({ value: k, label: t(`stock.warehouse.kinds.${k}`) }))}
              onChange={(e) => {
                const next = e.target.value;
                if (!isWarehouseKind(next)) return;
                setKind(next);
                clear('kind');
                if (next === 'domestic' && country === '') setCountry('CN');
              }}
            />
          )}
        </Field>
        <Field
          name="warehouse-country"
          label={t('stock.warehouse.fields.country')}
          help={t('stock.warehouse.help.country')}
          errorCode={fieldErrors['country'] ?? null}
        >
          {(control) => (
            <input
              {...control}
              className="input input-country"
              type="text"
              maxLength={2}
              data-testid="warehouse-form-country"
              value={country}
              onChange={(e) => {
                setCountry(e.target.value.toUpperCase().replace(/[^A-Z]/g, ''));
                clear('country');
              }}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="warehouse-form-save" disabled={saving}>
          {saving ? t('stock.actions.saving') : t('stock.actions.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('stock.actions.cancel')}</Button> : null}
      </div>
    </form>
  );
}
