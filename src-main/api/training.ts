/**
 * Training mode in the app: the practice platform (practice-platform/server.ts) run in-process
 * on 127.0.0.1 (port 0 → a free port), with this workspace's sync pointed at it and signed by
 * the practice SM2 signer. One platform per workspace; stopping it — or closing the workspace —
 * sets sync back to 'off', so no real document can go to a platform that is gone. The CLI's
 * `kuajing practice-platform` is the same server as a separate process.
 */
import { startPlatformServer, type PlatformServer } from '../practice-platform/server.ts';
import type { PracticeStatus } from './contract-sync.ts';
import { configureSync, onSyncClose } from './sync-handlers.ts';
import type { Workspace } from './workspace.ts';

interface Running { readonly server: PlatformServer; readonly startedAt: string }

const running = new WeakMap<Workspace, Running>();
/** A start in progress (a second start waits for it instead of starting another server). */
const starting = new WeakMap<Workspace, Promise<Running>>();

export function practiceStatus(ws: Workspace): PracticeStatus {
  const r = running.get(ws);
  if (!r) return { running: false, url: null, startedAt: null, counters: null };
  const s = r.server.platform.stats();
  return {
    running: true, url: r.server.url, startedAt: r.startedAt,
    counters: {
      deliveries: s.deliveries, duplicateDeliveries: s.duplicateDeliveries, keys: s.keys, rejectedKeys: s.rejectedKeys,
      sixItems: s.sixItems, receiptsVisible: s.receiptsVisible, receiptsPending: s.receiptsPending,
    },
  };
}

/** Starts the platform (once) and points sync at it with the practice signer. */
export async function startPractice(ws: Workspace, stepMs?: number): Promise<PracticeStatus> {
  if (!running.has(ws)) {
    let pending = starting.get(ws);
    if (!pending) {
      pending = (async () => {
        const server = await startPlatformServer({ port: 0, ...(stepMs !== undefined ? { stepMs } : {}) });
        const r = { server, startedAt: ws.clock().toISOString() };
        running.set(ws, r);
        onSyncClose(ws, () => void stopServer(ws, r));
        return r;
      })().finally(() => starting.delete(ws));
      starting.set(ws, pending);
    }
    await pending;
  }
  configureSync(ws, 'training.practice.start', { mode: 'platform', url: running.get(ws)!.server.url, signer: { kind: 'sm2Practice' } });
  return practiceStatus(ws);
}

/** Sync back to 'off' (the database is still open), then the server goes. */
function stopServer(ws: Workspace, r: Running): Promise<void> {
  if (running.get(ws) !== r) return Promise.resolve();
  running.delete(ws);
  configureSync(ws, 'training.practice.stop', { mode: 'off' });
  return r.server.close();
}

/** Stops the platform (if it runs) and sets sync to 'off'. */
export async function stopPractice(ws: Workspace): Promise<PracticeStatus> {
  await starting.get(ws)?.catch(() => undefined);
  const r = running.get(ws);
  if (r) await stopServer(ws, r);
  return practiceStatus(ws);
}
