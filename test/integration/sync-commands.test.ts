/**
 * The sync commands through the real dispatch, against the practice platform over HTTP, with
 * messages queued by the customs store: configure (validated), sync.now (progress events,
 * documents sent, receipts move their status), the outbox and receipt lists, a rejected message
 * shown as failed with the reason and queued again by sync.outbox.retry, and sync.status; the
 * background pass of an interactive host (timer) once a transport is configured.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import type { AppEvent } from '../../src-main/api/contract.ts';
import type { Workspace } from '../../src-main/api/workspace.ts';
import { startPlatformServer, type PlatformServer } from '../../src-main/practice-platform/server.ts';
import {
  buildMessages,
  manualClock,
  openSyncWorkspace,
  orders,
  queueThroughCustoms,
  tempDir,
} from '../unit/sync/sync-test-kit.ts';

let server: PlatformServer | null = null;
let ws: Workspace | null = null;
afterEach(async () => {
  vi.useRealTimers();
  ws?.close();
  await server?.close();
  ws = null;
  server = null;
});

describe('sync commands', () => {
  it('configure, sync, receipts, lists, retry and status', async () => {
    const clock = manualClock();
    server = await startPlatformServer({ now: clock.now, stepMs: 1000, acceptDrafts: true }); // store-only (appStatus 1) messages: accepted as before issue 15
    ws = await openSyncWorkspace();
    const w = ws;
    const events: AppEvent[] = [];
    w.events.subscribe((e) => events.push(e));
    const dispatch = createDispatch(createHandlers(w), () => undefined);
    const call = async (name: string, input: unknown = {}) => dispatch(name, input);

    const { ceb303, ceb603 } = buildMessages(orders(4), 2);
    const bad = {
      ...ceb603[1]!,
      xml: ceb603[1]!.xml.replace(/<ceb:gcode>\d+<\/ceb:gcode>/, '<ceb:gcode>39241</ceb:gcode>'),
    };
    queueThroughCustoms(w, [...ceb303, ceb603[0]!, bad]);

    expect(await call('sync.status')).toEqual({ ok: true, value: { state: 'offline', queued: 4, failed: 0 } });
    expect(await call('sync.now')).toMatchObject({ ok: false, error: { code: 'transport.notConfigured' } });
    expect(await call('sync.configure', { mode: 'platform' })).toMatchObject({
      ok: false,
      error: { code: 'transport.config.urlRequired' },
    });
    expect(await call('sync.configure', { mode: 'platform', url: server.url })).toMatchObject({
      ok: true,
      value: { mode: 'platform', url: server.url, signer: { kind: 'none' } },
    });
    expect(await call('sync.getConfig')).toMatchObject({ ok: true, value: { mode: 'platform', url: server.url } });

    const first = await call('sync.now');
    expect(first).toMatchObject({ ok: true, value: { sent: 3, rejected: 1, failed: 1, queued: 0 } });
    expect(events.some((e) => e.name === 'sync.progress')).toBe(true);
    expect(await call('sync.status')).toEqual({ ok: true, value: { state: 'error', queued: 0, failed: 1 } });
    const failed = await call('sync.outbox.list', { status: 'failed' });
    expect(failed).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ idempotencyKey: `ceb:CEB603:${bad.documents[0]!.copNo}:1`, status: 'failed' }] },
    });
    const failedItem = (failed as { value: { items: Array<{ id: number; lastError: string }> } }).value.items[0]!;
    expect(failedItem.lastError).toMatch(/platform\.rejected xsd .*gcode/);

    const docStatus = () =>
      w.read.prepare('SELECT type, status, count(*) AS n FROM customs_documents GROUP BY 1, 2 ORDER BY 1, 2').all();
    expect(docStatus()).toEqual([
      { type: 'CEB303', status: '2', n: 4 },
      { type: 'CEB603', status: '2', n: 2 },
      { type: 'CEB603', status: 'queued', n: 2 },
    ]);
    clock.advance(2000);
    expect(await call('sync.now')).toMatchObject({ ok: true, value: { sent: 0 } });
    expect(docStatus()).toEqual([
      { type: 'CEB303', status: '120', n: 4 },
      { type: 'CEB603', status: '800', n: 2 },
      { type: 'CEB603', status: 'queued', n: 2 },
    ]);
    const receipts = await call('sync.receipts.list', { limit: 2 });
    expect(receipts).toMatchObject({ ok: true, value: { total: 7 } }); // 2 and 120 per message, 800 for the list
    expect((receipts as { value: { items: unknown[] } }).value.items).toHaveLength(2);

    expect(await call('sync.outbox.retry', { ids: [failedItem.id] })).toEqual({ ok: true, value: { requeued: 1 } });
    expect(await call('sync.status')).toEqual({ ok: true, value: { state: 'idle', queued: 1, failed: 0 } });
    expect(await call('sync.now')).toMatchObject({ ok: true, value: { rejected: 1, failed: 1 } }); // same key: same answer
    expect(server.platform.stats()).toMatchObject({ keys: 4, rejectedKeys: 1, deliveries: 5 });
  });

  it('an interactive host syncs in the background once a transport is configured, and stops on close', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    server = await startPlatformServer({ stepMs: 0, acceptDrafts: true });
    ws = await openWorkspace({ dataDir: tempDir(), host: 'web' });
    const w = ws;
    const dispatch = createDispatch(createHandlers(w), () => undefined);
    queueThroughCustoms(w, buildMessages(orders(2), 1).ceb303);
    const sent = () =>
      Number(
        w.read.prepare("SELECT count(*) FROM outbox WHERE kind = 'ceb.message' AND status = 'sent'").pluck().get(),
      );

    vi.advanceTimersByTime(60_000); // sync is off: the tick does nothing
    await new Promise((r) => setTimeout(r, 50));
    expect(sent()).toBe(0);
    expect(await dispatch('sync.configure', { mode: 'platform', url: server.url })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(60_000);
    for (let i = 0; i < 100 && sent() < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sent()).toBe(2);
    expect(server.platform.stats().keys).toBe(2);
    ws.close();
    ws = null;
    expect(vi.getTimerCount()).toBe(0); // the background timer is gone with the workspace
  });

  it('runs the first background pass right after opening when a transport is configured, not one interval later', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }); // the interval never fires by itself
    server = await startPlatformServer({ stepMs: 0, acceptDrafts: true });
    const dataDir = tempDir();
    const first = await openWorkspace({ dataDir, host: 'cli' });
    await createDispatch(createHandlers(first), () => undefined)('sync.configure', {
      mode: 'platform',
      url: server.url,
    });
    queueThroughCustoms(first, buildMessages(orders(3), 1).ceb303);
    first.close();
    ws = await openWorkspace({ dataDir, host: 'electron' });
    const w = ws;
    const sent = () =>
      Number(
        w.read.prepare("SELECT count(*) FROM outbox WHERE kind = 'ceb.message' AND status = 'sent'").pluck().get(),
      );
    for (let i = 0; i < 100 && sent() < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sent()).toBe(3);
    expect(server.platform.stats().keys).toBe(3);
  });
});
