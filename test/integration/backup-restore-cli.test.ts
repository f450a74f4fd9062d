/**
 * Backups and restore from the command line (issue 16, point 4), as a user meets them:
 * `kuajing backup` works while `kuajing serve` has the workspace open (the app makes the copy
 * through the socket named in kuajing-instance.json; without it the answer stays db.alreadyOpen);
 * after the file is damaged, `doctor` names the newest good backup, and `kuajing restore` brings
 * it back with the damaged file kept aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliWorkspace, json, kuajing } from '../helpers/cli.ts';

let child: ChildProcess | null = null;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  child = null;
});

async function serve(dir: string): Promise<void> {
  child = spawn(process.execPath, [CLI, 'serve', '--data-dir', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    child!.stdout!.on('data', (c) => {
      buf += String(c);
      if (buf.includes('\n')) resolve();
    });
    child!.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  for (let i = 0; i < 100 && !fs.existsSync(path.join(dir, 'kuajing-instance.json')); i++)
    await new Promise((r) => setTimeout(r, 50));
}

describe('backup and restore from the CLI', () => {
  it('backs up while the app is open, then restores after the file is damaged', async () => {
    const dir = cliWorkspace();
    await serve(dir);
    const info = JSON.parse(fs.readFileSync(path.join(dir, 'kuajing-instance.json'), 'utf8'));
    expect(info).toMatchObject({ pid: child!.pid, host: 'web' });
    if (process.platform !== 'win32') expect(fs.statSync(info.socket).mode & 0o077).toBe(0);

    // without the app's socket the file lock still says no
    fs.renameSync(path.join(dir, 'kuajing-instance.json'), path.join(dir, 'instance.hidden'));
    const refused = kuajing('backup', '--data-dir', dir, '--out', path.join(dir, 'x.sqlite'), '--json');
    expect(json(refused.out)).toMatchObject({ ok: false, error: { code: 'db.alreadyOpen' } });
    fs.renameSync(path.join(dir, 'instance.hidden'), path.join(dir, 'kuajing-instance.json'));

    const out = path.join(dir, 'backups', 'manual', 'ledger-2026-12-07T10-00-00-000Z.sqlite');
    const online = kuajing('backup', '--data-dir', dir, '--out', out, '--json');
    expect(online.code).toBe(0);
    expect(json(online.out)).toMatchObject({ ok: true, out });
    expect(fs.existsSync(out)).toBe(true);

    const exited = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGTERM');
    await exited;
    expect(fs.existsSync(path.join(dir, 'kuajing-instance.json'))).toBe(false);

    // damage the ledger: pages 2.. overwritten
    const file = path.join(dir, 'ledger.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 6));
    fs.writeFileSync(file, bytes);
    const doctor = kuajing('doctor', '--data-dir', dir, '--json');
    expect(doctor.code).toBe(1);
    const err = json(doctor.out).error;
    expect(['db.corrupt', 'db.notALedger']).toContain(err.code);
    expect(err.params.newestBackup).toBe(out);

    const restored = kuajing('restore', out, '--data-dir', dir, '--json');
    expect(restored.code).toBe(0);
    const r = json(restored.out);
    expect(r).toMatchObject({ ok: true, restoredFrom: out });
    expect(fs.existsSync(r.keptAside)).toBe(true);
    expect(path.relative(dir, r.keptAside)).toMatch(/^backups[/\\]pre-restore[/\\]/);
    const after = json(kuajing('doctor', '--data-dir', dir, '--json').out);
    expect(after).toMatchObject({ ok: true, integrity: 'ok', company: { name: '义乌小商品出口有限公司' } });
  }, 120_000);

  it('restores a healthy workspace in place, keeping the current file aside first', () => {
    const dir = cliWorkspace();
    const out = path.join(dir, 'copy.sqlite');
    expect(kuajing('backup', '--data-dir', dir, '--out', out, '--json').code).toBe(0);
    const r = kuajing('restore', out, '--data-dir', dir, '--json');
    expect(r.code).toBe(0);
    const keptAside = json(r.out).keptAside;
    expect(fs.existsSync(keptAside)).toBe(true);
    expect(kuajing('restore', path.join(dir, 'missing.sqlite'), '--data-dir', dir, '--json').code).toBe(1);
  }, 60_000);
  it('exports everything to a zip and loads it into a new folder, digest equal; a folder with a ledger is refused', () => {
    const dir = cliWorkspace();
    const zip = path.join(dir, 'all.zip');
    const exported = kuajing('archive', 'export', '--data-dir', dir, '--out', zip, '--json');
    expect(exported.code).toBe(0);
    const e = json(exported.out);
    expect(e).toMatchObject({ ok: true, file: zip });
    expect(e.rows).toBeGreaterThan(0);
    const target = path.join(path.dirname(dir), `${path.basename(dir)}-copy`);
    const imported = kuajing('archive', 'import', zip, '--data-dir', target, '--json');
    expect(imported.code).toBe(0);
    expect(json(imported.out)).toMatchObject({ ok: true, digest: e.digest, rows: e.rows });
    // the copy opens and holds the same company
    const company = kuajing('doctor', '--data-dir', target, '--json');
    expect(company.code).toBe(0);
    const again = kuajing('archive', 'import', zip, '--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('archive.targetExists');
  }, 60_000);
});
