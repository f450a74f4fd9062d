/**
 * In-memory stand-ins for the Electron modules the host uses (no Electron binary exists on CI,
 * and `require('electron')` would try to download one). Each `createFakeElectron()` is a fresh,
 * independent world; `electronFake` is the shared instance tests hand to `vi.mock('electron')`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextId = 1;

export interface FakeFrame {
  url: string;
  parent: object | null;
}

export class FakeSession {
  readonly setPermissionRequestHandler = vi.fn();
  readonly setPermissionCheckHandler = vi.fn();
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame = { url: 'app://kuajing/index.html', parent: null };
  readonly send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A navigation event as Electron 45 passes it: `url` on the event, preventDefault as a spy. */
export function navigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

export function createFakeElectron() {
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      windows.push(this);
    }
    isMinimized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  class FakeApp extends EventEmitter {
    readonly paths: Record<string, string> = { userData: '/nonexistent/kuajing-user-data' };
    readonly getPath = vi.fn((name: string) => this.paths[name] ?? `/nonexistent/${name}`);
    readonly requestSingleInstanceLock = vi.fn(() => true);
    readonly whenReady = vi.fn(async () => undefined);
    readonly enableSandbox = vi.fn();
    readonly quit = vi.fn();
    readonly exit = vi.fn();
  }

  // `any` event: the listeners under test declare their own (narrower) event types, as with Electron.
  type IpcListener = (event: any, ...args: unknown[]) => unknown;
  const handlers = new Map<string, IpcListener>();
  const ipcMain = {
    handlers,
    handle: vi.fn((channel: string, listener: IpcListener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };

  const rendererEvents = new EventEmitter();
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      rendererEvents.on(channel, listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      rendererEvents.removeListener(channel, listener);
      return ipcRenderer;
    }),
    /** Test helper: what main's `webContents.send(channel, payload)` would deliver. */
    deliver(channel: string, payload: unknown): void {
      rendererEvents.emit(channel, { sender: ipcRenderer }, payload);
    },
    listenerCount(channel: string): number {
      return rendererEvents.listenerCount(channel);
    },
  };

  const exposed: Record<string, unknown> = {};
  const contextBridge = {
    exposed,
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed[key] = api;
    }),
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    handlers: protocolHandlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      protocolHandlers.set(scheme, handler);
    }),
  };

  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    windows,
    ipcMain,
    ipcRenderer,
    contextBridge,
    webUtils: { getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '') },
    protocol,
    session: { defaultSession: new FakeSession() },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The instance behind `vi.mock('electron', …)` in tests that import modules which import electron. */
export const electronFake: FakeElectron = createFakeElectron();
