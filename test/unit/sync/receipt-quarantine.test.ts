/**
 * Poison receipts (issue 16, point 2) on a real ledger file: a hostile file with an external
 * entity, a file that is not XML and one that is too large sit in the exchange folder's `in/`
 * ahead of a good receipt; the pass stores the good one, moves each bad one to `in/rejected/`
 * with a reason file, records it once with its code, and a rerun changes nothing. The same over
 * HTTP: a hostile receipt and one without XML are recorded (with an excerpt) and the cursor moves on.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine, type SyncHooks } from '../../../src-main/sync/engine.ts';
import { folderTransport, MAX_RECEIPT_FILE_BYTES } from '../../../src-main/sync/folder-transport.ts';
import { httpTransport } from '../../../src-main/sync/http-transport.ts';
import { unsignedSigner } from '../../../src-main/sync/signer.ts';
import { listQuarantined } from '../../../src-main/sync/quarantine-store.ts';
import type { Transport } from '../../../src-main/sync/transport.ts';
import { buildReceiptMessage, parseReceipt } from '../../../src-main/core/customs/index.ts';
import { isDomainError } from '../../../src-main/core/domain-error.ts';
import type { Workspace } from '../../../src-main/api/workspace.ts';
import { openSyncWorkspace, tempDir } from './sync-test-kit.ts';

let ws: Workspace | null = null;
let server: http.Server | null = null;
afterEach(async () => {
  ws?.close();
  ws = null;
  if (server) await new Promise((r) => server!.close(r));
  server = null;
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
const HOSTILE = `<?xml version="1.0"?>\n<!DOCTYPE ceb:CEB304Message [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n${GOOD.replace('新增申报成功', '&x;')}`;

/** What the customs area plugs in: a receipt its parser refuses is unreadable. */
const HOOKS: SyncHooks = {
  inspectReceipt: (xml) => {
    try {
      parseReceipt(xml);
      return null;
    } catch (e) {
      if (isDomainError(e)) return { code: e.code, params: e.params };
      throw e;
    }
  },
};

function engineFor(w: Workspace, transport: Transport, hooks?: SyncHooks) {
  return new SyncEngine({
    db: w.read,
    uow: w.uow,
    transport,
    signer: unsignedSigner(),
    clock: () => new Date(),
    random: Math.random,
    ...(hooks ? { hooks } : {}),
  });
}
const stored = (w: Workspace) => w.read.prepare('SELECT source FROM sync_receipt ORDER BY id').pluck().all();
const ls = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => fs.statSync(path.join(dir, n)).isFile())
        .sort()
    : [];

