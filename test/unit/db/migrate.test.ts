/** migrate(): migrations marked `-- kuajing:foreign-keys-off` rebuild referenced tables with foreign keys off, checked before commit. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, it, expect, afterEach } from 'vitest';
import { FOREIGN_KEYS_OFF, loadMigrations, migrate } from '../../../src-main/db/migrate.ts';
import { tempDir } from '../../helpers/workspace.ts';

const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const BASE = `CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT;
INSERT INTO parent VALUES (1, 'a'), (2, 'b');
INSERT INTO child VALUES (10, 1), (11, 2);`;

/** Rebuilds `parent` with a CHECK on name, copying the rows `keep` selects. */
const rebuild = (
  keep: string,
) => `CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0)) STRICT;
INSERT INTO parent_new SELECT id, name FROM parent WHERE ${keep};
DROP TABLE parent;
ALTER TABLE parent_new RENAME TO parent;
CREATE TRIGGER parent_append_only BEFORE DELETE ON parent BEGIN SELECT RAISE(ABORT, 'parent is append-only'); END;`;

/** A ledger file at version 1 (BASE) and a migrations folder with `second` as 0002. */
async function atVersion1(second: string) {
  const dir = tempDir('kuajing-migrate-');
  const migrationsDir = path.join(dir, 'migrations');
  fs.mkdirSync(migrationsDir);
  fs.writeFileSync(path.join(migrationsDir, '0001-base.sql'), BASE);
  const file = path.join(dir, 'ledger.sqlite');
  const db = new Database(file);
  opened.push(db);
  db.pragma('foreign_keys = ON');
  const opts = {
    file,
    backupDir: path.join(dir, 'backups'),
    migrationsDir,
    now: () => new Date('2026-04-10T00:00:00Z'),
  };
  await migrate(db, opts);
  fs.writeFileSync(path.join(migrationsDir, '0002-rebuild.sql'), second);
  return { db, opts };
}

const fkOn = (db: Database.Database) => Number(db.pragma('foreign_keys', { simple: true }));

describe('migrate with foreign keys off', () => {
  it('reads the marker on the first line only', () => {
    const dir = tempDir('kuajing-migrate-');
    fs.writeFileSync(path.join(dir, '0001-a.sql'), `${FOREIGN_KEYS_OFF}\nSELECT 1;`);
    fs.writeFileSync(path.join(dir, '0002-b.sql'), `-- b\n${FOREIGN_KEYS_OFF}\nSELECT 1;`);
    expect(loadMigrations(dir).map((m) => m.foreignKeysOff)).toEqual([true, false]);
    expect(loadMigrations().find((m) => m.name === 'journal-stock-kind')?.foreignKeysOff).toBe(true);
  });

  it('rebuilds a referenced table, keeping its rows and the rows pointing at them, with a backup first', async () => {
    const { db, opts } = await atVersion1(`${FOREIGN_KEYS_OFF}\n${rebuild('1')}`);
    const report = await migrate(db, opts);
    expect(report).toMatchObject({ from: 1, to: 2 });
    expect(fs.existsSync(report.backupFile!)).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(fkOn(db)).toBe(1);
    expect(
      db.prepare('SELECT c.id, p.name FROM child c JOIN parent p ON p.id = c.parent_id ORDER BY c.id').all(),
    ).toEqual([
      { id: 10, name: 'a' },
      { id: 11, name: 'b' },
    ]);
    expect(() => db.prepare("INSERT INTO parent VALUES (3, '')").run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO child VALUES (12, 99)').run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('cannot run the same rebuild unmarked (foreign keys stay on inside the transaction)', async () => {
    const { db, opts } = await atVersion1(rebuild('1'));
    await expect(migrate(db, opts)).rejects.toThrow(/FOREIGN KEY/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('rolls back a rebuild that leaves a dangling reference, and turns foreign keys back on', async () => {
    const { db, opts } = await atVersion1(`${FOREIGN_KEYS_OFF}\n${rebuild('id <> 1')}`);
    await expect(migrate(db, opts)).rejects.toThrow(
      /migration to 2 leaves 1 dangling reference\(s\), e\.g\. child row 10 → parent/,
    );
    expect(fkOn(db)).toBe(1);
    expect(db.inTransaction).toBe(false);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id FROM parent ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('parent_new', 'parent_append_only')").pluck().get(),
    ).toBe(0);
    expect(() => db.prepare('INSERT INTO child VALUES (12, 99)').run()).toThrow(/FOREIGN KEY/);
  });
});
