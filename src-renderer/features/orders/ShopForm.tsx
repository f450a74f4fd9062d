/**
 * ShopForm: creates a shop on the fly (platform, name, site, currency, time zone) with
 * `shops.save`, for the manual order form when there is none yet. The server's per-field
 * codes are shown next to their fields.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, Platform, Shop } from '../../../src-main/api/contract.ts';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { FormFields } from '../../ui/FormFields.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { DEFAULT_TIME_ZONE, TIME_ZONES } from './time-zones.ts';
import { isPlatform, PLATFORMS } from './vocabulary.ts';
import { optionsOf } from '../../ui/options.ts';

export interface ShopFormProps {
  readonly onSaved: (shop: Shop) => void;
  readonly onCancel?: () => void;
}

type ShopValues = {
  readonly platform: Platform;
  readonly name: string;
  readonly site: string;
  readonly currency: Currency;
  readonly timeZone: string;
};

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

  /** The free-text fields and the time zone; the platform and currency are checked by their own fields. */
  const setText = (key: string, value: string) => {
    if (key === 'name' || key === 'site' || key === 'timeZone') update(key, value);
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
      <FormFields
        form={{ values, set: setText, of: (key) => fieldErrors[key] ?? null }}
        names="shop"
        testIds="shop-form"
        label={(key: keyof ShopValues) => t(`orders.shop.${key}`)}
        fields={[
          {
            key: 'platform',
            options: optionsOf(PLATFORMS, (p) => t(`orders.platforms.${p}`)),
            onChange: (v) => isPlatform(v) && update('platform', v),
          },
          { key: 'name', type: 'text', maxLength: 100 },
          { key: 'site', type: 'text', maxLength: 100, optional: true, placeholder: t('orders.shop.sitePlaceholder') },
          {
            key: 'currency',
            options: optionsOf(CURRENCIES, (c) => c),
            onChange: (v) => isCurrency(v) && update('currency', v),
          },
          {
            key: 'timeZone',
            help: t('orders.shop.timeZoneHelp'),
            options: TIME_ZONES.map(({ zone, key }) => ({
              value: zone,
              label: `${t(`orders.shop.zones.${key}`)} · ${zone}`,
            })),
          },
        ]}
      />
      <SubmitActions testId="shop-form-save" busy={saving} onCancel={onCancel} cancelLabel={t('orders.shop.cancel')}>
        {saving ? t('orders.shop.saving') : t('orders.shop.save')}
      </SubmitActions>
    </form>
  );
}
