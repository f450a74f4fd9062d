/**
 * ShipmentDetail: one shipment's lines (shipped, received, discrepancy reason, landed cost per
 * SKU), the receipt into the overseas warehouse (`stock.shipments.receive`: received per SKU,
 * a reason required wherever it differs from what was shipped) and landed cost — freight,
 * insurance, duty, overseas inbound fee — added with `stock.shipments.addCost` and allocated
 * by the shipment's basis.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { Shipment } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { Detail, DetailList } from '../../ui/DetailList.tsx';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';
import { useForm } from '../../ui/use-form.ts';
import { findSku, skuColumn, useStockFormatters, warehouseText } from './stock-format.ts';
import {
  isIsoDay,
  isLandedCostKind,
  LANDED_COST_KINDS,
  parseInteger,
  todayIso,
  type LandedCostKind,
} from './vocabulary.ts';
import { useSkus, useWarehouses } from './use-stock-refs.ts';

/** Client-side code when received ≠ shipped and no reason is given. */
export const REASON_REQUIRED = 'stock.shipment.reasonRequired';

function ReceiveForm({ shipment, onDone }: { readonly shipment: Shipment; readonly onDone: (s: Shipment) => void }) {
  const { t } = useTranslation();
  const shipmentsReceive = useMutation('stock.shipments.receive');
  const fields = useFieldErrors();
  const skus = useSkus();
  const [date, setDate] = useState(todayIso());
  const [received, setReceived] = useState<Record<string, string>>(() =>
    Object.fromEntries(shipment.lines.map((l) => [l.sku, String(l.shipped)])),
  );
  const [reasons, setReasons] = useState<Record<string, string>>({});

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!isIsoDay(date)) local['date'] = 'validation.required';
    const lines = shipment.lines.map((l) => {
      const q = parseInteger(received[l.sku] ?? '');
      const reason = (reasons[l.sku] ?? '').trim();
      const sku = findSku(skus, l.sku);
      if (q === null || q < 0) local[`received.${l.sku}`] = 'stock.badQuantity';
      else if (q !== l.shipped && reason === '') local[`reason.${l.sku}`] = REASON_REQUIRED;
      if (!sku) local[`received.${l.sku}`] = 'stock.sku.unknown';
      return { skuId: sku?.id ?? 0, received: q ?? 0, discrepancyReason: reason === '' ? null : reason };
    });
    if (fields.refuse(local)) return;
    const result = await shipmentsReceive.run({ shipmentId: shipment.id, date, lines });
    if (result.ok) onDone(result.value);
  };

  return (
    <FormPanel
      testId="shipment-receive"
      title={t('stock.shipment.receive.title')}
      sending={shipmentsReceive}
      onSubmit={submit}
      submit={{ testId: 'shipment-receive-save', label: t('stock.shipment.receive.save') }}
    >
      <TextField
        name="shipment-receive-date"
        label={t('stock.shipment.receive.date')}
        errorCode={fields.of('date')}
        className="input input-compact"
        type="date"
        testId="shipment-receive-date"
        value={date}
        onChange={fields.onEdit('date', setDate)}
      />
      {shipment.lines.map((l) => (
        <div key={l.sku} className="line-row">
          <TextField
            name={`shipment-receive-${l.sku}`}
            label={t('stock.shipment.receive.received', { sku: l.sku, shipped: l.shipped })}
            errorCode={fields.of(`received.${l.sku}`)}
            className="input input-compact num"
            type="text"
            inputMode="numeric"
            maxLength={9}
            testId={`shipment-receive-${l.sku}`}
            value={received[l.sku] ?? ''}
            onChange={(v) => {
              setReceived((r) => ({ ...r, [l.sku]: v }));
              fields.clear(`received.${l.sku}`);
              fields.clear(`reason.${l.sku}`);
            }}
          />
          <TextField
            name={`shipment-receive-reason-${l.sku}`}
            label={t('stock.shipment.receive.reason')}
            optional
            help={t('stock.shipment.receive.reasonHelp')}
            errorCode={fields.of(`reason.${l.sku}`)}
            type="text"
            maxLength={200}
            testId={`shipment-receive-reason-${l.sku}`}
            value={reasons[l.sku] ?? ''}
            onChange={fields.onEdit(`reason.${l.sku}`, (v: string) => setReasons((r) => ({ ...r, [l.sku]: v })))}
          />
        </div>
      ))}
    </FormPanel>
  );
}

