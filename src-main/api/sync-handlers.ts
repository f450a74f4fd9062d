/**
 * Handlers of the sync area's commands (contract-sync.ts) and the per-workspace sync service
 * they share with `sync.status` and the hosts' background timer: the saved transport/signer
 * settings, one pass at a time (a second caller joins the running pass), progress and status
 * events, and the customs hooks — outbox rows sent ⇒ `markMessagesSent`, receipts stored ⇒
 * `parseReceipt` + `recordReceipts` in the same transaction (an unreadable receipt stays in the
 * raw receipt store as evidence).
 */
import { isDomainError, DomainError } from '../core/domain-error.ts';
import { parseReceipt, type ParsedReceipt } from '../core/customs/index.ts';
import { markMessagesSent, recordReceipts } from '../db/customs-store.ts';
import { getSetting, putSetting } from '../db/settings-store.ts';
import { listOutbox, listReceipts, requeueFailed, transportCounts, writeReceiptCursor } from '../db/sync-store.ts';
import { SyncEngine, type SyncHooks } from '../sync/engine.ts';
import { signerFor, transportFor } from '../sync/configured.ts';
import type { SyncStatus } from './contract.ts';
import type { SyncConfig, SyncRunSummary, syncContract } from './contract-sync.ts';
import type { Handler } from './handlers.ts';
import { practiceStatus, startPractice, stopPractice } from './training.ts';
import type { Workspace } from './workspace.ts';

type SyncCommand = keyof typeof syncContract;

const CONFIG_KEY = 'sync.config';
export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  mode: 'off', url: null, dir: null, signer: { kind: 'none', url: null, dir: null }, intervalSeconds: 60,
};

export function readSyncConfig(ws: Workspace): SyncConfig {
  return { ...DEFAULT_SYNC_CONFIG, ...getSetting<Partial<SyncConfig>>(ws.db, CONFIG_KEY, {}) };
}

/** The customs side of a pass: documents follow their messages and receipts. */
export const CUSTOMS_HOOKS: SyncHooks = {
  messagesSent: (tx, keys, at) => { markMessagesSent(tx, keys, at); },
  receiptsStored: (tx, xmls) => {
    const parsed: ParsedReceipt[] = [];
    for (const xml of xmls) {
      try { parsed.push(...parseReceipt(xml)); } catch (e) { if (!isDomainError(e)) throw e; }
    }
    if (parsed.length > 0) recordReceipts(tx, parsed);
  },
};

interface SyncService {
  run(opts?: { drain?: boolean }): Promise<SyncRunSummary>;
  status(): SyncStatus;
  startBackground(): void;
  stop(): void;
}

const services = new WeakMap<Workspace, SyncService>();

