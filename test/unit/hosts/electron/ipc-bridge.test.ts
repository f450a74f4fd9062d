import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../../../src-main/api/contract.ts';
import { createDispatch, type Dispatch } from '../../../../src-main/api/dispatch.ts';
import { createHandlers } from '../../../../src-main/api/handlers.ts';
import { openWorkspace, type Workspace } from '../../../../src-main/api/workspace.ts';
import {
  COMMAND_CHANNEL,
  EVENT_CHANNEL,
  installIpcBridge,
  type BridgeInvokeEvent,
} from '../../../../src-main/hosts/electron/ipc-bridge.ts';
import { createFakeElectron, type FakeElectron } from './electron-fakes.ts';

// The bridge imports no electron at runtime; the mock is a guard should that ever change.
vi.mock('electron', () => ({}));

const PROFILE = {
  name: '杭州示例跨境贸易有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '3301960ABC',
  pilotZone: 'hangzhou',
  baseCurrency: 'CNY',
};

type FakeWindow = InstanceType<FakeElectron['BrowserWindow']>;

describe('installIpcBridge', () => {
  let dataDir: string;
  let ws: Workspace;
  let electron: FakeElectron;
  let win: FakeWindow;
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>;
  let uninstall: () => void;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-ipc-'));
    ws = await openWorkspace({ dataDir, host: 'test' });
    electron = createFakeElectron();
    win = new electron.BrowserWindow({});
    dispatch = vi.fn(createDispatch(createHandlers(ws), ws.logIncident));
    uninstall = installIpcBridge(electron.ipcMain, dispatch, ws.events, () => electron.BrowserWindow.getAllWindows());
  });

  afterEach(() => {
    uninstall();
    ws.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function trustedEvent(): BridgeInvokeEvent {
    return { sender: win.webContents, senderFrame: { url: 'app://kuajing/index.html', parent: null } };
  }

  function invoke(event: BridgeInvokeEvent, name: unknown, input?: unknown): Promise<unknown> {
    const handler = electron.ipcMain.handlers.get(COMMAND_CHANNEL);
    if (!handler) throw new Error('no handler on the command channel');
    return handler(event, name, input) as Promise<unknown>;
  }

  it('registers the command channel and the import upload channel only', () => {
    expect([...electron.ipcMain.handlers.keys()]).toEqual(['kuajing:command', 'kuajing:upload']);
  });

  it('runs company.get for a trusted sender', async () => {
    expect(await invoke(trustedEvent(), 'company.get', {})).toEqual({ ok: true, value: null });
  });

  it('saves and reads back a company profile for a trusted sender', async () => {
    const saved = await invoke(trustedEvent(), 'company.save', PROFILE);
    expect(saved).toMatchObject({ ok: true, value: { uscc: '91350100M000100Y43', version: 1 } });
    expect(await invoke(trustedEvent(), 'company.get', {})).toMatchObject({
      ok: true,
      value: { customsCode: '3301960ABC' },
    });
  });

  it('returns the dispatch result as data for bad input and unknown commands', async () => {
    expect(await invoke(trustedEvent(), 'company.save', { name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid' },
    });
    expect(await invoke(trustedEvent(), 'db.exec', { sql: 'DROP TABLE x' })).toMatchObject({
      ok: false,
      error: { code: 'request.unknownCommand' },
    });
    expect(await invoke(trustedEvent(), { toString: () => 'company.get' }, {})).toMatchObject({
      ok: false,
      error: { code: 'request.unknownCommand' },
    });
  });

  it('carries every command name of the contract, and any other string, to dispatch unchanged (the preload keeps no list)', async () => {
    dispatch.mockImplementation(async () => ({ ok: true, value: null }));
    for (const name of [...COMMAND_NAMES, 'no.such.command']) {
      const input = { probe: name };
      expect(await invoke(trustedEvent(), name, input)).toEqual({ ok: true, value: null });
      expect(dispatch).toHaveBeenLastCalledWith(name, input);
    }
    expect(dispatch).toHaveBeenCalledTimes(COMMAND_NAMES.length + 1);
  });

  const untrusted: ReadonlyArray<[string, () => BridgeInvokeEvent]> = [
    [
      'a foreign page',
      () => ({ sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }),
    ],
    ['a file:// page', () => ({ sender: win.webContents, senderFrame: { url: 'file:///tmp/x.html', parent: null } })],
    [
      'a subframe of our page',
      () => ({ sender: win.webContents, senderFrame: { url: 'app://kuajing/index.html', parent: {} } }),
    ],
    ['a destroyed frame', () => ({ sender: win.webContents, senderFrame: null })],
    [
      'a web contents that is not one of our windows',
      () => ({ sender: { id: 99_999 }, senderFrame: { url: 'app://kuajing/index.html', parent: null } }),
    ],
  ];

  it.each(untrusted)('answers request.forbidden to %s without running the handler', async (_label, event) => {
    const res = await invoke(event(), 'company.save', PROFILE);
    expect(res).toEqual({ ok: false, error: { code: 'request.forbidden', params: {} } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await invoke(trustedEvent(), 'company.get', {})).toEqual({ ok: true, value: null });
  });

  it('refuses a window after it was closed', async () => {
    win.close();
    const res = await invoke(
      { sender: win.webContents, senderFrame: { url: 'app://kuajing/index.html', parent: null } },
      'company.get',
      {},
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'request.forbidden' } });
  });

  it('turns a throwing dispatch into an internal error instead of an IPC exception', async () => {
    dispatch.mockRejectedValueOnce(new Error('boom'));
    expect(await invoke(trustedEvent(), 'company.get', {})).toEqual({
      ok: false,
      error: { code: 'internal', params: {} },
    });
  });

  it('forwards bus events to every open window', async () => {
    const second = new electron.BrowserWindow({});
    const closed = new electron.BrowserWindow({});
    closed.close();
    await invoke(trustedEvent(), 'settings.setLanguage', { language: 'en' });
    for (const w of [win, second]) {
      expect(w.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, {
        name: 'ledger.changed',
        payload: expect.objectContaining({ command: 'settings.setLanguage' }),
      });
    }
    expect(closed.webContents.send).not.toHaveBeenCalled();

    ws.events.emit('sync.status', { state: 'idle', queued: 0, failed: 0 });
    expect(win.webContents.send).toHaveBeenLastCalledWith('kuajing:event', {
      name: 'sync.status',
      payload: { state: 'idle', queued: 0, failed: 0 },
    });
  });

  it('keeps forwarding to the other windows when one send throws', () => {
    const second = new electron.BrowserWindow({});
    win.webContents.send.mockImplementationOnce(() => {
      throw new Error('Render frame was disposed');
    });
    ws.events.emit('sync.status', { state: 'offline', queued: 1, failed: 0 });
    expect(second.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('uninstall removes the channel and stops forwarding events', () => {
    uninstall();
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledWith(COMMAND_CHANNEL);
    expect(electron.ipcMain.handlers.size).toBe(0);
    ws.events.emit('sync.status', { state: 'idle', queued: 0, failed: 0 });
    expect(win.webContents.send).not.toHaveBeenCalled();
    uninstall(); // idempotent
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledTimes(2); // the command and the upload channel, once
  });
});
