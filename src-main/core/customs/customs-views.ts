/**
 * Read models of customs documents (shared by the db read side and the contract, which
 * re-exports them): document types, statuses, a document with its history and receipts, the
 * stored customs settings and the per-order shipping data.
 */
import type { CebSettings } from './ceb-input.ts';

/** CEB605 (list withdrawn) and CEB213 (return of a list's goods) since issue 15. */
export const CEB_DOCUMENT_TYPES = ['CEB303', 'CEB403', 'CEB505', 'CEB603', 'CEB701', 'CEB605', 'CEB213'] as const;
export type CebDocumentType = (typeof CEB_DOCUMENT_TYPES)[number];

/**
 * Local states, then the e-port/customs `returnStatus` codes as received (string):
 * draft → validated → queued → sent → '2' → '120' | '100' → '800' → '399' | '899'.
 * Any other code received ('1', '3', '300', '500', …) is kept as is; negative codes set
 * `status: 'error'` (the code is in `lastReturnStatus`).
 */
export const CUSTOMS_LOCAL_STATUSES = [
  'draft',
  'validated',
  'queued',
  'sent',
  'error',
  'withdrawn',
  'cancelled',
] as const;
export type CustomsDocumentStatus = string;

export interface CustomsDocument {
  readonly id: number;
  readonly type: CebDocumentType;
  /** orderNo (303/403), logisticsNo (505), copNo (603, 701). */
  readonly businessKey: string;
  readonly orderId: number | null;
  readonly orderNo: string | null;
  /** Guid of the business block and of the message carrying it. */
  readonly guid: string;
  readonly messageGuid: string;
  readonly revision: number;
  readonly status: CustomsDocumentStatus;
  /** Last received code (also when it did not move the status, e.g. a late 120). */
  readonly lastReturnStatus: string | null;
  readonly lastReturnInfo: string | null;
  readonly statusAt: string;
  readonly invtNo: string | null;
  readonly preNo: string | null;
  readonly entryId: string | null;
  readonly createdAt: string;
}

export interface CustomsStatusChange {
  readonly status: string;
  readonly at: string;
  /** 'local' (build, queue, send) or 'receipt'. */
  readonly source: 'local' | 'receipt';
  /** false when a receipt arrived out of order and left the status as it was. */
  readonly applied: boolean;
  readonly info: string | null;
}

export interface CustomsReceiptView {
  readonly id: number;
  readonly messageType: string;
  readonly status: string;
  readonly returnTime: string;
  readonly returnInfo: string;
  readonly receivedAt: string;
}

export interface CustomsDocumentDetail extends CustomsDocument {
  readonly history: readonly CustomsStatusChange[];
  readonly receipts: readonly CustomsReceiptView[];
  readonly xml: string;
  /** CEB792: list line → declaration line. */
  readonly lineMapping: ReadonlyArray<{
    readonly gnum: number;
    readonly gseqno: number;
    readonly gcode: string | null;
  }>;
}

export interface CustomsDocumentsPage {
  readonly items: readonly CustomsDocument[];
  readonly total: number;
  readonly nextCursor: string | null;
}

export interface CustomsStatusCounts {
  readonly byStatus: Readonly<Record<string, number>>;
  readonly byType: Readonly<Partial<Record<CebDocumentType, number>>>;
  readonly errors: number;
}

/** The stored customs settings: every build setting (null where unset) and what the seller sends itself. */
export interface CustomsSettings extends Required<Omit<CebSettings, 'pod' | 'podByCountry'>> {
  /** Legacy single destination port, kept in the settings form; lists use the port per country (issue 15). */
  readonly pod: string;
  /** Destination port per ISO alpha-2 country, overriding the country's own port code (absent in older settings). */
  readonly podByCountry?: Readonly<Record<string, string>> | null;
  /** The seller declares its own waybills (CEB505); otherwise the logistics firm does. */
  readonly declaresWaybills: boolean;
  /** Payment receipts (CEB403): collecting firm (payName '现金支付' if not paid online). */
  readonly sendsPaymentReceipts: boolean;
}

/** Per-order data the lists and waybills need that marketplace files do not carry. */
export interface CustomsShipping {
  readonly orderId: number;
  readonly orderNo: string;
  readonly logisticsNo: string | null;
  readonly logisticsCode: string | null;
  readonly logisticsName: string | null;
  readonly exportDate: string | null;
  readonly grossWeightGrams: number | null;
  readonly packNo: number | null;
  readonly copNo: string | null;
}
