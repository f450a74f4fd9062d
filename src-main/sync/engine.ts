/**
 * The sync engine: takes due outbox rows (kinds a transport carries) in id order, signs CEB
 * messages, sends them in batches, then records the outcome in one unit-of-work transaction
 * (sent rows + the customs store's `messagesSent` hook). An unknown outcome (5xx, dropped
 * connection, crash while 'sending') retries later with the SAME key, after an exponential
 * backoff with jitter from the injected random source; the platform deduplicates by key, so a
 * key is never accepted twice and a sent row is never selected again. Receipts are fetched
 * since the stored cursor, stored once each (sha-256) with the cursor in one transaction, and
 * handed to the `receiptsStored` hook; the transport is told to acknowledge them afterwards.
 * A receipt that cannot be read (a DTD or entity declaration, too large, not UTF-8, or refused
 * by the `inspectReceipt` hook, which may also throw) is quarantined instead: recorded with its
 * coded reason in the same transaction, handed to `transport.quarantine` (the folder moves it to
 * `in/rejected/`), counted in `quarantined`; the pass goes on with the next receipt.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../core/domain-error.ts';
import type { Db } from '../db/open-ledger.ts';
import type { Tx, UnitOfWork } from '../db/unit-of-work.ts';
import {
  dueRows,
  insertReceipts,
  markSending,
  markRowFailed,
  markRowsSent,
  readReceiptCursor,
  releaseRows,
  rescheduleRow,
  transportCounts,
  writeReceiptCursor,
  type NewReceipt,
  type OutboxRow,
  type TransportCounts,
} from './sync-store.ts';
import { recordQuarantined, type NewQuarantined } from './quarantine-store.ts';
import { auditHead } from '../db/audit-chain.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { Signer } from './signer.ts';
import {
  TransportError,
  type CebPayload,
  type IncomingReceipt,
  type OutgoingMessage,
  type ReceiptProblem,
  type SendOutcome,
  type Transport,
} from './transport.ts';

export interface SyncHooks {
  /** Same transaction as the outbox rows becoming 'sent' (customs-store `markMessagesSent`). */
  messagesSent?(tx: Tx, idempotencyKeys: readonly string[], at: string): void;
  /** Same transaction as the raw receipts being stored; only receipts never seen before. */
  receiptsStored?(tx: Tx, xmls: readonly string[]): void;
  /** Why a receipt cannot be read (it is then quarantined, not stored), or null; a throw counts as unreadable. */
  inspectReceipt?(xml: string): ReceiptProblem | null;
}

export interface SyncProgress {
  readonly phase: 'sending' | 'receipts' | 'waiting' | 'done';
  readonly sent: number;
  readonly failed: number;
  readonly receipts: number;
  readonly queued: number;
}

