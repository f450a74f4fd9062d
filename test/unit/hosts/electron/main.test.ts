import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspace, LEDGER_FILE } from '../../../../src-main/api/workspace.ts';
import { CONTENT_SECURITY_POLICY } from '../../../../src-main/hosts/electron/security.ts';
import type * as MainNs from '../../../../src-main/hosts/electron/main.ts';
import type { ElectronDeps, StartedApp } from '../../../../src-main/hosts/electron/main.ts';
import { createFakeElectron, electronFake, navigationEvent } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronFake);

const tmpDirs: string[] = [];
function tmpDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

type MainModule = typeof MainNs;
const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

describe('main.ts started by Electron (--data-dir)', () => {
  let main: MainModule;
  let started: StartedApp | null;
  let dataDir: string;
  let calls: { order: string[]; loadURL: unknown[][]; windowsOptions: unknown[] };

  beforeAll(async () => {
    dataDir = tmpDir('kj-main-');
    const argv = process.argv;
    process.argv = [...argv, '--data-dir', dataDir];
    try {
      main = await import('../../../../src-main/hosts/electron/main.ts');
      started = await main.started;
    } finally {
      process.argv = argv;
    }
    // Vitest 5 clears mock calls before each test: keep what startup did.
    const at = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0] ?? Infinity;
    const steps = {
      lock: at(electronFake.app.requestSingleInstanceLock),
      scheme: at(electronFake.protocol.registerSchemesAsPrivileged),
      sandbox: at(electronFake.app.enableSandbox),
      ready: at(electronFake.app.whenReady),
      serve: at(electronFake.protocol.handle),
      ipc: at(electronFake.ipcMain.handle),
    };
    calls = {
      order: Object.entries(steps)
        .sort((a, b) => a[1] - b[1])
        .map(([k]) => k),
      loadURL: electronFake.windows.flatMap((w) => w.loadURL.mock.calls),
      windowsOptions: electronFake.windows.map((w) => w.options),
    };
  });

  afterAll(() => started?.stop());

  it('opens the workspace in the given data folder and creates one secure window on app://kuajing', () => {
    expect(started).not.toBeNull();
    expect(started!.dataDir).toBe(path.resolve(dataDir));
    expect(started!.served.recovering()).toBe(false);
    expect(started!.served.company()!.dataDir).toBe(path.resolve(dataDir));
    expect(fs.existsSync(path.join(dataDir, LEDGER_FILE))).toBe(true);
    expect(calls.windowsOptions).toHaveLength(1);
    const options = calls.windowsOptions[0] as Record<string, unknown> & { webPreferences: Record<string, unknown> };
    expect(options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      title: '跨境台账 Kuajing Ledger',
      show: false,
    });
    expect(options.webPreferences).toMatchObject(SECURE);
    expect(String(options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(calls.loadURL).toEqual([['app://kuajing/index.html']]);
  });

  it('takes the single-instance lock and registers the scheme before ready, the protocol and IPC after', () => {
    expect(calls.order).toEqual(['lock', 'scheme', 'sandbox', 'ready', 'serve', 'ipc']);
  });

  it('hardens the window and shows it only when ready to show', () => {
    const win = electronFake.windows[0]!;
    expect(win.webContents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const nav = navigationEvent('https://evil.example/');
    win.webContents.emit('will-navigate', nav, nav.url);
    expect(nav.preventDefault).toHaveBeenCalled();
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('serves the renderer folder on app:// with the CSP', async () => {
    const handler = electronFake.protocol.handlers.get('app')!;
    const res = await handler(new Request('app://kuajing/../../package.json'));
    expect([403, 404]).toContain(res.status);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers commands from its window and refuses other senders', async () => {
    const win = electronFake.windows[0]!;
    const handler = electronFake.ipcMain.handlers.get('kuajing:command')!;
    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(await handler(trusted, 'company.get', {})).toEqual({ ok: true, value: null });
    expect(await handler(trusted, 'app.info', {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    const foreign = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await handler(foreign, 'company.get', {})).toMatchObject({
      ok: false,
      error: { code: 'request.forbidden' },
    });
  });

  it('switches to a training sandbox and back over the same bridge, keeping the company workspace open (issue 18)', async () => {
    const win = electronFake.windows[0]!;
    const handler = electronFake.ipcMain.handlers.get('kuajing:command')!;
    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const call = (name: string, input: unknown) => handler(trusted, name, input);
    expect(await call('training.sandboxes.create', { name: 'trainee-e', scenario: 'parcel-9610' })).toMatchObject({
      ok: true,
    });
    expect(await call('training.workspace.switch', { to: 'sandbox', name: 'trainee-e' })).toMatchObject({
      ok: true,
      value: { workspace: 'sandbox', dataDir: path.join(dataDir, 'sandboxes', 'trainee-e') },
    });
    expect(await call('training.sandbox.get', {})).toMatchObject({ ok: true, value: { name: 'trainee-e' } });
    expect(started!.served.company()!.dataDir).toBe(dataDir); // the company workspace stays open
    expect(await call('training.workspace.switch', { to: 'company' })).toMatchObject({
      ok: true,
      value: { workspace: 'company' },
    });
    expect(await call('training.sandbox.get', {})).toEqual({ ok: true, value: null });
  }, 30_000);

  it('focuses the existing window when a second instance starts', () => {
    const win = electronFake.windows[0]!;
    electronFake.app.emit('second-instance', {}, [], '');
    expect(win.focus).toHaveBeenCalled();
    expect(electronFake.windows).toHaveLength(1);
  });

  it('closes the workspace on will-quit, releasing the data folder', async () => {
    electronFake.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(electronFake.ipcMain.handlers.size).toBe(0);
    const again = await openWorkspace({ dataDir, host: 'test' });
    again.close();
  });
});

describe('startElectronApp', () => {
  let startElectronApp: MainModule['startElectronApp'];
  let appLayout: MainModule['appLayout'];
  beforeAll(async () => {
    ({ startElectronApp, appLayout } = await import('../../../../src-main/hosts/electron/main.ts'));
  });

  const sourceLayout = () => appLayout(path.resolve('src-main/hosts/electron/main.ts'));

  it('shows a bilingual error and exits with code 1 when another process has the data folder', async () => {
    const dataDir = tmpDir('kj-busy-');
    const other = await openWorkspace({ dataDir, host: 'web' });
    try {
      const electron = createFakeElectron();
      const res = await startElectronApp(
        ['electron', '.', '--data-dir', dataDir],
        electron as unknown as ElectronDeps,
        sourceLayout(),
      );
      expect(res).toBeNull();
      expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
      const [title, body] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
      expect(title).toContain('跨境台账');
      expect(body).toContain('已被另一个程序打开');
      expect(body).toContain('already open in another program');
      expect(body).toContain(path.resolve(dataDir));
      expect(electron.app.exit).toHaveBeenCalledWith(1);
      expect(electron.windows).toHaveLength(0);
      expect(electron.ipcMain.handlers.size).toBe(0);
    } finally {
      other.close();
    }
  });

  it('shows an error and exits with code 1 on any other startup failure', async () => {
    const dataDir = tmpDir('kj-broken-');
    const electron = createFakeElectron();
    const layout = { ...sourceLayout(), migrationsDir: path.join(dataDir, 'no-migrations-here') };
    const res = await startElectronApp(['--data-dir', dataDir], electron as unknown as ElectronDeps, layout);
    expect(res).toBeNull();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      '跨境台账 Kuajing Ledger',
      expect.stringContaining('could not start'),
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('opens the window in recovery when the ledger is damaged: the backups are listed and the chosen one restored (issue 16)', async () => {
    const dataDir = tmpDir('kj-damaged-');
    const ws = await openWorkspace({ dataDir, host: 'test' });
    const backup = path.join(dataDir, 'backups', 'daily', 'ledger-2026-12-06.sqlite');
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    await ws.read.backup(backup);
    ws.close();
    // the header overwritten: found at open (damage deeper in the file is found by the check after the first screen)
    const fd = fs.openSync(path.join(dataDir, LEDGER_FILE), 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    fs.closeSync(fd);
    const electron = createFakeElectron();
    const res = await startElectronApp(['--data-dir', dataDir], electron as unknown as ElectronDeps, sourceLayout());
    try {
      expect(res).not.toBeNull();
      expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
      expect(electron.app.exit).not.toHaveBeenCalled();
      expect(res!.served.recovering()).toBe(true);
      expect(res!.served.company()).toBeNull();
      const win = electron.windows[0]!;
      expect(win.loadURL.mock.calls).toEqual([['app://kuajing/index.html']]);
      const handler = electron.ipcMain.handlers.get('kuajing:command')!;
      const call = (name: string, input: unknown) =>
        handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, name, input);
      // what the renderer's first screen (RecoverPanel) asks
      expect(await call('company.get', {})).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/^db\.(corrupt|notALedger)$/), params: { newestBackup: backup } },
      });
      expect(await call('maintenance.backups.list', {})).toEqual({
        ok: true,
        value: [expect.objectContaining({ kind: 'daily', name: 'daily/ledger-2026-12-06.sqlite' })],
      });
      expect(await call('maintenance.restore', { name: 'daily/ledger-2026-12-06.sqlite' })).toMatchObject({
        ok: true,
        value: { restoredFrom: 'daily/ledger-2026-12-06.sqlite' },
      });
      expect(res!.served.recovering()).toBe(false);
      expect(res!.served.company()!.host).toBe('electron');
      expect(await call('company.get', {})).toEqual({ ok: true, value: null });
    } finally {
      res?.stop();
    }
    // stop closed the restored workspace: the folder is free again
    (await openWorkspace({ dataDir, host: 'test' })).close();
  });

  it('quits at once when another instance holds the single-instance lock', async () => {
    const dataDir = tmpDir('kj-second-');
    const electron = createFakeElectron();
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    const res = await startElectronApp(['--data-dir', dataDir], electron as unknown as ElectronDeps, sourceLayout());
    expect(res).toBeNull();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(dataDir, LEDGER_FILE))).toBe(false);
  });

  it('uses the user-data folder without --data-dir, and reopens a window on activate', async () => {
    const electron = createFakeElectron();
    electron.app.paths.userData = tmpDir('kj-userdata-');
    const res = await startElectronApp(['electron', '.'], electron as unknown as ElectronDeps, sourceLayout());
    try {
      expect(res!.dataDir).toBe(electron.app.paths.userData);
      expect(res!.served.company()!.dataDir).toBe(electron.app.paths.userData);
      expect(electron.app.getPath).toHaveBeenCalledWith('userData');
      electron.windows[0]!.close();
      electron.app.emit('activate');
      expect(electron.windows.filter((w) => !w.isDestroyed())).toHaveLength(1);
    } finally {
      res?.stop();
    }
  });
});

describe('parseDataDir and appLayout', () => {
  it('reads --data-dir in both spellings and resolves it', async () => {
    const { parseDataDir } = await import('../../../../src-main/hosts/electron/main.ts');
    expect(parseDataDir(['electron', '.', '--data-dir', '/srv/ledger'])).toBe(path.resolve('/srv/ledger'));
    expect(parseDataDir(['app', '--data-dir=rel/dir'])).toBe(path.resolve('rel/dir'));
    expect(parseDataDir(['app', '--data-dir'])).toBeNull();
    expect(parseDataDir(['app'])).toBeNull();
  });

  it('finds preload, migrations and renderer beside the bundle', async () => {
    const { appLayout } = await import('../../../../src-main/hosts/electron/main.ts');
    const bundled = appLayout('/opt/kuajing/resources/app.asar/dist-main/main.cjs');
    expect(bundled).toEqual({
      preload: '/opt/kuajing/resources/app.asar/dist-main/preload.cjs',
      migrationsDir: '/opt/kuajing/resources/app.asar/dist-main/migrations',
      rendererDir: '/opt/kuajing/resources/app.asar/dist-renderer',
    });
    const source = appLayout(path.resolve('src-main/hosts/electron/main.ts'));
    expect(source.migrationsDir).toBe(path.resolve('src-main/db/migrations'));
    expect(source.rendererDir).toBe(path.resolve('dist-renderer'));
  });
});
