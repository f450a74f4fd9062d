/**
 * What every payout reader produces: the settlement's period, stated deposit and its lines
 * (signed: + credited to the seller), each with its platform key, netting category and file row.
 */
import type { Minor } from '../money/index.ts';
import type { RowError } from '../orders/order.ts';
import type { PayoutHead, PayoutLine } from './settlement-views.ts';

/** A payout line as read from the file, before it is matched to an order and an account. */
export type ParsedPayoutLine = Omit<PayoutLine, 'id' | 'orderId' | 'account'>;

export interface ParsedPayout extends PayoutHead {
  readonly encoding: string;
  readonly sumOfLines: Minor;
  readonly lines: readonly ParsedPayoutLine[];
  readonly rejected: readonly RowError[];
}
