/**
 * A scratch SQLite file for work too big for memory (issue 16, point 1): an import's rows and its
 * orders spill here in batches, so a 1M-row file is never held whole. Not the ledger: no journal,
 * no fsync, one connection, the file deleted on close. Values are stored as JSON, so they must be
 * plain data (strings, numbers, booleans, null, arrays, objects; `undefined` fields are dropped).
 *
 * - `list<T>()`: an append-only list (`push` buffers and writes in batches, `finish` ends writing);
 *   read back with `batches`, `at` (the blocks of 256 values last used are cached, as many as the list was made for), or `view()` — a read-only
 *   array stand-in (a Proxy over an empty array) for code written for arrays: `length`, indices,
 *   `for…of` and the array methods work, each row read from the file when asked for.
 * - `grouping(rows)`: keys given to row positions, then the rows again grouped by key, groups in
 *   the order of their first row and rows in file order, one page at a time (ORDER BY in SQLite,
 *   not a Map of every key in memory).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

const BATCH = 2000;
const BLOCK = 256;
const INDEX = /^(?:0|[1-9]\d*)$/;
const SPILLED = Symbol('spilledList');

type Db = InstanceType<typeof Database>;

export class Scratch {
  /** The folder the scratch file is in (other temporary files of the same work may go there too). */
  readonly folder: string;
  readonly file: string;
  readonly #db: Db;
  #lists = 0;
  #closed = false;
  /** Scratch files of another thread attached here (removed with this one). */
  readonly #attached: string[] = [];

  /** A new scratch file in `dir` (made if missing). */
  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.folder = dir;
    this.file = path.join(dir, `scratch-${randomUUID()}.sqlite`);
    this.#db = new Database(this.file);
    this.#db.pragma('journal_mode = OFF');
    this.#db.pragma('synchronous = OFF');
    this.#db.pragma('locking_mode = EXCLUSIVE');
    this.#db.pragma('temp_store = FILE');
    this.#db.pragma('cache_size = -8000'); // 8 MB of page cache, the rest stays on disk
  }

  /** `cachedBlocks`: how many blocks of 256 values `at` keeps (more for lists read out of order). */
  list<T>(cachedBlocks = 2): SpilledList<T> {
    return new SpilledList<T>(this, this.#db, `list${++this.#lists}`, cachedBlocks);
  }

  /** Row positions of `rows` grouped by a key (see the file's header). */
  grouping<T>(rows: SpilledList<T>): Grouping<T> {
    return new Grouping<T>(this.#db, `grouping${++this.#lists}`, rows);
  }

  /**
   * The list `table` (of `length` values) that another thread wrote in its scratch file `file`
   * (closed there with `detach`): the file is attached to this one, read from here, and removed
   * when this one closes.
   */
  attachedList<T>(file: string, table: string, length: number): SpilledList<T> {
    const schema = `attached${this.#attached.length + 1}`;
    this.#db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
    this.#attached.push(file);
    return new SpilledList<T>(this, this.#db, `${schema}.${table}`, 2, length);
  }

  /** Closes the file and keeps it, for another thread to attach (`attachedList`). */
  detach(): void {
    this.#closed = true;
    this.#db.close();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
    fs.rmSync(this.file, { force: true });
    for (const f of this.#attached) fs.rmSync(f, { force: true });
  }
}

export class SpilledList<T> {
  /** The scratch file it is in (for more lists of the same work). */
  readonly scratch: Scratch;
  readonly #db: Db;
  readonly table: string;
  readonly #insert: Database.Statement;
  readonly #page: Database.Statement;
  #pending: unknown[][] = [];
  #length = 0;
  /** Blocks read by `at`, most recently used last (a few: indices that come back often stay). */
  readonly #blocks = new Map<number, T[]>();

  readonly #cachedBlocks: number;

  /** `existing`: the length of a list already written (its table is not made). */
  constructor(scratch: Scratch, db: Db, table: string, cachedBlocks: number, existing: number | null = null) {
    this.scratch = scratch;
    this.#cachedBlocks = Math.max(1, cachedBlocks);
    this.#db = db;
    this.table = table;
    if (existing === null) db.exec(`CREATE TABLE ${table} (i INTEGER PRIMARY KEY, v TEXT NOT NULL)`);
    else this.#length = existing;
    this.#insert = db.prepare(`INSERT INTO ${table} (i, v) VALUES (?, ?)`);
    this.#page = db.prepare(`SELECT v FROM ${table} WHERE i >= ? ORDER BY i LIMIT ?`).pluck();
  }

  get length(): number {
    return this.#length;
  }

  push(value: T): void {
    this.#pending.push([this.#length++, JSON.stringify(value)]);
    if (this.#pending.length >= BATCH) this.flush();
  }

  /** Writes what is buffered; reading flushes first. */
  flush(): void {
    if (this.#pending.length === 0) return;
    const rows = this.#pending;
    this.#pending = [];
    this.#db.transaction(() => {
      for (const r of rows) this.#insert.run(r);
    })();
    this.#blocks.clear();
  }

  /** `count` values from position `from` (fewer at the end). */
  slice(from: number, count: number): T[] {
    this.flush();
    return (this.#page.all(from, count) as string[]).map((v) => JSON.parse(v) as T);
  }

  at(i: number): T | undefined {
    if (i < 0 || i >= this.#length) return undefined;
    const from = i - (i % BLOCK);
    let values = this.#blocks.get(from);
    if (values === undefined) {
      values = this.slice(from, BLOCK);
      if (this.#blocks.size >= this.#cachedBlocks) this.#blocks.delete(this.#blocks.keys().next().value!);
    } else this.#blocks.delete(from);
    this.#blocks.set(from, values);
    return values[i - from];
  }

  *batches(size = BATCH): Generator<T[]> {
    for (let from = 0; from < this.#length; from += size) yield this.slice(from, size);
  }

  *values(): Generator<T> {
    for (const batch of this.batches()) yield* batch;
  }

  /** A read-only array stand-in over this list (see the file's header). */
  view(): readonly T[] {
    const list = this;
    return new Proxy([] as T[], {
      get(target, key, receiver) {
        if (key === 'length') return list.length;
        if (key === SPILLED) return list;
        if (key === Symbol.iterator) return () => list.values();
        if (typeof key === 'string' && INDEX.test(key)) return list.at(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
      has(target, key) {
        if (typeof key === 'string' && INDEX.test(key)) return Number(key) < list.length;
        return Reflect.has(target, key);
      },
      set: () => false,
      deleteProperty: () => false,
    });
  }
}

/** The list behind a `view()`, or null for a plain array. */
export function spilledListOf<T>(values: readonly T[]): SpilledList<T> | null {
  return ((values as unknown as Record<symbol, unknown>)[SPILLED] as SpilledList<T> | undefined) ?? null;
}

/** `values` in batches: pages of a spilled list, slices of an array. */
export function* batchesOf<T>(values: readonly T[], size = BATCH): Generator<readonly T[]> {
  const list = spilledListOf(values);
  if (list !== null) {
    yield* list.batches(size);
    return;
  }
  for (let from = 0; from < values.length; from += size) yield values.slice(from, from + size);
}

export interface GroupRow<T> {
  readonly position: number;
  readonly value: T;
}

export class Grouping<T> {
  readonly #db: Db;
  readonly #table: string;
  readonly #rows: SpilledList<T>;
  readonly #insert: Database.Statement;
  #pending: Array<[string, number]> = [];

  constructor(db: Db, table: string, rows: SpilledList<T>) {
    this.#db = db;
    this.#table = table;
    this.#rows = rows;
    db.exec(`CREATE TABLE ${table} (k TEXT NOT NULL, i INTEGER NOT NULL)`);
    this.#insert = db.prepare(`INSERT INTO ${table} (k, i) VALUES (?, ?)`);
  }

  /** The row at `position` of the rows list belongs to group `key` (positions given in increasing order). */
  add(key: string, position: number): void {
    this.#pending.push([key, position]);
    if (this.#pending.length >= BATCH) this.#flush();
  }

  #flush(): void {
    const rows = this.#pending;
    this.#pending = [];
    this.#db.transaction(() => {
      for (const r of rows) this.#insert.run(r);
    })();
  }

  /**
   * Every group with its rows: groups in the order of their first row, rows in position order.
   * The sort is SQLite's (on disk); pages of about `size` rows are read, a group never split.
   */
  *groups(size = BATCH): Generator<{ key: string; rows: GroupRow<T>[] }> {
    this.#flush();
    this.#rows.flush();
    const t = this.#table;
    this.#db.exec(`CREATE TABLE ${t}_sorted (s INTEGER PRIMARY KEY, k TEXT NOT NULL, i INTEGER NOT NULL);
      INSERT INTO ${t}_sorted (k, i)
        SELECT g.k, g.i FROM ${t} g JOIN (SELECT k, MIN(i) AS f FROM ${t} GROUP BY k) m ON m.k = g.k
        ORDER BY m.f, g.i;
      DROP TABLE ${t};`);
    const page = this.#db.prepare(
      `SELECT s.s, s.k, s.i, r.v FROM ${t}_sorted s JOIN ${this.#rows.table} r ON r.i = s.i
       WHERE s.s > ? ORDER BY s.s LIMIT ?`,
    );
    let after = 0;
    let current: { key: string; rows: GroupRow<T>[] } | null = null;
    for (;;) {
      const rows = page.all(after, size) as Array<{ s: number; k: string; i: number; v: string }>;
      if (rows.length === 0) break;
      for (const r of rows) {
        if (current !== null && current.key !== r.k) {
          yield current;
          current = null;
        }
        current ??= { key: r.k, rows: [] };
        current.rows.push({ position: r.i, value: JSON.parse(r.v) as T });
      }
      after = rows.at(-1)!.s;
    }
    if (current !== null) yield current;
    this.#db.exec(`DROP TABLE ${t}_sorted`);
  }
}
