/**
 * Sync engine with an in-memory transport on a real ledger file: the backoff schedule follows
 * the injected random source exactly; a sent key is never sent again; rows left 'sending' by a
 * crash go again with the same key; rejected rows fail with the reason; FIFO order holds;
 * other outbox kinds are never sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src-main/sync/backoff.ts';
import { seededRandom } from '../../../src-main/core/random/seeded-random.ts';
import { SyncEngine } from '../../../src-main/sync/engine.ts';
import { unsignedSigner } from '../../../src-main/sync/signer.ts';
import {
  TransportError,
  type OutgoingMessage,
  type SendOutcome,
  type Transport,
} from '../../../src-main/sync/transport.ts';
import type { Workspace } from '../../../src-main/api/workspace.ts';
import { buildMessages, enqueueMessages, manualClock, openSyncWorkspace, orders } from './sync-test-kit.ts';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

/** Records every send; `plan` decides per call: 'ok', 'fail' (TransportError) or a per-key rejection. */
function fakeTransport(
  plan: (call: number, batch: readonly OutgoingMessage[]) => 'ok' | 'fail' | Record<string, string> = () => 'ok',
) {
  const sent: string[][] = [];
  const transport: Transport = {
    name: 'platform',
    async send(batch) {
      sent.push(batch.map((m) => m.key));
      const p = plan(sent.length, batch);
      if (p === 'fail') throw new TransportError('HTTP 500');
      return batch.map((m): SendOutcome =>
        typeof p === 'object' && p[m.key]
          ? { key: m.key, outcome: 'rejected', reason: p[m.key]! }
          : { key: m.key, outcome: 'accepted' },
      );
    },
    async fetchReceipts() {
      return { receipts: [], cursor: null, more: false };
    },
    async acknowledge() {},
    async quarantine() {},
  };
  return { transport, sent };
}

function rows(w: Workspace) {
  return w.read
    .prepare(
      'SELECT idempotency_key AS key, status, attempts, next_attempt_at AS next, last_error AS error FROM outbox ORDER BY id',
    )
    .all() as Array<{ key: string; status: string; attempts: number; next: string | null; error: string | null }>;
}

describe('backoff', () => {
  it('is exponential with full jitter from the injected random, capped, never below the floor', () => {
    const policy = { baseMs: 1000, maxMs: 60_000, minMs: 100 };
    const schedule = (seed: number) =>
      Array.from({ length: 10 }, (_, i) => backoffDelay(i + 1, seededRandom(seed).next, policy));
    expect(schedule(42)).toEqual(schedule(42));
    expect(schedule(42)).not.toEqual(schedule(43));
    expect(backoffDelay(1, () => 0.5, policy)).toBe(500);
    expect(backoffDelay(3, () => 0.5, policy)).toBe(2000);
    expect(backoffDelay(20, () => 0.999, policy)).toBe(59_940);
    expect(backoffDelay(2, () => 0, policy)).toBe(100);
  });

  it('reschedules a failed batch at the jittered time from the injected clock and random', async () => {
    const clock = manualClock();
    ws = await openSyncWorkspace(undefined, clock.date);
    enqueueMessages(ws, buildMessages(orders(2)).ceb303);
    const { transport, sent } = fakeTransport(() => 'fail');
    const engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: unsignedSigner(),
      clock: clock.date,
      random: () => 0.25,
      backoff: { baseMs: 1000, maxMs: 60_000, minMs: 10 },
    });
    await engine.run();
    expect(sent).toHaveLength(1);
    const after1 = rows(ws);
    expect(after1.map((r) => [r.status, r.attempts, r.next])).toEqual([
      ['queued', 1, new Date(clock.now() + 250).toISOString()],
      ['queued', 1, new Date(clock.now() + 250).toISOString()],
    ]);
    await engine.run(); // not due yet: nothing is sent
    expect(sent).toHaveLength(1);
    clock.advance(250);
    await engine.run();
    expect(sent).toHaveLength(2);
    expect(rows(ws)[0]!.next).toBe(new Date(clock.now() + 500).toISOString()); // 0.25 × 2000
    expect(rows(ws)[0]!.error).toContain('HTTP 500');
  });
});

