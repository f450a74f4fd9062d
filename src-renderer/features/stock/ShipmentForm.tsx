/**
 * ShipmentForm: a head-haul shipment (头程) from a domestic warehouse to an overseas one —
 * the 9810 booking note number (订仓单号), carrier, cartons, ship date and ETA, how landed
 * cost is allocated over its SKUs (value, weight, volume or quantity) and its lines (SKU and
 * quantity) — sent with `stock.shipments.create`. The stock moves into transit on the ship date.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { AllocationBasis, ErrorInfo, Shipment } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { warehouseLabel } from './stock-format.ts';
import { ALLOCATION_BASES, isAllocationBasis, isIsoDay, parseInteger, todayIso } from './vocabulary.ts';
import { useSkus, useWarehouses } from './use-stock-refs.ts';

interface LineValues {
  readonly key: number;
  readonly skuId: string;
  readonly quantity: string;
}

export interface ShipmentFormProps {
  readonly onCreated: (shipment: Shipment) => void;
  readonly onCancel: () => void;
}

export function ShipmentForm({ onCreated, onCancel }: ShipmentFormProps) {
  const { t } = useTranslation();
  const shipmentsCreate = useMutation('stock.shipments.create');
  const skus = useSkus() ?? [];
  const warehouses = useWarehouses() ?? [];
  const [bookingNoteNo, setBookingNoteNo] = useState('');
  const [carrier, setCarrier] = useState('');
  const [cartons, setCartons] = useState('');
  const [shipDate, setShipDate] = useState(todayIso());
  const [eta, setEta] = useState('');
  const [fromId, setFromId] = useState(() => String(warehouses.find((w) => w.kind === 'domestic')?.id ?? ''));
  const [toId, setToId] = useState(() =>
    String(warehouses.find((w) => w.kind !== 'domestic' && w.kind !== 'transit' && w.kind !== 'returns')?.id ?? ''),
  );
  const [basis, setBasis] = useState<AllocationBasis>('value');
  const [lines, setLines] = useState<readonly LineValues[]>([{ key: 0, skuId: '', quantity: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const clear = (key: string) => setFieldErrors(({ [key]: _cleared, ...rest }) => rest);
  const setLine = (i: number, patch: Partial<LineValues>) => {
    setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l)));
    clear(`lines.${i}.skuId`);
    clear(`lines.${i}.quantity`);
  };

  const places = warehouses.filter((w) => w.kind !== 'transit');
  const placeOptions = places.map((w) => ({ value: String(w.id), label: warehouseLabel(w) }));
  const skuOptions = skus.map((s) => ({ value: String(s.id), label: `${s.itemNo} · ${s.goodsName}` }));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    if (bookingNoteNo.trim() === '') local['bookingNoteNo'] = 'validation.required';
    const cartonCount = cartons.trim() === '' ? 0 : parseInteger(cartons);
    if (cartonCount === null || cartonCount < 0) local['cartons'] = 'stock.badQuantity';
    if (!isIsoDay(shipDate)) local['shipDate'] = 'validation.required';
    if (eta !== '' && isIsoDay(shipDate) && eta < shipDate) local['eta'] = 'stock.shipment.etaBeforeShip';
    if (fromId === '') local['fromWarehouseId'] = 'validation.required';
    if (toId === '') local['toWarehouseId'] = 'validation.required';
    if (fromId !== '' && fromId === toId) local['toWarehouseId'] = 'stock.shipment.sameWarehouse';
    const parsed = lines.map((l, i) => {
      const q = parseInteger(l.quantity);
      if (l.skuId === '') local[`lines.${i}.skuId`] = 'validation.required';
      if (q === null || q < 1) local[`lines.${i}.quantity`] = 'stock.badQuantity';
      return { skuId: Number(l.skuId), quantity: q ?? 0 };
    });
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      return;
    }
    setSaving(true);
    setError(null);
    const result = await shipmentsCreate.run({
      bookingNoteNo: bookingNoteNo.trim(),
      carrier: carrier.trim(),
      cartons: cartonCount ?? 0,
      shipDate,
      eta: eta === '' ? null : eta,
      fromWarehouseId: Number(fromId),
      toWarehouseId: Number(toId),
      allocationBasis: basis,
      lines: parsed,
    });
    setSaving(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    setFieldErrors(result.error.fields ?? {});
    setError(result.error);
  };

  const input = (
    name: string,
    label: string,
    value: string,
    set: (v: string) => void,
    opts: { type?: string; maxLength?: number; optional?: boolean; help?: string; className?: string } = {},
  ) => (
    <Field
      name={`shipment-${name}`}
      label={label}
      optional={opts.optional}
      help={opts.help}
      errorCode={fieldErrors[name] ?? null}
    >
      {(control) => (
        <input
          {...control}
          className={['input', opts.className].filter(Boolean).join(' ')}
          type={opts.type ?? 'text'}
          maxLength={opts.maxLength}
          data-testid={`shipment-form-${name}`}
          value={value}
          onChange={(e) => {
            set(e.target.value);
            clear(name);
          }}
        />
      )}
    </Field>
  );

  return (
    <form className="form form-wide panel" data-testid="shipment-form" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="panel-title">{t('stock.shipment.newTitle')}</h2>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        {input('bookingNoteNo', t('stock.shipment.fields.bookingNoteNo'), bookingNoteNo, setBookingNoteNo, {
          maxLength: 60,
          help: t('stock.shipment.help.bookingNoteNo'),
          className: 'mono',
        })}
        {input('carrier', t('stock.shipment.fields.carrier'), carrier, setCarrier, { maxLength: 100, optional: true })}
        {input('cartons', t('stock.shipment.fields.cartons'), cartons, setCartons, { maxLength: 9, optional: true })}
        {input('shipDate', t('stock.shipment.fields.shipDate'), shipDate, setShipDate, { type: 'date' })}
        {input('eta', t('stock.shipment.fields.eta'), eta, setEta, { type: 'date', optional: true })}
        <Field
          name="shipment-fromWarehouseId"
          label={t('stock.shipment.fields.from')}
          errorCode={fieldErrors['fromWarehouseId'] ?? null}
        >
          {(control) => (
            <Select
              {...control}
              data-testid="shipment-form-from"
              value={fromId}
              placeholder={t('stock.chooseWarehouse')}
              options={placeOptions}
              onChange={(e) => {
                setFromId(e.target.value);
                clear('fromWarehouseId');
              }}
            />
          )}
        </Field>
        <Field
          name="shipment-toWarehouseId"
          label={t('stock.shipment.fields.to')}
          errorCode={fieldErrors['toWarehouseId'] ?? null}
        >
          {(control) => (
            <Select
              {...control}
              data-testid="shipment-form-to"
              value={toId}
              placeholder={t('stock.chooseWarehouse')}
              options={placeOptions}
              onChange={(e) => {
                setToId(e.target.value);
                clear('toWarehouseId');
              }}
            />
          )}
        </Field>
        <Field
          name="shipment-allocationBasis"
          label={t('stock.shipment.fields.allocationBasis')}
          help={t('stock.shipment.help.allocationBasis')}
          errorCode={fieldErrors['allocationBasis'] ?? null}
        >
          {(control) => (
            <Select
              {...control}
              data-testid="shipment-form-allocationBasis"
              value={basis}
              options={ALLOCATION_BASES.map((b) => ({ value: b, label: t(`stock.shipment.bases.${b}`) }))}
              onChange={(e) => {
                if (isAllocationBasis(e.target.value)) setBasis(e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <fieldset className="lines-fieldset">
        <legend>{t('stock.shipment.lines')}</legend>
        {lines.map((l, i) => (
          <div key={l.key} className="line-row" data-testid={`shipment-line-${i}`}>
            <Field
              name={`shipment-line-${i}-sku`}
              label={t('stock.columns.sku')}
              errorCode={fieldErrors[`lines.${i}.skuId`] ?? null}
            >
              {(control) => (
                <Select
                  {...control}
                  data-testid={`shipment-line-${i}-sku`}
                  value={l.skuId}
                  placeholder={t('stock.chooseSku')}
                  options={skuOptions}
                  onChange={(e) => setLine(i, { skuId: e.target.value })}
                />
              )}
            </Field>
            <Field
              name={`shipment-line-${i}-quantity`}
              label={t('stock.columns.quantity')}
              errorCode={fieldErrors[`lines.${i}.quantity`] ?? null}
            >
              {(control) => (
                <input
                  {...control}
                  className="input input-compact num"
                  type="text"
                  inputMode="numeric"
                  maxLength={9}
                  data-testid={`shipment-line-${i}-quantity`}
                  value={l.quantity}
                  onChange={(e) => setLine(i, { quantity: e.target.value })}
                />
              )}
            </Field>
            {lines.length > 1 ? (
              <Button
                variant="quiet"
                data-testid={`shipment-line-${i}-remove`}
                onClick={() => setLines((ls) => ls.filter((_, k) => k !== i))}
              >
                {t('stock.shipment.removeLine')}
              </Button>
            ) : null}
          </div>
        ))}
        <Button
          data-testid="shipment-line-add"
          disabled={lines.length >= 100}
          onClick={() => {
            setLines((ls) => [...ls, { key: nextKey, skuId: '', quantity: '' }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t('stock.shipment.addLine')}
        </Button>
      </fieldset>
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="shipment-create" disabled={saving}>
          {saving ? t('stock.actions.saving') : t('stock.shipment.create')}
        </Button>
        <Button onClick={onCancel}>{t('stock.actions.cancel')}</Button>
      </div>
    </form>
  );
}
