/**
 * Settings → 备份与恢复 against a fake bridge: the backups listed with their kind, a copy taken
 * now, and restore only after the confirming second click, with the kept-aside copy named.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

const DAILY = {
  kind: 'daily' as const,
  name: 'daily/ledger-2026-12-06.sqlite',
  bytes: 2_097_152,
  takenAt: '2026-12-06T00:00:00.000Z',
};

describe('settings backups', () => {
  it('lists backups, takes one now, and restores only after confirming', async () => {
    window.location.hash = '#/settings';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['maintenance.backups.list'] = () => ({ ok: true, value: [DAILY] });
    host.overrides['maintenance.backup.now'] = () => ({
      ok: true,
      value: { kind: 'manual', name: 'manual/ledger-x.sqlite', bytes: 10, takenAt: '2026-12-07T00:00:00.000Z' },
    });
    host.overrides['maintenance.restore'] = ({ name }) => ({
      ok: true,
      value: { keptAside: 'pre-restore/ledger-y.sqlite', restoredFrom: name, schemaFrom: 12, schemaTo: 12 },
    });
    render(<App />);
    await settle();
    const row = screen.getByTestId(`backup-${DAILY.name}`);
    expect(row.textContent).toContain(zhCN.settings.backups.kinds.daily);

    await act(async () => fireEvent.click(screen.getByTestId('settings-backup-now')));
    await settle();
    expect(host.callsOf('maintenance.backup.now')).toEqual([{}]);
    expect(screen.getByTestId('settings-backups-done').textContent).toContain('manual/ledger-x.sqlite');

    fireEvent.click(screen.getByTestId(`backup-restore-${DAILY.name}`));
    expect(host.callsOf('maintenance.restore')).toEqual([]); // one click is not enough
    await act(async () => fireEvent.click(screen.getByTestId(`backup-restore-confirm-${DAILY.name}`)));
    await settle();
    expect(host.callsOf('maintenance.restore')).toEqual([{ name: DAILY.name }]);
    expect(screen.getByTestId('settings-backups-done').textContent).toContain('pre-restore/ledger-y.sqlite');
  });
});
