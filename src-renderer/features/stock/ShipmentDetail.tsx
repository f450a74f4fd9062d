/**
 * ShipmentDetail: one shipment's lines (shipped, received, discrepancy reason, landed cost per
 * SKU), the receipt into the overseas warehouse (`stock.shipments.receive`: received per SKU,
 * a reason required wherever it differs from what was shipped) and landed cost — freight,
 * insurance, duty, overseas inbound fee — added with `stock.shipments.addCost` and allocated
 * by the shipment's basis.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, Shipment } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { findSku, findWarehouse, useStockFormatters, warehouseLabel } from './stock-format.ts';
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
  const skus = useSkus();
  const [date, setDate] = useState(todayIso());
  const [received, setReceived] = useState<Record<string, string>>(() =>
    Object.fromEntries(shipment.lines.map((l) => [l.sku, String(l.shipped)])),
  );
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const clear = (key: string) => setFieldErrors(({ [key]: _cleared, ...rest }) => rest);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
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
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      return;
    }
    setSaving(true);
    setError(null);
    const result = await shipmentsReceive.run({ shipmentId: shipment.id, date, lines });
    setSaving(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    setError(result.error);
  };

  return (
    <form className="form panel" data-testid="shipment-receive" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="panel-title">{t('stock.shipment.receive.title')}</h3>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <Field
        name="shipment-receive-date"
        label={t('stock.shipment.receive.date')}
        errorCode={fieldErrors['date'] ?? null}
      >
        {(control) => (
          <input
            {...control}
            className="input input-compact"
            type="date"
            data-testid="shipment-receive-date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              clear('date');
            }}
          />
        )}
      </Field>
      {shipment.lines.map((l) => (
        <div key={l.sku} className="line-row">
          <Field
            name={`shipment-receive-${l.sku}`}
            label={t('stock.shipment.receive.received', { sku: l.sku, shipped: l.shipped })}
            errorCode={fieldErrors[`received.${l.sku}`] ?? null}
          >
            {(control) => (
              <input
                {...control}
                className="input input-compact num"
                type="text"
                inputMode="numeric"
                maxLength={9}
                data-testid={`shipment-receive-${l.sku}`}
                value={received[l.sku] ?? ''}
                onChange={(e) => {
                  setReceived((r) => ({ ...r, [l.sku]: e.target.value }));
                  clear(`received.${l.sku}`);
                  clear(`reason.${l.sku}`);
                }}
              />
            )}
          </Field>
          <Field
            name={`shipment-receive-reason-${l.sku}`}
            label={t('stock.shipment.receive.reason')}
            optional
            help={t('stock.shipment.receive.reasonHelp')}
            errorCode={fieldErrors[`reason.${l.sku}`] ?? null}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="text"
                maxLength={200}
                data-testid={`shipment-receive-reason-${l.sku}`}
                value={reasons[l.sku] ?? ''}
                onChange={(e) => {
                  setReasons((r) => ({ ...r, [l.sku]: e.target.value }));
                  clear(`reason.${l.sku}`);
                }}
              />
            )}
          </Field>
        </div>
      ))}
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="shipment-receive-save" disabled={saving}>
          {saving ? t('stock.actions.saving') : t('stock.shipment.receive.save')}
        </Button>
      </div>
    </form>
  );
}

function CostForm({ shipment, onDone }: { readonly shipment: Shipment; readonly onDone: (s: Shipment) => void }) {
  const { t } = useTranslation();
  const shipmentsAddCost = useMutation('stock.shipments.addCost');
  const [kind, setKind] = useState<LandedCostKind>('freight');
  const [date, setDate] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<Currency>('CNY');
  const [rate, setRate] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState(false);

  const clear = (key: string) => setFieldErrors(({ [key]: _cleared, ...rest }) => rest);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    if (!isIsoDay(date)) local['date'] = 'validation.required';
    if (!/^\d+(\.\d+)?$/.test(amount.trim())) local['amount'] = 'stock.shipment.badAmount';
    if (currency !== 'CNY' && rate.trim() === '') local['rate'] = 'stock.rate.required';
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      return;
    }
    setSaving(true);
    setError(null);
    setAdded(false);
    const result = await shipmentsAddCost.run({
      shipmentId: shipment.id,
      kind,
      date,
      amount: amount.trim(),
      currency,
      rate: currency === 'CNY' ? null : rate.trim(),
    });
    setSaving(false);
    if (result.ok) {
      setAmount('');
      setAdded(true);
      onDone(result.value);
      return;
    }
    setFieldErrors(result.error.fields ?? {});
    setError(result.error);
  };

  return (
    <form className="form panel" data-testid="shipment-cost" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="panel-title">{t('stock.shipment.cost.title')}</h3>
      <p className="field-help">
        {t('stock.shipment.cost.help', { basis: t(`stock.shipment.bases.${shipment.allocationBasis}`) })}
      </p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        <Field name="shipment-cost-kind" label={t('stock.shipment.cost.kind')} errorCode={fieldErrors['kind'] ?? null}>
          {(control) => (
            <Select
              {...control}
              data-testid="shipment-cost-kind"
              value={kind}
              options={LANDED_COST_KINDS.map((k) => ({ value: k, label: t(`stock.shipment.cost.kinds.${k}`) }))}
              onChange={(e) => {
                if (isLandedCostKind(e.target.value)) setKind(e.target.value);
              }}
            />
          )}
        </Field>
        <Field name="shipment-cost-date" label={t('stock.shipment.cost.date')} errorCode={fieldErrors['date'] ?? null}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              data-testid="shipment-cost-date"
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                clear('date');
              }}
            />
          )}
        </Field>
        <Field
          name="shipment-cost-amount"
          label={t('stock.shipment.cost.amount')}
          help={t('stock.shipment.cost.amountHelp')}
          errorCode={fieldErrors['amount'] ?? null}
        >
          {(control) => (
            <input
              {...control}
              className="input num"
              type="text"
              inputMode="decimal"
              maxLength={40}
              data-testid="shipment-cost-amount"
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                clear('amount');
                setAdded(false);
              }}
            />
          )}
        </Field>
        <Field
          name="shipment-cost-currency"
          label={t('stock.shipment.cost.currency')}
          errorCode={fieldErrors['currency'] ?? null}
        >
          {(control) => (
            <Select
              {...control}
              data-testid="shipment-cost-currency"
              value={currency}
              options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              onChange={(e) => {
                if (isCurrency(e.target.value)) setCurrency(e.target.value);
                clear('rate');
              }}
            />
          )}
        </Field>
        {currency !== 'CNY' ? (
          <Field
            name="shipment-cost-rate"
            label={t('stock.shipment.cost.rate', { currency })}
            help={t('stock.shipment.cost.rateHelp')}
            errorCode={fieldErrors['rate'] ?? null}
          >
            {(control) => (
              <input
                {...control}
                className="input num"
                type="text"
                inputMode="decimal"
                maxLength={40}
                data-testid="shipment-cost-rate"
                value={rate}
                onChange={(e) => {
                  setRate(e.target.value);
                  clear('rate');
                }}
              />
            )}
          </Field>
        ) : null}
      </div>
      <SubmitActions
        testId="shipment-cost-add"
        busy={saving}
        done={added ? t('stock.shipment.cost.added') : null}
        doneTestId="shipment-cost-added"
      >
        {saving ? t('stock.actions.saving') : t('stock.shipment.cost.add')}
      </SubmitActions>
    </form>
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
  const from = findWarehouse(warehouses, shipment.from);
  const to = findWarehouse(warehouses, shipment.to);
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
      <dl className="facts facts-columns">
        <dt>{t('stock.shipment.fields.from')}</dt>
        <dd>{from ? warehouseLabel(from) : shipment.from}</dd>
        <dt>{t('stock.shipment.fields.to')}</dt>
        <dd>{to ? warehouseLabel(to) : shipment.to}</dd>
        <dt>{t('stock.shipment.fields.carrier')}</dt>
        <dd>{shipment.carrier}</dd>
        <dt>{t('stock.shipment.fields.cartons')}</dt>
        <dd>{f.quantity(shipment.cartons)}</dd>
        <dt>{t('stock.shipment.fields.shipDate')}</dt>
        <dd>{f.day(shipment.shipDate)}</dd>
        <dt>{t('stock.shipment.fields.eta')}</dt>
        <dd>{shipment.eta ? f.day(shipment.eta) : t('stock.shipment.noEta')}</dd>
        <dt>{t('stock.shipment.fields.allocationBasis')}</dt>
        <dd>{t(`stock.shipment.bases.${shipment.allocationBasis}`)}</dd>
        <dt>{t('stock.shipment.landedCost')}</dt>
        <dd data-testid="shipment-landed-cost" data-value={shipment.landedCost}>
          {f.money(shipment.landedCost)}
        </dd>
      </dl>
      <DataTable
        data-testid="shipment-lines"
        columns={[
          t('stock.columns.sku'),
          num(t('stock.shipment.shipped')),
          num(t('stock.shipment.received')),
          t('stock.shipment.discrepancy'),
          num(t('stock.shipment.landedCost')),
        ]}
      >
        {shipment.lines.map((l) => (
          <tr key={l.sku} data-testid={`shipment-line-${l.sku}`}>
            <td className="mono">{l.sku}</td>
            <td className="num">{f.quantity(l.shipped)}</td>
            <td className="num">{l.received === null ? '' : f.quantity(l.received)}</td>
            <td>{l.discrepancyReason ?? ''}</td>
            <td className="num" data-value={l.landedCost}>
              {f.money(l.landedCost)}
            </td>
          </tr>
        ))}
      </DataTable>
      <CostForm shipment={shipment} onDone={onChanged} />
      {shipment.status === 'inTransit' ? <ReceiveForm shipment={shipment} onDone={onChanged} /> : null}
    </section>
  );
}
