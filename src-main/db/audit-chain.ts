/**
 * Tamper-evident audit trail (issue 16, point 6). Temporary triggers (per connection, never in
 * the file) note every row a unit of work inserts, updates or deletes in the audited tables; at
 * the end of the transaction `recordAuditEntry` hashes each such row's content (SHA-256 of its
 * values in column order), appends one `audit_row` per row (content hash, or '-' when deleted)
 * and one `audit_entry` chaining SHA-256(previous entry hash, command id, command, time, hash of
 * its row lines). So each business row keeps its content hash and the entry that last wrote it.
 * `verifyAudit` (doctor) re-hashes every row and the chain and names the first that no longer
 * matches. Rows written outside a unit of work (migrations) are recorded by `reconcileAudit`.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

type Db = Database.Database;
export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_TABLES = new Set(['audit_entry', 'audit_row']);

interface AuditedTable {
  readonly name: string;
  /** SQL giving the row key from a row alias: `rowid`, or a JSON array of the primary key. */
  readonly keyExpr: (alias: string) => string;
  readonly pk: readonly string[] | null;
}

const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const tablesOf = new WeakMap<Db, AuditedTable[]>();

/** The audited tables of this connection (schema read once: it changes only by migrations, before install). */
function auditedTables(db: Db): AuditedTable[] {
  let tables = tablesOf.get(db);
  if (!tables) {
    tables = readAuditedTables(db);
    tablesOf.set(db, tables);
  }
  return tables;
}

function readAuditedTables(db: Db): AuditedTable[] {
  if (db.prepare("SELECT count(*) FROM main.sqlite_schema WHERE name = 'audit_entry'").pluck().get() !== 1) return [];
  const tables = db
    .prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string; sql: string }>;
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return tables
    .filter(
      (t) => !AUDIT_TABLES.has(t.name) && !virtual.includes(t.name) && !virtual.some((v) => t.name.startsWith(`${v}_`)),
    )
    .map((t) => {
      if (!/WITHOUT\s+ROWID/i.test(t.sql)) return { name: t.name, keyExpr: (a: string) => `${a}.rowid`, pk: null };
      const pk = (db.prepare(`PRAGMA main.table_info(${q(t.name)})`).all() as Array<{ name: string; pk: number }>)
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      return { name: t.name, keyExpr: (a: string) => `json_array(${pk.map((c) => `${a}.${q(c)}`).join(', ')})`, pk };
    });
}

/** Installs the temporary change-noting triggers on this connection (after migrations). */
export function installAuditTriggers(db: Db): void {
  tablesOf.set(db, readAuditedTables(db));
  const tables = auditedTables(db);
  if (tables.length === 0) return;
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS audit_changed (tbl TEXT NOT NULL, k TEXT NOT NULL, PRIMARY KEY (tbl, k)) WITHOUT ROWID',
  );
  for (const t of tables) {
    for (const [op, alias] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      const name = q(`audit_${op.toLowerCase()}_${t.name}`);
      db.exec(`DROP TRIGGER IF EXISTS temp.${name}`);
      // NOT EXISTS, not OR IGNORE: a trigger fired by an UPSERT (stock_balances_ai's ON CONFLICT DO
      // UPDATE) runs its statements under the outer conflict policy, so OR IGNORE would still abort.
      db.exec(`CREATE TEMP TRIGGER ${name} AFTER ${op} ON main.${q(t.name)} BEGIN
        ${noteChange(t.name, t.keyExpr(alias))} END`);
      if (op === 'UPDATE') {
        // a key change: the old key is gone
        db.exec(
          `CREATE TEMP TRIGGER ${q(`audit_rekey_${t.name}`)} AFTER UPDATE ON main.${q(t.name)} WHEN CAST(${t.keyExpr('OLD')} AS TEXT) <> CAST(${t.keyExpr('NEW')} AS TEXT) BEGIN
          ${noteChange(t.name, t.keyExpr('OLD'))} END`.replace(
            'CREATE TEMP TRIGGER',
            'CREATE TEMP TRIGGER IF NOT EXISTS',
          ),
        );
      }
    }
  }
}

