/**
 * The status machine of a customs document: local states draft → validated → queued → sent,
 * then the `returnStatus` codes received: 1/2 (e-port) → 120 accepted | 100 rejected → 800
 * released → 399 concluded | 899 closed. Negative codes are processing errors ('error').
 * A list customs withdrew on a CEB605 ends 'cancelled'; an unsent document taken back ends
 * 'withdrawn' (local; rebuildable). Each status has a rank; a receipt only moves a document forward (a 120 arriving after 800
 * is kept in the history but the status stays 800). Unknown positive codes rank after the
 * e-port steps and before customs' decision.
 */
import { isErrorStatus } from './parse-receipt.ts';

const RANKS: Readonly<Record<string, number>> = {
  draft: 0,
  validated: 1,
  queued: 2,
  sent: 3,
  error: 4,
  '1': 5,
  '2': 6,
  '3': 7,
  '4': 7,
  '120': 10,
  '300': 11,
  '500': 12,
  '100': 13,
  '800': 20,
  '399': 30,
  '899': 30,
  // a list customs withdrew on our CEB605 (撤销): after every state a list can reach
  cancelled: 40,
  // an unsent document taken back before it left (issue 15: per-sale 9810): nothing moves it again
  withdrawn: 50,
};
const UNKNOWN_RANK = 8;

/** The stored status of a received code: negative codes become 'error', leading zeros go ('0120' → '120'). */
export function statusOfCode(code: string): string {
  if (isErrorStatus(code)) return 'error';
  return /^\d+$/.test(code) ? String(Number(code)) : code;
}

export function statusRank(status: string): number {
  return Object.hasOwn(RANKS, status) ? RANKS[status]! : UNKNOWN_RANK;
}

/** Whether a document in `current` moves to `incoming` (strictly forward only). */
export function advances(current: string, incoming: string): boolean {
  return statusRank(incoming) > statusRank(current);
}

/** Documents in these states may be built again (a new revision): customs refused them, or they were withdrawn unsent. */
export function isRebuildable(status: string): boolean {
  return status === 'error' || status === '100' || status === 'withdrawn';
}
