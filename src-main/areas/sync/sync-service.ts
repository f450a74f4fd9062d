/**
 * The sync area's use cases and the per-workspace sync service
 * they share with `sync.status` and the hosts' background timer: the saved transport/signer
 * settings, one pass at a time (a second caller joins the running pass), progress and status
 * events, and the customs hooks — outbox rows sent ⇒ `markMessagesSent`, receipts stored ⇒
 * `parseReceipt` + `recordReceipts` in the same transaction; a receipt `parseReceipt` refuses is
 * quarantined by the engine (`inspectReceipt`), listed by `sync.quarantine.list` and counted in
 * `sync.status`. Exchange and signer folders are checked before they are saved.
 */
import { isDomainError, DomainError } from '../../core/domain-error.ts';
import { parseReceipt, type ParsedReceipt } from '../../core/customs/index.ts';
import { markMessagesSent, recordReceipts } from '../customs/index.ts';
import { getSetting, putSetting } from '../../db/settings-store.ts';
import { listOutbox, listReceipts, requeueFailed, transportCounts, writeReceiptCursor } from '../../sync/sync-store.ts';
import { passCounts, SyncEngine, type SyncHooks } from '../../sync/engine.ts';
import { checkExchangeFolder } from '../../sync/exchange-folder-check.ts';
import { countQuarantined, listQuarantined } from '../../sync/quarantine-store.ts';
import { signerFor, transportFor } from '../../sync/configured.ts';
import { SYNC_CONFIG_KEY, type SyncConfig, type SyncRunSummary, type SyncStatus } from './contract.ts';
import { checkTargetShape, guardSyncTarget, readSandboxMarker } from './target-guard.ts';
import type { ServiceKey, Workspace } from '../workspace.ts';

const CONFIG_KEY = SYNC_CONFIG_KEY;
export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  mode: 'off',
  url: null,
  dir: null,
  signer: { kind: 'none', url: null, dir: null },
  intervalSeconds: 60,
};

export function readSyncConfig(ws: Workspace): SyncConfig {
  return { ...DEFAULT_SYNC_CONFIG, ...getSetting<Partial<SyncConfig>>(ws.read, CONFIG_KEY, {}) };
}

/** The customs side of a pass: documents follow their messages and receipts. */
export const CUSTOMS_HOOKS: SyncHooks = {
  messagesSent: (tx, keys, at) => {
    markMessagesSent(tx, keys, at);
  },
  receiptsStored: (tx, xmls) => {
    const parsed: ParsedReceipt[] = [];
    for (const xml of xmls) {
      try {
        parsed.push(...parseReceipt(xml));
      } catch (e) {
        if (!isDomainError(e)) throw e;
      }
    }
    if (parsed.length > 0) recordReceipts(tx, parsed);
  },
  inspectReceipt: (xml) => {
    try {
      parseReceipt(xml);
      return null;
    } catch (e) {
      if (isDomainError(e)) return { code: e.code, params: e.params };
      throw e; // the engine quarantines it as sync.receipt.unreadable
    }
  },
};

interface SyncService {
  run(opts?: { drain?: boolean }): Promise<SyncRunSummary>;
  status(): SyncStatus;
  startBackground(): void;
  stop(): void;
}

function createService(ws: Workspace): SyncService {
  let running: Promise<SyncRunSummary> | null = null;
  let engine: SyncEngine | null = null;
  let lastErrors: readonly string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let firstPass: NodeJS.Immediate | null = null;
  let stopped = false;

  const status = (): SyncStatus => {
    const c = transportCounts(ws.read);
    const queued = c.queued + c.sending;
    const state = running
      ? 'sending'
      : readSyncConfig(ws).mode === 'off'
        ? queued > 0
          ? 'offline'
          : 'idle'
        : lastErrors.length > 0 && queued > 0
          ? 'offline'
          : c.failed > 0
            ? 'error'
            : 'idle';
    const quarantined = countQuarantined(ws.read);
    if (quarantined === 0) return { state, queued, failed: c.failed };
    return { state, queued, failed: c.failed, quarantined, lastQuarantined: listQuarantined(ws.read, 0, 1).items[0]! };
  };

  async function pass(drain: boolean): Promise<SyncRunSummary> {
    const config = readSyncConfig(ws);
    const transport = transportFor(config);
    if (!transport) throw new DomainError('transport.notConfigured');
    // a sandbox only to its own practice platform, a company never to one (target-guard.ts)
    await guardSyncTarget(ws.read, config);
    engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport,
      signer: signerFor(config.signer),
      clock: ws.clock,
      random: Math.random,
      hooks: CUSTOMS_HOOKS,
      onProgress: (p) => ws.events.emit('sync.progress', p),
    });
    ws.events.emit('sync.status', { ...status(), state: 'sending' });
    try {
      const r = await engine.run({ drain });
      lastErrors = r.errors;
      return {
        ...passCounts(r),
        quarantined: r.quarantined,
        queued: r.remaining.queued + r.remaining.sending,
        errors: r.errors.slice(0, 20),
      };
    } finally {
      engine = null;
    }
  }

  const service: SyncService = {
    run(opts = {}) {
      if (stopped) return Promise.reject(new DomainError('transport.notConfigured'));
      running ??= pass(opts.drain ?? false).finally(() => {
        running = null;
        if (!stopped) ws.events.emit('sync.status', status());
      });
      return running;
    },
    status,
    startBackground() {
      if (timer || stopped) return;
      const tick = () => {
        if (!stopped && readSyncConfig(ws).mode !== 'off' && !running)
          service.run().catch(() => {
            /* the status reports it */
          });
      };
      // the first pass right after opening (the host has returned the workspace by then), then every interval
      firstPass = setImmediate(tick);
      timer = setInterval(tick, readSyncConfig(ws).intervalSeconds * 1000);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (firstPass) clearImmediate(firstPass);
      if (timer) clearInterval(timer);
      engine?.stop();
    },
  };
  return service;
}

