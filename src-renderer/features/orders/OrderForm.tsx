/**
 * OrderForm (`#/orders/new`, `#/orders/<id>/edit`): manual entry and edit of an order with
 * `orders.save`. The order time is typed as wall-clock time in the shop's time zone and sent
 * as ISO with that offset; amounts are sent as the decimal text typed. The server's per-field
 * codes (`lines.0.unitPrice` …) are shown next to their fields. With no shop yet, a shop can
 * be created on the spot.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { ErrorInfo, OrderDetail, Shop } from '../../../src-main/api/contract.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { translateError } from '../../i18n/translate-error.ts';
import { CURRENCIES, isCurrency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { Select } from '../../ui/Select.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  EMPTY_LINE,
  emptyOrderValues,
  precheckOrder,
  toSaveInput,
  valuesFromOrder,
  type LineValues,
  type OrderFieldErrors,
  type OrderFormValues,
} from './order-form-values.ts';
import { ShopForm } from './ShopForm.tsx';
import {
  CUSTOMS_MODES,
  FULFILMENTS,
  isCustomsMode,
  isFulfilment,
  isOrderStatus,
  ORDER_STATUSES,
} from './vocabulary.ts';
import { optionsOf } from '../../ui/options.ts';

export interface OrderFormProps {
  /** null: a new order. */
  readonly orderId: number | null;
}

type ScalarField = Exclude<keyof OrderFormValues, 'lines'>;

/** The amounts typed in the order's currency, each with the same help text. */
const AMOUNT_FIELDS = ['shipping', 'discount'] as const satisfies readonly ScalarField[];

/** The inputs of one order line, in their order on the row. */
const LINE_INPUTS = [
  { key: 'sku', label: 'orders.form.lineSku', className: 'input input-code', maxLength: 60 },
  { key: 'itemName', label: 'orders.form.lineName', className: 'input', maxLength: 250 },
  { key: 'quantity', label: 'orders.form.lineQuantity', className: 'input num', inputMode: 'numeric' },
  { key: 'unitPrice', label: 'orders.form.lineUnitPrice', className: 'input num', inputMode: 'decimal' },
] as const satisfies readonly {
  key: keyof LineValues;
  label: string;
  className: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'decimal';
}[];

