/**
 * Training mode through the real dispatch: training.practice.start runs the practice platform
 * in-process on a free loopback port and points sync at it with the practice SM2 signer, so
 * declarations (appStatus 2) are signed, verified by the platform and answered; its counters
 * show in training.practice.status; stopping it, or closing the workspace, closes the server
 * and sets sync back to 'off'. The workspace is marked as a training sandbox (a company workspace
 * refuses the practice platform: training-sandbox.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import type { PracticeStatus } from '../../src-main/api/contract.ts';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { buildMessages, orders, queueThroughCustoms, tempDir } from '../unit/sync/sync-test-kit.ts';
import { putSetting } from '../../src-main/db/settings-store.ts';
import { SANDBOX_SETTING } from '../../src-main/areas/sync/index.ts';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

async function open(dataDir: string) {
  ws = await openWorkspace({ dataDir, host: 'cli' });
  // the in-app practice platform runs only in a training sandbox (issue 18): mark this one as such
  ws.uow.run('test.sandbox', (tx) =>
    putSetting(tx.db, SANDBOX_SETTING, {
      id: 'sandbox-1',
      name: 'test',
      scenario: 'parcel-9610',
      seed: 1,
      createdAt: '2026-04-01T00:00:00.000Z',
    }),
  );
  const dispatch = createDispatch(createHandlers(ws), () => undefined);
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  return { w: ws, call };
}

const reachable = (url: string) =>
  fetch(`${url}/api/v1/stats`).then(
    () => true,
    () => false,
  );

describe('training.practice', () => {
  it('starts the practice platform in-process, syncs signed declarations to it, and stops back to sync off', async () => {
    const { w, call } = await open(tempDir());
    expect(await call<PracticeStatus>('training.practice.status')).toEqual({
      running: false,
      url: null,
      startedAt: null,
      counters: null,
    });
    // a sandbox without scenario files: lesson 2 has nothing to check, so nothing is ticked
    expect(
      (await call<Array<{ steps: Array<{ done: boolean }> }>>('training.lessons.check', { lesson: 2 }))[0]!.steps.every(
        (s) => !s.done,
      ),
    ).toBe(true);
    const started = await call<PracticeStatus>('training.practice.start');
    expect(started).toMatchObject({ running: true, counters: { keys: 0, deliveries: 0 } });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(started.url!).port)).toBeGreaterThan(0);
    expect((await call<PracticeStatus>('training.practice.start')).url).toBe(started.url); // once per workspace
    expect(await call('sync.getConfig')).toMatchObject({
      mode: 'platform',
      url: started.url,
      signer: { kind: 'sm2Practice' },
    });

    const declared = buildMessages(orders(3), 1).ceb303.map((m) => ({
      ...m,
      xml: m.xml.replaceAll('<ceb:appStatus>1<', '<ceb:appStatus>2<'),
    }));
    queueThroughCustoms(w, declared);
    expect(await call('sync.now')).toMatchObject({ sent: 3, rejected: 0, failed: 0 });
    expect((await call<PracticeStatus>('training.practice.status')).counters).toMatchObject({
      keys: 3,
      rejectedKeys: 0,
      deliveries: 3,
    });

    expect(await call<PracticeStatus>('training.practice.stop')).toEqual({
      running: false,
      url: null,
      startedAt: null,
      counters: null,
    });
    expect(await call('sync.getConfig')).toMatchObject({ mode: 'off' });
    expect(await reachable(started.url!)).toBe(false);
  });

  it('closing the workspace stops the server and leaves sync off', async () => {
    const dataDir = tempDir();
    const { w, call } = await open(dataDir);
    const { url } = await call<PracticeStatus>('training.practice.start');
    expect(await reachable(url!)).toBe(true);
    w.close();
    ws = null;
    await new Promise((r) => setTimeout(r, 50));
    expect(await reachable(url!)).toBe(false);
    const again = await open(dataDir);
    expect(await again.call('sync.getConfig')).toMatchObject({ mode: 'off' });
  });
});
