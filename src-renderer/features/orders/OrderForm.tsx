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
import { Select } from '../../ui/Select.tsx';
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

export interface OrderFormProps {
  /** null: a new order. */
  readonly orderId: number | null;
}

type ScalarField = Exclude<keyof OrderFormValues, 'lines'>;

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
          <Field
            name="orderNo"
            label={t('orders.form.orderNo')}
            help={t('orders.form.orderNoHelp')}
            errorCode={err('orderNo')}
          >
            {(control) => (
              <input
                {...control}
                className="input input-code"
                type="text"
                data-testid="order-form-orderNo"
                maxLength={60}
                value={values.orderNo}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => update('orderNo', e.target.value)}
              />
            )}
          </Field>
          <Field name="status" label={t('orders.form.status')} errorCode={err('status')}>
            {(control) => (
              <Select
                {...control}
                data-testid="order-form-status"
                value={values.status}
                options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
                onChange={(e) => {
                  if (isOrderStatus(e.target.value)) update('status', e.target.value);
                }}
              />
            )}
          </Field>
          <Field
            name="orderedAt"
            label={t('orders.form.orderedAt')}
            help={zone ? t('orders.form.orderedAtHelp', { zone }) : t('orders.form.orderedAtNoShop')}
            errorCode={err('orderedAt')}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="datetime-local"
                data-testid="order-form-orderedAt"
                value={values.orderedAt}
                onChange={(e) => update('orderedAt', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="buyerCountry"
            label={t('orders.form.buyerCountry')}
            help={t('orders.form.buyerCountryHelp')}
            optional
            errorCode={err('buyerCountry')}
          >
            {(control) => (
              <input
                {...control}
                className="input input-code input-country"
                type="text"
                data-testid="order-form-buyerCountry"
                maxLength={2}
                value={values.buyerCountry}
                autoComplete="off"
                onChange={(e) => update('buyerCountry', e.target.value.toUpperCase())}
              />
            )}
          </Field>
          <Field name="currency" label={t('orders.form.currency')} errorCode={err('currency')}>
            {(control) => (
              <Select
                {...control}
                data-testid="order-form-currency"
                value={values.currency}
                placeholder={t('orders.form.currencyPlaceholder')}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                onChange={(e) => {
                  if (isCurrency(e.target.value)) update('currency', e.target.value);
                }}
              />
            )}
          </Field>
          <Field name="customsMode" label={t('orders.form.customsMode')} optional errorCode={err('customsMode')}>
            {(control) => (
              <Select
                {...control}
                data-testid="order-form-customsMode"
                value={values.customsMode}
                options={[
                  { value: '', label: t('orders.form.notSet') },
                  ...CUSTOMS_MODES.map((m) => ({ value: m, label: t(`orders.customsModes.${m}`) })),
                ]}
                onChange={(e) => update('customsMode', isCustomsMode(e.target.value) ? e.target.value : '')}
              />
            )}
          </Field>
          <Field name="fulfilment" label={t('orders.form.fulfilment')} optional errorCode={err('fulfilment')}>
            {(control) => (
              <Select
                {...control}
                data-testid="order-form-fulfilment"
                value={values.fulfilment}
                options={[
                  { value: '', label: t('orders.form.notSet') },
                  ...FULFILMENTS.map((x) => ({ value: x, label: t(`orders.fulfilments.${x}`) })),
                ]}
                onChange={(e) => update('fulfilment', isFulfilment(e.target.value) ? e.target.value : '')}
              />
            )}
          </Field>
          <Field
            name="shipping"
            label={t('orders.form.shipping')}
            help={t('orders.form.amountHelp', { currency })}
            errorCode={err('shipping')}
          >
            {(control) => (
              <input
                {...control}
                className="input num"
                type="text"
                inputMode="decimal"
                data-testid="order-form-shipping"
                value={values.shipping}
                onChange={(e) => update('shipping', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="discount"
            label={t('orders.form.discount')}
            help={t('orders.form.amountHelp', { currency })}
            errorCode={err('discount')}
          >
            {(control) => (
              <input
                {...control}
                className="input num"
                type="text"
                inputMode="decimal"
                data-testid="order-form-discount"
                value={values.discount}
                onChange={(e) => update('discount', e.target.value)}
              />
            )}
          </Field>
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
              <Field name={`lines.${i}.sku`} label={t('orders.form.lineSku')} errorCode={err(`lines.${i}.sku`)}>
                {(control) => (
                  <input
                    {...control}
                    className="input input-code"
                    type="text"
                    data-testid={`order-form-lines-${i}-sku`}
                    maxLength={60}
                    value={line.sku}
                    onChange={(e) => updateLine(i, 'sku', e.target.value)}
                  />
                )}
              </Field>
              <Field
                name={`lines.${i}.itemName`}
                label={t('orders.form.lineName')}
                errorCode={err(`lines.${i}.itemName`)}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="text"
                    data-testid={`order-form-lines-${i}-itemName`}
                    maxLength={250}
                    value={line.itemName}
                    onChange={(e) => updateLine(i, 'itemName', e.target.value)}
                  />
                )}
              </Field>
              <Field
                name={`lines.${i}.quantity`}
                label={t('orders.form.lineQuantity')}
                errorCode={err(`lines.${i}.quantity`)}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input num"
                    type="text"
                    inputMode="numeric"
                    data-testid={`order-form-lines-${i}-quantity`}
                    value={line.quantity}
                    onChange={(e) => updateLine(i, 'quantity', e.target.value)}
                  />
                )}
              </Field>
              <Field
                name={`lines.${i}.unitPrice`}
                label={t('orders.form.lineUnitPrice')}
                errorCode={err(`lines.${i}.unitPrice`)}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input num"
                    type="text"
                    inputMode="decimal"
                    data-testid={`order-form-lines-${i}-unitPrice`}
                    value={line.unitPrice}
                    onChange={(e) => updateLine(i, 'unitPrice', e.target.value)}
                  />
                )}
              </Field>
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

        <div className="form-actions">
          <Button variant="primary" type="submit" data-testid="order-form-save" disabled={saving}>
            {saving ? t('orders.form.saving') : t('orders.form.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
