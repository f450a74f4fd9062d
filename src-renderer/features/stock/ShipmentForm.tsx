/**
 * ShipmentForm: a head-haul shipment (头程) from a domestic warehouse to an overseas one —
 * the 9810 booking note number (订仓单号), carrier, cartons, ship date and ETA, how landed
 * cost is allocated over its SKUs (value, weight, volume or quantity) and its lines (SKU and
 * quantity) — sent with `stock.shipments.create`. The stock moves into transit on the ship date.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { AllocationBasis, Shipment } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useForm } from '../../ui/use-form.ts';
import { warehouseLabel } from './stock-format.ts';
import { ALLOCATION_BASES, isAllocationBasis, isIsoDay, parseInteger, todayIso } from './vocabulary.ts';
import { useSkus, useWarehouses } from './use-stock-refs.ts';

interface LineValues {
  readonly key: number;
  readonly skuId: string;
  readonly quantity: string;
}

type ShipmentField = 'bookingNoteNo' | 'carrier' | 'cartons' | 'shipDate' | 'eta' | 'from' | 'to' | 'allocationBasis';

export interface ShipmentFormProps {
  readonly onCreated: (shipment: Shipment) => void;
  readonly onCancel: () => void;
}

export function ShipmentForm({ onCreated, onCancel }: ShipmentFormProps) {
  const { t } = useTranslation();
  const shipmentsCreate = useMutation('stock.shipments.create');
  const skus = useSkus() ?? [];
  const warehouses = useWarehouses() ?? [];
  const fields = useForm(
    () => ({
      bookingNoteNo: '',
      carrier: '',
      cartons: '',
      shipDate: todayIso(),
      eta: '',
      fromWarehouseId: String(warehouses.find((w) => w.kind === 'domestic')?.id ?? ''),
      toWarehouseId: String(
        warehouses.find((w) => w.kind !== 'domestic' && w.kind !== 'transit' && w.kind !== 'returns')?.id ?? '',
      ),
    }),
    { names: 'shipment', testIds: 'shipment-form', label: (key: ShipmentField) => t(`stock.shipment.fields.${key}`) },
  );
  const {
    bookingNoteNo,
    carrier,
    cartons,
    shipDate,
    eta,
    fromWarehouseId: fromId,
    toWarehouseId: toId,
  } = fields.values;
  const [basis, setBasis] = useState<AllocationBasis>('value');
  const [lines, setLines] = useState<readonly LineValues[]>([{ key: 0, skuId: '', quantity: '' }]);
  const [nextKey, setNextKey] = useState(1);

  const setLine = (i: number, patch: Partial<LineValues>) => {
    setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l)));
    fields.clear(`lines.${i}.skuId`);
    fields.clear(`lines.${i}.quantity`);
  };

  const places = warehouses.filter((w) => w.kind !== 'transit');
  const placeOptions = places.map((w) => ({ value: String(w.id), label: warehouseLabel(w) }));
  const skuOptions = skus.map((s) => ({ value: String(s.id), label: `${s.itemNo} · ${s.goodsName}` }));
  const text = (maxLength: number) => ({ type: 'text', maxLength });
  const place = (key: 'fromWarehouseId' | 'toWarehouseId') => ({
    options: placeOptions,
    placeholder: t('stock.chooseWarehouse'),
    value: fields.values[key],
    onChange: (v: string) => fields.set(key, v),
  });

  const submit = async () => {
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
    if (fields.refuse(local)) return;
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
    if (result.ok) onCreated(result.value);
    else fields.show(result.error);
  };

  return (
    <FormPanel
      testId="shipment-form"
      level={2}
      wide
      title={t('stock.shipment.newTitle')}
      sending={shipmentsCreate}
      onSubmit={submit}
      submit={{ testId: 'shipment-create', label: t('stock.shipment.create'), onCancel }}
      form={fields}
      fields={[
        {
          key: 'bookingNoteNo',
          help: t('stock.shipment.help.bookingNoteNo'),
          className: 'input mono',
          ...text(60),
        },
        { key: 'carrier', optional: true, ...text(100) },
        { key: 'cartons', optional: true, ...text(9) },
        { key: 'shipDate', type: 'date' },
        { key: 'eta', type: 'date', optional: true },
        { key: 'from', errorKey: 'fromWarehouseId', name: 'shipment-fromWarehouseId', ...place('fromWarehouseId') },
        { key: 'to', errorKey: 'toWarehouseId', name: 'shipment-toWarehouseId', ...place('toWarehouseId') },
        {
          key: 'allocationBasis',
          help: t('stock.shipment.help.allocationBasis'),
          options: ALLOCATION_BASES.map((b) => ({ value: b, label: t(`stock.shipment.bases.${b}`) })),
          value: basis,
          onChange: (v) => {
            if (isAllocationBasis(v)) setBasis(v);
          },
        },
      ]}
    >
      <fieldset className="lines-fieldset">
        <legend>{t('stock.shipment.lines')}</legend>
        {lines.map((l, i) => (
          <div key={l.key} className="line-row" data-testid={`shipment-line-${i}`}>
            <SelectField
              name={`shipment-line-${i}-sku`}
              label={t('stock.columns.sku')}
              errorCode={fields.of(`lines.${i}.skuId`)}
              testId={`shipment-line-${i}-sku`}
              value={l.skuId}
              placeholder={t('stock.chooseSku')}
              options={skuOptions}
              onChange={(skuId) => setLine(i, { skuId })}
            />
            <TextField
              name={`shipment-line-${i}-quantity`}
              label={t('stock.columns.quantity')}
              errorCode={fields.of(`lines.${i}.quantity`)}
              className="input input-compact num"
              type="text"
              inputMode="numeric"
              maxLength={9}
              testId={`shipment-line-${i}-quantity`}
              value={l.quantity}
              onChange={(quantity) => setLine(i, { quantity })}
            />
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
    </FormPanel>
  );
}
