/**
 * Sandboxed preload: exposes `window.kuajing` = { invoke(name, input), onEvent } and nothing else
 * (no ipcRenderer, no Node). `invoke` is generic: the command name travels with its input over one
 * channel and `dispatch` in the main process refuses unknown names and validates the input, so a
 * new command needs no change here. It may import only `electron` and `import type`: the sandbox
 * has no Node modules and the bundle must not pull zod.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { AppEvent } from '../../api/contract.ts';
import type { KuajingHostBridge } from './bridge-api.ts';

// Same names as COMMAND_CHANNEL / EVENT_CHANNEL in ipc-bridge.ts (a test keeps them equal).
const COMMAND_CHANNEL = 'kuajing:command';
const EVENT_CHANNEL = 'kuajing:event';
const UPLOAD_CHANNEL = 'kuajing:upload';

const bridge: KuajingHostBridge = {
  invoke: (name, input) => ipcRenderer.invoke(COMMAND_CHANNEL, name, input),
  // an import file by its path (issue 16, point 1): only a File the user chose or dropped has one,
  // so the page cannot name any other file; the main process copies it into tmp/imports
  upload: (file) => ipcRenderer.invoke(UPLOAD_CHANNEL, webUtils.getPathForFile(file)),
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
