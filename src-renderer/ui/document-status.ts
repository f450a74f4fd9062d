/**
 * How a customs document status reads — the statuses in the order a document passes through
 * them (draft → validated → queued → sent → 2 → 120/100 → 800 → 399/899) and each one's chip
 * tone; a negative return code is an error of the e-port or customs. Shared by the customs desk
 * and the Sync screen's receipts (`StatusChip`).
 */
/** The statuses a document passes through, in order, for the filter and the chips. */
export const DOCUMENT_STATUSES = [
  'draft',
  'validated',
  'queued',
  'sent',
  'error',
  '1',
  '2',
  '3',
  '4',
  '100',
  '120',
  '300',
  '399',
  '500',
  '505',
  '600',
  '800',
  '899',
  'cancelled',
  'withdrawn',
] as const;
type KnownStatus = (typeof DOCUMENT_STATUSES)[number];

export type ChipTone = 'muted' | 'info' | 'ok' | 'warn';

const TONES: Readonly<Record<KnownStatus, ChipTone>> = {
  draft: 'muted',
  validated: 'muted',
  queued: 'info',
  sent: 'info',
  error: 'warn',
  '1': 'info',
  '2': 'info',
  '3': 'info',
  '4': 'warn',
  '100': 'warn',
  '120': 'ok',
  '300': 'info',
  '399': 'ok',
  '500': 'info',
  '505': 'info',
  '600': 'warn',
  '800': 'ok',
  '899': 'ok',
  cancelled: 'muted',
  withdrawn: 'muted',
};

export function isKnownStatus(status: string): status is KnownStatus {
  return (DOCUMENT_STATUSES as readonly string[]).includes(status);
}

/** A negative returnStatus is a processing error of the e-port or customs. */
export function isNegativeCode(code: string | null): boolean {
  return code !== null && /^-\d+$/.test(code);
}

export function statusTone(status: string): ChipTone {
  if (isNegativeCode(status)) return 'warn';
  return isKnownStatus(status) ? TONES[status] : 'info';
}
