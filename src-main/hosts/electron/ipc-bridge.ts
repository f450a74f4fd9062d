/**
 * The only IPC in the app: one invoke channel carrying `(name, input)` to `dispatch`, and one
 * push channel forwarding EventBus events to every window. The preload's `invoke(name, input)` is
 * generic (no list of command names on either side): `dispatch` is the one place that knows the
 * commands, refuses unknown names (`request.unknownCommand`) and validates input. A message from
 * an untrusted sender gets `request.forbidden` as data and never reaches dispatch. Replies are
 * always a Result, never a thrown error (Electron drops custom error fields over IPC, electron#24427).
 */
import path from 'node:path';
import type { ErrorInfo, Result } from '../../api/contract.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { Dispatch } from '../../api/dispatch.ts';
import type { EventBus } from '../../areas/events.ts';
import { isTrustedSender, type SenderFrame } from './security.ts';

/** preload.ts repeats these two names: importing them would pull this file's imports into the sandbox bundle. */
export const COMMAND_CHANNEL = 'kuajing:command';
export const EVENT_CHANNEL = 'kuajing:event';
/** An import file's path (preload: `webUtils.getPathForFile` of a File the user chose) for `upload`. */
export const UPLOAD_CHANNEL = 'kuajing:upload';

/** The parts of Electron's `IpcMainInvokeEvent` the bridge reads. */
export interface BridgeInvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

/** The parts of Electron's `ipcMain` the bridge uses. */
export interface BridgeIpcMain {
  handle(channel: string, listener: (event: BridgeInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

/** The parts of a `BrowserWindow` the bridge uses. */
export interface BridgeWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly id: number;
    isDestroyed(): boolean;
    send(channel: string, ...args: unknown[]): void;
  };
}

function failure(error: ErrorInfo): Result<never> {
  return { ok: false, error };
}

/**
 * Installs the command handler and the event forwarder; returns the uninstall function.
 * `getWindows` returns the windows main.ts created: only their main frames may send commands.
 */
export function installIpcBridge(
  ipcMain: BridgeIpcMain,
  dispatch: Dispatch,
  events: Pick<EventBus, 'subscribe'>,
  getWindows: () => Iterable<BridgeWindow>,
  upload?: (filePath: string) => Promise<unknown>,
): () => void {
  const isOurWindow = (senderId: number): boolean => {
    for (const win of getWindows()) {
      if (!win.isDestroyed() && win.webContents.id === senderId) return true;
    }
    return false;
  };

  ipcMain.handle(COMMAND_CHANNEL, async (event, name, input) => {
    if (!isTrustedSender(event.senderFrame) || !isOurWindow(event.sender.id)) {
      return failure({ code: 'request.forbidden', params: {} });
    }
    try {
      // A non-string name cannot be a command; dispatch answers request.unknownCommand.
      return await dispatch(typeof name === 'string' ? name : '', input);
    } catch {
      // dispatch never throws; if it ever does, the renderer still gets data, not an IPC exception.
      return failure({ code: 'internal', params: {} });
    }
  });

  ipcMain.handle(UPLOAD_CHANNEL, async (event, filePath) => {
    if (!isTrustedSender(event.senderFrame) || !isOurWindow(event.sender.id)) {
      return failure({ code: 'request.forbidden', params: {} });
    }
    if (!upload || typeof filePath !== 'string' || !path.isAbsolute(filePath))
      return failure({ code: 'import.upload.failed', params: {} });
    try {
      return { ok: true, value: await upload(filePath) };
    } catch (e) {
      if (e instanceof DomainError) return failure({ code: e.code, params: e.params });
      return failure({ code: 'import.upload.failed', params: {} });
    }
  });

  const unsubscribe = events.subscribe((appEvent) => {
    for (const win of getWindows()) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      try {
        win.webContents.send(EVENT_CHANNEL, appEvent);
      } catch {
        /* a window closing mid-send must not stop the others */
      }
    }
  });

  let installed = true;
  return () => {
    if (!installed) return;
    installed = false;
    unsubscribe();
    ipcMain.removeHandler(COMMAND_CHANNEL);
    ipcMain.removeHandler(UPLOAD_CHANNEL);
  };
}