/** The trigger statement noting a changed row key once. */
function noteChange(table: string, keyExpr: string): string {
  const key = `CAST(${keyExpr} AS TEXT)`;
  return `INSERT INTO temp.audit_changed (tbl, k) SELECT ${sqlString(table)}, ${key}
          WHERE NOT EXISTS (SELECT 1 FROM temp.audit_changed WHERE tbl = ${sqlString(table)} AND k = ${key});`;
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function rowFetcher(db: Db, tables: readonly AuditedTable[]): (tbl: string, key: string) => unknown[] | undefined {
  const cache = new Map<string, Database.Statement>();
  return (tbl, key) => {
    const t = tables.find((x) => x.name === tbl);
    if (!t) return undefined;
    let stmt = cache.get(tbl);
    if (!stmt) {
      stmt = t.pk
        ? db.prepare(
            `SELECT * FROM main.${q(tbl)} WHERE (${t.pk.map(q).join(', ')}) = (${t.pk.map(() => '?').join(', ')})`,
          )
        : db.prepare(`SELECT * FROM main.${q(tbl)} WHERE rowid = ?`);
      stmt.raw(true);
      cache.set(tbl, stmt);
    }
    const args = t.pk ? (JSON.parse(key) as unknown[]) : [Number(key)];
    return stmt.get(...args) as unknown[] | undefined;
  };
}

/** The content hash of one row: its values in column order (blobs as base64). */
export function rowHash(values: readonly unknown[]): string {
  return sha256(
    JSON.stringify(
      values.map((v) =>
        Buffer.isBuffer(v) ? `b64:${v.toString('base64')}` : typeof v === 'bigint' ? v.toString() : v,
      ),
    ),
  );
}

function appendEntry(
  db: Db,
  commandId: number,
  command: string,
  at: string,
  changes: ReadonlyArray<{ tbl: string; k: string; hash: string }>,
): number {
  const lines = changes.map((c) => `${c.tbl}\t${c.k}\t${c.hash}`).join('\n');
  const rowsHash = sha256(lines);
  const prev =
    (db.prepare('SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ??
    GENESIS_HASH;
  const id = Number(db.prepare('SELECT coalesce(max(id), 0) + 1 FROM audit_entry').pluck().get());
  const hash = entryHash(prev, id, commandId, command, at, rowsHash, changes.length);
  db.prepare(
    'INSERT INTO audit_entry (id, command_id, command, at, row_count, rows_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, commandId, command, at, changes.length, rowsHash, prev, hash);
  const insert = db.prepare('INSERT INTO audit_row (tbl, k, entry_id, hash) VALUES (?, ?, ?, ?)');
  for (const c of changes) insert.run(c.tbl, c.k, id, c.hash);
  return id;
}

export function entryHash(
  prev: string,
  id: number,
  commandId: number,
  command: string,
  at: string,
  rowsHash: string,
  rowCount: number,
): string {
  return sha256([prev, id, commandId, command, at, rowCount, rowsHash].join('\n'));
}

/** Inside the unit of work's transaction, before commit: one chained entry for the rows it wrote. */
export function recordAuditEntry(db: Db, commandId: number, command: string, at: string): void {
  const tables = auditedTables(db);
  if (tables.length === 0) return;
  const noted = db.prepare('SELECT tbl, k FROM temp.audit_changed ORDER BY tbl, k').all() as Array<{
    tbl: string;
    k: string;
  }>;
  const fetch = rowFetcher(db, tables);
  const changes = noted.map(({ tbl, k }) => {
    const row = fetch(tbl, k);
    return { tbl, k, hash: row ? rowHash(row) : '-' };
  });
  db.exec('DELETE FROM temp.audit_changed');
  appendEntry(db, commandId, command, at, changes);
}

/** Forgets what a rolled-back transaction noted. */
export function clearAuditNotes(db: Db): void {
  if (db.prepare("SELECT count(*) FROM temp.sqlite_schema WHERE name = 'audit_changed'").pluck().get() === 1)
    db.exec('DELETE FROM temp.audit_changed');
}

/** The latest recorded hash of every row key of a table. */
function latestHashes(db: Db, tbl: string): Map<string, string> {
  const rows = db.prepare(`SELECT k, hash FROM audit_row WHERE tbl = ? ORDER BY entry_id`).raw(true).all(tbl) as Array<
    [string, string]
  >;
  const out = new Map<string, string>();
  for (const [k, h] of rows) out.set(k, h);
  return out;
}

/** Every row of an audited table as its key and its content hash, streamed (never the whole table at once). */
function* hashedRows(
  db: Db,
  t: { readonly name: string; keyExpr(table: string): string },
): Generator<{ k: string; hash: string }> {
  for (const row of db
    .prepare(`SELECT CAST(${t.keyExpr(q(t.name))} AS TEXT), * FROM main.${q(t.name)}`)
    .raw(true)
    .iterate() as Iterable<unknown[]>) {
    yield { k: String(row[0]), hash: rowHash(row.slice(1)) };
  }
}

/**
 * Rows whose content differs from what the trail last recorded (or that it never recorded), and
 * recorded rows that are gone: recorded as one entry `command` (migrations; the first trail of an
 * older ledger). Returns how many rows it recorded (0: nothing, no entry).
 */
export function reconcileAudit(db: Db, command: string, at: string): number {
  const tables = auditedTables(db);
  if (tables.length === 0) return 0;
  const changes: Array<{ tbl: string; k: string; hash: string }> = [];
  for (const t of tables) {
    const known = latestHashes(db, t.name);
    const seen = new Set<string>();
    for (const { k, hash: h } of hashedRows(db, t)) {
      seen.add(k);
      if (known.get(k) !== h) changes.push({ tbl: t.name, k, hash: h });
    }
    for (const [k, h] of known) if (h !== '-' && !seen.has(k)) changes.push({ tbl: t.name, k, hash: '-' });
  }
  if (changes.length === 0) return 0;
  const commandId = Number(
    db.prepare('INSERT INTO command_log (command, at) VALUES (?, ?)').run(command, at).lastInsertRowid,
  );
  // the command_log row just written belongs to this entry too
  const log = tables.find((t) => t.name === 'command_log');
  if (log) {
    const row = rowFetcher(db, tables)('command_log', String(commandId));
    if (row) changes.push({ tbl: 'command_log', k: String(commandId), hash: rowHash(row) });
  }
  clearAuditNotes(db);
  appendEntry(db, commandId, command, at, changes);
  return changes.length;
}

export type AuditFinding =
  | { readonly kind: 'row'; readonly table: string; readonly key: string; readonly entryId: number | null }
  | { readonly kind: 'unrecorded'; readonly table: string; readonly key: string }
  | { readonly kind: 'missing'; readonly table: string; readonly key: string; readonly entryId: number | null }
  | { readonly kind: 'entry'; readonly entryId: number };

export interface AuditReport {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: string;
  /** The first entry or row that no longer matches, or null. */
  readonly firstMismatch: AuditFinding | null;
}

/** Re-hashes the chain and every audited row; names the first that no longer matches. */
export function verifyAudit(db: Db): AuditReport {
  const tables = auditedTables(db);
  if (tables.length === 0) return { ok: true, entries: 0, head: GENESIS_HASH, firstMismatch: null };
  let prev = GENESIS_HASH;
  let entries = 0;
  const rowLines = db.prepare('SELECT tbl, k, hash FROM audit_row WHERE entry_id = ? ORDER BY rowid');
  for (const e of db
    .prepare(
      'SELECT id, command_id AS commandId, command, at, row_count AS rowCount, rows_hash AS rowsHash, prev_hash AS prevHash, hash FROM audit_entry ORDER BY id',
    )
    .iterate() as Iterable<{
    id: number;
    commandId: number;
    command: string;
    at: string;
    rowCount: number;
    rowsHash: string;
    prevHash: string;
    hash: string;
  }>) {
    entries++;
    const lines = (rowLines.all(e.id) as Array<{ tbl: string; k: string; hash: string }>).map(
      (r) => `${r.tbl}\t${r.k}\t${r.hash}`,
    );
    const ok =
      e.prevHash === prev &&
      lines.length === e.rowCount &&
      sha256(lines.join('\n')) === e.rowsHash &&
      entryHash(prev, e.id, e.commandId, e.command, e.at, e.rowsHash, e.rowCount) === e.hash;
    if (!ok) return { ok: false, entries, head: prev, firstMismatch: { kind: 'entry', entryId: e.id } };
    prev = e.hash;
  }
  const entryOf = db.prepare('SELECT max(entry_id) FROM audit_row WHERE tbl = ? AND k = ?').pluck();
  for (const t of tables) {
    const known = latestHashes(db, t.name);
    const seen = new Set<string>();
    for (const { k, hash } of hashedRows(db, t)) {
      seen.add(k);
      const recorded = known.get(k);
      if (recorded === undefined || recorded === '-')
        return { ok: false, entries, head: prev, firstMismatch: { kind: 'unrecorded', table: t.name, key: k } };
      if (recorded !== hash) {
        return {
          ok: false,
          entries,
          head: prev,
          firstMismatch: {
            kind: 'row',
            table: t.name,
            key: k,
            entryId: (entryOf.get(t.name, k) as number | null) ?? null,
          },
        };
      }
    }
    for (const [k, h] of known) {
      if (h !== '-' && !seen.has(k))
        return {
          ok: false,
          entries,
          head: prev,
          firstMismatch: {
            kind: 'missing',
            table: t.name,
            key: k,
            entryId: (entryOf.get(t.name, k) as number | null) ?? null,
          },
        };
    }
  }
  return { ok: true, entries, head: prev, firstMismatch: null };
}

/** The hash of the newest audit entry (the chain head), or null before the first entry / without the trail. */
export function auditHead(db: Db): string | null {
  if (db.prepare("SELECT count(*) FROM main.sqlite_schema WHERE name = 'audit_entry'").pluck().get() !== 1) return null;
  return (
    (db.prepare('SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? null
  );
}