function createService(ws: Workspace): SyncService {
  let running: Promise<SyncRunSummary> | null = null;
  let engine: SyncEngine | null = null;
  let lastErrors: readonly string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let firstPass: NodeJS.Immediate | null = null;
  let stopped = false;

  const status = (): SyncStatus => {
    const c = transportCounts(ws.db);
    const queued = c.queued + c.sending;
    const state = running ? 'sending'
      : readSyncConfig(ws).mode === 'off' ? (queued > 0 ? 'offline' : 'idle')
      : lastErrors.length > 0 && queued > 0 ? 'offline'
      : c.failed > 0 ? 'error' : 'idle';
    return { state, queued, failed: c.failed };
  };

  async function pass(drain: boolean): Promise<SyncRunSummary> {
    const config = readSyncConfig(ws);
    const transport = transportFor(config);
    if (!transport) throw new DomainError('transport.notConfigured');
    engine = new SyncEngine({
      db: ws.db, uow: ws.uow, transport, signer: signerFor(config.signer), clock: ws.clock, random: Math.random,
      hooks: CUSTOMS_HOOKS, onProgress: (p) => ws.events.emit('sync.progress', p),
    });
    ws.events.emit('sync.status', { ...status(), state: 'sending' });
    try {
      const r = await engine.run({ drain });
      lastErrors = r.errors;
      return {
        sent: r.sent, duplicates: r.duplicates, rejected: r.rejected, retried: r.retried, failed: r.failed, receipts: r.receipts,
        duplicateReceipts: r.duplicateReceipts, queued: r.remaining.queued + r.remaining.sending, errors: r.errors.slice(0, 20),
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
        if (!stopped && readSyncConfig(ws).mode !== 'off' && !running) service.run().catch(() => { /* the status reports it */ });
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

export function syncService(ws: Workspace): SyncService {
  let s = services.get(ws);
  if (!s) { s = createService(ws); services.set(ws, s); }
  return s;
}

/** Hosts: a pass right after opening, then one every `intervalSeconds`, while a transport is configured. */
export function startBackgroundSync(ws: Workspace): void {
  syncService(ws).startBackground();
}

const closeHooks = new WeakMap<Workspace, Array<() => void>>();

/** Runs `fn` when the workspace closes, before its database does (the in-app practice platform). */
export function onSyncClose(ws: Workspace, fn: () => void): void {
  closeHooks.set(ws, [...(closeHooks.get(ws) ?? []), fn]);
}

/** Workspace closing: no new pass, the running one stops between batches; close hooks run once. */
export function stopBackgroundSync(ws: Workspace): void {
  services.get(ws)?.stop();
  const hooks = closeHooks.get(ws) ?? [];
  closeHooks.delete(ws);
  for (const fn of hooks) fn();
}

/** `sync.status`: the real state of the transported outbox (handlers.ts). */
export function syncStatusOf(ws: Workspace): SyncStatus {
  return syncService(ws).status();
}

function validateConfig(c: SyncConfig): SyncConfig {
  if (c.mode === 'platform' && !c.url) throw new DomainError('transport.config.urlRequired', {}, { url: 'transport.config.urlRequired' });
  if (c.mode === 'exchangeDir' && !c.dir) throw new DomainError('transport.config.dirRequired', {}, { dir: 'transport.config.dirRequired' });
  if (c.signer.kind === 'http' && !c.signer.url) throw new DomainError('signer.config.urlRequired', {}, { 'signer.url': 'signer.config.urlRequired' });
  if (c.signer.kind === 'folder' && !c.signer.dir) throw new DomainError('signer.config.dirRequired', {}, { 'signer.dir': 'signer.config.dirRequired' });
  return c;
}

export interface SyncConfigInput {
  readonly mode: SyncConfig['mode'];
  readonly url?: string | null | undefined;
  readonly dir?: string | null | undefined;
  readonly signer?: { readonly kind: SyncConfig['signer']['kind']; readonly url?: string | null | undefined; readonly dir?: string | null | undefined } | undefined;
  readonly intervalSeconds?: number | undefined;
}

/** Saves the transport settings (validated) under the command `name`; another address starts its receipt cursor over. */
export function configureSync(ws: Workspace, name: string, input: SyncConfigInput): SyncConfig {
  const current = readSyncConfig(ws);
  const next = validateConfig({
    mode: input.mode, url: input.url ?? null, dir: input.dir ?? null,
    signer: input.signer ? { kind: input.signer.kind, url: input.signer.url ?? null, dir: input.signer.dir ?? null } : current.signer,
    intervalSeconds: input.intervalSeconds ?? current.intervalSeconds,
  });
  ws.uow.run(name, (tx) => {
    putSetting(tx.db, CONFIG_KEY, next);
    // a receipt cursor belongs to one platform: another address starts from its beginning
    if (next.mode !== current.mode || next.url !== current.url) writeReceiptCursor(tx.db, null);
  });
  ws.events.emit('sync.status', syncStatusOf(ws));
  return next;
}

export function createSyncHandlers(ws: Workspace): { readonly [K in SyncCommand]: Handler<K> } {
  return {
    'sync.getConfig': () => readSyncConfig(ws),
    'sync.configure': (input) => configureSync(ws, 'sync.configure', input),
    'sync.now': () => syncService(ws).run(),
    'sync.outbox.list': ({ status, offset, limit }) => {
      const page = listOutbox(ws.db, status ?? 'all', offset ?? 0, limit ?? 50);
      return { items: page.items, total: page.total };
    },
    'sync.outbox.retry': ({ ids }) => {
      const requeued = ws.uow.run('sync.outbox.retry', (tx) => requeueFailed(tx.db, ids));
      ws.events.emit('sync.status', syncStatusOf(ws));
      return { requeued };
    },
    'sync.receipts.list': ({ offset, limit }) => {
      const page = listReceipts(ws.db, offset ?? 0, limit ?? 50);
      return { items: page.items.map(({ digest: _d, ...r }) => r), total: page.total };
    },
    'training.practice.start': ({ stepMs }) => startPractice(ws, stepMs),
    'training.practice.stop': () => stopPractice(ws),
    'training.practice.status': () => practiceStatus(ws),
  };
}
