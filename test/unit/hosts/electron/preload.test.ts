import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, type AppEvent, type KuajingBridge } from '../../../../src-main/api/contract.ts';
import { COMMAND_CHANNEL, EVENT_CHANNEL } from '../../../../src-main/hosts/electron/ipc-bridge.ts';
import { electronFake } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronFake);

describe('preload', () => {
  let bridge: KuajingBridge;
  let exposeCalls: unknown[][];

  beforeAll(async () => {
    await import('../../../../src-main/hosts/electron/preload.ts');
    bridge = electronFake.contextBridge.exposed.kuajing as KuajingBridge;
    // Vitest 5 clears mock calls before each test, so keep what the import did.
    exposeCalls = [...electronFake.contextBridge.exposeInMainWorld.mock.calls];
  });

  it('exposes one object, window.kuajing, with only commands and onEvent', () => {
    expect(exposeCalls).toEqual([['kuajing', bridge]]);
    expect(Object.keys(electronFake.contextBridge.exposed)).toEqual(['kuajing']);
    expect(Object.keys(bridge).sort()).toEqual(['commands', 'onEvent']);
    expect(typeof bridge.onEvent).toBe('function');
  });

  it('has exactly one function per command in the contract', () => {
    const names = Object.keys(bridge.commands);
    expect(names.sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of names) expect(typeof (bridge.commands as Record<string, unknown>)[name]).toBe('function');
  });

  it('sends each command over the one command channel', async () => {
    electronFake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { language: 'en' } });
    const res = await bridge.commands['settings.setLanguage']({ language: 'en' });
    expect(res).toEqual({ ok: true, value: { language: 'en' } });
    expect(electronFake.ipcRenderer.invoke).toHaveBeenLastCalledWith('kuajing:command', 'settings.setLanguage', { language: 'en' });

    for (const name of COMMAND_NAMES) {
      const input = { probe: name };
      await (bridge.commands as Record<string, (i: unknown) => Promise<unknown>>)[name]!(input);
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

  it('imports nothing at runtime but electron and plain command-name lists (the sandbox has no Node modules, the bundle no zod)', () => {
    const runtimeImports = (file: string) => {
      const source = fs.readFileSync(new URL(`../../../../src-main/hosts/electron/${file}`, import.meta.url), 'utf8');
      return [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
    };
    const imports = runtimeImports('preload.ts');
    expect(imports[0]).toBe('electron');
    const lists = imports.slice(1);
    for (const spec of lists) {
      expect(spec).toMatch(/^\.\/commands-[a-z-]+\.ts$/);
      expect(runtimeImports(spec.slice(2))).toEqual([]);
    }
  });
});
