import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, type AppEvent } from '../../../../src-main/api/contract.ts';
import type { KuajingHostBridge } from '../../../../src-main/hosts/electron/bridge-api.ts';
import { COMMAND_CHANNEL, EVENT_CHANNEL } from '../../../../src-main/hosts/electron/ipc-bridge.ts';
import { electronFake } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronFake);

describe('preload', () => {
  let bridge: KuajingHostBridge;
  let exposeCalls: unknown[][];

  beforeAll(async () => {
    await import('../../../../src-main/hosts/electron/preload.ts');
    bridge = electronFake.contextBridge.exposed.kuajing as KuajingHostBridge;
    // Vitest 5 clears mock calls before each test, so keep what the import did.
    exposeCalls = [...electronFake.contextBridge.exposeInMainWorld.mock.calls];
  });

  it('exposes one object, window.kuajing, with only invoke, onEvent and upload (an import file by its path)', () => {
    expect(exposeCalls).toEqual([['kuajing', bridge]]);
    expect(Object.keys(electronFake.contextBridge.exposed)).toEqual(['kuajing']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'upload']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
  });

  it('sends any command name with its input over the one command channel and returns the reply', async () => {
    electronFake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { language: 'en' } });
    const res = await bridge.invoke('settings.setLanguage', { language: 'en' });
    expect(res).toEqual({ ok: true, value: { language: 'en' } });
    expect(electronFake.ipcRenderer.invoke).toHaveBeenLastCalledWith('kuajing:command', 'settings.setLanguage', {
      language: 'en',
    });

    // No list of names to keep in step: every command of the contract, and a name dispatch will refuse, go through as is.
    const invokeAny = bridge.invoke as (name: string, input: unknown) => Promise<unknown>;
    for (const name of [...COMMAND_NAMES, 'no.such.command']) {
      const input = { probe: name };
      await invokeAny(name, input);
      expect(electronFake.ipcRenderer.invoke).toHaveBeenLastCalledWith(COMMAND_CHANNEL, name, input);
    }
  });

  it('delivers events to the listener without the IPC event, and unsubscribes', () => {
    const seen: AppEvent[] = [];
    const off = bridge.onEvent((e) => seen.push(e));
    const event: AppEvent = { name: 'sync.status', payload: { state: 'idle', queued: 0, failed: 0 } };
    electronFake.ipcRenderer.deliver(EVENT_CHANNEL, event);
    expect(seen).toEqual([event]);
    expect(electronFake.ipcRenderer.on).toHaveBeenCalledWith('kuajing:event', expect.any(Function));

    off();
    expect(electronFake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    electronFake.ipcRenderer.deliver(EVENT_CHANNEL, event);
    expect(seen).toHaveLength(1);
  });

  it('uses the same channel names as the main-process bridge', () => {
    const source = fs.readFileSync(new URL('../../../../src-main/hosts/electron/preload.ts', import.meta.url), 'utf8');
    expect(source).toContain(`'${COMMAND_CHANNEL}'`);
    expect(source).toContain(`'${EVENT_CHANNEL}'`);
  });

  it('imports nothing at runtime but electron (the sandbox has no Node modules, the bundle no zod)', () => {
    const source = fs.readFileSync(new URL('../../../../src-main/hosts/electron/preload.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
    expect(imports).toEqual(['electron']);
  });
});
