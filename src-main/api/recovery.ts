/**
 * What a host serves (issue 16 point 4). Normally the company workspace through the workspace
 * switcher. When the ledger is too damaged to open (`db.corrupt`, `db.notALedger`), the host still
 * starts, in recovery: every command answers that error (the renderer's first screen shows it),
 * except `maintenance.backups.list` (this ledger's backups) and `maintenance.restore`, which puts
 * the named backup in place — the damaged file kept aside in `backups/pre-restore/` — and opens the
 * workspace; from then on every command runs there as usual, and the renderer retries.
 * Both hosts start through `serveWorkspace`: the web host (`kuajing serve`) and the Electron main
 * (hosts/electron/main.ts), so the desktop window shows the same recovery screen.
 */
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import { EventBus, type AppEvent } from '../areas/events.ts';
import type { HostKind } from '../areas/workspace.ts';
import { ledgerIntegrity, replaceDamagedLedger } from '../areas/maintenance/index.ts';
import type { RestoreSummary } from '../areas/maintenance/contract.ts';
import { ledgerFileInfo, listBackups, resolveBackupName } from '../db/backups.ts';
import { loadMigrations } from '../db/migrate.ts';
import type { Dispatch } from './dispatch.ts';
import { createWorkspaceSwitcher } from './workspace-switch.ts';
import { LEDGER_FILE, openWorkspace, type Incident, type Workspace } from './workspace.ts';

export interface ServedWorkspace {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  logIncident(incident: Incident): void;
  /** True while the host answers in recovery (the ledger could not be opened). */
  recovering(): boolean;
  /** The company workspace once open (null while recovering); a sandbox shown is not it. */
  company(): Workspace | null;
  /** The folder of the workspace shown (a training sandbox's while one is shown): where uploads go. */
  shownDataDir(): string;
  close(): void;
}

export interface ServeOptions {
  /** Where the migration SQL files are; the bundled Electron main passes its own. */
  readonly migrationsDir?: string;
}

const DAMAGED = new Set(['db.corrupt', 'db.notALedger']);

async function openNormally(dataDir: string, host: HostKind, opts: ServeOptions): Promise<ServedWorkspace> {
  const extra = opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {};
  const ws = await openWorkspace({ dataDir, host, ...extra });
  const switcher = createWorkspaceSwitcher(ws, { host, ...extra });
  return {
    dispatch: switcher.dispatch,
    events: switcher.events,
    logIncident: (i) => switcher.logIncident(i),
    recovering: () => false,
    company: () => ws,
    shownDataDir: () => switcher.shown().dataDir,
    close() {
      switcher.close();
      ws.close();
    },
  };
}

/**
 * Backup `name` put in place of the ledger file, the damaged file kept aside in
 * `backups/pre-restore/`; `beforeReplace` runs once the backup is found. Answers what
 * `maintenance.restore` shows (the workspace opened on it next migrates it to the newest schema).
 */
async function putBackupInPlace(
  ledgerFile: string,
  name: string,
  opts: ServeOptions,
  beforeReplace: () => void = () => undefined,
): Promise<RestoreSummary> {
  const source = resolveBackupName(ledgerFile, name);
  const schemaFrom = ledgerFileInfo(source).version;
  beforeReplace();
  const done = await replaceDamagedLedger(ledgerFile, source);
  return {
    keptAside: path.relative(path.dirname(ledgerFile), done.keptAside),
    restoredFrom: name,
    schemaFrom,
    schemaTo: loadMigrations(opts.migrationsDir).length,
  };
}

/** A DomainError as the coded answer of a command; anything else goes on up. */
function codedAnswer(e: unknown) {
  if (e instanceof DomainError) return { ok: false as const, error: { code: e.code, params: e.params } };
  throw e;
}

/** Opens the workspace for a host, or — when its ledger is damaged — serves the recovery described above. */
export async function serveWorkspace(
  dataDir: string,
  host: HostKind,
  opts: ServeOptions = {},
): Promise<ServedWorkspace> {
  try {
    return restoringWhenDamaged(await openNormally(dataDir, host, opts), dataDir, host, opts);
  } catch (e) {
    if (!(e instanceof DomainError) || !DAMAGED.has(e.code)) throw e;
    return recovery(dataDir, host, opts, e);
  }
}

