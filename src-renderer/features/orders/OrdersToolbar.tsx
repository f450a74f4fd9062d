/**
 * OrdersToolbar: the list's filters — shop, status, customs mode, order-date range, buyer
 * country and a text search that waits for a pause in typing before it asks the host.
 * Every change re-queries from the first page (see use-orders-list.ts).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { DateRangeFields } from '../../ui/DateRangeFields.tsx';
import { ToolbarInput } from '../../ui/ToolbarInput.tsx';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { CUSTOMS_MODES, isCustomsMode, isOrderStatus, ORDER_STATUSES } from './vocabulary.ts';
import { optionsOf } from '../../ui/options.ts';

export const SEARCH_DEBOUNCE_MS = 300;

export function OrdersToolbar() {
  const { t } = useTranslation();
  const filter = useAppStore((s) => s.ordersFilter);
  const shops = useQuery('shops.list', {}).data;
  const setFilter = useAppStore((s) => s.setOrdersFilter);
  const clearFilter = useAppStore((s) => s.clearOrdersFilter);
  const [q, setQ] = useState(filter.q ?? '');
  const [country, setCountry] = useState(filter.country ?? '');
  const appliedQ = filter.q ?? '';

  useEffect(() => {
    const wanted = q.trim();
    if (wanted === appliedQ) return undefined;
    const timer = setTimeout(() => setFilter({ q: wanted === '' ? undefined : wanted }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, appliedQ, setFilter]);

  const changeCountry = (value: string) => {
    const upper = value
      .toUpperCase()
      .replace(/[^A-Z]/g, '')
      .slice(0, 2);
    setCountry(upper);
    if (upper.length === 2) setFilter({ country: upper });
    else if (upper.length === 0 && filter.country !== undefined) setFilter({ country: undefined });
  };

  const clear = () => {
    setQ('');
    setCountry('');
    clearFilter();
  };

  const active = Object.keys(filter).length > 0 || q !== '' || country !== '';

  return (
    <div className="toolbar" role="search" aria-label={t('orders.filters.label')}>
      <ToolbarSelect
        label={t('orders.filters.shop')}
        testId="orders-filter-shop"
        value={filter.shopId === undefined ? '' : String(filter.shopId)}
        all={t('orders.filters.allShops')}
        options={(shops ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
        onChange={(e) => setFilter({ shopId: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
      <ToolbarSelect
        label={t('orders.filters.status')}
        testId="orders-filter-status"
        value={filter.status ?? ''}
        all={t('orders.filters.allStatuses')}
        options={optionsOf(ORDER_STATUSES, (s) => t(`orders.statuses.${s}`))}
        onChange={(e) => setFilter({ status: isOrderStatus(e.target.value) ? e.target.value : undefined })}
      />
      <ToolbarSelect
        label={t('orders.filters.customsMode')}
        testId="orders-filter-customsMode"
        value={filter.customsMode ?? ''}
        all={t('orders.filters.allModes')}
        options={optionsOf(CUSTOMS_MODES, (m) => t(`orders.customsModes.${m}`))}
        onChange={(e) => setFilter({ customsMode: isCustomsMode(e.target.value) ? e.target.value : undefined })}
      />
      <DateRangeFields
        fromLabel={t('orders.filters.from')}
        toLabel={t('orders.filters.to')}
        from={filter.from ?? ''}
        to={filter.to ?? ''}
        testIds={['orders-filter-from', 'orders-filter-to']}
        onFromChange={(from) => setFilter({ from: from === '' ? undefined : from })}
        onToChange={(to) => setFilter({ to: to === '' ? undefined : to })}
      />
      <ToolbarInput
        label={t('orders.filters.country')}
        testId="orders-filter-country"
        className="input input-compact input-country"
        type="text"
        value={country}
        maxLength={2}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('orders.filters.countryPlaceholder')}
        onChange={changeCountry}
      />
      <ToolbarInput
        variant="toolbar-search"
        label={t('orders.filters.search')}
        testId="orders-filter-q"
        type="search"
        value={q}
        maxLength={100}
        placeholder={t('orders.filters.searchPlaceholder')}
        onChange={setQ}
      />
      {active ? (
        <Button variant="quiet" data-testid="orders-filter-clear" onClick={clear}>
          {t('orders.filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
