/**
 * A host on a damaged ledger (issue 16 point 4): it starts in recovery, every command answers the
 * open error naming the newest good backup, the backups are listed, and restoring one puts it in
 * place (the damaged file kept aside) and opens the workspace, after which commands run as usual.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveWorkspace, type ServedWorkspace } from '../../../src-main/api/recovery.ts';
import { LEDGER_FILE } from '../../../src-main/api/workspace.ts';
import { ok } from '../../helpers/dispatch.ts';
import { openTestWorkspace, tempDir, VALID_PROFILE } from '../../helpers/workspace.ts';

const served: ServedWorkspace[] = [];
afterEach(() => {
  while (served.length) served.pop()!.close();
});

async function damagedWithBackup(): Promise<{ dataDir: string; backup: string }> {
  const dataDir = tempDir('kuajing-recovery-');
  const { ws, dispatch } = await openTestWorkspace(dataDir);
  await ok(dispatch, 'company.save', VALID_PROFILE);
  const backup = path.join(dataDir, 'backups', 'daily', 'ledger-2026-12-06.sqlite');
  fs.mkdirSync(path.dirname(backup), { recursive: true });
  await ws.read.backup(backup);
  ws.close();
  const fd = fs.openSync(path.join(dataDir, LEDGER_FILE), 'r+');
  fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0); // the header overwritten: not a database any more
  fs.closeSync(fd);
  return { dataDir, backup };
}

describe('a host on a damaged ledger', () => {
  it('answers every command with the open error naming the newest backup, and lists the backups', async () => {
    const { dataDir, backup } = await damagedWithBackup();
    const s = await serveWorkspace(dataDir, 'test');
    served.push(s);
    expect(s.recovering()).toBe(true);
    expect(await s.dispatch('company.get', {})).toEqual({
      ok: false,
      error: { code: 'db.notALedger', params: { file: path.join(dataDir, LEDGER_FILE), newestBackup: backup } },
    });
    expect(await s.dispatch('orders.list', {})).toMatchObject({ ok: false, error: { code: 'db.notALedger' } });
    expect(await s.dispatch('maintenance.backups.list', {})).toEqual({
      ok: true,
      value: [expect.objectContaining({ kind: 'daily', name: 'daily/ledger-2026-12-06.sqlite' })],
    });
    expect(await s.dispatch('maintenance.restore', { name: 'daily/../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'backup.notFound' },
    });
    expect(s.recovering()).toBe(true);
  });

  it('restores the chosen backup, keeps the damaged file aside, and then runs commands in the restored ledger', async () => {
    const { dataDir } = await damagedWithBackup();
    const s = await serveWorkspace(dataDir, 'test');
    served.push(s);
    const r = await s.dispatch('maintenance.restore', { name: 'daily/ledger-2026-12-06.sqlite' });
    expect(r).toMatchObject({ ok: true, value: { restoredFrom: 'daily/ledger-2026-12-06.sqlite' } });
    const keptAside = (r as { value: { keptAside: string } }).value.keptAside;
    expect(keptAside).toMatch(/^backups\/pre-restore\/ledger-damaged-.*\.sqlite$/);
    expect(fs.readFileSync(path.join(dataDir, keptAside)).subarray(0, 4)).toEqual(Buffer.alloc(4, 0x5a));
    expect(s.recovering()).toBe(false);
    expect(await s.dispatch('company.get', {})).toMatchObject({ ok: true, value: { name: VALID_PROFILE.name } });
  });

  it('opens a healthy ledger as usual, and leaves other open errors to the caller', async () => {
    const dataDir = tempDir('kuajing-recovery-ok-');
    const s = await serveWorkspace(dataDir, 'test');
    served.push(s);
    expect(s.recovering()).toBe(false);
    await expect(serveWorkspace(dataDir, 'test')).rejects.toMatchObject({ code: 'db.alreadyOpen' });
  });

  it("opens with the host's migrations folder (the bundled Electron main passes its own), in recovery too", async () => {
    const fresh = tempDir('kuajing-recovery-migrations-');
    const nowhere = path.join(fresh, 'no-migrations-here');
    await expect(serveWorkspace(fresh, 'electron', { migrationsDir: nowhere })).rejects.toMatchObject({
      code: 'db.fileMissing',
    });
    const s = await serveWorkspace(fresh, 'electron', { migrationsDir: path.resolve('src-main/db/migrations') });
    served.push(s);
    expect(s.company()).toMatchObject({ host: 'electron', dataDir: fresh });
    const { dataDir } = await damagedWithBackup();
    const r = await serveWorkspace(dataDir, 'electron', { migrationsDir: path.resolve('src-main/db/migrations') });
    served.push(r);
    expect(r.company()).toBeNull();
    expect(await r.dispatch('maintenance.restore', { name: 'daily/ledger-2026-12-06.sqlite' })).toMatchObject({
      ok: true,
    });
    expect(r.company()).toMatchObject({ host: 'electron', dataDir });
  });
});