export interface SyncEngineOptions {
  /** Read side (counts, cursor); every write goes through `uow`. */
  readonly db: Db;
  readonly uow: UnitOfWork;
  readonly transport: Transport;
  readonly signer: Signer;
  readonly clock: () => Date;
  readonly random: () => number;
  readonly batchSize?: number;
  /** Attempts with an unknown outcome before a row is 'failed' (the user may retry it). */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffPolicy;
  readonly hooks?: SyncHooks;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface SyncPassResult {
  /** Rows the platform accepted now or had already (duplicate) — both are 'sent'. */
  readonly sent: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Attempts whose outcome was unknown and were rescheduled. */
  readonly retried: number;
  /** Rows that became 'failed' (rejected, unsignable or out of attempts). */
  readonly failed: number;
  readonly receipts: number;
  readonly duplicateReceipts: number;
  /** Receipts that could not be read and were quarantined in this pass. */
  readonly quarantined: number;
  readonly remaining: TransportCounts;
  readonly errors: readonly string[];
}

/** A pass's counts (sent … duplicateReceipts), as `sync.now` and `kuajing sync` report them. */
export function passCounts(
  r: SyncPassResult,
): Pick<SyncPassResult, 'sent' | 'duplicates' | 'rejected' | 'retried' | 'failed' | 'receipts' | 'duplicateReceipts'> {
  const { sent, duplicates, rejected, retried, failed, receipts, duplicateReceipts } = r;
  return { sent, duplicates, rejected, retried, failed, receipts, duplicateReceipts };
}

const DEFAULT_BATCH = 200;
const DEFAULT_MAX_ATTEMPTS = 10;
const RECEIPT_PAGES_PER_PASS = 1000;
/** Receipts are small; anything larger is quarantined unread (the folder transport checks file sizes too). */
export const MAX_RECEIPT_CHARS = 16 * 1024 * 1024;
const EXCERPT_CHARS = 4096;

export function receiptDigest(xml: string): string {
  return createHash('sha256').update(xml).digest('hex');
}

/** Root element type (CEB304…) and the first returnStatus, for listing; C1's parser reads the rest. */
export function describeReceipt(xml: string): { messageType: string; returnStatus: string | null } {
  const type = /<(?:[\w-]+:)?(CEB\d{3})Message[\s>]/.exec(xml)?.[1] ?? 'unknown';
  const status = /<(?:[\w-]+:)?returnStatus>\s*([^<\s]+)\s*</.exec(xml)?.[1] ?? null;
  return { messageType: type, returnStatus: status };
}

/**
 * The checks every receipt passes whatever the hooks: receipts never carry a DTD, so a
 * `<!DOCTYPE` or `<!ENTITY` (external entities, entity expansion) is refused before any parser sees it.
 */
export function receiptProblem(
  r: IncomingReceipt,
  inspect?: (xml: string) => ReceiptProblem | null,
): ReceiptProblem | null {
  if (r.problem) return r.problem;
  if (r.xml.length > MAX_RECEIPT_CHARS)
    return { code: 'sync.receipt.tooLarge', params: { size: r.size ?? r.xml.length, limit: MAX_RECEIPT_CHARS } };
  if (/<!(?:DOCTYPE|ENTITY)/i.test(r.xml)) return { code: 'sync.receipt.unsafe', params: {} };
  if (!inspect) return null;
  try {
    return inspect(r.xml);
  } catch (e) {
    return { code: 'sync.receipt.unreadable', params: { reason: errorText(e).slice(0, 200) } };
  }
}

function errorText(e: unknown): string {
  if (e instanceof DomainError) return `${e.code} ${JSON.stringify(e.params)}`;
  return e instanceof Error ? e.message : String(e);
}

export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #batch: number;
  readonly #maxAttempts: number;
  readonly #backoff: BackoffPolicy;
  #stopped = false;
  #unsentAtStart = 0;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#batch = options.batchSize ?? DEFAULT_BATCH;
    this.#maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** Stops between batches (workspace closing). */
  stop(): void {
    this.#stopped = true;
  }

