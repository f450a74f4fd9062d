/**
 * Sandboxed preload: exposes `window.kuajing` = { invoke(name, input), onEvent } and nothing else
 * (no ipcRenderer, no Node). `invoke` is generic: the command name travels with its input over one
 * channel and `dispatch` in the main process refuses unknown names and validates the input, so a
 * new command needs no change here. It may import only `electron` and `import type`: the sandbox
 * has no Node modules and the bundle must not pull zod.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent } from '../../api/contract.ts';
import type { KuajingHostBridge } from './bridge-api.ts';

// Same names as COMMAND_CHANNEL / EVENT_CHANNEL in ipc-bridge.ts (a test keeps them equal).
const COMMAND_CHANNEL = 'kuajing:command';
const EVENT_CHANNEL = 'kuajing:event';

const bridge: KuajingHostBridge = {
  invoke: (name, input) => ipcRenderer.invoke(COMMAND_CHANNEL, name, input),
  onEvent(listener: (event: AppEvent) => void): () => void {
    // The IpcRendererEvent is dropped: it carries `sender` (ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent): void => listener(appEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kuajing', bridge);