describe('sync engine', () => {
  it('never sends a key again once it is sent; only transported kinds go', async () => {
    ws = await openSyncWorkspace();
    const keys = enqueueMessages(ws, buildMessages(orders(5)).ceb303);
    ws.uow.run('test.local', (tx) =>
      tx.enqueue({ kind: 'company.profile', idempotencyKey: 'company.profile:9', payload: {} }),
    );
    const { transport, sent } = fakeTransport();
    const engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: unsignedSigner(),
      clock: () => new Date(),
      random: Math.random,
      batchSize: 2,
    });
    const r = await engine.run();
    expect(r.sent).toBe(5);
    expect(sent.flat()).toEqual(keys);
    const commands = () => Number(ws!.read.prepare('SELECT count(*) FROM command_log').pluck().get());
    const before = commands();
    await engine.run();
    await engine.run({ drain: true });
    expect(sent.flat()).toEqual(keys);
    expect(commands()).toBe(before); // an idle pass writes nothing
    expect(
      rows(ws)
        .filter((x) => x.key.startsWith('company'))
        .map((x) => x.status),
    ).toEqual(['queued']);
  });

  it('resends rows left "sending" by a crash with the same key', async () => {
    ws = await openSyncWorkspace();
    const keys = enqueueMessages(ws, buildMessages(orders(3)).ceb303);
    ws.read.prepare("UPDATE outbox SET status = 'sending', attempts = 1 WHERE idempotency_key = ?").run(keys[0]);
    const { transport, sent } = fakeTransport();
    await new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: unsignedSigner(),
      clock: () => new Date(),
      random: Math.random,
    }).run();
    expect(sent.flat()).toEqual(keys);
    expect(rows(ws).map((x) => [x.status, x.attempts])).toEqual([
      ['sent', 2],
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('fails a rejected row with the reason, keeps FIFO order behind a waiting row, and marks sent through the hook', async () => {
    const clock = manualClock();
    ws = await openSyncWorkspace(undefined, clock.date);
    const keys = enqueueMessages(ws, buildMessages(orders(4)).ceb303);
    const hooked: string[] = [];
    const { transport, sent } = fakeTransport((call) =>
      call === 1 ? { [keys[1]!]: 'xsd line 3: bad' } : call === 2 ? 'fail' : 'ok',
    );
    const engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: unsignedSigner(),
      clock: clock.date,
      random: () => 1,
      batchSize: 2,
      backoff: { baseMs: 1000, maxMs: 1000, minMs: 1 },
      hooks: {
        messagesSent: (_tx, k) => {
          hooked.push(...k);
        },
      },
    });
    await engine.run();
    expect(sent).toEqual([
      [keys[0], keys[1]],
      [keys[2], keys[3]],
    ]);
    expect(rows(ws).map((x) => x.status)).toEqual(['sent', 'failed', 'queued', 'queued']);
    expect(rows(ws)[1]!.error).toBe('platform.rejected xsd line 3: bad');
    expect(hooked).toEqual([keys[0]]);
    clock.advance(1000);
    const r = await engine.run({ drain: true });
    expect(r.remaining).toMatchObject({ queued: 0, sending: 0, sent: 3, failed: 1 });
    expect(hooked).toEqual([keys[0], keys[2], keys[3]]);
  });

  it('gives up after maxAttempts: the row is failed, and the user can queue it again', async () => {
    ws = await openSyncWorkspace();
    enqueueMessages(ws, buildMessages(orders(1)).ceb303);
    const { transport, sent } = fakeTransport((call) => (call <= 3 ? 'fail' : 'ok'));
    const engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: unsignedSigner(),
      clock: () => new Date(),
      random: () => 0,
      maxAttempts: 3,
      backoff: { baseMs: 1, maxMs: 1, minMs: 1 },
    });
    const r = await engine.run({ drain: true });
    expect(sent).toHaveLength(3);
    expect(r.remaining.failed).toBe(1);
    expect(rows(ws)[0]!.error).toMatch(/^attempts\.exhausted/);
    ws.read.prepare("UPDATE outbox SET status = 'queued' WHERE status = 'failed'").run();
    await engine.run();
    expect(rows(ws)[0]!.status).toBe('sent');
  });

  it('pipelines batches: the next batch leaves before the last one is recorded, one commit per batch, nothing overtakes a failed batch', async () => {
    const clock = manualClock();
    ws = await openSyncWorkspace(undefined, clock.date);
    enqueueMessages(ws, buildMessages(orders(7)).ceb303); // 7 rows, batches of 2
    const statusAtSend: string[][] = [];
    const w = ws;
    const { transport, sent } = fakeTransport((call) => {
      statusAtSend.push(rows(w).map((r) => r.status));
      return call === 2 ? 'fail' : 'ok';
    });
    const engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: unsignedSigner(),
      clock: clock.date,
      random: () => 0,
      batchSize: 2,
      backoff: { baseMs: 1000, maxMs: 1000, minMs: 1000 },
    });
    const commands = () =>
      ws!.read.prepare("SELECT command FROM command_log WHERE command LIKE 'sync.%' ORDER BY id").pluck().all();
    const first = await engine.run();
    // batch 1 sent; batch 2 failed (outcome unknown): batch 3, claimed meanwhile, never left and is queued again uncounted
    expect(sent).toHaveLength(2);
    expect(statusAtSend[0]).toEqual(['sending', 'sending', 'sending', 'sending', 'queued', 'queued', 'queued']);
    // batch 2 left before batch 1 was recorded; batch 3 was claimed with batch 1's outcome
    expect(statusAtSend[1]).toEqual(['sending', 'sending', 'sending', 'sending', 'queued', 'queued', 'queued']);
    expect(rows(ws).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['queued', 1],
      ['queued', 1],
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);
    expect(first).toMatchObject({ sent: 2, retried: 2 });
    expect(commands()).toEqual(['sync.claim', 'sync.sent', 'sync.sent']);
    clock.advance(1000);
    const second = await engine.run({ drain: true });
    expect(second.sent).toBe(5);
    expect(rows(ws).every((r) => r.status === 'sent')).toBe(true);
    // FIFO: every key once in order after the retry, and one 'sync.sent' commit per batch
    expect(sent.slice(2).flat()).toEqual(
      rows(ws)
        .slice(2)
        .map((r) => r.key),
    );
    expect(commands().slice(3)).toEqual(['sync.claim', 'sync.sent', 'sync.sent', 'sync.sent']);
  });
});
