/**
 * DashboardPage (issue 17 point 4): the first screen after setup. One `dashboard.summary` read
 * (monthly aggregates kept by the write path, so it is fast at a million orders) drawn as charts:
 * exports by month, market, customs mode and currency, top SKUs, receivables by age and stock
 * value. Every bar, slice and table row drills to the list behind it — the orders list filtered
 * by the month, country, customs mode or SKU (within the period), the receivables ageing, the
 * stock on hand. Money is printed exactly per currency (never added across currencies).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { formatMoney } from '../../ui/format-money.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { BarPanel, DrillTable, PiePanel, type ChartItem } from './DashboardCharts.tsx';
import { drillFilter, type Drill } from './dashboard-drill.ts';
import { chartNumber, countryName, monthLabel } from './dashboard-format.ts';

const AGEING_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-dashboard" className="dashboard">
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} />
      <DashboardView />
    </div>
  );
}

function DashboardView() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const input = useMemo(() => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to]);
  const summary = useQuery('dashboard.summary', input, {
    areas: ['orders', 'imports', 'statuses', 'stock', 'settlement', 'payouts', 'journal', 'maintenance'],
  });
  const navigate = useAppStore((s) => s.navigate);
  const clearOrdersFilter = useAppStore((s) => s.clearOrdersFilter);
  const setOrdersFilter = useAppStore((s) => s.setOrdersFilter);
  const [picked, setPicked] = useState<string | null>(null);

  const s = summary.data;
  if (!s) {
    return summary.error ? (
      <ErrorBanner error={summary.error} onDismiss={summary.clearError} />
    ) : (
      <p className="muted">{t('dashboard.loading')}</p>
    );
  }
  if (s.dataFrom === null) {
    return (
      <EmptyState title={t('dashboard.empty.title')} body={t('dashboard.empty.body')}>
        <Button variant="primary" data-testid="dashboard-import" onClick={() => navigate('orders', 'import')}>
          {t('dashboard.empty.action')}
        </Button>
      </EmptyState>
    );
  }

  const currencies = s.byCurrency.map((c) => c.currency).filter((c): c is string => c !== null);
  const currency = picked !== null && currencies.includes(picked) ? picked : (currencies[0] ?? 'CNY');
  const money = (minor: number, cur: string) => formatMoney(minor, cur, locale);
  const moneyList = (gross: Readonly<Record<string, number>>) =>
    Object.entries(gross)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, v]) => money(v, c))
      .join(' · ') || '–';
  const count = (n: number) => n.toLocaleString(locale);
  const drill = (d: Drill) => () => {
    clearOrdersFilter();
    setOrdersFilter(drillFilter(d, s));
    navigate('orders');
  };
  const countryLabel = (k: string | null) => (k === null ? t('dashboard.unknownCountry') : countryName(k, locale));
  const modeLabel = (k: string | null) =>
    k === null ? t('dashboard.noMode') : t(`orders.customsModes.${k as '9610'}`);
  const currencyLabel = (k: string | null) => k ?? t('dashboard.unknownCurrency');
  const ordersDetail = (g: { orders: number; gross: Readonly<Record<string, number>> }) =>
    `${t('dashboard.columns.orders')} ${count(g.orders)} · ${moneyList(g.gross)}`;

  const months: ChartItem[] = s.byMonth.map((m) => ({
    key: m.key,
    label: monthLabel(m.key, locale),
    value: chartNumber(m.gross[currency] ?? 0, currency),
    detail: `${money(m.gross[currency] ?? 0, currency)} · ${t('dashboard.columns.orders')} ${count(m.orders)}`,
    drill: drill({ kind: 'month', month: m.key }),
  }));
  const countries = s.byCountry.slice(0, 10);
  const countryItems: ChartItem[] = countries.map((g) => ({
    key: g.key ?? '-',
    label: countryLabel(g.key),
    value: g.orders,
    detail: ordersDetail(g),
    drill: g.key === null ? undefined : drill({ kind: 'country', country: g.key }),
  }));
  const modeItems: ChartItem[] = s.byCustomsMode.map((g) => ({
    key: g.key ?? '-',
    label: modeLabel(g.key),
    value: g.orders,
    detail: ordersDetail(g),
    drill: g.key === null ? undefined : drill({ kind: 'customsMode', mode: g.key }),
  }));
  const currencyItems: ChartItem[] = s.byCurrency.map((c) => ({
    key: c.currency ?? '-',
    label: currencyLabel(c.currency),
    value: c.orders,
    detail: `${t('dashboard.columns.orders')} ${count(c.orders)}${c.currency ? ` · ${money(c.gross, c.currency)}` : ''}`,
    drill: c.currency === null ? undefined : () => setPicked(c.currency),
  }));
  const skuItems: ChartItem[] = s.topSkus.map((k) => ({
    key: k.sku,
    label: k.sku,
    value: k.quantity,
    detail: `${t('dashboard.columns.units')} ${count(k.quantity)} · ${moneyList(k.amount)}`,
    drill: drill({ kind: 'sku', sku: k.sku }),
  }));
  // receivables come in CNY as booked (one unit for every currency): each bucket adds them, its tooltip splits them
  const ageingItems: ChartItem[] =
    s.receivables.length === 0
      ? []
      : AGEING_BUCKETS.map((b) => {
          const cny = s.receivables.reduce((sum, r) => sum + (r.buckets[b] ?? 0), 0);
          return {
            key: b,
            label: t(`settlement.ageing.buckets.${b}`),
            value: chartNumber(cny, 'CNY'),
            detail: `${money(cny, 'CNY')} (${s.receivables.map((r) => `${r.currency} ${money(r.buckets[b] ?? 0, 'CNY')}`).join(' · ')})`,
            drill: () => navigate('settlement', 'ageing'),
          };
        });
  const stockItems: ChartItem[] = s.stock.byWarehouse.slice(0, 10).map((w) => ({
    key: String(w.warehouseId),
    label: w.name || w.code,
    value: chartNumber(w.value, 'CNY'),
    detail: `${money(w.value, 'CNY')} · ${t('dashboard.columns.units')} ${count(w.quantity)}`,
    drill: () => navigate('stock', 'onhand'),
  }));
  const totalsFor = s.byCurrency.find((c) => c.currency === currency);
  const excluded = Object.values(s.excluded).reduce((a, b) => a + (b ?? 0), 0);
  const unknown = s.byCurrency.reduce((a, c) => a + c.unknownAmounts, 0);

  return (
    <>
      <div className="toolbar dashboard-toolbar">
        <ToolbarField label={t('dashboard.from')}>
          <input type="month" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="dashboard-from" />
        </ToolbarField>
        <ToolbarField label={t('dashboard.to')}>
          <input type="month" value={to} onChange={(e) => setTo(e.target.value)} data-testid="dashboard-to" />
        </ToolbarField>
        <Button
          variant="quiet"
          onClick={() => {
            setFrom('');
            setTo('');
          }}
          data-testid="dashboard-last12"
        >
          {t('dashboard.last12')}
        </Button>
        <span className="muted" data-testid="dashboard-period">
          {t('dashboard.periodShown', { from: monthLabel(s.from, locale), to: monthLabel(s.to, locale) })}
        </span>
        {currencies.length > 1 ? (
          <ToolbarField label={t('dashboard.currency')}>
            <select value={currency} onChange={(e) => setPicked(e.target.value)} data-testid="dashboard-currency">
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </ToolbarField>
        ) : null}
      </div>
      {summary.error ? <ErrorBanner error={summary.error} onDismiss={summary.clearError} /> : null}

      <dl className="stats dashboard-kpis">
        <div className="stat" data-testid="dashboard-kpi-orders" data-value={s.totals.orders}>
          <dt>{t('dashboard.kpi.orders')}</dt>
          <dd translate="no">{count(s.totals.orders)}</dd>
        </div>
        <div className="stat" data-testid="dashboard-kpi-units" data-value={s.totals.units}>
          <dt>{t('dashboard.kpi.units')}</dt>
          <dd translate="no">{count(s.totals.units)}</dd>
        </div>
        <div className="stat" data-testid="dashboard-kpi-gross" data-value={totalsFor?.gross ?? 0}>
          <dt>{t('dashboard.kpi.gross', { currency })}</dt>
          <dd translate="no">{money(totalsFor?.gross ?? 0, currency)}</dd>
        </div>
        <div className="stat" data-testid="dashboard-kpi-refunded" data-value={totalsFor?.refunded ?? 0}>
          <dt>{t('dashboard.kpi.refunded')}</dt>
          <dd translate="no">{money(totalsFor?.refunded ?? 0, currency)}</dd>
        </div>
        <div className="stat" data-testid="dashboard-kpi-excluded" data-value={excluded}>
          <dt>{t('dashboard.kpi.excluded')}</dt>
          <dd translate="no">{count(excluded)}</dd>
        </div>
      </dl>
      {s.totals.orders === 0 ? <p className="muted">{t('dashboard.emptyPeriod')}</p> : null}
      {unknown > 0 ? <p className="muted">{t('dashboard.unknownAmounts', { count: unknown })}</p> : null}
      <p className="muted">{t('dashboard.drillHint')}</p>

      <div className="dashboard-grid">
        <Card title={t('dashboard.charts.byMonth')} id="dashboard-by-month" wide>
          <BarPanel items={months} tick={(n) => n.toLocaleString(locale)} testId="chart-by-month" height={260} />
        </Card>
        <Card title={t('dashboard.charts.byCountry')} id="dashboard-by-country">
          <BarPanel items={countryItems} horizontal tick={(n) => n.toLocaleString(locale)} testId="chart-by-country" />
          <DrillTable
            testId="table-by-country"
            head={[t('dashboard.columns.country'), t('dashboard.columns.orders'), t('dashboard.columns.amount')]}
            rows={countries.map((g, i) => ({
              key: g.key ?? '-',
              // country names come localised from Intl.DisplayNames (the platform's CLDR data), not from t()
              cells: [
                g.key === null ? countryLabel(g.key) : <span translate="no">{countryLabel(g.key)}</span>,
                count(g.orders),
                moneyList(g.gross),
              ],
              drill: countryItems[i]!.drill,
            }))}
          />
        </Card>
        <Card title={t('dashboard.charts.byMode')} id="dashboard-by-mode">
          <PiePanel items={modeItems} testId="chart-by-mode" />
          <DrillTable
            testId="table-by-mode"
            head={[t('dashboard.columns.mode'), t('dashboard.columns.orders'), t('dashboard.columns.amount')]}
            rows={s.byCustomsMode.map((g, i) => ({
              key: g.key ?? '-',
              cells: [modeLabel(g.key), count(g.orders), moneyList(g.gross)],
              drill: modeItems[i]!.drill,
            }))}
          />
        </Card>
        <Card title={t('dashboard.charts.byCurrency')} id="dashboard-by-currency">
          <PiePanel items={currencyItems} testId="chart-by-currency" />
          <DrillTable
            testId="table-by-currency"
            head={[t('dashboard.columns.currency'), t('dashboard.columns.orders'), t('dashboard.columns.amount')]}
            rows={s.byCurrency.map((c, i) => ({
              key: c.currency ?? '-',
              cells: [currencyLabel(c.currency), count(c.orders), c.currency ? money(c.gross, c.currency) : '–'],
              drill: currencyItems[i]!.drill,
            }))}
          />
        </Card>
        <Card title={t('dashboard.charts.topSkus')} id="dashboard-top-skus">
          <BarPanel items={skuItems} horizontal tick={(n) => n.toLocaleString(locale)} testId="chart-top-skus" />
          <DrillTable
            testId="table-top-skus"
            head={[t('dashboard.columns.sku'), t('dashboard.columns.units'), t('dashboard.columns.amount')]}
            rows={s.topSkus.map((k, i) => ({
              key: k.sku,
              cells: [<span translate="no">{k.sku}</span>, count(k.quantity), moneyList(k.amount)],
              drill: skuItems[i]!.drill,
            }))}
          />
        </Card>
        <Card title={t('dashboard.charts.receivables')} id="dashboard-receivables">
          {ageingItems.length > 0 ? (
            <>
              <p className="muted">{t('dashboard.receivablesBooked', { date: s.asOf })}</p>
              <BarPanel
                items={ageingItems}
                tick={(n) => n.toLocaleString(locale)}
                testId="chart-receivables"
                height={200}
              />
              <DrillTable
                testId="table-receivables"
                head={[t('dashboard.columns.currency'), t('dashboard.columns.valueCny')]}
                rows={s.receivables.map((r) => ({
                  key: r.currency,
                  cells: [<span translate="no">{r.currency}</span>, money(r.total, 'CNY')],
                  drill: () => navigate('settlement', 'ageing'),
                }))}
              />
            </>
          ) : (
            <p className="muted">{t('dashboard.noReceivables', { date: s.asOf })}</p>
          )}
          <Button variant="quiet" onClick={() => navigate('settlement', 'ageing')} data-testid="dashboard-open-ageing">
            {t('dashboard.openAgeing')}
          </Button>
        </Card>
        <Card title={t('dashboard.charts.stock')} id="dashboard-stock">
          {stockItems.length > 0 ? (
            <>
              <BarPanel
                items={stockItems}
                horizontal
                tick={(n) => n.toLocaleString(locale)}
                testId="chart-stock"
                height={200}
              />
              <p>
                {t('dashboard.stockTotal', { value: money(s.stock.total, 'CNY'), quantity: count(s.stock.quantity) })}
              </p>
            </>
          ) : (
            <p className="muted">{t('dashboard.noStock')}</p>
          )}
          <Button variant="quiet" onClick={() => navigate('stock', 'onhand')} data-testid="dashboard-open-stock">
            {t('dashboard.openStock')}
          </Button>
        </Card>
      </div>
    </>
  );
}

function Card({
  title,
  id,
  wide = false,
  children,
}: {
  readonly title: string;
  readonly id: string;
  readonly wide?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <section
      className={wide ? 'dashboard-card dashboard-card-wide' : 'dashboard-card'}
      aria-labelledby={`${id}-title`}
      data-testid={id}
    >
      <h2 className="section-title" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
