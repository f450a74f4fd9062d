/**
 * The integrity check moved off the first screen (issue 19 point 3): the CLI still runs
 * `quick_check` at open, the interactive hosts open without it and check after the first screen —
 * on a snapshot (or today's daily copy), in a worker thread — and `app.info` reports the result,
 * naming the newest good backup when the ledger is damaged.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, LEDGER_FILE, type Workspace } from '../../../src-main/api/workspace.ts';
import { createHandlers } from '../../../src-main/api/handlers.ts';
import { createDispatch } from '../../../src-main/api/dispatch.ts';
import { checkLedgerAfterOpen } from '../../../src-main/areas/maintenance/index.ts';
import { quickCheckOffThread } from '../../../src-main/db/check-off-thread.ts';
import { dailyBackupFile } from '../../../src-main/db/backups.ts';
import { tempDir } from '../../helpers/workspace.ts';

const open: Workspace[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const clock = () => new Date(2026, 11, 7, 10, 0, 0); // local 2026-12-07

async function appInfo(ws: Workspace): Promise<Record<string, unknown>> {
  const r = await createDispatch(createHandlers(ws), () => undefined)('app.info', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as Record<string, unknown>;
}

/** A ledger with a table of ~1 MB, a good backup of it, then one page deep in the file overwritten. */
async function deeplyDamaged(): Promise<{ dataDir: string; backup: string }> {
  const dataDir = tempDir('kuajing-integrity-');
  const ws = await openWorkspace({ dataDir, host: 'test', clock });
  ws.read.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = ws.read.prepare('INSERT INTO filler (body) VALUES (?)');
  ws.read.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(60));
  })();
  const backup = path.join(dataDir, 'backups', 'daily', 'ledger-2026-12-06.sqlite');
  fs.mkdirSync(path.dirname(backup), { recursive: true });
  await ws.read.backup(backup);
  ws.read.pragma('wal_checkpoint(TRUNCATE)');
  ws.close();
  const file = path.join(dataDir, LEDGER_FILE);
  const pages = fs.statSync(file).size / 4096;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(pages * 0.6) * 4096); // a filler page
  fs.closeSync(fd);
  return { dataDir, backup };
}

describe('quickCheckOffThread', () => {
  it('checks a copy in a worker thread: ok when sound, the code when it is no database, settled out of WAL', async () => {
    const dir = tempDir('kuajing-offthread-');
    const file = path.join(dir, 'copy.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expect(await quickCheckOffThread(file, { settle: true })).toBe('ok');
    const again = new Database(file, { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    again.close();
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(8192, 0x5a));
    expect(await quickCheckOffThread(junk)).toBe('SQLITE_NOTADB');
  });
});

describe('the integrity check after the first screen', () => {
  it('the CLI still refuses a deeply damaged ledger at open', async () => {
    const { dataDir } = await deeplyDamaged();
    await expect(openWorkspace({ dataDir, host: 'cli', clock })).rejects.toMatchObject({ code: 'db.corrupt' });
  });

  it('the web host opens it without reading it whole; the check after the first screen reports it with the newest good backup', async () => {
    const { dataDir, backup } = await deeplyDamaged();
    const ws = await openWorkspace({ dataDir, host: 'web', clock });
    open.push(ws);
    expect(await appInfo(ws)).toMatchObject({ integrity: { state: 'pending' } });
    const found = await checkLedgerAfterOpen(ws);
    expect(found).toMatchObject({ state: 'damaged', newestBackup: backup });
    expect(found.detail).not.toBe('ok');
    expect(await appInfo(ws)).toMatchObject({ integrity: { state: 'damaged', newestBackup: backup } });
    // the damaged copy was not kept as today's daily backup
    expect(fs.existsSync(dailyBackupFile(ws.file, '2026-12-07'))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'incidents.log'), 'utf8')).toContain(
      'maintenance.integrityCheck',
    );
  });

  it("with today's daily copy already taken, it checks a snapshot (removed afterwards)", async () => {
    const { dataDir, backup } = await deeplyDamaged();
    const today = dailyBackupFile(path.join(dataDir, LEDGER_FILE), '2026-12-07');
    fs.copyFileSync(backup, today);
    const ws = await openWorkspace({ dataDir, host: 'web', clock });
    open.push(ws);
    expect(await checkLedgerAfterOpen(ws)).toMatchObject({ state: 'damaged' });
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.startsWith('.check'))).toEqual([]);
  });

  it("a sound ledger: today's verified daily copy is the check; the next open checks a snapshot", async () => {
    const dataDir = tempDir('kuajing-integrity-ok-');
    const ws = await openWorkspace({ dataDir, host: 'web', clock });
    open.push(ws);
    expect(await checkLedgerAfterOpen(ws)).toMatchObject({ state: 'ok' });
    expect(fs.existsSync(dailyBackupFile(ws.file, '2026-12-07'))).toBe(true);
    expect(await checkLedgerAfterOpen(ws)).toMatchObject({ state: 'ok' });
    const cli = await openWorkspace({ dataDir: tempDir(), host: 'cli', clock });
    open.push(cli);
    expect(await appInfo(cli)).toMatchObject({ integrity: { state: 'checkedAtOpen' } });
  });
});
