/**
 * Entry point of the payouts import: bytes → table (read-table.ts) → the reader of the source
 * (Amazon settlement V2 or old flat file, or the generic payout reader); `auto` recognises an Amazon settlement
 * by its columns and otherwise takes the generic payout CSV.
 */
import { createHash } from 'node:crypto';
import type { PayoutSource } from '../../core/forex/settlement-views.ts';
import type { Currency } from '../../core/money/index.ts';
import { isOldFlatSettlement } from '../amazon-settlement.ts';
import { readTable } from '../read-table.ts';
import { parseAmazonPayout } from './amazon-payout.ts';
import { parseGenericPayout } from './generic-payout.ts';
import type { ParsedPayout } from '../../core/forex/payout.ts';

export interface ParsePayoutOptions {
  readonly source: PayoutSource | 'auto';
  readonly currency?: Currency | undefined;
}

export async function parsePayout(
  bytes: Uint8Array,
  opts: ParsePayoutOptions,
): Promise<ParsedPayout & { readonly fileSha256: string }> {
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const table = await readTable(bytes);
  const amazon =
    table.keys.includes('settlement-id') && (table.keys.includes('amount-type') || isOldFlatSettlement(table.keys));
  const source = opts.source === 'auto' ? (amazon ? 'amazon-settlement' : 'payout-csv') : opts.source;
  const parsed =
    source === 'amazon-settlement'
      ? parseAmazonPayout(table)
      : parseGenericPayout(table, { source, fileSha256, currency: opts.currency });
  return { ...parsed, fileSha256 };
}
