/**
 * Amazon settlement flat file (V2 or the older layout) → payout, through the orders importer's reader
 * (`parseSettlementTotals`): each line keyed by transaction-type / amount-type /
 * amount-description and mapped to a netting category. Σ lines must equal total-amount.
 */
import { amazonCategory } from '../../core/forex/netting.ts';
import { DomainError } from '../../core/domain-error.ts';
import { parseSettlementTotals } from '../amazon-settlement.ts';
import { currencyFromText } from '../currency-from-text.ts';
import { findColumn } from '../field-reader.ts';
import type { Table } from '../read-table.ts';
import { checkDeposit } from './check-deposit.ts';
import type { ParsedPayout } from '../../core/forex/payout.ts';

export function parseAmazonPayout(table: Table): ParsedPayout {
  const col = findColumn(table, 'currency');
  const stated = col === null ? '' : (table.rows[0]?.[col.index] ?? '').trim();
  if (stated !== '' && currencyFromText(stated) === null)
    throw new DomainError('payouts.currency.unknown', { currency: stated, row: table.rowNumbers[0] ?? 2 });
  const t = parseSettlementTotals(table);
  const lines = t.rows.map((r) => ({
    row: r.row,
    transactionType: r.transactionType,
    amountType: r.amountType,
    amountDescription: r.amountDescription,
    orderNo: r.orderId,
    sku: r.sku,
    postedAt: r.postedAt,
    category: amazonCategory(r.transactionType, r.amountType, r.amountDescription),
    amount: r.amount,
  }));
  checkDeposit(t.totalAmount, lines, t.currency, t.rejected.length);
  return {
    source: 'amazon-settlement',
    encoding: table.encoding,
    settlementId: t.settlementId,
    periodStart: t.start.slice(0, 10),
    periodEnd: t.end.slice(0, 10),
    depositDate: t.depositDate.slice(0, 10),
    currency: t.currency,
    deposit: t.totalAmount,
    sumOfLines: t.sumOfAmounts,
    lines,
    rejected: t.rejected,
  };
}
