/**
 * The two handles on the ledger file. `ReadDb` is what a workspace hands out for queries;
 * `WriteDb` exists only inside a unit of work (`Tx.db`). Store functions that write take a
 * `WriteDb`, which a `ReadDb` does not satisfy: a write outside a transaction does not compile.
 */
import type { Db } from './open-ledger.ts';

declare const writable: unique symbol;

export type ReadDb = Db;
export type WriteDb = Db & { readonly [writable]: true };

/** Only the unit of work (and migrations/tests that own the file) may call this. */
export function asWriteDb(db: Db): WriteDb {
  return db as WriteDb;
}
