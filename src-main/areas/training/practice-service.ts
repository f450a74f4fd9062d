/**
 * Training mode in the app: the practice platform (practice-platform/server.ts) run in-process
 * on 127.0.0.1 (port 0 → a free port), with this workspace's sync pointed at it and signed by
 * the practice SM2 signer. One platform per workspace; stopping it — or closing the workspace —
 * sets sync back to 'off', so no real document can go to a platform that is gone. Only in a training
 * sandbox (issue 18): a company workspace gets `training.notSandbox`; the platform answers the
 * sandbox's id on `GET /handshake`, which the sync area checks before every pass. The CLI's
 * `kuajing practice-platform` is the same server as a separate process.
 */
import { startPlatformServer, type PlatformServer } from '../../practice-platform/server.ts';
import { DomainError } from '../../core/domain-error.ts';
import { configureSync, readSandboxMarker } from '../sync/index.ts';
import type { ServiceKey, Workspace } from '../workspace.ts';
import type { PracticeStatus } from './contract.ts';
import { getSetting } from '../../db/settings-store.ts';
import { PLANTED_DECLARATIONS_SETTING, type PlantedDeclarations } from './declaration-files.ts';

interface Running {
  readonly server: PlatformServer;
  readonly startedAt: string;
}

/** The workspace's practice platform: the running server and a start in progress (a second start waits for it). */
interface PracticeState {
  running: Running | null;
  starting: Promise<Running> | null;
}
const PRACTICE: ServiceKey<PracticeState> = { name: 'practice', create: () => ({ running: null, starting: null }) };

export function practiceStatus(ws: Workspace): PracticeStatus {
  const r = ws.service(PRACTICE).running;
  if (!r) return { running: false, url: null, startedAt: null, counters: null };
  const s = r.server.platform.stats();
  return {
    running: true,
    url: r.server.url,
    startedAt: r.startedAt,
    counters: {
      deliveries: s.deliveries,
      duplicateDeliveries: s.duplicateDeliveries,
      keys: s.keys,
      rejectedKeys: s.rejectedKeys,
      sixItems: s.sixItems,
      receiptsVisible: s.receiptsVisible,
      receiptsPending: s.receiptsPending,
    },
  };
}

/** Starts the platform (once) and points sync at it with the practice signer. */
export async function startPractice(ws: Workspace, stepMs?: number): Promise<PracticeStatus> {
  // only a training sandbox: a company's real documents must never be "sent" to a practice platform
  const sandbox = readSandboxMarker(ws.read);
  if (!sandbox) throw new DomainError('training.notSandbox');
  const state = ws.service(PRACTICE);
  if (!state.running) {
    state.starting ??= (async () => {
      const server = await startPlatformServer({
        port: 0,
        sandboxId: sandbox.id,
        // the scenario's planted customs refusal (lesson 5)
        refuseLists:
          getSetting<PlantedDeclarations | null>(ws.read, PLANTED_DECLARATIONS_SETTING, null)?.refusedLists ?? {},
        ...(stepMs !== undefined ? { stepMs } : {}),
      });
      const r = { server, startedAt: ws.clock().toISOString() };
      state.running = r;
      ws.onClose(() => void stopServer(ws, r));
      return r;
    })().finally(() => {
      state.starting = null;
    });
    await state.starting;
  }
  configureSync(ws, 'training.practice.start', {
    mode: 'platform',
    url: state.running!.server.url,
    signer: { kind: 'sm2Practice' },
  });
  return practiceStatus(ws);
}

/** Sync back to 'off' (the database is still open), then the server goes. */
function stopServer(ws: Workspace, r: Running): Promise<void> {
  const state = ws.service(PRACTICE);
  if (state.running !== r) return Promise.resolve();
  state.running = null;
  configureSync(ws, 'training.practice.stop', { mode: 'off' });
  return r.server.close();
}

/** Stops the platform (if it runs) and sets sync to 'off'. */
export async function stopPractice(ws: Workspace): Promise<PracticeStatus> {
  const state = ws.service(PRACTICE);
  await state.starting?.catch(() => undefined);
  const r = state.running;
  if (r) await stopServer(ws, r);
  return practiceStatus(ws);
}
