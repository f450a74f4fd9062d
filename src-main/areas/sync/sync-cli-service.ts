/**
 * What the CLI may use of the sync area (the CLI imports api only): one drained sync pass with a
 * transport given on the command line, and the practice platform server with its fault spec.
 */
import path from 'node:path';
import { SyncEngine, type SyncPassResult, type SyncProgress } from '../../sync/engine.ts';
import { signerFor } from '../../sync/configured.ts';
import { folderTransport } from '../../sync/folder-transport.ts';
import { httpTransport } from '../../sync/http-transport.ts';
import { CUSTOMS_HOOKS } from './sync-service.ts';
import { guardSyncTarget } from './target-guard.ts';
import type { Workspace } from '../workspace.ts';

export { parseFaultSpec, type FaultConfig } from '../../practice-platform/faults.ts';
export { startPlatformServer, type PlatformServer } from '../../practice-platform/server.ts';
export { loadPlatformState, savePlatformState } from '../../practice-platform/state-file.ts';

export interface SyncOnceOptions {
  readonly platformUrl?: string | undefined;
  readonly exchangeDir?: string | undefined;
  readonly signer: 'none' | 'sm2Practice';
  readonly maxAttempts: number;
  readonly batchSize: number;
  readonly onProgress?: (p: SyncProgress) => void;
}

/** Sends until nothing is queued (backoffs waited out, retry budget per row), then receipts. */
export async function syncOnce(ws: Workspace, o: SyncOnceOptions): Promise<SyncPassResult> {
  // the same rule as the saved settings: a sandbox only to its practice platform, a company never to one
  await guardSyncTarget(ws.read, {
    mode: o.platformUrl ? 'platform' : 'exchangeDir',
    url: o.platformUrl ?? null,
    dir: o.exchangeDir ?? null,
    signer: { kind: o.signer, url: null, dir: null },
  });
  const transport = o.platformUrl
    ? httpTransport({ baseUrl: o.platformUrl })
    : folderTransport({ dir: path.resolve(o.exchangeDir ?? '.') });
  const engine = new SyncEngine({
    db: ws.read,
    uow: ws.uow,
    transport,
    signer: signerFor({ kind: o.signer, url: null, dir: null }),
    clock: ws.clock,
    random: Math.random,
    hooks: CUSTOMS_HOOKS,
    maxAttempts: o.maxAttempts,
    batchSize: o.batchSize,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  return await engine.run({ drain: true });
}
