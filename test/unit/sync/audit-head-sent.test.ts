/**
 * The audit chain head travels with each sync batch (issue 16, point 6): the HTTP transport sends
 * the hash of the newest audit entry in `X-Kuajing-Audit-Head`, so whoever receives the batches can
 * later tell whether the local chain was rebuilt.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../src-main/sync/engine.ts';
import { httpTransport } from '../../../src-main/sync/http-transport.ts';
import { unsignedSigner } from '../../../src-main/sync/signer.ts';
import { auditHead } from '../../../src-main/db/audit-chain.ts';
import type { Workspace } from '../../../src-main/api/workspace.ts';
import { buildMessages, enqueueMessages, openSyncWorkspace, orders } from './sync-test-kit.ts';

let ws: Workspace | null = null;
let server: http.Server | null = null;
afterEach(async () => {
  ws?.close();
  ws = null;
  if (server) await new Promise((r) => server!.close(r));
  server = null;
});

describe('audit head with sync batches', () => {
  it('sends the chain head as it was when the batch left', async () => {
    const heads: Array<string | undefined> = [];
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += String(c);
      });
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.url?.startsWith('/api/v1/messages')) {
          heads.push(req.headers['x-kuajing-audit-head'] as string | undefined);
          const { messages } = JSON.parse(body) as { messages: Array<{ key: string }> };
          res.end(JSON.stringify({ results: messages.map((m) => ({ key: m.key, outcome: 'accepted' })) }));
        } else {
          res.end(JSON.stringify({ receipts: [], cursor: null, more: false }));
        }
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    ws = await openSyncWorkspace();
    enqueueMessages(ws, buildMessages(orders(1), 1).ceb303);
    expect(auditHead(ws.read)).toMatch(/^[0-9a-f]{64}$/);
    const transport = httpTransport({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: unsignedSigner(),
      clock: () => new Date(),
      random: Math.random,
    });
    expect((await engine.run()).sent).toBe(1);
    // the head after the rows were claimed for sending, the last entry before the batch left
    const claimed = ws.read
      .prepare("SELECT hash FROM audit_entry WHERE command = 'sync.claim' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get();
    expect(heads).toEqual([claimed]);
    expect(claimed).not.toBe(auditHead(ws.read)); // 'sync.sent' came after
  });
});
