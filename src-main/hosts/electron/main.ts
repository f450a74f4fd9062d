/**
 * The Electron main process, kept thin: single-instance lock, app:// scheme, open the workspace
 * (`--data-dir D`, default userData), dispatch over the IPC bridge, one hardened window.
 * The workspace is served as the web host serves it (api/recovery.ts `serveWorkspace`: the
 * company workspace with the sandbox switch, or — the ledger damaged — recovery, whose first
 * screen lists the backups and restores the one chosen).
 * No business logic. `startElectronApp` takes Electron as a parameter so tests run it with fakes;
 * the module calls it once at the bottom, which is what Electron executes from `dist-main/main.cjs`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  type App,
  type BrowserWindowConstructorOptions,
  type Dialog,
  type IpcMain,
  type Protocol,
} from 'electron';
import { serveWorkspace, type ServedWorkspace } from '../../api/recovery.ts';
import { isDomainError } from '../../core/domain-error.ts';
import { installIpcBridge } from './ipc-bridge.ts';
import { copyIntoImports } from '../../areas/imports/index.ts';
import {
  APP_ORIGIN,
  hardenApp,
  hardenWindow,
  registerAppScheme,
  secureWebPreferences,
  serveAppProtocol,
} from './security.ts';

export const WINDOW_TITLE = '跨境台账 Kuajing Ledger';
export const START_URL = `${APP_ORIGIN}/index.html`;

/** The Electron modules main uses; real ones in production, fakes in tests. */
export interface ElectronDeps {
  readonly app: Pick<
    App,
    'getPath' | 'requestSingleInstanceLock' | 'whenReady' | 'on' | 'quit' | 'exit' | 'enableSandbox'
  >;
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  readonly dialog: Pick<Dialog, 'showErrorBox'>;
}

/** Where the preload, the migrations and the renderer are, relative to this module. */
export interface AppLayout {
  readonly preload: string;
  readonly migrationsDir: string;
  readonly rendererDir: string;
}

/**
 * Bundled (`dist-main/main.cjs`): preload.cjs and migrations/ beside it, renderer in ../dist-renderer.
 * From source (`.ts`, under vitest): the repository's folders.
 */
export function appLayout(moduleFile: string): AppLayout {
  const here = path.dirname(moduleFile);
  if (moduleFile.endsWith('.ts')) {
    const root = path.resolve(here, '..', '..', '..');
    return {
      preload: path.join(root, 'dist-main', 'preload.cjs'),
      migrationsDir: path.join(root, 'src-main', 'db', 'migrations'),
      rendererDir: path.join(root, 'dist-renderer'),
    };
  }
  return {
    preload: path.join(here, 'preload.cjs'),
    migrationsDir: path.join(here, 'migrations'),
    rendererDir: path.join(here, '..', 'dist-renderer'),
  };
}

/** `--data-dir D` or `--data-dir=D`; null when absent (then the OS user-data folder is used). */
export function parseDataDir(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1] !== undefined) return path.resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length)
      return path.resolve(arg.slice('--data-dir='.length));
  }
  return null;
}

/**
 * The startup failure dialog, in Chinese and English (the language setting lives in the file we
 * could not open). A damaged ledger does not come here: the window opens in recovery.
 */
export function startupErrorMessage(error: unknown, dataDir: string): { title: string; body: string } {
  const title = WINDOW_TITLE;
  if (isDomainError(error) && error.code === 'db.alreadyOpen') {
    return {
      title,
      body:
        `数据文件夹已被另一个程序打开（例如网页版或命令行）。请先关闭它，然后再启动跨境台账。\n\n` +
        `The data folder is already open in another program (for example the web host or the command line). ` +
        `Close it, then start Kuajing Ledger again.\n\n${dataDir}`,
    };
  }
  const detail = isDomainError(error) ? error.code : error instanceof Error ? error.message : String(error);
  return {
    title,
    body: `跨境台账无法启动。\nKuajing Ledger could not start.\n\n${detail}\n\n${dataDir}`,
  };
}