export function OrderForm({ orderId }: OrderFormProps) {
  const { t } = useTranslation();
  const ordersSave = useMutation('orders.save');
  const navigate = useAppStore((s) => s.navigate);
  const shops = useQuery('shops.list', {}).data ?? null;
  const [values, setValues] = useState<OrderFormValues | null>(orderId === null ? emptyOrderValues(null) : null);
  const [original, setOriginal] = useState<OrderDetail | null>(null);
  const [fieldErrors, setFieldErrors] = useState<OrderFieldErrors>({});
  const [formError, setFormError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [shopFormOpen, setShopFormOpen] = useState(false);

  // A new order starts in the only shop when there is exactly one.
  const onlyShop = orderId === null && shops && shops.length === 1 ? (shops[0] ?? null) : null;
  useEffect(() => {
    if (!onlyShop) return;
    setValues((v) => {
      if (!v || v.shopId !== '') return v;
      const currency = v.currency === '' && isCurrency(onlyShop.currency) ? onlyShop.currency : v.currency;
      return { ...v, shopId: String(onlyShop.id), currency };
    });
  }, [onlyShop]);

  const shop: Shop | null = shops?.find((s) => String(s.id) === values?.shopId) ?? null;
  const zone = shop?.timeZone ?? null;

  // Read once, when the shops are known (the shop's time zone reads the order time); never
  // refreshed while the form is open, so an edit in progress is not overwritten.
  const existing = useQuery('orders.get', orderId !== null && shops !== null ? { id: orderId } : null, { areas: [] });
  const loaded = existing.data;
  useEffect(() => {
    if (!loaded || !shops || original) return;
    const own = shops.find((s) => s.id === loaded.shopId);
    setOriginal(loaded);
    setValues(valuesFromOrder(loaded, own?.timeZone ?? 'UTC'));
  }, [loaded, shops, original]);
  useEffect(() => {
    if (existing.error) setFormError(existing.error);
  }, [existing.error]);

  if (values === null) {
    return (
      <div className="order-form-page" data-testid="order-form-loading">
        {formError ? <ErrorBanner error={formError} /> : <p className="muted">{t('orders.detail.loading')}</p>}
      </div>
    );
  }

  const clearError = (key: string) => setFieldErrors(({ [key]: _cleared, ...rest }) => rest);

  const update = <K extends ScalarField>(key: K, value: OrderFormValues[K]) => {
    setValues((v) => (v ? { ...v, [key]: value } : v));
    clearError(key);
  };

  const chooseShop = (id: string, known?: Shop) => {
    const next = known ?? shops?.find((s) => String(s.id) === id) ?? null;
    setValues((v) => {
      if (!v) return v;
      const previous = shops?.find((s) => String(s.id) === v.shopId);
      const keepCurrency = v.currency !== '' && v.currency !== previous?.currency;
      const currency = keepCurrency ? v.currency : next && isCurrency(next.currency) ? next.currency : v.currency;
      return { ...v, shopId: id, currency };
    });
    clearError('shopId');
  };

  const updateLine = (index: number, key: keyof LineValues, value: string) => {
    setValues((v) => (v ? { ...v, lines: v.lines.map((l, i) => (i === index ? { ...l, [key]: value } : l)) } : v));
    clearError(`lines.${index}.${key}`);
  };

  const addLine = () => setValues((v) => (v ? { ...v, lines: [...v.lines, EMPTY_LINE] } : v));
  const removeLine = (index: number) => {
    setValues((v) => (v && v.lines.length > 1 ? { ...v, lines: v.lines.filter((_, i) => i !== index) } : v));
    setFieldErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('lines.'))));
  };

  const shopCreated = (created: Shop) => {
    setShopFormOpen(false);
    // The shop list follows with `ledger.changed` (shops.save); the new shop is chosen now.
    chooseShop(String(created.id), created);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const pre = precheckOrder(values, zone);
    if (Object.keys(pre).length > 0 || zone === null) {
      setFieldErrors(pre);
      setFormError({ code: 'validation.failed', params: {} });
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await ordersSave.run(toSaveInput(values, zone, orderId));
    setSaving(false);
    if (result.ok) {
      navigate('orders', String(result.value.id));
      return;
    }
    setFieldErrors(result.error.fields ?? {});
    setFormError(result.error);
  };

  const err = (key: string) => fieldErrors[key] ?? null;
  const noShops = shops !== null && shops.length === 0;
  const currency = values.currency === '' ? t('orders.form.notSet') : values.currency;
  const notSet = { value: '', label: t('orders.form.notSet') };
  /** What each field takes from its key: name, label, error code, test id and value. */
  const bound = (key: Exclude<ScalarField, 'shopId'>) => ({
    name: key,
    label: t(`orders.form.${key}`),
    errorCode: err(key),
    testId: `order-form-${key}`,
    value: values[key],
  });

  return (
    <div className="order-form-page">
      <PageHeader
        title={
          orderId === null
            ? t('orders.form.titleNew')
            : t('orders.form.titleEdit', { orderNo: original?.orderNo ?? '' })
        }
        description={t('orders.form.intro')}
        actions={
          <Button variant="quiet" onClick={() => navigate('orders', orderId === null ? '' : String(orderId))}>
            {t('orders.form.cancel')}
          </Button>
        }
      />
      {noShops ? (
        <p className="notice" data-testid="order-form-no-shop">
          {t('orders.form.noShop')}
        </p>
      ) : null}
      {noShops || shopFormOpen ? (
        <ShopForm onSaved={shopCreated} onCancel={noShops ? undefined : () => setShopFormOpen(false)} />
      ) : null}
      <form className="form form-wide" data-testid="order-form" noValidate onSubmit={(e) => void submit(e)}>
        {formError ? <ErrorBanner error={formError} onDismiss={() => setFormError(null)} /> : null}
        <div className="form-grid">
          <Field name="shopId" label={t('orders.form.shop')} errorCode={err('shopId')}>
            {(control) => (
              <div className="input-row">
                <Select
                  {...control}
                  data-testid="order-form-shopId"
                  value={values.shopId}
                  placeholder={t('orders.form.shopPlaceholder')}
                  options={(shops ?? []).map((s) => ({
                    value: String(s.id),
                    label: `${s.name} · ${t(`orders.platforms.${s.platform}`)}`,
                  }))}
                  disabled={orderId !== null}
                  onChange={(e) => chooseShop(e.target.value)}
                />
                {orderId === null && !noShops ? (
                  <Button data-testid="order-form-new-shop" onClick={() => setShopFormOpen(true)}>
                    {t('orders.form.newShop')}
                  </Button>
                ) : null}
              </div>
            )}
          </Field>
          <TextField
            {...bound('orderNo')}
            help={t('orders.form.orderNoHelp')}
            className="input input-code"
            type="text"
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            onChange={(v) => update('orderNo', v)}
          />
          <SelectField
            {...bound('status')}
            options={optionsOf(ORDER_STATUSES, (s) => t(`orders.statuses.${s}`))}
            onChange={(v) => {
              if (isOrderStatus(v)) update('status', v);
            }}
          />
          <TextField
            {...bound('orderedAt')}
            help={zone ? t('orders.form.orderedAtHelp', { zone }) : t('orders.form.orderedAtNoShop')}
            type="datetime-local"
            onChange={(v) => update('orderedAt', v)}
          />
          <TextField
            {...bound('buyerCountry')}
            help={t('orders.form.buyerCountryHelp')}
            optional
            className="input input-code input-country"
            type="text"
            maxLength={2}
            autoComplete="off"
            onChange={(v) => update('buyerCountry', v.toUpperCase())}
          />
          <SelectField
            {...bound('currency')}
            placeholder={t('orders.form.currencyPlaceholder')}
            options={optionsOf(CURRENCIES, (c) => c)}
            onChange={(v) => {
              if (isCurrency(v)) update('currency', v);
            }}
          />
          <SelectField
            {...bound('customsMode')}
            optional
            options={[notSet, ...optionsOf(CUSTOMS_MODES, (m) => t(`orders.customsModes.${m}`))]}
            onChange={(v) => update('customsMode', isCustomsMode(v) ? v : '')}
          />
          <SelectField
            {...bound('fulfilment')}
            optional
            options={[notSet, ...optionsOf(FULFILMENTS, (x) => t(`orders.fulfilments.${x}`))]}
            onChange={(v) => update('fulfilment', isFulfilment(v) ? v : '')}
          />
          {AMOUNT_FIELDS.map((key) => (
            <TextField
              key={key}
              {...bound(key)}
              help={t('orders.form.amountHelp', { currency })}
              className="input num"
              type="text"
              inputMode="decimal"
              onChange={(v) => update(key, v)}
            />
          ))}
        </div>

        <fieldset className="lines-fieldset" data-testid="order-form-lines">
          <legend className="field-label">{t('orders.form.lines')}</legend>
          {err('lines') ? (
            <div className="field-error" role="alert" data-testid="field-error-lines">
              {translateError(t, err('lines') ?? '')}
            </div>
          ) : null}
          {values.lines.map((line, i) => (
            <div className="line-row" key={i} role="group" aria-label={t('orders.form.line', { n: i + 1 })}>
              {LINE_INPUTS.map(({ key, label, ...input }) => (
                <TextField
                  key={key}
                  name={`lines.${i}.${key}`}
                  label={t(label)}
                  errorCode={err(`lines.${i}.${key}`)}
                  testId={`order-form-lines-${i}-${key}`}
                  type="text"
                  {...input}
                  value={line[key]}
                  onChange={(v) => updateLine(i, key, v)}
                />
              ))}
              <Button
                variant="quiet"
                className="line-remove"
                disabled={values.lines.length <= 1}
                aria-label={t('orders.form.removeLine', { n: i + 1 })}
                title={t('orders.form.removeLine', { n: i + 1 })}
                onClick={() => removeLine(i)}
              >
                {t('orders.form.remove')}
              </Button>
            </div>
          ))}
          <Button data-testid="order-form-add-line" onClick={addLine} disabled={values.lines.length >= 100}>
            {t('orders.form.addLine')}
          </Button>
        </fieldset>

        <SubmitActions testId="order-form-save" busy={saving}>
          {saving ? t('orders.form.saving') : t('orders.form.save')}
        </SubmitActions>
      </form>
    </div>
  );
}
