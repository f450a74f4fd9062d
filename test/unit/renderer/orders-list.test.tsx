/**
 * The orders list against a fake bridge: rows from `orders.list` in a virtualised table
 * (only what is in view is rendered), the next keyset page asked for as the user scrolls to
 * the end, the total from `orders.count`, sort headers that toggle the `sort` sent, filters
 * sent to the host (search after a pause in typing), bulk customs mode, the empty state,
 * and a refetch when the ledger changes.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src-renderer/app/App.tsx';
import { ORDERS_PAGE_SIZE } from '../../../src-renderer/state/orders-slice.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { installFakeHost, makeOrder, makeOrders, SHOP_JP, SHOP_US, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { stubViewport, type LayoutStub } from './layout-stub.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;
let layout: LayoutStub;

beforeEach(async () => {
  await resetRenderer();
  window.location.hash = '#/orders';
  resetAppStore();
  layout = stubViewport('orders-list', { width: 1000, height: 360 });
});

afterEach(() => {
  cleanup(); // unmount while the fake bridge is still installed (the wizard discards on unmount)
  layout.restore();
  host.uninstall();
  vi.useRealTimers();
});

async function openOrders(orders = makeOrders(250)): Promise<HTMLElement> {
  host = installFakeHost({ company: VALID_COMPANY, shops: [SHOP_US, SHOP_JP], orders });
  render(<App />);
  return screen.findByTestId('orders-page');
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function renderedRows(): HTMLElement[] {
  return within(screen.getByTestId('orders-list')).queryAllByTestId(/^orders-row-/);
}

describe('orders list', () => {
  it('renders the rows of the first page, newest first, with translated status, formatted money and the total', async () => {
    await openOrders();
    await screen.findByTestId(`orders-row-${makeOrder(250).orderNo}`);
    expect(host.callsOf('orders.list')[0]).toEqual({
      filter: {},
      sort: '-orderedAt',
      limit: ORDERS_PAGE_SIZE,
      cursor: null,
    });
    expect(screen.getByTestId('orders-total').textContent).toBe(zhCN.orders.total.replace('{{total}}', '250'));

    const row = screen.getByTestId(`orders-row-${makeOrder(250).orderNo}`);
    expect(row.textContent).toContain(SHOP_US.name);
    expect(row.textContent).toContain(zhCN.orders.statuses.shipped);
    expect(row.textContent).toContain('US$102.50'); // 1000 + 250 × 37 = 10250 cents
    // Cancelled orders carry the marker with the rule as tooltip.
    const cancelled = screen.getByTestId(`orders-row-${makeOrder(245).orderNo}`);
    const marker = within(cancelled).getByTestId(`orders-excluded-${makeOrder(245).orderNo}`);
    expect(marker.textContent).toBe(zhCN.orders.exclusions.cancelled);
    expect(marker.getAttribute('title')).toBe(zhCN.orders.exclusionHelp.cancelled);

    // Virtualised: far fewer rows in the DOM than loaded.
    const count = renderedRows().length;
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(40);
  });

  it('asks for the next page with the cursor when scrolled to the end, and never loads everything up front', async () => {
    await openOrders();
    await screen.findByTestId(`orders-row-${makeOrder(250).orderNo}`);
    await settle();
    expect(host.callsOf('orders.list')).toHaveLength(1);

    const list = screen.getByTestId('orders-list');
    await act(async () => {
      list.scrollTop = 99 * 36 - 360; // bottom of the first page
      fireEvent.scroll(list);
    });
    await settle();
    const calls = host.callsOf('orders.list');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({
      filter: {},
      sort: '-orderedAt',
      limit: ORDERS_PAGE_SIZE,
      cursor: String(ORDERS_PAGE_SIZE),
    });
    await act(async () => {
      list.scrollTop = 190 * 36;
      fireEvent.scroll(list);
    });
    await settle();
    expect(host.callsOf('orders.list')).toHaveLength(3);
    // The end: the oldest order is shown and nothing more is asked for.
    await act(async () => {
      list.scrollTop = 250 * 36 - 360;
      fireEvent.scroll(list);
    });
    await settle();
    expect(await screen.findByTestId(`orders-row-${makeOrder(1).orderNo}`)).toBeTruthy();
    expect(host.callsOf('orders.list')).toHaveLength(3);
  });

  it('reuses the row elements as the list scrolls, in screen order, each showing its new order (issue 19)', async () => {
    await openOrders();
    await screen.findByTestId(`orders-row-${makeOrder(250).orderNo}`);
    await settle();
    const before = renderedRows();
    const list = screen.getByTestId('orders-list');
    await act(async () => {
      list.scrollTop = 40 * 36; // a whole screen and more further down: every row leaves the view
      fireEvent.scroll(list);
    });
    await settle();
    const after = renderedRows();
    expect(after[0]?.getAttribute('data-order-id')).not.toBe(before[0]?.getAttribute('data-order-id'));
    // the same elements, now with other orders: none was built anew
    expect(after.filter((row) => before.includes(row))).toHaveLength(Math.min(before.length, after.length));
    const indexes = after.map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(indexes).toEqual([...indexes].sort((x, y) => x - y));
    for (const row of after) {
      const order = makeOrder(250 - (Number(row.getAttribute('aria-rowindex')) - 2));
      expect(row.getAttribute('data-testid')).toBe(`orders-row-${order.orderNo}`);
      expect(within(row).getByRole('link').textContent).toBe(order.orderNo);
    }
  });

  it('lets go of the focus when the focused row element is reused for another order (Space never ticks the wrong order)', async () => {
    await openOrders();
    const first = makeOrder(250);
    await screen.findByTestId(`orders-row-${first.orderNo}`);
    await settle();
    const box = screen.getByTestId(`orders-select-${first.id}`);
    box.focus();
    expect(document.activeElement).toBe(box);
    const list = screen.getByTestId('orders-list');
    await act(async () => {
      list.scrollTop = 40 * 36;
      fireEvent.scroll(list);
    });
    await settle();
    // the element may now show another order; the focus must not stay on it
    expect(box.closest('[data-order-id]')?.getAttribute('data-order-id')).not.toBe(String(first.id));
    expect(document.activeElement).not.toBe(box);
  });

  it('toggles the sort sent when a column header is clicked again, and starts a new column descending', async () => {
    await openOrders();
    await screen.findByTestId(`orders-row-${makeOrder(250).orderNo}`);
    const header = screen.getByTestId('orders-sort-orderedAt');
    expect(header.closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('descending');

    await act(async () => fireEvent.click(header));
    expect(host.callsOf('orders.list').at(-1)?.sort).toBe('orderedAt');
    expect(
      screen.getByTestId('orders-sort-orderedAt').closest('[role="columnheader"]')?.getAttribute('aria-sort'),
    ).toBe('ascending');
    await screen.findByTestId(`orders-row-${makeOrder(1).orderNo}`);

    await act(async () => fireEvent.click(screen.getByTestId('orders-sort-orderedAt')));
    expect(host.callsOf('orders.list').at(-1)?.sort).toBe('-orderedAt');

    await act(async () => fireEvent.click(screen.getByTestId('orders-sort-gross')));
    expect(host.callsOf('orders.list').at(-1)?.sort).toBe('-gross');
    await act(async () => fireEvent.click(screen.getByTestId('orders-sort-gross')));
    expect(host.callsOf('orders.list').at(-1)?.sort).toBe('gross');
    await act(async () => fireEvent.click(screen.getByTestId('orders-sort-orderNo')));
    expect(host.callsOf('orders.list').at(-1)).toEqual({
      filter: {},
      sort: 'orderNo',
      limit: ORDERS_PAGE_SIZE,
      cursor: null,
    });
  });

  it('sends each filter to orders.list and orders.count, the search only after a pause in typing', async () => {
    await openOrders();
    await screen.findByTestId(`orders-row-${makeOrder(250).orderNo}`);

    await act(async () =>
      fireEvent.change(screen.getByTestId('orders-filter-shop'), { target: { value: String(SHOP_US.id) } }),
    );
    await act(async () =>
      fireEvent.change(screen.getByTestId('orders-filter-status'), { target: { value: 'cancelled' } }),
    );
    await act(async () =>
      fireEvent.change(screen.getByTestId('orders-filter-customsMode'), { target: { value: '9610' } }),
    );
    await act(async () =>
      fireEvent.change(screen.getByTestId('orders-filter-from'), { target: { value: '2026-03-02' } }),
    );
    await act(async () =>
      fireEvent.change(screen.getByTestId('orders-filter-to'), { target: { value: '2026-03-09' } }),
    );
    await act(async () => fireEvent.change(screen.getByTestId('orders-filter-country'), { target: { value: 'u' } }));
    const beforeCountry = host.callsOf('orders.list').length;
    await act(async () => fireEvent.change(screen.getByTestId('orders-filter-country'), { target: { value: 'us' } }));
    expect(host.callsOf('orders.list').length).toBe(beforeCountry + 1); // 'u' alone was not sent

    const expected = {
      shopId: SHOP_US.id,
      status: 'cancelled',
      customsMode: '9610',
      from: '2026-03-02',
      to: '2026-03-09',
      country: 'US',
    };
    expect(host.callsOf('orders.list').at(-1)).toEqual({
      filter: expected,
      sort: '-orderedAt',
      limit: ORDERS_PAGE_SIZE,
      cursor: null,
    });
    expect(host.callsOf('orders.count').at(-1)).toEqual({ filter: expected });

    vi.useFakeTimers();
    const before = host.callsOf('orders.list').length;
    fireEvent.change(screen.getByTestId('orders-filter-q'), { target: { value: '111-00' } });
    fireEvent.change(screen.getByTestId('orders-filter-q'), { target: { value: '111-0000042' } });
    await act(async () => {
      vi.advanceTimersByTime(100);
    });
    expect(host.callsOf('orders.list').length).toBe(before);
    await act(async () => {
      vi.advanceTimersByTime(300);
    });
    vi.useRealTimers();
    await settle();
    expect(host.callsOf('orders.list').length).toBe(before + 1);
    expect(host.callsOf('orders.list').at(-1)?.filter).toEqual({ ...expected, q: '111-0000042' });
    // Only order 42 is cancelled, in that window and matching the text.
    expect(screen.getByTestId('orders-total').textContent).toBe(zhCN.orders.total.replace('{{total}}', '1'));

    await act(async () => fireEvent.click(screen.getByTestId('orders-filter-clear')));
    expect(host.callsOf('orders.list').at(-1)?.filter).toEqual({});
    expect((screen.getByTestId('orders-filter-q') as HTMLInputElement).value).toBe('');
  });

  it('changes the customs mode of the selected rows in one call and refetches', async () => {
    const orders = makeOrders(30).map((o) => ({ ...o, customsMode: null }));
    await openOrders(orders);
    await screen.findByTestId(`orders-row-${orders[29]!.orderNo}`);
    expect((screen.getByTestId('orders-bulk-apply') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('orders-select-30'));
    fireEvent.click(screen.getByTestId('orders-select-28'));
    expect(screen.getByTestId('orders-selected-count').textContent).toBe(
      zhCN.orders.selection.selected.replace('{{count}}', '2'),
    );
    fireEvent.change(screen.getByTestId('orders-bulk-mode'), { target: { value: '9810' } });
    const listCalls = host.callsOf('orders.list').length;
    await act(async () => fireEvent.click(screen.getByTestId('orders-bulk-apply')));

    expect(host.callsOf('orders.setCustomsMode')).toEqual([{ ids: [30, 28], mode: '9810' }]);
    expect(screen.getByTestId('orders-bulk-done').textContent).toBe(zhCN.orders.bulk.done.replace('{{count}}', '2'));
    expect(host.callsOf('orders.list').length).toBe(listCalls + 1);
    expect(within(screen.getByTestId(`orders-row-${orders[29]!.orderNo}`)).getByText('9810')).toBeTruthy();
    expect((screen.getByTestId('orders-select-30') as HTMLInputElement).checked).toBe(false);
  });

  it('selects all rows on screen (not the whole ledger) with the header checkbox', async () => {
    await openOrders();
    await screen.findByTestId(`orders-row-${makeOrder(250).orderNo}`);
    fireEvent.click(screen.getByTestId('orders-select-visible'));
    const selected = Number(screen.getByTestId('orders-selected-count').textContent?.replace(/\D/g, ''));
    expect(selected).toBe(10); // 360 px / 36 px rows
    expect((screen.getByTestId('orders-select-250') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('orders-select-visible'));
    expect(screen.queryByTestId('orders-selected-count')).toBeNull();
  });

  it('shows the empty state with 导入订单 and 手工录入 when the ledger has no orders', async () => {
    await openOrders([]);
    const empty = await screen.findByText(zhCN.orders.empty.title);
    expect(empty).toBeTruthy();
    fireEvent.click(screen.getByTestId('orders-empty-import'));
    expect(await screen.findByTestId('import-wizard')).toBeTruthy();
    expect(window.location.hash).toBe('#/orders/import');
  });

  it('refetches the list and the total when the ledger changes', async () => {
    await openOrders(makeOrders(3));
    await screen.findByTestId(`orders-row-${makeOrder(3).orderNo}`);
    host.state.orders = makeOrders(4);
    await act(async () => {
      host.emit({ name: 'ledger.changed', payload: { command: 'imports.confirm', at: '2026-03-05T00:00:00Z' } });
    });
    await settle();
    expect(await screen.findByTestId(`orders-row-${makeOrder(4).orderNo}`)).toBeTruthy();
    expect(screen.getByTestId('orders-total').textContent).toBe(zhCN.orders.total.replace('{{total}}', '4'));
  });

  it('shows why the list could not be loaded and retries', async () => {
    host = installFakeHost({ company: VALID_COMPANY, orders: makeOrders(2) });
    host.overrides['orders.list'] = () => ({ ok: false, error: { code: 'notImplemented', params: {} } });
    render(<App />);
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toBe(zhCN.errors.notImplemented);
    delete host.overrides['orders.list'];
    await act(async () => fireEvent.click(screen.getByText(zhCN.orders.actions.retry)));
    expect(await screen.findByTestId(`orders-row-${makeOrder(2).orderNo}`)).toBeTruthy();
  });
});
