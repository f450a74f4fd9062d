/**
 * The dashboard screen with figures (fake host): every label goes through t() (pseudo-locale), money
 * is printed per currency, and a table row drills to the orders list with that filter.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { applyLanguage, i18n } from '../../../src-renderer/i18n/index.ts';
import { LANGUAGE_ENDONYMS } from '../../../src-renderer/i18n/languages.ts';
import { PSEUDO_LANGUAGE, pseudoLocale } from '../../../src-renderer/i18n/pseudo-locale.ts';
import { useAppStore } from '../../../src-renderer/state/store.ts';
import { m } from '../../helpers/money.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';
import { untranslated } from './untranslated-text.ts';

let host: FakeHost;

const month = (key: string, orders: number, usd: number) => ({
  key,
  orders,
  units: orders,
  gross: { USD: m(usd) },
  unknownAmounts: 0,
});
const SUMMARY: DashboardSummary = {
  from: '2026-01',
  to: '2026-03',
  dataFrom: '2025-11',
  dataTo: '2026-03',
  totals: { orders: 12, units: 15 },
  excluded: { cancelled: 2 },
  byMonth: [month('2026-01', 3, 3000), month('2026-02', 4, 4000), month('2026-03', 5, 5099)],
  byCountry: [
    { key: 'US', orders: 9, units: 11, gross: { USD: m(9099) }, unknownAmounts: 0 },
    { key: 'JP', orders: 3, units: 4, gross: { JPY: m(4500), USD: m(3000) }, unknownAmounts: 0 },
  ],
  byCustomsMode: [
    { key: '9610', orders: 8, units: 10, gross: { USD: m(8099) }, unknownAmounts: 0 },
    { key: null, orders: 4, units: 5, gross: { USD: m(4000) }, unknownAmounts: 0 },
  ],
  byCurrency: [
    { currency: 'USD', orders: 10, units: 12, gross: m(12099), refunded: m(500), unknownAmounts: 0 },
    { currency: 'JPY', orders: 2, units: 3, gross: m(4500), refunded: m(0), unknownAmounts: 0 },
  ],
  topSkus: [{ sku: 'SKU-MUG-01', quantity: 7, lines: 6, amount: { USD: m(6300) }, unknownLines: 0 }],
  receivables: [
    {
      currency: 'USD',
      buckets: { '0-30': m(1000), '31-60': m(0), '61-90': m(0), '91-180': m(0), '181-365': m(0), '365+': m(0) },
      total: m(1000),
    },
  ],
  stock: {
    total: m(123456),
    quantity: 40,
    byWarehouse: [{ warehouseId: 1, code: 'SZ', name: '深圳仓', kind: 'domestic', quantity: 40, value: m(123456) }],
  },
  asOf: '2026-04-02',
};

beforeEach(async () => {
  await resetRenderer();
  i18n.addResourceBundle(PSEUDO_LANGUAGE, 'translation', pseudoLocale(), true, true);
});
afterEach(async () => {
  host.uninstall();
  await applyLanguage('zh-CN');
});

describe('dashboard screen', () => {
  it('is the first page, prints money per currency and drills from a country row to the filtered orders list', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['dashboard.summary'] = () => ({ ok: true, value: SUMMARY });
    render(<App />);
    await screen.findByTestId('page-dashboard');
    expect((await screen.findByTestId('dashboard-kpi-gross')).textContent).toContain('US$120.99');
    expect(screen.getByTestId('table-by-country-JP').textContent).toContain('JP¥4,500');
    expect(screen.getByTestId('table-by-country-US').textContent).toContain('美国');
    expect(screen.getByTestId('table-by-mode').textContent).toContain('9610 跨境电商零售出口（直邮）');
    expect(screen.getByTestId('table-by-mode').textContent).toContain('未设置监管方式');
    fireEvent.click(within(screen.getByTestId('table-by-country-JP')).getByRole('button'));
    await screen.findByTestId('page-orders');
    expect(useAppStore.getState().ordersFilter).toEqual({ from: '2026-01-01', to: '2026-03-31', country: 'JP' });
  });

  it('leaves no label untranslated (pseudo-locale)', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['dashboard.summary'] = () => ({ ok: true, value: SUMMARY });
    render(<App />);
    await screen.findByTestId('dashboard-kpi-orders');
    await act(async () => {
      await applyLanguage(PSEUDO_LANGUAGE);
    });
    const data = new Set([
      VALID_COMPANY.name,
      VALID_COMPANY.uscc,
      '账',
      'USD',
      'JPY',
      ...Object.values(LANGUAGE_ENDONYMS),
    ]);
    expect(untranslated(screen.getByTestId('page-dashboard'), data)).toEqual([]);
  });
});
