/**
 * Backups and restore on real ledger files (issue 16, point 4): rotation keeps 7 daily + 4 weekly
 * copies with pre-migration and pre-restore copies apart; every copy is verified before it gets
 * its name and never overwrites; the daily copy is taken once a day by the automatic timer;
 * restore in place through `maintenance.restore` brings back the earlier state in one command,
 * keeps the current state aside first, rebuilds the order search index, and a bad name or a
 * damaged copy changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dailyToKeep,
  listBackups,
  quickCheckFile,
  rotateBackups,
  writeVerifiedBackup,
} from '../../../../src-main/db/backups.ts';
import { startAutomaticBackups, takeDailyBackup } from '../../../../src-main/areas/maintenance/index.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import { openTestWorkspace, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { errorOf, ok } from '../../../helpers/dispatch.ts';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

function days(from: string, n: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

async function open(): Promise<{ w: Workspace; dispatch: Dispatch }> {
  const opened = await openTestWorkspace();
  ws = opened.ws;
  return { w: opened.ws, dispatch: opened.dispatch };
}

describe('backup rotation', () => {
  it('keeps the newest 7 daily copies and the newest copy of each of the 4 weeks before them', () => {
    const all = days('2026-10-01', 60); // Thu 1 Oct … Sun 29 Nov
    const keep = [...dailyToKeep(all)].sort();
    expect(keep).toHaveLength(11);
    expect(keep.slice(-7)).toEqual(all.slice(-7)); // 23–29 Nov
    // weeks starting Mon 16, 9, 2 Nov and 26 Oct, each by its Sunday (the newest day in it)
    expect(keep.slice(0, 4)).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22']);
  });

  it('rotates daily copies on disk and keeps pre-migration and pre-restore copies apart', async () => {
    const { w } = await open();
    const root = path.join(w.dataDir, 'backups');
    for (const d of days('2026-10-01', 20)) {
      fs.mkdirSync(path.join(root, 'daily'), { recursive: true });
      fs.copyFileSync(w.file, path.join(root, 'daily', `ledger-${d}.sqlite`));
    }
    for (let i = 0; i < 12; i++) {
      fs.mkdirSync(path.join(root, 'pre-restore'), { recursive: true });
      fs.copyFileSync(
        w.file,
        path.join(root, 'pre-restore', `ledger-2026-09-${String(i + 1).padStart(2, '0')}T10-00-00-000Z.sqlite`),
      );
    }
    fs.mkdirSync(path.join(root, 'pre-migration'), { recursive: true });
    fs.copyFileSync(w.file, path.join(root, 'pre-migration', 'ledger-v8-2026-01-01T00-00-00-000Z.sqlite'));
    rotateBackups(w.file);
    const left = listBackups(w.file);
    expect(left.filter((b) => b.kind === 'daily')).toHaveLength(7 + 2); // 20 days span 3 earlier weeks, one shared with the newest 7
    expect(left.filter((b) => b.kind === 'pre-restore').map((b) => b.name)).toHaveLength(10);
    expect(left.filter((b) => b.kind === 'pre-restore').at(-1)!.name).toBe(
      'pre-restore/ledger-2026-09-03T10-00-00-000Z.sqlite',
    );
    expect(left.filter((b) => b.kind === 'pre-migration')).toHaveLength(1);
  });
});

describe('verified copies', () => {
  it('never overwrites, and a copy on disk always passes quick_check', async () => {
    const { w, dispatch } = await open();
    await ok(dispatch, 'company.save', VALID_PROFILE);
    const target = path.join(w.dataDir, 'out', 'copy.sqlite');
    const done = await writeVerifiedBackup(w.read, target);
    expect(done.bytes).toBeGreaterThan(0);
    expect(quickCheckFile(target)).toBe('ok');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['copy.sqlite']); // no partial file left
    await expect(writeVerifiedBackup(w.read, target)).rejects.toMatchObject({ code: 'backup.exists' });
  });

  it('takes the daily copy once per day, from the automatic timer too', async () => {
    let now = new Date(2026, 11, 7, 9, 0, 0);
    const opened = await openTestWorkspace();
    ws = opened.ws;
    const w = { ...opened.ws, clock: () => now } as Workspace;
    expect((await takeDailyBackup(w))?.name).toBe('daily/ledger-2026-12-07.sqlite');
    expect(await takeDailyBackup(w)).toBeNull();
    now = new Date(2026, 11, 8, 9, 0, 0);
    startAutomaticBackups(w, { firstDelayMs: 1, everyMs: 60_000 });
    for (let i = 0; i < 100 && listBackups(w.file).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(listBackups(w.file).map((b) => b.name)).toEqual([
      'daily/ledger-2026-12-08.sqlite',
      'daily/ledger-2026-12-07.sqlite',
    ]);
  });
});

describe('restore in place', () => {
  it('brings back the state of a backup in one command, keeping the current state aside first', async () => {
    const { w, dispatch } = await open();
    await ok(dispatch, 'company.save', VALID_PROFILE);
    const copy = await ok<{ name: string; kind: string }>(dispatch, 'maintenance.backup.now', {});
    expect(copy.kind).toBe('manual');
    await ok(dispatch, 'company.save', { ...VALID_PROFILE, name: '改过名字的公司' });

    const listed = await ok<Array<{ name: string }>>(dispatch, 'maintenance.backups.list', {});
    expect(listed.map((b) => b.name)).toContain(copy.name);
    const r = await ok<{ keptAside: string; schemaFrom: number; schemaTo: number }>(dispatch, 'maintenance.restore', {
      name: copy.name,
    });
    expect(r.keptAside).toMatch(/^pre-restore\//);
    expect(r.schemaFrom).toBe(r.schemaTo);
    expect(await ok(dispatch, 'company.get', {})).toMatchObject({ name: VALID_PROFILE.name });
    // the restored history, plus the restore itself on record
    const log = w.read.prepare('SELECT command FROM command_log ORDER BY id').pluck().all();
    expect(log).toEqual(['company.save', 'maintenance.restore']);
    expect(w.read.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(w.read.pragma('foreign_keys', { simple: true })).toBe(1);
    // append-only triggers are back
    expect(() => w.read.prepare('DELETE FROM command_log').run()).toThrow();

    // and the state before it can be restored in turn
    await ok(dispatch, 'maintenance.restore', { name: r.keptAside });
    expect(await ok(dispatch, 'company.get', {})).toMatchObject({ name: '改过名字的公司' });
  });

  it('refuses a name outside the backups folder and a damaged copy, and changes nothing', async () => {
    const { w, dispatch } = await open();
    await ok(dispatch, 'company.save', VALID_PROFILE);
    expect((await errorOf(dispatch, 'maintenance.restore', { name: '../ledger.sqlite' })).code).toBe('backup.notFound');
    expect((await errorOf(dispatch, 'maintenance.restore', { name: '/etc/passwd' })).code).toBe('backup.notFound');
    const copy = await ok<{ name: string }>(dispatch, 'maintenance.backup.now', {});
    const file = path.join(w.dataDir, 'backups', copy.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192); // damage the second page
    fs.writeFileSync(file, bytes);
    const e = await errorOf(dispatch, 'maintenance.restore', { name: copy.name });
    expect(['restore.badFile', 'db.notALedger']).toContain(e.code);
    expect(await ok(dispatch, 'company.get', {})).toMatchObject({ name: VALID_PROFILE.name });
    expect(listBackups(w.file).filter((b) => b.kind === 'pre-restore')).toEqual([]);
  });
});
