/**
 * Commands of the sync area, spread into `contract` (contract.ts). Same rules as there:
 * zod input, phantom result type, `mutates`; the renderer only `import type`s these types.
 * The transport (off / zone platform over HTTP / exchange folder) and the signer are workspace
 * settings; `sync.now` runs one pass; the outbox and receipt lists page with offset/limit.
 */
import { z } from 'zod';
import type { SyncPassResult } from '../../sync/engine.ts';
import { empty, id, result } from '../contract-kit.ts';
export type { SyncProgress as SyncProgressEvent } from '../../sync/engine.ts';

export interface SyncStatus {
  readonly state: 'offline' | 'idle' | 'sending' | 'error';
  readonly queued: number;
  readonly failed: number;
  /** Inbound receipts that could not be read and were quarantined (present when there are any). */
  readonly quarantined?: number;
  /** The newest of them, with its coded reason (`errors.<code>`). */
  readonly lastQuarantined?: SyncQuarantineEntry;
}

/** An inbound receipt that could not be read: set aside (exchange folder: `in/rejected/`), never stored as a receipt. */
export interface SyncQuarantineEntry {
  readonly id: number;
  readonly transport: 'platform' | 'exchangeDir';
  /** Platform receipt id or exchange file name. */
  readonly source: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly size: number;
  readonly quarantinedAt: string;
}

/** The settings key of the sync configuration (SyncConfig); the customs build reads its signer (issue 15). */
export const SYNC_CONFIG_KEY = 'sync.config';
export const SYNC_MODES = ['off', 'platform', 'exchangeDir'] as const;
export const SIGNER_KINDS = ['none', 'http', 'folder', 'sm2Practice'] as const;
export const OUTBOX_FILTERS = ['queued', 'sent', 'failed', 'all'] as const;

export interface SyncSignerConfig {
  readonly kind: (typeof SIGNER_KINDS)[number];
  readonly url: string | null;
  readonly dir: string | null;
}

export interface SyncConfig {
  readonly mode: (typeof SYNC_MODES)[number];
  /** Base URL of the zone platform (mode 'platform'). */
  readonly url: string | null;
  /** Exchange folder with out/ and in/ (mode 'exchangeDir'). */
  readonly dir: string | null;
  readonly signer: SyncSignerConfig;
  /** Background pass interval of the hosts. */
  readonly intervalSeconds: number;
}

/** `sync.now` answer: the pass's counts, with the rows still queued or sending after it. */
export interface SyncRunSummary extends Omit<SyncPassResult, 'remaining'> {
  readonly queued: number;
}

export interface SyncOutboxEntry {
  readonly id: number;
  readonly kind: string;
  readonly idempotencyKey: string;
  readonly status: 'queued' | 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
}

export interface SyncReceiptEntry {
  readonly id: number;
  readonly messageType: string;
  readonly returnStatus: string | null;
  /** Platform receipt id or exchange file name. */
  readonly source: string;
  readonly receivedAt: string;
}

const url = z
  .string()
  .min(1)
  .max(500)
  .regex(/^https?:\/\/\S+$/);
const dir = z.string().min(1).max(1000);
const page = { offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(500).optional() };

export const syncContract = {
  'sync.status': { input: empty, result: result<SyncStatus>(), mutates: false },
  'sync.getConfig': { input: empty, result: result<SyncConfig>(), mutates: false },
  'sync.configure': {
    input: z
      .object({
        mode: z.enum(SYNC_MODES),
        url: url.nullable().optional(),
        dir: dir.nullable().optional(),
        signer: z
          .object({ kind: z.enum(SIGNER_KINDS), url: url.nullable().optional(), dir: dir.nullable().optional() })
          .strict()
          .optional(),
        intervalSeconds: z.number().int().min(5).max(3600).optional(),
      })
      .strict(),
    result: result<SyncConfig>(),
    mutates: true,
  },
  'sync.now': { input: empty, result: result<SyncRunSummary>(), mutates: true },
  'sync.outbox.list': {
    input: z.object({ status: z.enum(OUTBOX_FILTERS).optional(), ...page }).strict(),
    result: result<{ readonly items: readonly SyncOutboxEntry[]; readonly total: number }>(),
    mutates: false,
  },
  'sync.outbox.retry': {
    input: z.object({ ids: z.array(id).min(1).max(1000) }).strict(),
    result: result<{ readonly requeued: number }>(),
    mutates: true,
  },
  'sync.receipts.list': {
    input: z.object(page).strict(),
    result: result<{ readonly items: readonly SyncReceiptEntry[]; readonly total: number }>(),
    mutates: false,
  },
  'sync.quarantine.list': {
    input: z.object(page).strict(),
    result: result<{ readonly items: readonly SyncQuarantineEntry[]; readonly total: number }>(),
    mutates: false,
  },
} as const;
