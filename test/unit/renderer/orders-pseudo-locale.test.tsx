/**
 * The orders screens under the pseudo-locale (every translated string wrapped in ⟦…⟧): the
 * list with rows, an order's detail with fees and changes, manual entry, and the import
 * wizard's preview with the mapping screen and rejected rows show no text that bypassed
 * `t()` — only data (order numbers, shop names, SKUs, amounts and dates formatted by Intl).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportPreview, OrderListItem } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { applyLanguage, i18n } from '../../../src-renderer/i18n/index.ts';
import { LANGUAGE_ENDONYMS } from '../../../src-renderer/i18n/languages.ts';
import { PSEUDO_LANGUAGE, pseudoLocale } from '../../../src-renderer/i18n/pseudo-locale.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { CURRENCIES } from '../../../src-renderer/ui/currencies.ts';
import { formatDateTime } from '../../../src-renderer/ui/format-date-time.ts';
import { formatMoney } from '../../../src-renderer/ui/format-money.ts';
import { TIME_ZONES } from '../../../src-renderer/features/orders/time-zones.ts';
import {
  AMAZON_PREVIEW,
  detailFor,
  installFakeHost,
  makeOrder,
  SHOP_JP,
  SHOP_US,
  VALID_COMPANY,
  type FakeHost,
} from './fake-host.ts';
import { m } from '../../helpers/money.ts';
import { stubViewport, type LayoutStub } from './layout-stub.ts';
import { resetRenderer } from './reset-renderer.ts';
import { untranslated } from './untranslated-text.ts';

let host: FakeHost;
let layout: LayoutStub;

const ORDERS = [makeOrder(1), makeOrder(7), makeOrder(8, { customsMode: null })];
const HEADERS = ['订单编号', '下单时间', 'SKU', '数量'];
const MAPPING: ColumnMapping = {
  orderNo: null,
  orderedAt: '下单时间',
  status: null,
  sku: 'SKU',
  itemName: null,
  quantity: '数量',
  unitPrice: null,
  lineTotal: null,
  currency: null,
  shipping: null,
  discount: null,
  tax: null,
  buyerCountry: null,
  shopName: null,
  fulfilment: null,
  orderTotal: null,
};
const PREVIEW: ImportPreview = {
  ...AMAZON_PREVIEW,
  source: 'generic',
  headers: HEADERS,
  mapping: MAPPING,
  unmappedRequired: ['orderNo'],
};

function dataOf(orders: readonly OrderListItem[]): Set<string> {
  const data = new Set<string>([
    VALID_COMPANY.name,
    VALID_COMPANY.uscc,
    '账',
    ...Object.values(LANGUAGE_ENDONYMS),
    SHOP_US.name,
    SHOP_JP.name,
    'US',
    'USD',
    'JPY',
    'SKU',
    'SKU-RED',
    '红色杯子',
    'Shipped',
    'Cancelled',
    'Amazon.com',
    'Commission',
    'all-orders.txt',
    'purchase-date',
    'UTF-8',
    ...HEADERS,
    ...CURRENCIES,
    ...TIME_ZONES.map((z) => z.zone),
  ]);
  for (const o of [...orders, ...AMAZON_PREVIEW.sample]) {
    data.add(o.orderNo);
    data.add(o.orderedAt); // the exact instant, as a tooltip
    data.add(formatMoney(o.gross!, o.currency!, PSEUDO_LANGUAGE));
    data.add(formatMoney(0, o.currency!, PSEUDO_LANGUAGE));
    for (const style of ['medium', 'short'] as const) data.add(formatDateTime(o.orderedAt, PSEUDO_LANGUAGE, style));
    if (o.customsMode) data.add(o.customsMode);
  }
  data.add(formatMoney(7497, 'USD', PSEUDO_LANGUAGE));
  data.add(formatMoney(498, 'USD', PSEUDO_LANGUAGE));
  data.add(formatDateTime('2026-03-06T02:00:00Z', PSEUDO_LANGUAGE));
  return data;
}

beforeEach(async () => {
  await resetRenderer();
  i18n.addResourceBundle(PSEUDO_LANGUAGE, 'translation', pseudoLocale(), true, true);
  layout = stubViewport('orders-list', { width: 1000, height: 360 });
});

afterEach(async () => {
  cleanup();
  layout.restore();
  host.uninstall();
  await applyLanguage('zh-CN');
});

async function openInPseudo(hash: string): Promise<void> {
  window.location.hash = hash;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY, shops: [SHOP_US, SHOP_JP], orders: ORDERS, preview: PREVIEW });
  host.state.details[1] = detailFor(ORDERS[0]!, {
    fees: [{ id: 1, type: 'commission', description: 'Commission', amount: m(498), currency: 'USD' }],
    changes: [{ at: '2026-03-06T02:00:00Z', field: 'status', oldValue: 'paid', newValue: 'shipped', cause: 'import' }],
  });
  render(<App />);
  await screen.findByTestId('app-shell');
  await act(async () => {
    await applyLanguage(PSEUDO_LANGUAGE);
  });
}

describe('orders screens under the pseudo-locale', () => {
  it('the list with rows, filters, selection and the bulk bar', async () => {
    await openInPseudo('#/orders');
    await screen.findByTestId(`orders-row-${ORDERS[0]!.orderNo}`);
    fireEvent.click(screen.getByTestId('orders-select-1'));
    expect(untranslated(document.body, dataOf(ORDERS))).toEqual([]);
  });

  it('an order’s detail with lines, fees, changes and unknown profit parts', async () => {
    await openInPseudo('#/orders/1');
    await screen.findByTestId('order-detail-orderNo');
    expect(untranslated(document.body, dataOf(ORDERS))).toEqual([]);
  });

  it('manual entry with a field error and the new-shop form', async () => {
    await openInPseudo('#/orders/new');
    await screen.findByTestId('order-form');
    fireEvent.click(screen.getByTestId('order-form-new-shop'));
    await act(async () => fireEvent.click(screen.getByTestId('order-form-save')));
    expect(screen.getByTestId('field-error-orderNo').textContent).toContain('⟦');
    expect(untranslated(document.body, dataOf(ORDERS))).toEqual([]);
  });

  it('the import wizard’s preview with the mapping screen and rejected rows', async () => {
    await openInPseudo('#/orders/import');
    await screen.findByTestId('import-wizard');
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [new File(['a\tb\n'], 'all-orders.txt')] },
    });
    await act(async () => fireEvent.click(screen.getByTestId('import-start')));
    await screen.findByTestId('import-preview');
    await act(async () => fireEvent.click(screen.getByTestId('import-save-mapping')));
    const data = dataOf(ORDERS);
    // The chosen file line shows its size, formatted by Intl.
    const chosen = screen.getByTestId('import-chosen').textContent ?? '';
    expect(chosen).toContain('⟦');
    expect(untranslated(document.body, data)).toEqual([]);
  });
});
