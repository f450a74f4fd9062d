/**
 * Faults of the machine as coded errors with a way forward (issue 16, point 3), on real files:
 * a full disk (SQLite's `max_page_count`) gives `db.diskFull` and the import is rolled back
 * whole; a read-only data folder (a read-only bind mount as root, permissions otherwise) gives
 * `db.readOnly` from the CLI as JSON, not an uncaught SQLITE_IOERR; a ledger folder that was
 * moved away gives `db.fileMissing`; a port in use under `serve --json` prints the code and the
 * next free port.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { environmentError } from '../../src-main/api/workspace.ts';
import { json, kuajing } from '../helpers/cli.ts';
import { openTestWorkspace, tempDir, VALID_CUSTOMS_CODE, VALID_PROFILE, VALID_USCC } from '../helpers/workspace.ts';
import { errorOf, ok } from '../helpers/dispatch.ts';

const HEADERS = [
  'amazon-order-id',
  'purchase-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'product-name',
  'sku',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'ship-country',
];
function amazonTsv(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const no = `111-${String(i).padStart(7, '0')}-0000001`;
    return [
      no,
      '2026-03-05T14:02:00-08:00',
      'Shipped',
      'Amazon',
      'Amazon.com',
      `陶瓷杯 ${i} ${'x'.repeat(60)}`,
      `CUP-${i}`,
      'Shipped',
      '1',
      'USD',
      '19.99',
      '0',
      '0',
      'US',
    ];
  });
  return [HEADERS, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
}

const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts.reverse()) {
    try {
      execFileSync('umount', [m]);
    } catch {
      /* already gone */
    }
  }
});

/** Makes `dir` read-only for this process: a read-only bind mount as root (root ignores permissions), chmod otherwise. */
function makeReadOnly(dir: string): void {
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['--bind', dir, dir]);
    mounts.push(dir);
    execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
  } else {
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o444);
    fs.chmodSync(dir, 0o555);
  }
}

describe('environment faults', () => {
  it('a full disk is db.diskFull, the import is rolled back whole, and it works once there is room', async () => {
    const { ws, dispatch, incidents } = await openTestWorkspace();
    try {
      await ok(dispatch, 'company.save', VALID_PROFILE);
      const file = {
        fileName: 'All Orders.txt',
        contentBase64: Buffer.from(amazonTsv(2000)).toString('base64'),
        source: 'auto',
      };
      const preview = await ok<{ previewId: string }>(dispatch, 'imports.preview', file);
      const pages = Number(ws.read.pragma('page_count', { simple: true }));
      ws.read.pragma(`max_page_count = ${pages + 2}`);
      const error = await errorOf(dispatch, 'imports.confirm', { previewId: preview.previewId });
      expect(error.code).toBe('db.diskFull');
      expect(error.params).toMatchObject({ file: ws.file });
      expect(incidents).toEqual([]); // not a bug: no incident
      expect(ws.read.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
      expect(ws.read.pragma('integrity_check', { simple: true })).toBe('ok');

      ws.read.pragma('max_page_count = 1073741823');
      const again = await ok<{ previewId: string }>(dispatch, 'imports.preview', file);
      expect(await ok(dispatch, 'imports.confirm', { previewId: again.previewId })).toMatchObject({ new: 2000 });
    } finally {
      ws.close();
    }
  }, 60_000);

  it('a read-only data folder is db.readOnly, as JSON from the CLI', () => {
    const dir = tempDir('kuajing-ro-');
    expect(
      kuajing(
        'init',
        '--data-dir',
        dir,
        '--company-name',
        'X',
        '--uscc',
        VALID_USCC,
        '--customs-code',
        VALID_CUSTOMS_CODE,
        '--json',
      ).code,
    ).toBe(0);
    makeReadOnly(dir);
    // reading may still work; a change is refused with the coded error, never an uncaught SQLITE_IOERR
    const r = kuajing(
      'warehouses',
      'add',
      '--data-dir',
      dir,
      '--code',
      'SZ',
      '--name',
      '深圳仓',
      '--kind',
      'domestic',
      '--json',
    );
    expect(r.code).toBe(1);
    expect(json(r.out)).toMatchObject({ ok: false, error: { code: 'db.readOnly' } });
    expect(r.err).not.toMatch(/SQLITE_|at .*\.ts:\d+/);
    const init = kuajing(
      'init',
      '--data-dir',
      path.join(dir, 'new'),
      '--company-name',
      'X',
      '--uscc',
      VALID_USCC,
      '--customs-code',
      VALID_CUSTOMS_CODE,
      '--json',
    );
    expect(json(init.out)).toMatchObject({ ok: false, error: { code: 'db.readOnly' } });
  });

  it('maps the machine faults it knows and leaves bugs alone', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const code = (c: string) => environmentError(Object.assign(new Error(c), { code: c }), file)?.code ?? null;
    expect(code('SQLITE_FULL')).toBe('db.diskFull');
    expect(code('ENOSPC')).toBe('db.diskFull');
    expect(code('SQLITE_READONLY')).toBe('db.readOnly');
    expect(code('EROFS')).toBe('db.readOnly');
    expect(code('ENAMETOOLONG')).toBe('db.pathTooLong');
    expect(code('ENOENT')).toBe('db.fileMissing');
    expect(
      environmentError(Object.assign(new Error('x'), { code: 'SQLITE_CANTOPEN' }), '/gone/away/ledger.sqlite')?.code,
    ).toBe('db.fileMissing');
    expect(code('SQLITE_IOERR_WRITE')).toBe('db.ioError');
    expect(environmentError(new TypeError('x is undefined'), file)).toBeNull();
  });

  it('a path too long to create is db.pathTooLong from the CLI, not a stack trace', () => {
    const dir = path.join(tempDir(), 'x'.repeat(300));
    const r = kuajing(
      'init',
      '--data-dir',
      dir,
      '--company-name',
      'X',
      '--uscc',
      VALID_USCC,
      '--customs-code',
      VALID_CUSTOMS_CODE,
      '--json',
    );
    expect(r.code).toBe(1);
    expect(json(r.out)).toMatchObject({ ok: false, error: { code: 'db.pathTooLong' } });
  });

  it('serve on a busy port prints host.portInUse with the next free port as JSON', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dir = tempDir();
      expect(
        kuajing(
          'init',
          '--data-dir',
          dir,
          '--company-name',
          'X',
          '--uscc',
          VALID_USCC,
          '--customs-code',
          VALID_CUSTOMS_CODE,
          '--json',
        ).code,
      ).toBe(0);
      const r = kuajing('serve', '--data-dir', dir, '--port', String(port), '--json');
      expect(r.code).toBe(1);
      const out = json(r.out);
      expect(out).toMatchObject({ ok: false, error: { code: 'host.portInUse', params: { port } } });
      expect(out.error.params.nextFreePort).toBeGreaterThan(port);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
