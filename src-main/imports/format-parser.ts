/**
 * The shape every format parser shares: `(table, options) → { orders, rejected }`. Options carry
 * the shop's time zone for local times, the currency for files without one, and a progress
 * callback (called about every 1000 rows).
 */
import type { ImportedOrder, RowError } from '../core/orders/order.ts';
import type { Currency } from '../core/money/index.ts';
import type { Table } from './read-table.ts';

export interface FormatOptions {
  readonly timeZone: string;
  readonly defaultCurrency: Currency | null;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface FormatResult {
  readonly orders: readonly ImportedOrder[];
  readonly rejected: readonly RowError[];
  /** Rows that are not order rows (a settlement's other transactions); 0 when absent. */
  readonly skipped?: number;
  /** Order number of each rejected row that has one, by row number. */
  readonly rejectedOrderNos?: Readonly<Record<number, string>>;
}

export type FormatParser = (table: Table, options: FormatOptions) => FormatResult;
