/**
 * The Sync and training screens against a fake bridge: the transport form (a platform URL is
 * checked before it is sent), "sync now" with a progress bar driven by `sync.progress` events
 * and the pass's counts afterwards, the outbox by status with attempts and last error and the
 * retry of selected failures, the receipts list, the top-bar indicator that still opens the
 * page, and training mode: the in-app practice platform (start, address and counters, stop),
 * the declaration cycle with links, and pointing the sync at a local practice platform only.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRunSummary } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;

beforeEach(async () => {
  await resetRenderer();
});

afterEach(() => {
  cleanup();
  host.uninstall();
});

function open(hash: string): void {
  window.location.hash = hash;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY, sync: { state: 'offline', queued: 3, failed: 1 } });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('sync screens', () => {
  it('checks and saves the platform transport, which enables sync now', async () => {
    open('#/sync');
    render(<App />);
    await settle();
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('sync-mode'), { target: { value: 'platform' } });
    fireEvent.change(screen.getByTestId('sync-url'), { target: { value: 'not a url' } });
    await act(async () => fireEvent.click(screen.getByTestId('sync-transport-save')));
    expect(screen.getByTestId('field-error-syncUrl').textContent).toBe(zhCN.errors.validation.invalid);
    expect(host.callsOf('sync.configure')).toEqual([]);
    fireEvent.change(screen.getByTestId('sync-url'), { target: { value: 'http://127.0.0.1:8790' } });
    fireEvent.change(screen.getByTestId('sync-signer'), { target: { value: 'sm2Practice' } });
    await act(async () => fireEvent.click(screen.getByTestId('sync-transport-save')));
    await settle();
    expect(host.callsOf('sync.configure')).toEqual([
      {
        mode: 'platform',
        url: 'http://127.0.0.1:8790',
        dir: null,
        signer: { kind: 'sm2Practice', url: null, dir: null },
        intervalSeconds: 60,
      },
    ]);
    expect(screen.getByTestId('sync-transport-saved')).toBeTruthy();
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the progress of a pass from sync.progress events, then its counts', async () => {
    open('#/sync');
    let finish: (summary: SyncRunSummary) => void = () => undefined;
    host.overrides['sync.getConfig'] = () => ({
      ok: true,
      value: {
        mode: 'platform',
        url: 'http://127.0.0.1:8790',
        dir: null,
        signer: { kind: 'none', url: null, dir: null },
        intervalSeconds: 60,
      },
    });
    host.overrides['sync.now'] = () =>
      new Promise((resolve) => {
        finish = (value) => resolve({ ok: true, value });
      });
    render(<App />);
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('sync-now')));
    act(() =>
      host.emit({
        name: 'sync.progress',
        payload: { phase: 'sending', sent: 30, failed: 10, receipts: 0, queued: 60 },
      }),
    );
    const bar = within(screen.getByTestId('sync-progress')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(screen.getByTestId('sync-progress').textContent).toContain(zhCN.syncCenter.now.phases.sending);
    await act(async () =>
      finish({
        sent: 90,
        duplicates: 1,
        rejected: 0,
        retried: 4,
        failed: 10,
        receipts: 95,
        duplicateReceipts: 2,
        quarantined: 0,
        queued: 0,
        errors: ['HTTP 500 from platform'],
      }),
    );
    await settle();
    expect(screen.queryByTestId('sync-progress')).toBeNull();
    const summary = screen.getByTestId('sync-summary');
    expect(summary.getAttribute('data-sent')).toBe('90');
    expect(summary.textContent).toContain('保存回执 95 份');
    expect(screen.getByTestId('sync-errors').textContent).toContain('HTTP 500 from platform');
  });

  it('lists failed outbox rows with attempts and last error and retries the selected ones', async () => {
    open('#/sync');
    render(<App />);
    await settle();
    expect(host.callsOf('sync.outbox.list').at(-1)).toEqual({ status: 'queued', offset: 0, limit: 50 });
    await act(async () => fireEvent.click(screen.getByTestId('sync-outbox-failed')));
    await settle();
    expect(host.callsOf('sync.outbox.list').at(-1)).toEqual({ status: 'failed', offset: 0, limit: 50 });
    const row = screen.getByTestId('sync-outbox-row-2');
    expect(row.textContent).toContain('10');
    expect(row.textContent).toContain('itemNo too long');
    expect(row.textContent).toContain(zhCN.syncCenter.outbox.statuses.failed);
    expect((screen.getByTestId('sync-retry-selected') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('sync-select-2'));
    await act(async () => fireEvent.click(screen.getByTestId('sync-retry-selected')));
    await settle();
    expect(host.callsOf('sync.outbox.retry')).toEqual([{ ids: [2] }]);
    expect(screen.getByTestId('sync-requeued').textContent).toContain('1');
    expect(screen.getByTestId('sync-receipt-1').textContent).toContain('CEB304');
  });

  it('lists receipts set aside as unreadable with the translated reason, and shows nothing when there are none', async () => {
    open('#/sync');
    render(<App />);
    await settle();
    expect(screen.queryByTestId('sync-quarantine')).toBeNull();
    cleanup();
    host.uninstall();
    open('#/sync');
    host.overrides['sync.quarantine.list'] = () => ({
      ok: true,
      value: {
        total: 1,
        items: [
          {
            id: 7,
            transport: 'exchangeDir',
            source: 'a-hostile.xml',
            code: 'sync.receipt.unsafe',
            params: {},
            size: 300,
            quarantinedAt: '2026-03-01T08:00:00.000Z',
          },
        ],
      },
    });
    render(<App />);
    await settle();
    const row = screen.getByTestId('sync-quarantine-7');
    expect(row.textContent).toContain('a-hostile.xml');
    expect(row.textContent).toContain(zhCN.errors.sync.receipt.unsafe);
    expect(row.textContent).toContain(zhCN.syncCenter.quarantine.inRejected);
  });

  it('keeps the top-bar indicator working: it shows the queue and opens the Sync screen', async () => {
    open('#/orders');
    render(<App />);
    const indicator = await screen.findByTestId('sync-indicator');
    await settle();
    expect(indicator.textContent).toContain('3');
    await act(async () => fireEvent.click(indicator));
    await settle();
    expect(screen.getByTestId('page-sync')).toBeTruthy();
    expect(screen.getByTestId('sync-queued').textContent).toBe('3');
  });

  it('training mode points the sync at a local practice platform only', async () => {
    open('#/training');
    render(<App />);
    await settle();
    expect(screen.getByTestId('practice-start-command').textContent).toContain('kuajing practice-platform --port');
    expect(screen.getByTestId('practice-current-text').textContent).toBe(zhCN.practice.current.off);
    fireEvent.change(screen.getByTestId('practice-url'), { target: { value: 'https://platform.example.com' } });
    await act(async () => fireEvent.click(screen.getByTestId('practice-connect-submit')));
    expect(screen.getByTestId('field-error-practiceUrl')).toBeTruthy();
    expect(host.callsOf('sync.configure')).toEqual([]);
    fireEvent.change(screen.getByTestId('practice-url'), { target: { value: 'http://127.0.0.1:41234/' } });
    await act(async () => fireEvent.click(screen.getByTestId('practice-connect-submit')));
    await settle();
    expect(host.callsOf('sync.configure')).toEqual([
      { mode: 'platform', url: 'http://127.0.0.1:41234', signer: { kind: 'sm2Practice' } },
    ]);
    expect(screen.getByTestId('practice-connected')).toBeTruthy();
    expect(screen.getByTestId('practice-current-text').textContent).toContain('http://127.0.0.1:41234');
  });

  it('training mode starts the in-app practice platform, shows its address and counters, and stops it (sync off)', async () => {
    open('#/training');
    render(<App />);
    await settle();
    expect(screen.getByTestId('practice-stopped').textContent).toBe(zhCN.practice.inApp.stopped);
    await act(async () => fireEvent.click(screen.getByTestId('practice-start')));
    await settle();
    expect(host.callsOf('training.practice.start')).toEqual([{}]);
    expect(screen.getByTestId('practice-address').textContent).toBe('http://127.0.0.1:40123');
    expect(screen.getByTestId('practice-counter-keys').textContent).toBe('0');
    expect(screen.getByTestId('practice-current-text').textContent).toContain('http://127.0.0.1:40123');
    await act(async () => fireEvent.click(screen.getByTestId('practice-stop')));
    await settle();
    expect(host.callsOf('training.practice.stop')).toEqual([{}]);
    expect(screen.getByTestId('practice-stopped')).toBeTruthy();
    expect(screen.getByTestId('practice-current-text').textContent).toBe(zhCN.practice.current.off);
  });

  it('training mode lists the cycle import → pre-check → build → sync → receipts → summary, each opening its screen', async () => {
    open('#/training');
    render(<App />);
    await settle();
    const links = within(screen.getByTestId('practice-cycle')).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#/orders/import',
      '#/customs/build',
      '#/customs/build',
      '#/sync',
      '#/customs/documents',
      '#/customs/summary',
    ]);
    await act(async () => fireEvent.click(screen.getByTestId('practice-cycle-summary')));
    await settle();
    expect(screen.getByTestId('page-customs')).toBeTruthy();
    expect(screen.getByTestId('customs-tab-summary').getAttribute('aria-current')).toBe('page');
  });
});
