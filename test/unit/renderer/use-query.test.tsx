/**
 * The renderer's one data hook against the fake bridge: useQuery reads once per command and
 * input however many components ask, reads again on `ledger.changed` only for the areas it
 * names (default: its own), on the events it names, never with `areas: []`, takes the
 * `sync.status` event's payload as the answer, and reads nothing for a null input;
 * useMutation reports pending and the error, and refreshes through the host's event.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src-main/api/contract.ts';
import { areaOf, useMutation, useQuery, type QueryOptions } from '../../../src-renderer/app/use-query.ts';
import { installFakeHost, SHOP_US, VALID_COMPANY, type FakeHost } from './fake-host.ts';

let installed: FakeHost | null = null;

function install(...args: Parameters<typeof installFakeHost>): FakeHost {
  installed = installFakeHost(...args);
  return installed;
}

afterEach(() => {
  cleanup();
  installed?.uninstall();
  installed = null;
});

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function changed(command: string): AppEvent {
  return { name: 'ledger.changed', payload: { command: command as 'shops.save', at: '2026-03-31T00:00:00.000Z' } };
}

function Shops({ id, options }: { readonly id: string; readonly options?: QueryOptions }) {
  const shops = useQuery('shops.list', {}, options);
  return <span data-testid={id}>{shops.data === undefined ? 'loading' : shops.data.map((s) => s.name).join(',')}</span>;
}

describe('useQuery', () => {
  it('names the area of a command by the part before the first dot', () => {
    expect(areaOf('stock.skus.list')).toBe('stock');
    expect(areaOf('payouts.confirm')).toBe('payouts');
  });

  it('reads once for every component asking the same thing, and again only for the areas it names', async () => {
    const host = install({ company: VALID_COMPANY, shops: [SHOP_US] });
    render(
      <>
        <Shops id="a" />
        <Shops id="b" />
      </>,
    );
    await settle();
    expect(host.callsOf('shops.list')).toHaveLength(1);
    expect(screen.getByTestId('b').textContent).toBe(SHOP_US.name);

    act(() => host.emit(changed('orders.save')));
    await settle();
    expect(host.callsOf('shops.list')).toHaveLength(1);

    host.state.shops = [{ ...SHOP_US, name: '改名店' }];
    act(() => host.emit(changed('shops.save')));
    await settle();
    expect(host.callsOf('shops.list')).toHaveLength(2);
    expect(screen.getByTestId('a').textContent).toBe('改名店');
  });

  it('follows the areas and events it is given, and nothing with areas: []', async () => {
    const host = install({ company: VALID_COMPANY, shops: [SHOP_US] });
    const { unmount } = render(<Shops id="a" options={{ areas: ['imports'], events: ['sync.status'] }} />);
    await settle();
    act(() => host.emit(changed('shops.save')));
    act(() => host.emit(changed('imports.confirm')));
    act(() => host.emit({ name: 'sync.status', payload: { state: 'idle', queued: 0, failed: 0 } }));
    await settle();
    expect(host.callsOf('shops.list')).toHaveLength(3);
    unmount();

    render(<Shops id="form" options={{ areas: [] }} />);
    await settle();
    const reads = host.callsOf('shops.list').length;
    act(() => host.emit(changed('shops.save')));
    await settle();
    expect(host.callsOf('shops.list')).toHaveLength(reads);
  });

  it('takes a sync.status event as the answer of the sync.status query', async () => {
    const host = install({ company: VALID_COMPANY, sync: { state: 'offline', queued: 3, failed: 0 } });
    function Status() {
      const status = useQuery('sync.status', {});
      return <span data-testid="status">{status.data ? `${status.data.state}/${status.data.queued}` : ''}</span>;
    }
    render(<Status />);
    await settle();
    expect(screen.getByTestId('status').textContent).toBe('offline/3');
    act(() => host.emit({ name: 'sync.status', payload: { state: 'error', queued: 1, failed: 4 } }));
    expect(screen.getByTestId('status').textContent).toBe('error/1');
    expect(host.callsOf('sync.status')).toHaveLength(1);
  });

  it('reads nothing while the input is null', async () => {
    const host = install({ company: VALID_COMPANY });
    function Order({ id }: { readonly id: number | null }) {
      const order = useQuery('orders.get', id === null ? null : { id });
      return <span data-testid="order">{order.loading ? 'loading' : (order.error?.code ?? 'none')}</span>;
    }
    render(<Order id={null} />);
    await settle();
    expect(host.callsOf('orders.get')).toEqual([]);
    expect(screen.getByTestId('order').textContent).toBe('none');
  });
});

describe('useMutation', () => {
  it('runs the command, reports its error, and the queries follow the host’s ledger.changed', async () => {
    const host = install({ company: VALID_COMPANY, shops: [] });
    let save: ReturnType<typeof useMutation<'shops.save'>> | null = null;
    function Editor() {
      save = useMutation('shops.save');
      return <span data-testid="error">{save.error?.code ?? ''}</span>;
    }
    render(
      <>
        <Shops id="list" />
        <Editor />
      </>,
    );
    await settle();
    await act(async () => {
      const result = await save!.run({
        platform: 'shopify',
        name: '独立站',
        site: null,
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
      });
      expect(result.ok).toBe(true);
    });
    await settle();
    expect(screen.getByTestId('list').textContent).toBe('独立站');

    host.overrides['shops.save'] = () => ({ ok: false, error: { code: 'shops.badTimeZone', params: {} } });
    await act(async () => {
      await save!.run({ platform: 'shopify', name: 'x', site: null, currency: 'EUR', timeZone: 'Mars/Base' });
    });
    expect(screen.getByTestId('error').textContent).toBe('shops.badTimeZone');
    expect(save!.pending).toBe(false);
  });
});
