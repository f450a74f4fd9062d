/**
 * The transport port of the sync engine and what crosses it: outgoing messages (each with its
 * idempotency key), per-message outcomes, incoming receipts. Two adapters implement it: HTTP to
 * the zone platform (http-transport.ts) and the exchange folder (folder-transport.ts).
 */

import { TRANSPORTED_KINDS } from './sync-store.ts';

/** Outbox kinds a transport carries; every other kind stays in the outbox as a local record. */
export const TRANSPORT_KINDS = TRANSPORTED_KINDS;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

export interface CebPayload {
  readonly messageType: string;
  readonly guid: string;
  readonly xml: string;
}

export type OutgoingMessage =
  | { readonly key: string; readonly kind: 'ceb.message'; readonly message: CebPayload }
  | { readonly key: string; readonly kind: 'tax.sixItems'; readonly sixItems: unknown };

export type SendOutcome =
  | { readonly key: string; readonly outcome: 'accepted' | 'duplicate' }
  | { readonly key: string; readonly outcome: 'rejected'; readonly reason: string };

/** Why an inbound receipt cannot be read: a coded reason (translated under `errors.<code>`). */
export interface ReceiptProblem {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface IncomingReceipt {
  /** The platform's receipt id or the exchange file name (for the record, not for dedup). */
  readonly source: string;
  readonly xml: string;
  /** Set by the transport when it could not even get the content (too large, unreadable file …). */
  readonly problem?: ReceiptProblem;
  /** Size in bytes of what arrived (the xml may be empty when `problem` is set). */
  readonly size?: number;
}

export interface ReceiptPage {
  readonly receipts: readonly IncomingReceipt[];
  /** Cursor to pass next time (null: the transport keeps no cursor). */
  readonly cursor: string | null;
  readonly more: boolean;
}

export interface Transport {
  readonly name: 'platform' | 'exchangeDir';
  /**
   * One outcome per message (any order); throws TransportError when the outcome is unknown.
   * `batch.auditHead`: the ledger's audit chain head at sending time, sent along (a platform that
   * keeps it can later tell whether the local chain was rebuilt).
   */
  send(
    messages: readonly OutgoingMessage[],
    batch?: { readonly auditHead: string | null },
  ): Promise<readonly SendOutcome[]>;
  fetchReceipts(cursor: string | null): Promise<ReceiptPage>;
  /** Called after the receipts were stored (the folder transport moves them to processed/). */
  acknowledge(receipts: readonly IncomingReceipt[]): Promise<void>;
  /**
   * Called after an unreadable receipt was recorded in the quarantine: the folder transport moves
   * it to `in/rejected/` with a reason file, so it never blocks the files behind it.
   */
  quarantine(receipt: IncomingReceipt, problem: ReceiptProblem, at: string): Promise<void>;
}

/** Network trouble, HTTP 5xx, a dropped connection: the attempt's outcome is unknown; retry later. */
export class TransportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
  }
}