/**
 * A ledger that opened but failed its check after the first screen (`app.info` integrity
 * `damaged`, issue 19): restoring content into the damaged file would read its bad pages, so
 * `maintenance.restore` then closes the workspace, puts the backup in place as recovery does (the
 * damaged file kept aside in `backups/pre-restore/`) and opens it again; commands arriving
 * meanwhile wait for it. Otherwise every command goes to the workspace as usual.
 */
function restoringWhenDamaged(
  first: ServedWorkspace,
  dataDir: string,
  host: HostKind,
  opts: ServeOptions,
): ServedWorkspace {
  const ledgerFile = path.join(dataDir, LEDGER_FILE);
  const events = new EventBus();
  const forward = (e: AppEvent): void => (events.emit as (n: string, p: unknown) => void)(e.name, e.payload);
  let current = first;
  let unsubscribe = current.events.subscribe(forward);
  let reopening: Promise<unknown> | null = null;

  const replace = async (name: string) => {
    let closed = false;
    const close = () => {
      unsubscribe();
      current.close();
      closed = true;
    };
    try {
      return { ok: true as const, value: await putBackupInPlace(ledgerFile, name, opts, close) };
    } catch (e) {
      return codedAnswer(e);
    } finally {
      if (closed) {
        current = await openNormally(dataDir, host, opts); // the backup, or the damaged file again when that failed
        unsubscribe = current.events.subscribe(forward);
      }
    }
  };

  const dispatch: Dispatch = async (name, input) => {
    while (reopening) await reopening.catch(() => undefined);
    const ws = current.company();
    const restoreName = (input as { name?: unknown } | null)?.name;
    if (
      name === 'maintenance.restore' &&
      ws &&
      ledgerIntegrity(ws).state === 'damaged' &&
      typeof restoreName === 'string'
    ) {
      const running = replace(restoreName);
      reopening = running;
      try {
        return (await running) as Awaited<ReturnType<Dispatch>>;
      } finally {
        reopening = null;
      }
    }
    return current.dispatch(name, input);
  };

  return {
    dispatch,
    events,
    logIncident: (i) => current.logIncident(i),
    recovering: () => false,
    company: () => current.company(),
    shownDataDir: () => current.shownDataDir(),
    close() {
      unsubscribe();
      current.close();
    },
  };
}

function recovery(dataDir: string, host: HostKind, opts: ServeOptions, damage: DomainError): ServedWorkspace {
  const ledgerFile = path.join(dataDir, LEDGER_FILE);
  const events = new EventBus();
  const forward = (e: AppEvent): void => (events.emit as (n: string, p: unknown) => void)(e.name, e.payload);
  let opened: ServedWorkspace | null = null;
  let unsubscribe: (() => void) | null = null;
  let restoring: Promise<unknown> | null = null;
  const refused = () => ({ ok: false as const, error: { code: damage.code, params: damage.params } });

  const restore = async (input: unknown) => {
    const name = (input as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '')
      return { ok: false as const, error: { code: 'request.invalid', params: {} } };
    try {
      const value = await putBackupInPlace(ledgerFile, name, opts);
      opened = await openNormally(dataDir, host, opts);
      unsubscribe = opened.events.subscribe(forward);
      return { ok: true as const, value };
    } catch (e) {
      return codedAnswer(e);
    }
  };

  const dispatch: Dispatch = async (name, input) => {
    if (opened) return opened.dispatch(name, input);
    if (name === 'maintenance.backups.list')
      return { ok: true, value: listBackups(ledgerFile).map(({ file: _f, ...b }) => b) };
    if (name === 'maintenance.restore') {
      if (restoring) return refused(); // one restore at a time; a second click waits for the screen to retry
      restoring = restore(input);
      try {
        return (await restoring) as Awaited<ReturnType<Dispatch>>;
      } finally {
        restoring = null;
      }
    }
    return refused();
  };

  return {
    dispatch,
    events,
    logIncident: (i) => opened?.logIncident(i),
    recovering: () => opened === null,
    company: () => opened?.company() ?? null,
    shownDataDir: () => opened?.shownDataDir() ?? dataDir,
    close() {
      unsubscribe?.();
      opened?.close();
    },
  };
}