describe('receipt quarantine in the exchange folder', () => {
  it('moves a hostile file to in/rejected/ with a reason and still stores the good receipt behind it', async () => {
    const dir = tempDir('kuajing-quarantine-');
    fs.mkdirSync(path.join(dir, 'in'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', 'a-hostile.xml'), HOSTILE);
    fs.writeFileSync(path.join(dir, 'in', 'b-notxml.xml'), '<ceb:CEB304Message');
    fs.writeFileSync(path.join(dir, 'in', 'c-huge.xml'), Buffer.alloc(MAX_RECEIPT_FILE_BYTES + 1, 0x20));
    fs.writeFileSync(path.join(dir, 'in', 'z-good.xml'), GOOD);
    ws = await openSyncWorkspace();
    const engine = engineFor(ws, folderTransport({ dir }), HOOKS);

    const r = await engine.run();
    expect(r.receipts).toBe(1);
    expect(r.quarantined).toBe(3);
    expect(stored(ws)).toEqual(['z-good.xml']);
    expect(ls(path.join(dir, 'in'))).toEqual([]);
    expect(ls(path.join(dir, 'in', 'processed'))).toEqual(['z-good.xml']);
    expect(ls(path.join(dir, 'in', 'rejected'))).toEqual([
      'a-hostile.xml',
      'a-hostile.xml.reason.json',
      'b-notxml.xml',
      'b-notxml.xml.reason.json',
      'c-huge.xml',
      'c-huge.xml.reason.json',
    ]);
    expect(fs.readFileSync(path.join(dir, 'in', 'rejected', 'a-hostile.xml'), 'utf8')).toBe(HOSTILE); // kept whole, as evidence
    const reason = JSON.parse(fs.readFileSync(path.join(dir, 'in', 'rejected', 'a-hostile.xml.reason.json'), 'utf8'));
    expect(reason).toMatchObject({ file: 'a-hostile.xml', code: 'sync.receipt.unsafe' });

    const q = listQuarantined(ws.read, 0, 10);
    expect(q.total).toBe(3);
    expect(q.items.map((i) => [i.source, i.code]).sort()).toEqual([
      ['a-hostile.xml', 'sync.receipt.unsafe'],
      ['b-notxml.xml', 'customs.receipt.malformed'],
      ['c-huge.xml', 'sync.receipt.tooLarge'],
    ]);
    expect(q.items.every((i) => i.transport === 'exchangeDir')).toBe(true);

    // a rerun finds nothing; the same hostile file dropped again is moved aside again but recorded once
    fs.copyFileSync(path.join(dir, 'in', 'rejected', 'a-hostile.xml'), path.join(dir, 'in', 'a-hostile.xml'));
    const again = await engine.run();
    expect(again.receipts).toBe(0);
    expect(ls(path.join(dir, 'in'))).toEqual([]);
    expect(ls(path.join(dir, 'in', 'rejected'))).toContain('a-hostile.2.xml');
    expect(listQuarantined(ws.read, 0, 10).total).toBe(3);
  });

  it('refuses a DTD even with no customs hook installed: the engine never hands it to a parser', async () => {
    const dir = tempDir('kuajing-quarantine-');
    fs.mkdirSync(path.join(dir, 'in'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', 'a.xml'), HOSTILE);
    fs.writeFileSync(path.join(dir, 'in', 'b.xml'), GOOD);
    ws = await openSyncWorkspace();
    let seen: string[] = [];
    const r = await engineFor(ws, folderTransport({ dir }), {
      receiptsStored: (_tx, xmls) => {
        seen = [...xmls];
      },
    }).run();
    expect(r.quarantined).toBe(1);
    expect(seen).toEqual([GOOD]);
  });

  it('a hook that throws a plain Error (a parser bug) quarantines the receipt instead of failing the pass', async () => {
    const dir = tempDir('kuajing-quarantine-');
    fs.mkdirSync(path.join(dir, 'in'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', 'a.xml'), GOOD.replace('ORD-1', 'BOOM'));
    fs.writeFileSync(path.join(dir, 'in', 'b.xml'), GOOD);
    ws = await openSyncWorkspace();
    const r = await engineFor(ws, folderTransport({ dir }), {
      inspectReceipt: (xml) => {
        if (xml.includes('BOOM')) throw new Error('External entities are not supported');
        return null;
      },
    }).run();
    expect(r.receipts).toBe(1);
    expect(listQuarantined(ws.read, 0, 10).items).toMatchObject([
      { source: 'a.xml', code: 'sync.receipt.unreadable', params: { reason: 'External entities are not supported' } },
    ]);
  });
});

describe('receipt quarantine over HTTP', () => {
  it('records a hostile receipt and one without XML with an excerpt, stores the good one and moves the cursor past all three', async () => {
    const pages: Record<string, unknown> = {
      start: {
        receipts: [{ id: 'r1', xml: HOSTILE }, { id: 'r2' }, { id: 'r3', xml: GOOD }],
        cursor: 'c1',
        more: false,
      },
      c1: { receipts: [], cursor: 'c1', more: false },
    };
    server = http.createServer((req, res) => {
      const since = new URL(req.url ?? '/', 'http://x').searchParams.get('since') ?? 'start';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(pages[since]));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    ws = await openSyncWorkspace();
    const transport = httpTransport({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const r = await engineFor(ws, transport, HOOKS).run();
    expect(r.receipts).toBe(1);
    expect(r.quarantined).toBe(2);
    expect(stored(ws)).toEqual(['r3']);
    const q = ws.read
      .prepare('SELECT source, code, transport, excerpt FROM sync_quarantine ORDER BY source')
      .all() as Array<Record<string, string>>;
    expect(q.map((x) => [x.source, x.code, x.transport])).toEqual([
      ['r1', 'sync.receipt.unsafe', 'platform'],
      ['r2', 'sync.receipt.noXml', 'platform'],
    ]);
    expect(q[0]!.excerpt).toContain('<!ENTITY x SYSTEM');
    expect(ws.read.prepare("SELECT value FROM settings WHERE key = 'sync.receiptCursor'").pluck().get()).toBe('"c1"');
  });
});