function CostForm({ shipment, onDone }: { readonly shipment: Shipment; readonly onDone: (s: Shipment) => void }) {
  const { t } = useTranslation();
  const shipmentsAddCost = useMutation('stock.shipments.addCost');
  const [kind, setKind] = useState<LandedCostKind>('freight');
  const [currency, setCurrency] = useState<Currency>('CNY');
  const form = useForm(
    { date: todayIso(), amount: '', rate: '' },
    {
      names: 'shipment-cost',
      testIds: 'shipment-cost',
      label: (key: 'kind' | 'date' | 'amount' | 'currency' | 'rate') => t(`stock.shipment.cost.${key}`, { currency }),
    },
  );
  const { date, amount, rate } = form.values;
  const [added, setAdded] = useState(false);

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!isIsoDay(date)) local['date'] = 'validation.required';
    if (!/^\d+(\.\d+)?$/.test(amount.trim())) local['amount'] = 'stock.shipment.badAmount';
    if (currency !== 'CNY' && rate.trim() === '') local['rate'] = 'stock.rate.required';
    if (form.refuse(local)) return;
    setAdded(false);
    const result = await shipmentsAddCost.run({
      shipmentId: shipment.id,
      kind,
      date,
      amount: amount.trim(),
      currency,
      rate: currency === 'CNY' ? null : rate.trim(),
    });
    if (result.ok) {
      form.patch({ amount: '' });
      setAdded(true);
      onDone(result.value);
    } else form.show(result.error);
  };

  const decimal = { className: 'input num', type: 'text', inputMode: 'decimal', maxLength: 40 } as const;
  return (
    <FormPanel
      testId="shipment-cost"
      title={t('stock.shipment.cost.title')}
      help={t('stock.shipment.cost.help', { basis: t(`stock.shipment.bases.${shipment.allocationBasis}`) })}
      sending={shipmentsAddCost}
      onSubmit={submit}
      submit={{
        testId: 'shipment-cost-add',
        label: t('stock.shipment.cost.add'),
        done: added ? t('stock.shipment.cost.added') : null,
        doneTestId: 'shipment-cost-added',
      }}
      form={form}
      fields={[
        {
          key: 'kind',
          options: LANDED_COST_KINDS.map((k) => ({ value: k, label: t(`stock.shipment.cost.kinds.${k}`) })),
          value: kind,
          onChange: (v) => isLandedCostKind(v) && setKind(v),
        },
        { key: 'date', type: 'date' },
        {
          key: 'amount',
          help: t('stock.shipment.cost.amountHelp'),
          ...decimal,
          onChange: (v) => {
            form.set('amount', v);
            setAdded(false);
          },
        },
        {
          key: 'currency',
          options: CURRENCIES.map((c) => ({ value: c, label: c })),
          value: currency,
          onChange: (v) => {
            if (isCurrency(v)) setCurrency(v);
            form.clear('rate');
          },
        },
        currency !== 'CNY' && { key: 'rate', help: t('stock.shipment.cost.rateHelp'), ...decimal },
      ]}
    />
  );
}

export function ShipmentDetail({
  shipment,
  onChanged,
  onClose,
}: {
  readonly shipment: Shipment;
  readonly onChanged: (s: Shipment) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useStockFormatters();
  const warehouses = useWarehouses();
  return (
    <section
      className="panel shipment-detail"
      data-testid="shipment-detail"
      data-status={shipment.status}
      aria-labelledby="shipment-detail-title"
    >
      <div className="section-head">
        <h2 className="panel-title" id="shipment-detail-title">
          {t('stock.shipment.detailTitle', { bookingNoteNo: shipment.bookingNoteNo })}
        </h2>
        <Button variant="quiet" data-testid="shipment-detail-close" onClick={onClose}>
          {t('stock.actions.close')}
        </Button>
      </div>
      <DetailList columns>
        <Detail label={t('stock.shipment.fields.from')}>{warehouseText(warehouses, shipment.from)}</Detail>
        <Detail label={t('stock.shipment.fields.to')}>{warehouseText(warehouses, shipment.to)}</Detail>
        <Detail label={t('stock.shipment.fields.carrier')}>{shipment.carrier}</Detail>
        <Detail label={t('stock.shipment.fields.cartons')}>{f.quantity(shipment.cartons)}</Detail>
        <Detail label={t('stock.shipment.fields.shipDate')}>{f.day(shipment.shipDate)}</Detail>
        <Detail label={t('stock.shipment.fields.eta')}>
          {shipment.eta ? f.day(shipment.eta) : t('stock.shipment.noEta')}
        </Detail>
        <Detail label={t('stock.shipment.fields.allocationBasis')}>
          {t(`stock.shipment.bases.${shipment.allocationBasis}`)}
        </Detail>
        <Detail
          label={t('stock.shipment.landedCost')}
          data-testid="shipment-landed-cost"
          data-value={shipment.landedCost}
        >
          {f.money(shipment.landedCost)}
        </Detail>
      </DetailList>
      <ColumnTable
        data-testid="shipment-lines"
        rows={shipment.lines}
        row={(l) => ({ key: l.sku, 'data-testid': `shipment-line-${l.sku}` })}
        columns={[
          skuColumn(),
          { head: 'stock.shipment.shipped', num: true, cell: (l) => f.quantity(l.shipped) },
          {
            head: 'stock.shipment.received',
            num: true,
            cell: (l) => (l.received === null ? '' : f.quantity(l.received)),
          },
          { head: 'stock.shipment.discrepancy', cell: (l) => l.discrepancyReason ?? '' },
          {
            head: 'stock.shipment.landedCost',
            num: true,
            td: (l) => ({ 'data-value': l.landedCost }),
            cell: (l) => f.money(l.landedCost),
          },
        ]}
      />
      <CostForm shipment={shipment} onDone={onChanged} />
      {shipment.status === 'inTransit' ? <ReceiveForm shipment={shipment} onDone={onChanged} /> : null}
    </section>
  );
}
