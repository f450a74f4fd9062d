/**
 * ShopForm: creates a shop on the fly (platform, name, site, currency, time zone) with
 * `shops.save`, for the manual order form when there is none yet. The server's per-field
 * codes are shown next to their fields.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, Platform, Shop } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { DEFAULT_TIME_ZONE, TIME_ZONES } from './time-zones.ts';
import { isPlatform, PLATFORMS } from './vocabulary.ts';

export interface ShopFormProps {
  readonly onSaved: (shop: Shop) => void;
  readonly onCancel?: () => void;
}

interface ShopValues {
  readonly platform: Platform;
  readonly name: string;
  readonly site: string;
  readonly currency: Currency;
  readonly timeZone: string;
}

export function ShopForm({ onSaved, onCancel }: ShopFormProps) {
  const { t } = useTranslation();
  const shopsSave = useMutation('shops.save');
  const [values, setValues] = useState<ShopValues>({
    platform: 'manual',
    name: '',
    site: '',
    currency: 'USD',
    timeZone: DEFAULT_TIME_ZONE,
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const update = <K extends keyof ShopValues>(key: K, value: ShopValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFieldErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    e.stopPropagation();
    if (saving) return;
    if (values.name.trim() === '') {
      setFieldErrors({ name: 'validation.required' });
      return;
    }
    setSaving(true);
    setError(null);
    const site = values.site.trim();
    const result = await shopsSave.run({
      platform: values.platform,
      name: values.name.trim(),
      site: site === '' ? null : site,
      currency: values.currency,
      timeZone: values.timeZone,
    });
    setSaving(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    setFieldErrors(result.error.fields ?? {});
    if (result.error.code === 'shops.badTimeZone') setFieldErrors((f) => ({ ...f, timeZone: 'shops.badTimeZone' }));
    setError(result.error);
  };

  return (
    <form className="form shop-form panel" data-testid="shop-form" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="panel-title">{t('orders.shop.title')}</h2>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <Field name="shop-platform" label={t('orders.shop.platform')} errorCode={fieldErrors['platform'] ?? null}>
        {(control) => (
          <Select
            {...control}
            data-testid="shop-form-platform"
            value={values.platform}
            options={PLATFORMS.map((p) => ({ value: p, label: t(`orders.platforms.${p}`) }))}
            onChange={(e) => {
              if (isPlatform(e.target.value)) update('platform', e.target.value);
            }}
          />
        )}
      </Field>
      <Field name="shop-name" label={t('orders.shop.name')} errorCode={fieldErrors['name'] ?? null}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            data-testid="shop-form-name"
            maxLength={100}
            value={values.name}
            onChange={(e) => update('name', e.target.value)}
          />
        )}
      </Field>
      <Field name="shop-site" label={t('orders.shop.site')} optional errorCode={fieldErrors['site'] ?? null}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            data-testid="shop-form-site"
            maxLength={100}
            placeholder={t('orders.shop.sitePlaceholder')}
            value={values.site}
            onChange={(e) => update('site', e.target.value)}
          />
        )}
      </Field>
      <Field name="shop-currency" label={t('orders.shop.currency')} errorCode={fieldErrors['currency'] ?? null}>
        {(control) => (
          <Select
            {...control}
            data-testid="shop-form-currency"
            value={values.currency}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
            onChange={(e) => {
              if (isCurrency(e.target.value)) update('currency', e.target.value);
            }}
          />
        )}
      </Field>
      <Field
        name="shop-timeZone"
        label={t('orders.shop.timeZone')}
        help={t('orders.shop.timeZoneHelp')}
        errorCode={fieldErrors['timeZone'] ?? null}
      >
        {(control) => (
          <Select
            {...control}
            data-testid="shop-form-timeZone"
            value={values.timeZone}
            options={TIME_ZONES.map(({ zone, key }) => ({
              value: zone,
              label: `${t(`orders.shop.zones.${key}`)} · ${zone}`,
            }))}
            onChange={(e) => update('timeZone', e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="shop-form-save" disabled={saving}>
          {saving ? t('orders.shop.saving') : t('orders.shop.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('orders.shop.cancel')}</Button> : null}
      </div>
    </form>
  );
}
