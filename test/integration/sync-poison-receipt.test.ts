/**
 * Issue 16 through the real dispatch: `sync.configure` refuses exchange and signer folders an
 * attacker would choose (relative, `..`, missing, system, credentials) with field codes and saves
 * a real one; a receipt folder with a hostile `<!ENTITY x SYSTEM …>` file and a good receipt behind
 * it: `sync.now` succeeds, the good one is stored and attached, the bad one is in `in/rejected/`
 * with a reason file, and `sync.status` / `sync.quarantine.list` say why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import type { Workspace } from '../../src-main/api/workspace.ts';
import { buildReceiptMessage } from '../../src-main/core/customs/index.ts';
import { openSyncWorkspace, tempDir } from '../unit/sync/sync-test-kit.ts';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

const G = (n: number) => `A0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const GOOD = buildReceiptMessage('CEB304', G(100), [
  {
    guid: G(1),
    businessKey: 'ORD-1',
    ebpCode: '无',
    ebcCode: '5314960ABC',
    orderNo: 'ORD-1',
    status: '120',
    returnTime: '20260301120000123',
    returnInfo: '[Code:2600;Desc:新增申报成功]',
  },
]);
const HOSTILE = `<?xml version="1.0"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<r>&x;</r>`;

async function setup() {
  ws = await openSyncWorkspace();
  const dispatch = createDispatch(createHandlers(ws), () => undefined);
  return (name: string, input: unknown = {}) => dispatch(name, input);
}

describe('sync folders and poison receipts through the commands', () => {
  it('refuses exchange and signer folders that are relative, missing or system folders, and saves a real one', async () => {
    const call = await setup();
    const cases: Array<[string, string]> = [
      ['../../..', 'transport.config.dirNotAbsolute'],
      ['/tmp/../etc', 'transport.config.dirNotAbsolute'],
      ['/nonexistent/kuajing-exchange', 'transport.config.dirMissing'],
      ['/', 'transport.config.dirSystem'],
      ['/etc', 'transport.config.dirSystem'],
      ['/proc/self', 'transport.config.dirSystem'],
    ];
    for (const [dir, code] of cases) {
      const r = await call('sync.configure', { mode: 'exchangeDir', dir });
      expect(r, dir).toMatchObject({ ok: false, error: { code, fields: { dir: code } } });
    }
    const ssh = path.join(tempDir('kuajing-home-'), '.ssh');
    fs.mkdirSync(ssh);
    expect(await call('sync.configure', { mode: 'exchangeDir', dir: ssh })).toMatchObject({
      ok: false,
      error: { code: 'transport.config.dirSystem' },
    });
    const good = tempDir('kuajing-exchange-');
    expect(
      await call('sync.configure', { mode: 'exchangeDir', dir: good, signer: { kind: 'folder', dir: '/etc' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'transport.config.dirSystem', fields: { 'signer.dir': 'transport.config.dirSystem' } },
    });
    expect(await call('sync.getConfig')).toMatchObject({ ok: true, value: { mode: 'off' } }); // nothing saved
    expect(await call('sync.configure', { mode: 'exchangeDir', dir: good })).toMatchObject({
      ok: true,
      value: { mode: 'exchangeDir', dir: good },
    });
  });

  it('a hostile receipt file never blocks the good one behind it; sync.status and the quarantine list say why', async () => {
    const call = await setup();
    const dir = tempDir('kuajing-exchange-');
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', '0001-evil.xml'), HOSTILE);
    fs.writeFileSync(path.join(dir, 'in', '0002-good.xml'), GOOD);
    expect(await call('sync.configure', { mode: 'exchangeDir', dir })).toMatchObject({ ok: true });

    const pass = await call('sync.now');
    expect(pass).toMatchObject({ ok: true, value: { receipts: 1, quarantined: 1 } });
    expect(ws!.read.prepare('SELECT source FROM sync_receipt').pluck().all()).toEqual(['0002-good.xml']);
    expect(fs.readdirSync(path.join(dir, 'in', 'rejected')).sort()).toEqual([
      '0001-evil.xml',
      '0001-evil.xml.reason.json',
    ]);
    expect(fs.readdirSync(path.join(dir, 'in', 'processed'))).toEqual(['0002-good.xml']);

    const status = await call('sync.status');
    expect(status).toMatchObject({
      ok: true,
      value: {
        quarantined: 1,
        lastQuarantined: { source: '0001-evil.xml', code: 'sync.receipt.unsafe', transport: 'exchangeDir' },
      },
    });
    expect(await call('sync.quarantine.list', {})).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ source: '0001-evil.xml', code: 'sync.receipt.unsafe' }] },
    });
    expect(await call('sync.now')).toMatchObject({ ok: true, value: { receipts: 0, quarantined: 0 } });
  });
});
