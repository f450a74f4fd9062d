/**
 * The transport port of the sync engine and what crosses it: outgoing messages (each with its
 * idempotency key), per-message outcomes, incoming receipts. Two adapters implement it: HTTP to
 * the zone platform (http-transport.ts) and the exchange folder (folder-transport.ts).
 */

import { TRANSPORTED_KINDS } from '../db/sync-store.ts';

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

export interface IncomingReceipt {
  /** The platform's receipt id or the exchange file name (for the record, not for dedup). */
  readonly source: string;
  readonly xml: string;
}

export interface ReceiptPage {
  readonly receipts: readonly IncomingReceipt[];
  /** Cursor to pass next time (null: the transport keeps no cursor). */
  readonly cursor: string | null;
  readonly more: boolean;
}

export interface Transport {
  readonly name: 'platform' | 'exchangeDir';
  /** One outcome per message (any order); throws TransportError when the outcome is unknown. */
  send(messages: readonly OutgoingMessage[]): Promise<readonly SendOutcome[]>;
  fetchReceipts(cursor: string | null): Promise<ReceiptPage>;
  /** Called after the receipts were stored (the folder transport moves them to processed/). */
  acknowledge(receipts: readonly IncomingReceipt[]): Promise<void>;
}

/** Network trouble, HTTP 5xx, a dropped connection: the attempt's outcome is unknown; retry later. */
export class TransportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
  }
}
