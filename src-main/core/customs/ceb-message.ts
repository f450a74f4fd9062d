/**
 * What a builder returns: one CEB message (≤ 100 business blocks) as XML, with its own guid
 * and a reference per document inside it (block guid, order/list numbers, part k of n), so the
 * outbox can key documents and attach receipts later.
 */
export type CebMessageType = 'CEB303' | 'CEB403' | 'CEB505' | 'CEB603' | 'CEB701';

export interface CebDocumentRef {
  readonly guid: string;
  readonly orderNo: string;
  readonly copNo: string;
  /** The order number as the ledger knows it (before any '-k' part suffix). */
  readonly sourceOrderNo: string;
  readonly part: number;
  readonly parts: number;
}

export interface CebMessage {
  readonly type: CebMessageType;
  readonly guid: string;
  readonly xml: string;
  readonly documents: readonly CebDocumentRef[];
}