/** The workspace's one sync service (held by the workspace, created on first use). */
const SYNC_SERVICE: ServiceKey<SyncService> = { name: 'sync', create: createService };

export function syncService(ws: Workspace): SyncService {
  return ws.service(SYNC_SERVICE);
}

/** Hosts: a pass right after opening, then one every `intervalSeconds`, while a transport is configured. */
export function startBackgroundSync(ws: Workspace): void {
  syncService(ws).startBackground();
}

/** Workspace closing: no new pass, the running one stops between batches. */
export function stopBackgroundSync(ws: Workspace): void {
  syncService(ws).stop();
}

/** `sync.status`: the real state of the transported outbox (handlers.ts). */
export function syncStatusOf(ws: Workspace): SyncStatus {
  return syncService(ws).status();
}

function validateConfig(c: SyncConfig): SyncConfig {
  if (c.mode === 'platform' && !c.url)
    throw new DomainError('transport.config.urlRequired', {}, { url: 'transport.config.urlRequired' });
  if (c.mode === 'exchangeDir' && !c.dir)
    throw new DomainError('transport.config.dirRequired', {}, { dir: 'transport.config.dirRequired' });
  if (c.signer.kind === 'http' && !c.signer.url)
    throw new DomainError('signer.config.urlRequired', {}, { 'signer.url': 'signer.config.urlRequired' });
  if (c.signer.kind === 'folder' && !c.signer.dir)
    throw new DomainError('signer.config.dirRequired', {}, { 'signer.dir': 'signer.config.dirRequired' });
  // the app writes into these folders and moves files out of them: absolute, existing, not a system folder
  const dir = c.dir ? checkExchangeFolder(c.dir, 'dir') : c.dir;
  const signerDir = c.signer.dir ? checkExchangeFolder(c.signer.dir, 'signer.dir') : c.signer.dir;
  return { ...c, dir, signer: { ...c.signer, dir: signerDir } };
}

export interface SyncConfigInput {
  readonly mode: SyncConfig['mode'];
  readonly url?: string | null | undefined;
  readonly dir?: string | null | undefined;
  readonly signer?:
    | {
        readonly kind: SyncConfig['signer']['kind'];
        readonly url?: string | null | undefined;
        readonly dir?: string | null | undefined;
      }
    | undefined;
  readonly intervalSeconds?: number | undefined;
}

/** `configureSync` after the practice-platform handshake (target-guard.ts): a sandbox only to its own platform, a company never to one. */
export async function configureCheckedSync(ws: Workspace, name: string, input: SyncConfigInput): Promise<SyncConfig> {
  const current = readSyncConfig(ws);
  const signer = input.signer
    ? { kind: input.signer.kind, url: input.signer.url ?? null, dir: input.signer.dir ?? null }
    : current.signer;
  await guardSyncTarget(ws.read, { mode: input.mode, url: input.url ?? null, dir: input.dir ?? null, signer });
  return configureSync(ws, name, input);
}

/** Saves the transport settings (validated) under the command `name`; another address starts its receipt cursor over. */
export function configureSync(ws: Workspace, name: string, input: SyncConfigInput): SyncConfig {
  const current = readSyncConfig(ws);
  const next = validateConfig({
    mode: input.mode,
    url: input.url ?? null,
    dir: input.dir ?? null,
    signer: input.signer
      ? { kind: input.signer.kind, url: input.signer.url ?? null, dir: input.signer.dir ?? null }
      : current.signer,
    intervalSeconds: input.intervalSeconds ?? current.intervalSeconds,
  });
  checkTargetShape(readSandboxMarker(ws.read), next);
  ws.uow.run(name, (tx) => {
    putSetting(tx.db, CONFIG_KEY, next);
    // a receipt cursor belongs to one platform: another address starts from its beginning
    if (next.mode !== current.mode || next.url !== current.url) writeReceiptCursor(tx.db, null);
  });
  ws.events.emit('sync.status', syncStatusOf(ws));
  return next;
}

/** One page of the outbox (`status` 'all' for every row). */
export function outboxPage(ws: Workspace, status: 'queued' | 'sent' | 'failed' | 'all', offset: number, limit: number) {
  const page = listOutbox(ws.read, status, offset, limit);
  return { items: page.items, total: page.total };
}

/** Failed outbox rows back in the queue; the status bar hears of it at once. */
export function retryOutbox(ws: Workspace, ids: readonly number[]): { readonly requeued: number } {
  const requeued = ws.uow.run('sync.outbox.retry', (tx) => requeueFailed(tx.db, ids));
  ws.events.emit('sync.status', syncStatusOf(ws));
  return { requeued };
}

/** One page of the stored receipts, without their digests. */
export function receiptsPage(ws: Workspace, offset: number, limit: number) {
  const page = listReceipts(ws.read, offset, limit);
  return { items: page.items.map(({ digest: _d, ...r }) => r), total: page.total };
}
