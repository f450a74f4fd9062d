/**
 * `POST /api/upload` (issue 16, point 1): the web host streams the body into the workspace's
 * tmp/imports and answers `{ fileRef }`, which `imports.preview` takes; over the cap is 413
 * `import.upload.tooLarge`; without a session it is refused like every API call.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsDir, receiveUpload } from '../../src-main/areas/imports/import-files.ts';
import { startWebHost, type WebHost } from '../../src-main/hosts/web/web-host.ts';
import type { Workspace } from '../../src-main/api/workspace.ts';
import { openTestWorkspace, tempDir } from '../helpers/workspace.ts';

const TOKEN = 'upload-test-token-0123456789';
const CAP = 64 * 1024;
let host: WebHost;
let ws: Workspace;
let session: string;

function post(pathname: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: pathname,
        headers: { host: `127.0.0.1:${host.port}`, origin: `http://127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += String(c)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const opened = await openTestWorkspace();
  ws = opened.ws;
  host = await startWebHost({
    dispatch: opened.dispatch,
    events: ws.events,
    staticDir: tempDir('kuajing-static-'),
    token: TOKEN,
    upload: (body, length) => receiveUpload(ws.dataDir, body, length, CAP),
  });
  const r = await post('/api/session', JSON.stringify({ token: TOKEN }), { 'content-type': 'application/json' });
  session = (JSON.parse(r.body) as { value: { session: string } }).value.session;
});
afterAll(async () => {
  await host.close();
  ws.close();
});

const TSV =
  'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tship-country\n' +
  '111-1234567-1234567\t\t2026-03-05T14:02:00-08:00\t2026-03-06T10:00:00-08:00\tShipped\tAmazon\tAmazon.com\tStandard\tMug\tMUG-1\tB000000001\tShipped\t2\tUSD\t25.00\t2.00\t0.00\t0.00\tUS\n';

describe('web host upload', () => {
  it('streams the body to tmp/imports and previews it by fileRef', async () => {
    const r = await post('/api/upload', TSV, {
      'x-kuajing-session': session,
      'content-type': 'application/octet-stream',
    });
    expect(r.status).toBe(200);
    const { fileRef, bytes } = (JSON.parse(r.body) as { value: { fileRef: string; bytes: number } }).value;
    expect(bytes).toBe(Buffer.byteLength(TSV));
    expect(fs.readFileSync(path.join(importsDir(ws.dataDir), fileRef), 'utf8')).toBe(TSV);
    const p = await post(
      '/api/imports.preview',
      JSON.stringify({ fileName: 'All Orders.txt', fileRef, source: 'auto' }),
      {
        'x-kuajing-session': session,
        'content-type': 'application/json',
      },
    );
    const preview = JSON.parse(p.body) as { ok: boolean; value: { orders: number; source: string } };
    expect(preview).toMatchObject({ ok: true, value: { orders: 1, source: 'amazon-orders' } });
  });

  it('refuses a body over the cap with 413 import.upload.tooLarge and keeps nothing of it', async () => {
    const before = fs.readdirSync(importsDir(ws.dataDir)).length;
    const r = await post('/api/upload', Buffer.alloc(CAP + 1, 0x41), { 'x-kuajing-session': session });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { code: 'import.upload.tooLarge', params: { maxBytes: CAP } },
    });
    expect(fs.readdirSync(importsDir(ws.dataDir)).length).toBe(before);
  });

  it('refuses an upload without a session, or from another origin', async () => {
    expect((await post('/api/upload', 'a,b\n1,2\n')).status).toBe(403);
    const r = await post('/api/upload', 'a,b\n1,2\n', { 'x-kuajing-session': session, origin: 'http://127.0.0.1:1' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'request.badOrigin' } });
  });
});