export interface StartedApp {
  /** What the window talks to: the workspace (and sandbox switch), or recovery on a damaged ledger. */
  readonly served: ServedWorkspace;
  readonly dataDir: string;
  readonly window: BrowserWindow;
  /** Runs what `will-quit` runs: remove the bridge, close the workspace. */
  readonly stop: () => void;
}

/** Never rejects: a failure before the window exists is shown in a dialog and exits with code 1. */
export async function startElectronApp(
  argv: readonly string[],
  deps: ElectronDeps,
  layout: AppLayout = appLayout(fileURLToPath(import.meta.url)),
): Promise<StartedApp | null> {
  const { app: electronApp } = deps;
  if (!electronApp.requestSingleInstanceLock()) {
    // The first instance gets 'second-instance' and shows its window.
    electronApp.quit();
    return null;
  }
  registerAppScheme(deps.protocol);
  hardenApp(electronApp);

  let dataDir = parseDataDir(argv) ?? '';
  let served: ServedWorkspace;
  try {
    await electronApp.whenReady();
    dataDir ||= electronApp.getPath('userData');
    // the company workspace stays open, a training sandbox is shown through the switch (issue 18);
    // a damaged ledger still opens the window, in recovery (issue 16)
    served = await serveWorkspace(dataDir, 'electron', { migrationsDir: layout.migrationsDir });
  } catch (e) {
    const { title, body } = startupErrorMessage(e, dataDir);
    // An expected failure (DomainError) is reported by its code; anything else with its stack.
    const detail = isDomainError(e)
      ? `${e.code} ${JSON.stringify(e.params)}`
      : e instanceof Error
        ? (e.stack ?? e.message)
        : String(e);
    process.stderr.write(`[kuajing] startup failed: ${detail}\n`);
    deps.dialog.showErrorBox(title, body);
    electronApp.exit(1);
    return null;
  }

  if (served.recovering())
    process.stderr.write(`[kuajing] the ledger in ${dataDir} is damaged: the window opens in recovery\n`);
  serveAppProtocol(deps.protocol, layout.rendererDir);
  const windows = new Set<BrowserWindow>();
  // an import file is handed over by its path, copied into the workspace's tmp/imports (issue 16, point 1)
  const uninstallBridge = installIpcBridge(
    deps.ipcMain,
    served.dispatch,
    served.events,
    () => windows,
    (filePath) => copyIntoImports(served.shownDataDir(), filePath),
  );

  const createWindow = (): BrowserWindow => {
    const win = new deps.BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      title: WINDOW_TITLE,
      show: false,
      webPreferences: secureWebPreferences(layout.preload),
    });
    hardenWindow(win);
    windows.add(win);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => windows.delete(win));
    win.loadURL(START_URL).catch((e: unknown) => {
      process.stderr.write(`[kuajing] could not load ${START_URL}: ${String(e)}\n`);
    });
    return win;
  };

  const focusWindow = (): void => {
    const [win] = windows;
    if (!win) {
      createWindow();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    uninstallBridge();
    served.close();
  };

  electronApp.on('second-instance', focusWindow);
  electronApp.on('activate', () => {
    if (windows.size === 0) createWindow();
  });
  electronApp.on('window-all-closed', () => {
    // macOS apps stay in the dock until Cmd+Q; everywhere else closing the last window quits.
    if (process.platform !== 'darwin') electronApp.quit();
  });
  electronApp.on('will-quit', stop);

  return { served, dataDir, window: createWindow(), stop };
}

/** The entry point: Electron runs the bundle, which starts the app once. */
// main.cjs ships with its source map: incident stacks then name the .ts lines.
process.setSourceMapsEnabled(true);
export const started: Promise<StartedApp | null> = startElectronApp(process.argv, {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
});
