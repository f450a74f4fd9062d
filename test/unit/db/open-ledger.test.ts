import fs from 'node:fs';
import path from 'node:path';
import { fork } from 'node:child_process';
import { describe, it, expect, afterEach } from 'vitest';
import { openLedger, readPragmas, type Db } from '../../../src-main/db/open-ledger.ts';
import { defaultMigrationsDir, loadMigrations } from '../../../src-main/db/migrate.ts';
import { DomainError } from '../../../src-main/core/domain-error.ts';
import { tempDir } from '../../helpers/workspace.ts';

const opened: Db[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function open(file: string, opts: Parameters<typeof openLedger>[1] = {}) {
  const r = await openLedger(file, opts);
  opened.push(r.db);
  return r;
}

const LATEST = loadMigrations().length;
const n = (offset: number) => String(LATEST + offset).padStart(4, '0');

/** The real migrations plus extra ones numbered after the latest (`+1`, `+2`, …). */
function migrationsWith(extra: Record<string, string>): string {
  const dir = tempDir('kuajing-mig-');
  for (const f of fs.readdirSync(defaultMigrationsDir()))
    fs.copyFileSync(path.join(defaultMigrationsDir(), f), path.join(dir, f));
  Object.entries(extra).forEach(([name, sql], i) => fs.writeFileSync(path.join(dir, `${n(i + 1)}-${name}.sql`), sql));
  return dir;
}

async function expectCode(p: Promise<unknown>, code: string) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
}

describe('openLedger', () => {
  it('opens a new file in WAL mode with synchronous FULL, foreign keys on and a busy timeout', async () => {
    const { db, migration } = await open(path.join(tempDir(), 'ledger.sqlite'));
    expect(readPragmas(db)).toMatchObject({
      journalMode: 'wal',
      synchronous: 'FULL',
      foreignKeys: true,
      busyTimeoutMs: 5000,
    });
    expect(migration).toEqual({ from: 0, to: LATEST, backupFile: null });
  });

  it('refuses a second opener of the same file in the same process with db.alreadyOpen', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    await open(file);
    await expectCode(openLedger(file), 'db.alreadyOpen');
  });

  it('refuses a second process with db.alreadyOpen and leaves the file intact', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const { db } = await open(file);
    db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
    const child = fork(path.join(import.meta.dirname, '../../helpers/open-ledger-child.ts'), [file], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
    });
    await new Promise((r) => child.on('exit', r));
    expect(out.trim()).toBe('db.alreadyOpen');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get()).toBe('kept');
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('releases the lock on close so the file can be reopened', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const first = await openLedger(file);
    first.db.close();
    const second = await open(file);
    expect(second.migration.from).toBe(LATEST);
  });

  it('reports a file that is not a database as db.notALedger', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    fs.writeFileSync(file, 'this is not sqlite '.repeat(400));
    await expectCode(openLedger(file), 'db.notALedger');
  });

  it('backs up the file, then runs pending migrations in one transaction', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    (await openLedger(file)).db.close();
    const migrationsDir = migrationsWith({ extra: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' });
    const { db, migration } = await open(file, { migrationsDir });
    expect(migration.from).toBe(LATEST);
    expect(migration.to).toBe(LATEST + 1);
    expect(migration.backupFile).not.toBeNull();
    expect(fs.existsSync(migration.backupFile!)).toBe(true);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").pluck().get()).toBe(1);
  });

  it('rolls a failing migration back completely and keeps the old schema version', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    (await openLedger(file)).db.close();
    const migrationsDir = migrationsWith({
      half: 'CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;',
      broken: 'CREATE TABLE oops (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);',
    });
    await expect(openLedger(file, { migrationsDir })).rejects.toThrow(/no_such_table/);
    const { db } = await open(file);
    expect(readPragmas(db).schemaVersion).toBe(LATEST);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('half_done', 'oops')").pluck().get()).toBe(0);
  });

  it('refuses a file written by a newer version with db.schemaTooNew', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const { db } = await openLedger(file);
    db.pragma('user_version = 99');
    db.close();
    await expectCode(openLedger(file), 'db.schemaTooNew');
  });
});
