/**
 * The one write path. Every mutating command runs here: one at a time (better-sqlite3 is
 * synchronous, and re-entry is refused), inside one transaction that records the command,
 * applies the change and appends its outbox rows, then the audit entry chaining the rows it wrote
 * (audit-chain.ts). Listeners hear about a command only after it committed; a throw rolls
 * everything back, outbox rows and audit entry included.
 */
import { DomainError } from '../core/domain-error.ts';
import type { Db } from './open-ledger.ts';
import { asWriteDb, type WriteDb } from './ports.ts';
import { recordAuditEntry } from './audit-chain.ts';

export interface OutboxItem {
  readonly kind: string;
  /** Unique per business document and message type; a key is never queued twice. */
  readonly idempotencyKey: string;
  readonly payload: unknown;
}

export interface Tx {
  /** The write handle: only a Tx has one (ports.ts). */
  readonly db: WriteDb;
  readonly commandId: number;
  /** ISO-8601 time of this command, from the workspace clock. */
  readonly now: string;
  enqueue(item: OutboxItem): void;
}

export class UnitOfWork {
  readonly #db: Db;
  readonly #clock: () => Date;
  readonly #committed: Array<(command: string) => void> = [];
  #running = false;
  readonly #insertCommand;
  readonly #insertOutbox;

  constructor(db: Db, clock: () => Date = () => new Date()) {
    this.#db = db;
    this.#clock = clock;
    this.#insertCommand = db.prepare('INSERT INTO command_log (command, at) VALUES (?, ?)');
    this.#insertOutbox = db.prepare(
      'INSERT INTO outbox (command_id, kind, idempotency_key, payload, created_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  onCommitted(listener: (command: string) => void): void {
    this.#committed.push(listener);
  }

  run<T>(command: string, work: (tx: Tx) => T): T {
    if (this.#running) throw new Error(`unit-of-work re-entered by ${command}`);
    if (this.#db.readonly) throw new DomainError('db.readOnly', { command });
    this.#running = true;
    let result: T;
    try {
      result = this.#db.transaction(() => {
        const now = this.#clock().toISOString();
        const commandId = Number(this.#insertCommand.run(command, now).lastInsertRowid);
        const tx: Tx = {
          db: asWriteDb(this.#db),
          commandId,
          now,
          enqueue: (item) => {
            this.#insertOutbox.run(commandId, item.kind, item.idempotencyKey, JSON.stringify(item.payload), now);
          },
        };
        const value = work(tx);
        recordAuditEntry(this.#db, commandId, command, now);
        return value;
      })();
    } finally {
      this.#running = false;
    }
    for (const listener of this.#committed) listener(command);
    return result;
  }
}
