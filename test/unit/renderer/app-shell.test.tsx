/**
 * The app shell against a fake bridge: the page follows the URL hash, the sync indicator
 * follows `sync.status`, `ledger.changed` refetches the company, and a ledger that cannot
 * be opened shows why with a retry.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App.tsx';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { FEATURES } from '../../../src-renderer/state/routes.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;

beforeEach(async () => {
  await resetRenderer();
});

afterEach(() => {
  host.uninstall();
});

describe('app shell', () => {
  it('opens the page named in the URL hash and writes the hash when another page is chosen', async () => {
    window.location.hash = '#/settings';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    render(<App />);
    await screen.findByTestId('page-settings');
    expect((screen.getByTestId('field-uscc') as HTMLInputElement).value).toBe(VALID_COMPANY.uscc);

    fireEvent.click(screen.getByTestId('nav-sync'));
    expect(screen.getByTestId('page-sync')).toBeTruthy();
    expect(window.location.hash).toBe('#/sync');
    expect(screen.getByTestId('nav-sync').getAttribute('aria-current')).toBe('page');
  });

  it('shows a page with an honest empty state for every feature', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    render(<App />);
    await screen.findByTestId('app-shell');
    for (const feature of FEATURES) {
      fireEvent.click(screen.getByTestId(`nav-${feature}`));
      expect(screen.getByTestId(`page-${feature}`)).toBeTruthy();
    }
    fireEvent.click(screen.getByTestId('nav-orders'));
    expect(await screen.findByText(zhCN.orders.empty.body)).toBeTruthy();
    expect(screen.getByTestId('orders-empty-import').textContent).toBe(zhCN.orders.actions.import);
  });

  it('follows sync.status events in the indicator and on the sync page', async () => {
    host = installFakeHost({ company: VALID_COMPANY, sync: { state: 'offline', queued: 3, failed: 0 } });
    render(<App />);
    await screen.findByTestId('app-shell');
    await screen.findByText(zhCN.sync.indicator.offlineQueued.replace('{{count}}', '3'));

    act(() => host.emit({ name: 'sync.status', payload: { state: 'error', queued: 1, failed: 4 } }));
    expect(screen.getByTestId('sync-indicator').textContent).toBe(zhCN.sync.indicator.error.replace('{{count}}', '4'));

    fireEvent.click(screen.getByTestId('sync-indicator'));
    expect(screen.getByTestId('sync-queued').textContent).toBe('1');
    expect(screen.getByTestId('sync-failed').textContent).toBe('4');
  });

  it('refetches the company when the ledger changes', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    render(<App />);
    await screen.findByTestId('app-shell');
    host.state.company = { ...VALID_COMPANY, name: '新名称有限公司', version: 2 };
    await act(async () => {
      host.emit({ name: 'ledger.changed', payload: { command: 'company.save', at: '2025-03-03T00:00:00Z' } });
    });
    expect(screen.getByTestId('company-name').textContent).toBe('新名称有限公司');
  });

  it('leaves the first-run screen when another window saves the company', async () => {
    host = installFakeHost();
    render(<App />);
    await screen.findByTestId('company-form');
    host.state.company = VALID_COMPANY;
    await act(async () => {
      host.emit({ name: 'ledger.changed', payload: { command: 'company.save', at: '2025-03-03T00:00:00Z' } });
    });
    expect(screen.getByTestId('app-shell')).toBeTruthy();
  });

  it('saves an edited profile from the settings page as a new version', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    render(<App />);
    await screen.findByTestId('app-shell');
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.change(screen.getByTestId('field-dxpId'), { target: { value: 'dxp0001' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('company-save'));
    });
    expect(host.callsOf('company.save')).toEqual([expect.objectContaining({ dxpId: 'dxp0001', pilotZone: 'zhuzhou' })]);
    expect(screen.getByTestId('company-saved').textContent).toContain('2');
    expect((screen.getByTestId('field-dxpId') as HTMLInputElement).value).toBe('DXP0001');
  });

  it('explains a ledger that cannot be opened and retries on request', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['settings.get'] = () => ({ ok: false, error: { code: 'db.alreadyOpen', params: {} } });
    render(<App />);
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toBe(zhCN.errors.db.alreadyOpen);
    expect(screen.queryByTestId('app-shell')).toBeNull();

    delete host.overrides['settings.get'];
    await act(async () => {
      fireEvent.click(screen.getByText(zhCN.app.retry));
    });
    expect(screen.getByTestId('app-shell')).toBeTruthy();
  });
});
