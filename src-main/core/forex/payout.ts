/**
 * What every payout reader produces: the settlement's period, stated deposit and its lines
 * (signed: + credited to the seller), each with its platform key, netting category and file row.
 */
import type { Currency } from '../money/index.ts';
import type { RowError } from '../orders/order.ts';
import type { NettingCategory, PayoutSource } from './settlement-views.ts';

export interface ParsedPayoutLine {
  readonly row: number;
  readonly transactionType: string;
  readonly amountType: string;
  readonly amountDescription: string;
  readonly orderNo: string | null;
  readonly sku: string | null;
  readonly postedAt: string | null;
  readonly category: NettingCategory;
  readonly amount: number;
}

export interface ParsedPayout {
  readonly source: PayoutSource;
  readonly encoding: string;
  readonly settlementId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly depositDate: string;
  readonly currency: Currency;
  readonly deposit: number;
  readonly sumOfLines: number;
  readonly lines: readonly ParsedPayoutLine[];
  readonly rejected: readonly RowError[];
}
