/**
 * An order's detail (`#/orders/<id>`): facts, lines, fees, change history and the profit
 * breakdown, where every part the ledger does not know is shown as 未知 — never as 0 — and
 * the profit is unknown with the missing parts named. Also manual entry and edit.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App.tsx';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { m } from '../../helpers/money.ts';
import { detailFor, installFakeHost, makeOrder, SHOP_JP, SHOP_US, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { stubViewport, type LayoutStub } from './layout-stub.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;
let layout: LayoutStub | null = null;

beforeEach(async () => {
  await resetRenderer();
});

afterEach(() => {
  cleanup(); // unmount while the fake bridge is still installed (the wizard discards on unmount)
  layout?.restore();
  layout = null;
  host.uninstall();
});

function openAt(hash: string, setup: (h: FakeHost) => void = () => undefined): void {
  window.location.hash = hash;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY, shops: [SHOP_US, SHOP_JP], orders: [makeOrder(1), makeOrder(7)] });
  setup(host);
  render(<App />);
}

const PARTS = ['productCost', 'headHaul', 'lastMile', 'platformFees', 'advertising', 'fxDifference'] as const;

describe('order detail', () => {
  it('shows 未知 for every unknown profit part and for the profit, never 0, and says what is missing', async () => {
    openAt('#/orders/1');
    const detail = await screen.findByTestId('order-detail');
    await within(detail).findByTestId('order-detail-orderNo');
    expect(host.callsOf('orders.get')).toEqual([{ id: 1 }]);

    expect(screen.getByTestId('profit-revenue').textContent).toContain('US$10.37');
    for (const part of PARTS) {
      const row = screen.getByTestId(`profit-${part}`);
      expect(row.querySelector('dd')?.textContent, part).toBe(zhCN.orders.profit.unknown);
      expect(row.textContent).toContain(zhCN.orders.profit.missing[part]);
      expect(row.textContent).not.toMatch(/[$¥]\s*0|0\.00/);
    }
    const profit = screen.getByTestId('profit-profit');
    expect(profit.querySelector('dd')?.textContent).toBe(zhCN.orders.profit.unknown);
    expect(screen.getByTestId('profit-explanation').textContent).toContain(zhCN.orders.profit.partNames.productCost);
    expect(profit.textContent).not.toMatch(/0\.00/);
  });

  it('shows 未知 for the amounts of an order whose file stated no prices (Amazon Pending), never 0', async () => {
    openAt('#/orders/1', (h) => {
      const order = { ...makeOrder(1), gross: null, currency: null, exclusion: 'otherChannel' as const };
      h.state.details[1] = detailFor(order, {
        goods: null,
        discount: null,
        shipping: null,
        giftWrap: null,
        taxOnTop: null,
        lines: [
          {
            id: 10,
            lineKey: 'L1',
            sku: 'SKU-RED',
            itemName: '红色杯子',
            quantity: 1,
            unitPrice: null,
            lineTotal: null,
            discount: null,
            taxOnTop: null,
            shipping: null,
            giftWrap: null,
            cancelled: false,
          },
        ],
        profit: {
          currency: '',
          revenue: null,
          productCost: null,
          headHaul: null,
          lastMile: null,
          platformFees: null,
          advertising: null,
          fxDifference: null,
          profit: null,
        },
      });
    });
    await screen.findByTestId('order-detail-orderNo');
    expect(screen.getByTestId('order-detail-gross').textContent).toBe(zhCN.orders.unknownAmount);
    expect(screen.getByTestId('order-line-L1').textContent).toContain(zhCN.orders.unknownAmount);
    expect(screen.getByTestId('order-detail').textContent).not.toMatch(/0\.00/);
  });

  it('shows known parts as money (a real 0 stays 0) and the profit when nothing is missing', async () => {
    openAt('#/orders/1', (h) => {
      h.state.details[1] = detailFor(makeOrder(1), {
        profit: {
          currency: 'USD',
          revenue: m(5000),
          productCost: m(1200),
          headHaul: m(300),
          lastMile: m(450),
          platformFees: m(750),
          advertising: m(0),
          fxDifference: m(-25),
          profit: m(2325),
        },
      });
    });
    await screen.findByTestId('order-detail-orderNo');
    expect(screen.getByTestId('profit-advertising').querySelector('dd')?.textContent).toBe('US$0.00');
    expect(screen.getByTestId('profit-fxDifference').querySelector('dd')?.textContent).toBe('-US$0.25');
    expect(screen.getByTestId('profit-profit').querySelector('dd')?.textContent).toBe('US$23.25');
    expect(screen.queryByTestId('profit-explanation')).toBeNull();
    expect(screen.queryByText(zhCN.orders.profit.unknown)).toBeNull();
  });

  it('lists lines, fees and the change history with old → new, when and why', async () => {
    openAt('#/orders/7', (h) => {
      const order = makeOrder(7, { currency: 'JPY', gross: m(4980), shopName: SHOP_JP.name, shopId: SHOP_JP.id });
      h.state.details[7] = detailFor(order, {
        fees: [{ id: 1, type: 'commission', description: 'Commission', amount: m(498), currency: 'JPY' }],
        changes: [
          { at: '2026-03-06T02:00:00Z', field: 'status', oldValue: 'shipped', newValue: 'cancelled', cause: 'import' },
          { at: '2026-03-07T02:00:00Z', field: 'customsMode', oldValue: null, newValue: '9610', cause: 'edit' },
        ],
      });
    });
    await screen.findByTestId('order-detail-orderNo');
    expect(screen.getByTestId('order-detail-excluded').textContent).toBe(zhCN.orders.exclusions.cancelled);
    expect(within(screen.getByTestId('order-lines')).getByText('SKU-RED')).toBeTruthy();
    expect(screen.getByTestId('order-fees').textContent).toContain(zhCN.orders.feeTypes.commission);
    expect(screen.getByTestId('order-fees').textContent).toContain('¥498');
    const changes = within(screen.getByTestId('order-changes')).getAllByRole('row');
    expect(changes[1]?.textContent).toContain(`${zhCN.orders.statuses.shipped} → ${zhCN.orders.statuses.cancelled}`);
    expect(changes[1]?.textContent).toContain(zhCN.orders.detail.causes.import);
    expect(changes[2]?.textContent).toContain(zhCN.orders.detail.emptyValue);
    expect(changes[2]?.textContent).toContain(zhCN.orders.detail.causes.edit);
  });

  it('opens from a row of the list and goes back', async () => {
    layout = stubViewport('orders-list', { width: 1000, height: 360 });
    openAt('#/orders');
    const link = await screen.findByText(makeOrder(1).orderNo);
    await act(async () => {
      window.location.hash = link.getAttribute('href') ?? '';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('order-detail')).toBeTruthy();
    fireEvent.click(screen.getByTestId('order-detail-back'));
    expect(await screen.findByTestId('orders-page')).toBeTruthy();
    expect(window.location.hash).toBe('#/orders');
  });

  it('explains an order that does not exist', async () => {
    openAt('#/orders/999');
    expect((await screen.findByTestId('error-banner')).textContent).toBe(zhCN.errors.orders.notFound);
  });
});

describe('manual order entry', () => {
  function fill(testId: string, value: string): void {
    fireEvent.change(screen.getByTestId(testId), { target: { value } });
  }

  it('sends the order time with the shop’s offset and amounts as typed, then opens the saved order', async () => {
    openAt('#/orders/new');
    await screen.findByTestId('order-form');
    fill('order-form-shopId', String(SHOP_JP.id));
    expect((screen.getByTestId('order-form-currency') as HTMLSelectElement).value).toBe('JPY');
    fill('order-form-orderNo', ' M-001 ');
    fill('order-form-orderedAt', '2026-03-05T14:02');
    fill('order-form-buyerCountry', 'jp');
    fill('order-form-customsMode', '9610');
    fill('order-form-shipping', '500');
    fill('order-form-lines-0-sku', 'SKU-1');
    fill('order-form-lines-0-itemName', '杯子');
    fill('order-form-lines-0-quantity', '2');
    fill('order-form-lines-0-unitPrice', '1,200');
    fireEvent.click(screen.getByTestId('order-form-add-line'));
    fill('order-form-lines-1-sku', 'SKU-2');
    fill('order-form-lines-1-unitPrice', '300');
    await act(async () => fireEvent.click(screen.getByTestId('order-form-save')));

    expect(host.callsOf('orders.save')).toEqual([
      {
        shopId: SHOP_JP.id,
        orderNo: 'M-001',
        status: 'paid',
        orderedAt: '2026-03-05T14:02:00+09:00',
        buyerCountry: 'JP',
        currency: 'JPY',
        customsMode: '9610',
        fulfilment: null,
        shipping: '500',
        discount: '0',
        lines: [
          { sku: 'SKU-1', itemName: '杯子', quantity: 2, unitPrice: '1,200' },
          { sku: 'SKU-2', itemName: '', quantity: 1, unitPrice: '300' },
        ],
      },
    ]);
    expect(await screen.findByTestId('order-detail')).toBeTruthy();
  });

  it('shows the server’s field errors next to their fields, translated', async () => {
    openAt('#/orders/new', (h) => {
      h.overrides['orders.save'] = () => ({
        ok: false,
        error: {
          code: 'validation.failed',
          params: {},
          fields: { 'lines.0.unitPrice': 'money.tooManyDecimals', orderNo: 'validation.tooLong' },
        },
      });
    });
    await screen.findByTestId('order-form');
    fill('order-form-shopId', String(SHOP_US.id));
    fill('order-form-orderNo', 'X');
    fill('order-form-orderedAt', '2026-03-05T14:02');
    fill('order-form-lines-0-sku', 'A');
    fill('order-form-lines-0-unitPrice', '1.234');
    await act(async () => fireEvent.click(screen.getByTestId('order-form-save')));
    expect(screen.getByTestId('field-error-lines.0.unitPrice').textContent).toContain('小数位太多');
    expect(screen.getByTestId('field-error-orderNo').textContent).toBe(zhCN.errors.validation.tooLong);
    expect(screen.getByTestId('order-form')).toBeTruthy();
    expect(host.callsOf('orders.save')[0]?.orderedAt).toBe('2026-03-05T14:02:00-08:00');
  });

  it('checks required fields before sending', async () => {
    openAt('#/orders/new');
    await screen.findByTestId('order-form');
    await act(async () => fireEvent.click(screen.getByTestId('order-form-save')));
    expect(screen.getByTestId('field-error-shopId').textContent).toBe(zhCN.errors.validation.required);
    expect(screen.getByTestId('field-error-orderNo').textContent).toBe(zhCN.errors.validation.required);
    expect(screen.getByTestId('field-error-lines.0.sku').textContent).toBe(zhCN.errors.validation.required);
    expect(host.callsOf('orders.save')).toHaveLength(0);
  });

  it('creates a shop on the spot when there is none, then enters the order in it', async () => {
    window.location.hash = '#/orders/new';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    render(<App />);
    expect(await screen.findByTestId('order-form-no-shop')).toBeTruthy();
    fill('shop-form-platform', 'shopify');
    fill('shop-form-name', '独立站');
    fill('shop-form-currency', 'EUR');
    fill('shop-form-timeZone', 'Europe/Berlin');
    await act(async () => fireEvent.click(screen.getByTestId('shop-form-save')));
    expect(host.callsOf('shops.save')).toEqual([
      { platform: 'shopify', name: '独立站', site: null, currency: 'EUR', timeZone: 'Europe/Berlin' },
    ]);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(screen.queryByTestId('shop-form')).toBeNull();
    expect((screen.getByTestId('order-form-shopId') as HTMLSelectElement).value).toBe('100');
    expect((screen.getByTestId('order-form-currency') as HTMLSelectElement).value).toBe('EUR');
    expect(screen.getByText(zhCN.orders.form.orderedAtHelp.replace('{{zone}}', 'Europe/Berlin'))).toBeTruthy();
  });

  it('edits an existing order with its values filled in from orders.get', async () => {
    openAt('#/orders/1/edit');
    await screen.findByTestId('order-form');
    await screen.findByDisplayValue(makeOrder(1).orderNo);
    // 2026-03-01T01:00Z in Los Angeles is 2026-02-28 17:00.
    expect((screen.getByTestId('order-form-orderedAt') as HTMLInputElement).value).toBe('2026-02-28T17:00');
    // 1037 cents over 2 units has no exact unit price: left empty for the person, never guessed.
    expect((screen.getByTestId('order-form-lines-0-unitPrice') as HTMLInputElement).value).toBe('');
    await act(async () => fireEvent.click(screen.getByTestId('order-form-save')));
    expect(screen.getByTestId('field-error-lines.0.unitPrice').textContent).toBe(zhCN.errors.validation.required);
    fireEvent.change(screen.getByTestId('order-form-lines-0-unitPrice'), { target: { value: '5.185' } });
    await act(async () => fireEvent.click(screen.getByTestId('order-form-save')));
    expect(host.callsOf('orders.save')[0]).toMatchObject({
      id: 1,
      shopId: SHOP_US.id,
      orderedAt: '2026-02-28T17:00:00-08:00',
      lines: [{ sku: 'SKU-RED', itemName: '红色杯子', quantity: 2, unitPrice: '5.185' }],
    });
  });
});
