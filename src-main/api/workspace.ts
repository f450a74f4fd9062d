/**
 * A company workspace: one data folder holding `ledger.sqlite`, `backups/` and `logs/`.
 * Opening it takes the file lock, migrates, and wires the unit of work to the event bus
 * so `ledger.changed` goes out after every commit. Hosts and the CLI open exactly one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger, type Db } from '../db/open-ledger.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { EventBus } from './event-bus.ts';
import { startBackgroundSync, stopBackgroundSync } from './sync-handlers.ts';
import { isCommandName, type AppInfo } from './contract.ts';

export const LEDGER_FILE = 'ledger.sqlite';

export interface Incident {
  readonly incidentId: string;
  readonly command: string;
  readonly message: string;
  readonly stack?: string | undefined;
}

export interface Workspace {
  readonly dataDir: string;
  readonly file: string;
  readonly db: Db;
  readonly uow: UnitOfWork;
  readonly events: EventBus;
  readonly host: AppInfo['host'];
  readonly clock: () => Date;
  logIncident(incident: Incident): void;
  close(): void;
}

export interface OpenWorkspaceOptions {
  readonly dataDir: string;
  readonly host: AppInfo['host'];
  readonly clock?: () => Date;
  /** Where the migration SQL files are; bundled hosts pass theirs (default: next to db/migrate.ts). */
  readonly migrationsDir?: string;
}

export async function openWorkspace(opts: OpenWorkspaceOptions): Promise<Workspace> {
  const dataDir = path.resolve(opts.dataDir);
  const clock = opts.clock ?? (() => new Date());
  const file = path.join(dataDir, LEDGER_FILE);
  const { db } = await openLedger(file, { now: clock, ...(opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {}) });
  const uow = new UnitOfWork(db, clock);
  const events = new EventBus();
  uow.onCommitted((command) => {
    if (isCommandName(command)) events.emit('ledger.changed', { command, at: clock().toISOString() });
  });
  let closed = false;
  const ws: Workspace = {
    dataDir, file, db, uow, events, host: opts.host, clock,
    logIncident(incident) {
      const line = JSON.stringify({ at: clock().toISOString(), ...incident });
      try {
        fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
        fs.appendFileSync(path.join(dataDir, 'logs', 'incidents.log'), line + '\n');
      } catch { /* logging must never mask the original failure */ }
      process.stderr.write(`[kuajing] internal error ${incident.incidentId} in ${incident.command}: ${incident.message}\n`);
    },
    close() {
      if (closed) return;
      closed = true;
      stopBackgroundSync(ws);
      db.close();
    },
  };
  // Interactive hosts sync in the background once a transport is configured (sync-handlers.ts).
  if (opts.host === 'electron' || opts.host === 'web') startBackgroundSync(ws);
  return ws;
}
