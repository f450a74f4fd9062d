/**
 * The integrity banner (issue 19 point 3): nothing while the check after the first screen is
 * pending or passed; when `app.info` reports the ledger damaged, a banner on every screen names
 * the newest good backup and restores it after a confirming second click.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerIntegrity } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { backupNamed } from '../../../src-renderer/app/IntegrityBanner.tsx';
import { en } from '../../../src-renderer/i18n/locales/en.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { zhTW } from '../../../src-renderer/i18n/locales/zh-TW.ts';
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
const OLDER = { ...DAILY, name: 'daily/ledger-2026-12-05.sqlite', takenAt: '2026-12-05T00:00:00.000Z' };

function appInfo(integrity: LedgerIntegrity) {
  return () => ({
    ok: true as const,
    value: {
      version: '0.1.0-test',
      schemaVersion: 1,
      dataFile: '/data/ledger.sqlite',
      host: 'test' as const,
      integrity,
    },
  });
}

describe('integrity banner', () => {
  it('shows nothing while the check is pending or when it passed', async () => {
    window.location.hash = '#/orders';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['app.info'] = appInfo({ state: 'pending' });
    render(<App />);
    await settle();
    expect(screen.getByTestId('app-shell')).toBeTruthy();
    expect(screen.queryByTestId('integrity-banner')).toBeNull();
    host.overrides['app.info'] = appInfo({ state: 'ok', checkedAt: '2026-12-07T10:00:00.000Z' });
    cleanup();
    render(<App />);
    await settle();
    expect(screen.queryByTestId('integrity-banner')).toBeNull();
  });

  it('says the ledger is damaged and restores the newest good backup after confirming', async () => {
    window.location.hash = '#/orders';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['app.info'] = appInfo({
      state: 'damaged',
      detail: '*** in database main ***\nPage 7: btreeInitPage() returns error code 11',
      newestBackup: `/data/backups/${DAILY.name}`,
      checkedAt: '2026-12-07T10:00:00.000Z',
    });
    host.overrides['maintenance.backups.list'] = () => ({ ok: true, value: [DAILY, OLDER] });
    host.overrides['maintenance.restore'] = ({ name }) => ({
      ok: true,
      value: { keptAside: 'pre-restore/ledger-y.sqlite', restoredFrom: name, schemaFrom: 12, schemaTo: 12 },
    });
    render(<App />);
    await settle();
    await settle();
    const banner = screen.getByTestId('integrity-banner');
    expect(banner.textContent).toContain(zhCN.app.integrity.damaged);
    expect(banner.textContent).toContain(zhCN.app.recover.kinds.daily);
    const restore = screen.getByTestId('integrity-restore');
    expect(restore.getAttribute('data-backup')).toBe(DAILY.name);

    fireEvent.click(restore);
    expect(host.callsOf('maintenance.restore')).toEqual([]); // one click is not enough
    expect(restore.textContent).toBe(zhCN.settings.backups.confirm);
    await act(async () => fireEvent.click(restore));
    await settle();
    expect(host.callsOf('maintenance.restore')).toEqual([{ name: DAILY.name }]);
    expect(screen.getByTestId('integrity-restored').textContent).toContain('pre-restore/ledger-y.sqlite');
  });

  it('says so when no good backup was found, and offers no restore', async () => {
    window.location.hash = '#/dashboard';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['app.info'] = appInfo({ state: 'damaged', detail: 'x', newestBackup: null });
    render(<App />);
    await settle();
    expect(screen.getByTestId('integrity-banner').textContent).toContain(zhCN.app.integrity.noBackup);
    expect(screen.queryByTestId('integrity-restore')).toBeNull();
  });

  it('finds the listed backup a path names, on any platform', () => {
    expect(backupNamed([OLDER, DAILY], `/data/backups/${DAILY.name}`)).toBe(DAILY);
    expect(backupNamed([OLDER, DAILY], 'C:\\data\\backups\\daily\\ledger-2026-12-05.sqlite')).toBe(OLDER);
    expect(backupNamed([OLDER], `/data/backups/${DAILY.name}`)).toBeNull();
  });

  it('is translated in every language', () => {
    for (const locale of [zhCN, zhTW, en]) {
      expect(Object.keys(locale.app.integrity).sort()).toEqual(['damaged', 'noBackup', 'offer', 'restore']);
    }
  });
});
