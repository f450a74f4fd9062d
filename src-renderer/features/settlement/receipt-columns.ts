/**
 * The columns a bank receipt's figures take wherever receipts are listed (the receipts list,
 * the FX report's realised gains): the day, the foreign amount, the bank's rate, the CNY
 * received, booked and charged, and the realised gain or loss (a loss marked).
 */
import type { Receipt } from '../../../src-main/api/contract.ts';
import type { TableColumn } from '../../ui/ColumnTable.tsx';
import type { SettlementFormatters } from './settlement-format.ts';

export type ReceiptFigures = Pick<
  Receipt,
  'date' | 'amount' | 'currency' | 'bankRate' | 'cnyReceived' | 'cnyBooked' | 'bankCharges' | 'fxGainLoss'
>;

type Figure = 'date' | 'amount' | 'bankRate' | 'cnyReceived' | 'cnyBooked' | 'bankCharges' | 'fxGainLoss';

/** A signed amount's cell: a loss is marked. */
export function signedCell(n: number): { readonly className?: string } {
  return n < 0 ? { className: 'stat-bad' } : {};
}

export function receiptColumns(f: SettlementFormatters): Readonly<Record<Figure, TableColumn<ReceiptFigures>>> {
  const cny = (fen: number) => f.money(fen, 'CNY');
  return {
    date: { head: 'settlement.fields.date', cell: (r) => f.day(r.date) },
    amount: { head: 'settlement.receipts.amount', num: true, cell: (r) => f.money(r.amount, r.currency) },
    bankRate: { head: 'settlement.receipts.bankRate', num: true, mono: true, cell: (r) => r.bankRate },
    cnyReceived: { head: 'settlement.receipts.cnyReceived', num: true, cell: (r) => cny(r.cnyReceived) },
    cnyBooked: { head: 'settlement.receipts.cnyBooked', num: true, cell: (r) => cny(r.cnyBooked) },
    bankCharges: { head: 'settlement.receipts.bankCharges', num: true, cell: (r) => cny(r.bankCharges) },
    fxGainLoss: {
      head: 'settlement.receipts.fxGainLoss',
      num: true,
      td: (r) => signedCell(r.fxGainLoss),
      cell: (r) => cny(r.fxGainLoss),
    },
  };
}
