/**
 * Opens a company workspace: one data folder holding `ledger.sqlite`, `backups/` and `logs/`.
 * Opening takes the file lock, migrates, wires the unit of work to the event bus (`ledger.changed`
 * and `sync.status` go out after every commit) and holds the per-workspace services. Interactive
 * hosts also sync in the background, take the daily backup and serve online backups on a local
 * socket named in `kuajing-instance.json`. Hosts and
 * the CLI open exactly one. What the areas see is the `Workspace` of areas/workspace.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { folderWritable, openLedger } from '../db/open-ledger.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { EventBus } from '../areas/events.ts';
import type { HostKind, ServiceKey, Workspace } from '../areas/workspace.ts';
import { startBackgroundSync, stopBackgroundSync, syncStatusOf } from '../areas/sync/index.ts';
import { startAutomaticBackups, startBackupSocket } from '../areas/maintenance/index.ts';
import { isCommandName } from './contract.ts';

export type { Incident, Workspace } from '../areas/workspace.ts';
/** Disk full, read-only folder, file moved …: the coded error for a fault of the machine (hosts and the CLI report it). */
export { environmentError } from '../db/open-ledger.ts';
export const LEDGER_FILE = 'ledger.sqlite';

export interface OpenWorkspaceOptions {
  readonly dataDir: string;
  readonly host: HostKind;
  readonly clock?: () => Date;
  /** Where the migration SQL files are; bundled hosts pass theirs (default: next to db/migrate.ts). */
  readonly migrationsDir?: string;
  /** Open for reading only; also chosen by itself when the data folder cannot be written. */
  readonly readOnly?: boolean;
}

export async function openWorkspace(opts: OpenWorkspaceOptions): Promise<Workspace> {
  const dataDir = path.resolve(opts.dataDir);
  const clock = opts.clock ?? (() => new Date());
  const file = path.join(dataDir, LEDGER_FILE);
  // An existing ledger in a folder we may not write is opened for a look: mutations get db.readOnly.
  const readOnly = opts.readOnly === true || (fs.existsSync(file) && !folderWritable(dataDir));
  const interactive = !readOnly && (opts.host === 'electron' || opts.host === 'web');
  const ledger = await openLedger(file, {
    now: clock,
    readOnly,
    // interactive hosts check the file after the first screen, off the UI's path (issue 19)
    checkAtOpen: !interactive,
    ...(opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {}),
  });
  const { db } = ledger;
  const uow = new UnitOfWork(db, clock);
  const events = new EventBus();
  const services = new Map<ServiceKey<unknown>, unknown>();
  const closeHooks: Array<() => void> = [];
  let closed = false;
  const ws: Workspace = {
    dataDir,
    file,
    read: db,
    uow,
    events,
    host: opts.host,
    clock,
    readOnly,
    logIncident(incident) {
      const line = JSON.stringify({ at: clock().toISOString(), ...incident });
      try {
        fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
        fs.appendFileSync(path.join(dataDir, 'logs', 'incidents.log'), line + '\n');
      } catch {
        /* logging must never mask the original failure */
      }
      process.stderr.write(
        `[kuajing] internal error ${incident.incidentId} in ${incident.command}: ${incident.message}\n`,
      );
    },
    service<T>(key: ServiceKey<T>): T {
      if (!services.has(key)) services.set(key, key.create(ws));
      return services.get(key) as T;
    },
    onClose(fn) {
      closeHooks.push(fn);
    },
    close() {
      if (closed) return;
      closed = true;
      stopBackgroundSync(ws);
      for (const fn of closeHooks.splice(0)) fn();
      ledger.close(); // and a read-only ledger's snapshot copy with it
    },
  };
  uow.onCommitted((command) => {
    if (!isCommandName(command)) return;
    events.emit('ledger.changed', { command, at: clock().toISOString() });
    events.emit('sync.status', syncStatusOf(ws));
  });
  // Interactive hosts sync in the background once a transport is configured (areas/sync).
  if (interactive) {
    startBackgroundSync(ws);
    // the daily copy and the integrity check a while after the first screen, both in a worker;
    // `kuajing backup` asks this app through its socket
    startAutomaticBackups(ws, { checkLedger: true });
    startBackupSocket(ws).catch((e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      ws.logIncident({
        incidentId: `backup-socket-${Date.now()}`,
        command: 'maintenance.backupSocket',
        message: err.message,
        stack: err.stack,
      });
    });
  }
  return ws;
}
