import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { CLI, json, kuajing } from '../helpers/cli.ts';
import { tempDir, VALID_USCC, VALID_CUSTOMS_CODE } from '../helpers/workspace.ts';
import pkg from '../../package.json' with { type: 'json' };

function init(dir: string) {
  return kuajing(
    'init',
    '--data-dir',
    dir,
    '--company-name',
    '红河边贸电商有限公司',
    '--uscc',
    VALID_USCC,
    '--customs-code',
    VALID_CUSTOMS_CODE,
    '--pilot-zone',
    'honghe',
    '--json',
  );
}

describe('kuajing CLI', () => {
  it('prints its version', () => {
    expect(kuajing('--version')).toMatchObject({ code: 0, out: `${pkg.version}\n` });
    expect(json(kuajing('--version', '--json').out)).toEqual({ version: pkg.version });
  });

  it('creates a workspace with init, and doctor reports WAL, FULL, foreign keys and a clean integrity check', () => {
    const dir = tempDir();
    const created = init(dir);
    expect(created.code).toBe(0);
    expect(json(created.out).company).toMatchObject({ uscc: VALID_USCC, pilotZone: 'honghe', version: 1 });
    const doctor = kuajing('doctor', '--data-dir', dir, '--json');
    expect(doctor.code).toBe(0);
    const report = json(doctor.out);
    expect(report.schemaVersion).toBe(report.latestSchemaVersion);
    expect(report).toMatchObject({
      ok: true,
      integrity: 'ok',
      journal_mode: 'wal',
      synchronous: 'FULL',
      foreign_keys: true,
    });
  });

  it('exits 1 with the domain error code for a wrong check digit, and saves no profile', () => {
    const dir = tempDir();
    const bad = VALID_USCC.slice(0, 17) + (VALID_USCC.endsWith('3') ? '4' : '3');
    const r = kuajing(
      'init',
      '--data-dir',
      dir,
      '--company-name',
      'X',
      '--uscc',
      bad,
      '--customs-code',
      VALID_CUSTOMS_CODE,
      '--json',
    );
    expect(r.code).toBe(1);
    expect(json(r.out)).toEqual({
      ok: false,
      error: { code: 'validation.failed', params: {}, fields: { uscc: 'company.uscc.checkDigit' } },
    });
    expect(json(kuajing('doctor', '--data-dir', dir, '--json').out).company).toBeNull();
  });

  it('exits 2 on usage errors: unknown command, unknown flag, missing required flag', () => {
    expect(kuajing('frobnicate').code).toBe(2);
    expect(kuajing('doctor', '--data-dir', tempDir(), '--colour').code).toBe(2);
    const r = kuajing('doctor', '--json');
    expect(r.code).toBe(2);
    expect(json(r.out).error.code).toBe('usage');
  });

  it('exits 1 with workspace.notFound when doctor is pointed at an empty folder', () => {
    const r = kuajing('doctor', '--data-dir', tempDir(), '--json');
    expect(r.code).toBe(1);
    expect(json(r.out).error.code).toBe('workspace.notFound');
  });

  it('writes a verified backup and refuses to overwrite one', () => {
    const dir = tempDir();
    init(dir);
    const out = path.join(tempDir(), 'copy.sqlite');
    const r = kuajing('backup', '--data-dir', dir, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(json(r.out)).toMatchObject({ ok: true, out });
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    expect(json(kuajing('doctor', '--data-dir', path.dirname(out), '--json').out).error.code).toBe(
      'workspace.notFound',
    );
    const again = kuajing('backup', '--data-dir', dir, '--out', out, '--json');
    expect(again.code).toBe(1);
    expect(json(again.out).error.code).toBe('backup.exists');
  });

  it('serves the workspace, and a second serve on the same folder ends with db.alreadyOpen', async () => {
    const dir = tempDir();
    init(dir);
    const server = spawn(process.execPath, [CLI, 'serve', '--data-dir', dir, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const first = await new Promise<string>((resolve) => {
        let buf = '';
        server.stdout.on('data', (c) => {
          buf += String(c);
          if (buf.includes('\n')) resolve(buf);
        });
      });
      const { url, port, token } = json(first);
      expect(url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
      const origin = `http://127.0.0.1:${port}`;
      const traded = await fetch(`${origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ token }),
      });
      const { session } = ((await traded.json()) as { value: { session: string } }).value;
      const res = await fetch(`${origin}/api/company.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'x-kuajing-session': session },
        body: '{}',
      });
      expect(((await res.json()) as { value: { uscc: string } }).value.uscc).toBe(VALID_USCC);
      const second = kuajing('serve', '--data-dir', dir, '--json');
      expect(second.code).toBe(1);
      expect(json(second.out).error.code).toBe('db.alreadyOpen');
      expect(second.err).toMatch(/already open/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.on('exit', r));
    }
    expect(kuajing('doctor', '--data-dir', dir, '--json').code).toBe(0);
  });
});
