/**
 * The workspace as every area sees it: a read port, the one write path (`uow`), the event bus,
 * the clock and the per-workspace services. It never hands out a raw database handle: reads go
 * through `read`, writes through `uow.run(…, tx => …)`. `api/workspace.ts` opens one.
 */
import type { ReadDb } from '../db/ports.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import type { EventBus } from './events.ts';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

export interface Incident {
  readonly incidentId: string;
  readonly command: string;
  readonly message: string;
  readonly stack?: string | undefined;
}

/** A per-workspace service: created once by `create` on first use and held by that workspace. */
export interface ServiceKey<T> {
  readonly name: string;
  create(ws: Workspace): T;
}

export interface Workspace {
  readonly dataDir: string;
  readonly file: string;
  /** Queries only; store functions that write refuse it by type (db/ports.ts). */
  readonly read: ReadDb;
  readonly uow: UnitOfWork;
  readonly events: EventBus;
  readonly host: HostKind;
  readonly clock: () => Date;
  /** Opened for reading only: dispatch refuses every mutating command with `db.readOnly`. */
  readonly readOnly: boolean;
  logIncident(incident: Incident): void;
  /** The workspace's instance of a service (sync engine, practice platform …); no module-level state. */
  service<T>(key: ServiceKey<T>): T;
  /** Runs `fn` when the workspace closes, before its database does. */
  onClose(fn: () => void): void;
  close(): void;
}