  counts(): TransportCounts {
    return transportCounts(this.#o.db);
  }

  /**
   * Sends every due row, then fetches receipts. With `drain`, waits out backoffs until no row
   * is queued or sending (each row ends 'sent' or 'failed' once its attempts are spent).
   * `receipts: false` skips fetching receipts (benchmarks of the sending side).
   */
  async run(opts: { drain?: boolean; receipts?: boolean } = {}): Promise<SyncPassResult> {
    const start = this.counts();
    this.#unsentAtStart = start.queued + start.sending;
    const acc = {
      sent: 0,
      duplicates: 0,
      rejected: 0,
      retried: 0,
      failed: 0,
      receipts: 0,
      duplicateReceipts: 0,
      quarantined: 0,
      errors: [] as string[],
    };
    for (;;) {
      while (!this.#stopped && (await this.#sendBatches(acc))) {
        /* next batch */
      }
      const c = this.counts();
      if (!opts.drain || this.#stopped || c.queued + c.sending === 0) break;
      const wait = c.nextAttemptAt ? Date.parse(c.nextAttemptAt) - this.#o.clock().getTime() : 0;
      this.#progress('waiting', acc);
      await (this.#o.sleep ?? defaultSleep)(Math.max(1, Math.min(wait, this.#backoff.maxMs)));
    }
    if (!this.#stopped && opts.receipts !== false) await this.#fetchReceipts(acc);
    const remaining = this.counts();
    this.#progress('done', acc);
    return { ...acc, remaining };
  }

  /** Cheap progress: rows left = unsent at the start of the run − rows finished since. */
  #progress(phase: SyncProgress['phase'], acc: { sent: number; failed: number; receipts: number }): void {
    if (!this.#o.onProgress) return;
    const queued = Math.max(0, this.#unsentAtStart - acc.sent - acc.failed);
    this.#o.onProgress({ phase, sent: acc.sent, failed: acc.failed, receipts: acc.receipts, queued });
  }

  /**
   * Sends the due rows batch after batch, pipelined: while the platform works on batch N+1, one
   * transaction records batch N's outcome and claims batch N+2 (so each batch costs one commit, and
   * our writes overlap the platform's work). The next batch leaves only after the previous one was
   * answered with no row to try later (FIFO: nothing overtakes a row that must wait); otherwise
   * its claim is released in that same transaction. Returns false when nothing was due.
   */
  async #sendBatches(acc: SendAcc): Promise<boolean> {
    const { uow, clock } = this.#o;
    // read first: an idle pass (background timer) writes nothing, not even a command_log row
    const due = dueRows(this.#o.db, clock().toISOString(), 2 * this.#batch);
    if (due.length === 0) return false;
    const claimed = uow.run('sync.claim', (tx) => markSending(tx.db, due));
    let current = await this.#prepareBatch(claimed.slice(0, this.#batch));
    let next: PreparedBatch | null =
      claimed.length > this.#batch ? await this.#prepareBatch(claimed.slice(this.#batch)) : null;
    let answer = this.#launch(current);
    for (;;) {
      const { outcomes, error } = await answer;
      const { sent, refused, later } = this.#sort(current, outcomes, error, acc);
      const go = next !== null && later.length === 0 && !this.#stopped;
      const nextAnswer = go ? this.#launch(next!) : null;
      const release = go ? null : next;
      const afterId = next?.rows.at(-1)?.id ?? null;
      const claimedNext = uow.run('sync.sent', (tx) => {
        this.#record(tx, sent, refused, later, acc);
        if (release) releaseRows(tx.db, release.rows);
        return go ? markSending(tx.db, dueRows(tx.db, tx.now, this.#batch, afterId)) : [];
      });
      acc.sent += sent.length;
      acc.rejected += refused.filter((r) => r.reason.startsWith('platform.rejected')).length;
      acc.failed += refused.length;
      this.#progress('sending', { ...acc, receipts: 0 });
      if (!go) return true;
      current = next!;
      answer = nextAnswer!;
      next = claimedNext.length > 0 ? await this.#prepareBatch(claimedNext) : null;
    }
  }

  /** Signs each claimed row: ready to send, refused (never signable) or later (signer not ready). */
  async #prepareBatch(rows: readonly OutboxRow[]): Promise<PreparedBatch> {
    const batch: PreparedBatch = { rows, ready: [], refused: [], later: [] };
    for (const row of rows) {
      try {
        batch.ready.push({ row, message: await this.#prepare(row) });
      } catch (e) {
        (e instanceof TransportError ? batch.later : batch.refused).push({ row, reason: errorText(e) });
      }
    }
    return batch;
  }

  /** Puts a batch on the wire with the chain head as it is now; a TransportError is an answer (outcome unknown). */
  #launch(b: PreparedBatch): Promise<{ outcomes: readonly SendOutcome[]; error: string | null }> {
    if (b.ready.length === 0) return Promise.resolve({ outcomes: [], error: null });
    const answer = this.#o.transport
      .send(
        b.ready.map((r) => r.message),
        { auditHead: auditHead(this.#o.db) },
      )
      .then(
        (outcomes) => ({ outcomes, error: null }),
        (e: unknown) => {
          if (!(e instanceof TransportError)) throw e;
          return { outcomes: [] as SendOutcome[], error: e.message };
        },
      );
    answer.catch(() => {}); // awaited by the loop; never an unhandled rejection meanwhile
    return answer;
  }

  /** Each row of an answered batch: sent (accepted or duplicate), refused, or to try later. */
  #sort(
    b: PreparedBatch,
    outcomes: readonly SendOutcome[],
    error: string | null,
    acc: SendAcc,
  ): {
    sent: OutboxRow[];
    refused: Array<{ row: OutboxRow; reason: string }>;
    later: Array<{ row: OutboxRow; reason: string }>;
  } {
    const refused = [...b.refused];
    const later = [...b.later];
    const sent: OutboxRow[] = [];
    if (error !== null) {
      acc.errors.push(error);
      later.push(...b.ready.map((r) => ({ row: r.row, reason: error })));
      return { sent, refused, later };
    }
    const byKey = new Map(outcomes.map((o) => [o.key, o]));
    for (const r of b.ready) {
      const o = byKey.get(r.row.idempotencyKey);
      if (!o) later.push({ row: r.row, reason: 'no outcome for this key' });
      else if (o.outcome === 'rejected') refused.push({ row: r.row, reason: `platform.rejected ${o.reason}` });
      else {
        sent.push(r.row);
        if (o.outcome === 'duplicate') acc.duplicates++;
      }
    }
    return { sent, refused, later };
  }

  /** A batch's outcome, inside the caller's transaction: sent rows + hook, failed rows, rescheduled rows. */
  #record(
    tx: Tx,
    sent: readonly OutboxRow[],
    refused: ReadonlyArray<{ row: OutboxRow; reason: string }>,
    later: ReadonlyArray<{ row: OutboxRow; reason: string }>,
    acc: SendAcc,
  ): void {
    const { clock } = this.#o;
    markRowsSent(
      tx.db,
      sent.map((r) => r.id),
    );
    const cebKeys = sent.filter((r) => r.kind === 'ceb.message').map((r) => r.idempotencyKey);
    if (cebKeys.length > 0) this.#o.hooks?.messagesSent?.(tx, cebKeys, tx.now);
    for (const r of refused) markRowFailed(tx.db, r.row.id, r.reason);
    const now = clock().getTime();
    for (const r of later) {
      if (r.row.attempts >= this.#maxAttempts) {
        markRowFailed(tx.db, r.row.id, `attempts.exhausted ${r.reason}`);
        acc.failed++;
      } else {
        rescheduleRow(
          tx.db,
          r.row.id,
          new Date(now + backoffDelay(r.row.attempts, this.#o.random, this.#backoff)).toISOString(),
          r.reason,
        );
        acc.retried++;
      }
    }
  }

  async #prepare(row: OutboxRow): Promise<OutgoingMessage> {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    if (row.kind === 'tax.sixItems') return { key: row.idempotencyKey, kind: 'tax.sixItems', sixItems: payload };
    const p = payload as Partial<CebPayload>;
    if (typeof p.xml !== 'string' || typeof p.messageType !== 'string' || typeof p.guid !== 'string') {
      throw new DomainError('outbox.payload.invalid', { key: row.idempotencyKey });
    }
    const xml = await this.#o.signer.sign(row.idempotencyKey, p.xml);
    return { key: row.idempotencyKey, kind: 'ceb.message', message: { messageType: p.messageType, guid: p.guid, xml } };
  }

  async #fetchReceipts(acc: {
    receipts: number;
    duplicateReceipts: number;
    quarantined: number;
    errors: string[];
    sent: number;
    failed: number;
  }): Promise<void> {
    const { uow, transport } = this.#o;
    for (let page = 0; page < RECEIPT_PAGES_PER_PASS && !this.#stopped; page++) {
      let got;
      const cursor = readReceiptCursor(this.#o.db);
      try {
        got = await transport.fetchReceipts(cursor);
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        acc.errors.push(`receipts: ${e.message}`);
        return;
      }
      if (got.receipts.length === 0 && got.cursor === cursor) return;
      const good: IncomingReceipt[] = [];
      const bad: Array<{ receipt: IncomingReceipt; problem: ReceiptProblem; row: NewQuarantined }> = [];
      for (const r of got.receipts) {
        const problem = receiptProblem(r, this.#o.hooks?.inspectReceipt);
        if (!problem) {
          good.push(r);
          continue;
        }
        bad.push({
          receipt: r,
          problem,
          row: {
            transport: transport.name,
            source: r.source,
            digest: receiptDigest(r.xml),
            code: problem.code,
            params: problem.params,
            size: r.size ?? Buffer.byteLength(r.xml),
            excerpt: transport.name === 'platform' ? r.xml.slice(0, EXCERPT_CHARS) : null,
          },
        });
      }
      const rows: NewReceipt[] = good.map((r) => ({
        digest: receiptDigest(r.xml),
        source: r.source,
        xml: r.xml,
        ...describeReceipt(r.xml),
      }));
      const [fresh, at] = uow.run('sync.receipts', (tx) => {
        const inserted = insertReceipts(tx.db, tx.commandId, tx.now, rows);
        if (inserted.length > 0)
          this.#o.hooks?.receiptsStored?.(
            tx,
            inserted.map((r) => r.xml),
          );
        if (bad.length > 0)
          recordQuarantined(
            tx.db,
            tx.commandId,
            tx.now,
            bad.map((b) => b.row),
          );
        if (got.cursor !== null) writeReceiptCursor(tx.db, got.cursor);
        return [inserted.length, tx.now] as const;
      });
      acc.receipts += fresh;
      acc.duplicateReceipts += rows.length - fresh;
      acc.quarantined += bad.length;
      for (const b of bad) {
        try {
          await transport.quarantine(b.receipt, b.problem, at);
        } catch (e) {
          acc.errors.push(`quarantine ${b.receipt.source}: ${errorText(e)}`);
        }
      }
      await transport.acknowledge(good);
      this.#progress('receipts', acc);
      // a page of files that could not be moved out of the way would come back unchanged: stop
      if (
        !got.more ||
        got.receipts.length === 0 ||
        (good.length === 0 && got.cursor === cursor && acc.errors.length > 0)
      )
        return;
    }
  }
}

type SendAcc = {
  sent: number;
  duplicates: number;
  rejected: number;
  retried: number;
  failed: number;
  errors: string[];
};

interface PreparedBatch {
  readonly rows: readonly OutboxRow[];
  readonly ready: Array<{ row: OutboxRow; message: OutgoingMessage }>;
  readonly refused: Array<{ row: OutboxRow; reason: string }>;
  readonly later: Array<{ row: OutboxRow; reason: string }>;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
