/**
 * Groups a table's rows into orders by order number and applies the never-half-an-order rule:
 * each row is read on its own (so every bad row gets its own code), then an order with any bad
 * row is rejected whole — its good rows get `import.row.orderHasErrors` {orderNo}. Rows of one
 * order need not be adjacent. Progress is reported about every 1000 rows. Every row ends up in
 * exactly one place: an imported order's rows, `rejected` (with its order number when it has
 * one), or `skipped` (rows that are not order rows), so the caller can account for the file.
 * A table whose rows are spilled to a scratch file (read-table.ts) is grouped there too (issue 16,
 * point 1): a first pass files each row's position under its order number, SQLite sorts them
 * (orders in the order of their first row, as in memory), and each order is read, built and
 * spilled in turn — `orders` is then a view of the spilled orders, never an array of all of them.
 */
import { DomainError } from '../core/domain-error.ts';
import type { ImportedOrder, RowError } from '../core/orders/order.ts';
import { type Column, FieldReader, RowFailure } from './field-reader.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import type { Table } from './read-table.ts';
import { spilledListOf, type SpilledList } from '../db/scratch.ts';

export interface OrderRow<R> {
  readonly row: number;
  readonly value: R;
}

/** The rows of one order, never empty. */
export type OrderRows<R> = readonly [OrderRow<R>, ...OrderRow<R>[]];

export interface OrderGrouping<R> {
  readonly orderNo: Column;
  /** Rows that are not order rows at all (a settlement's other-transaction rows) are skipped. */
  readonly isOrderRow?: (cells: readonly string[]) => boolean;
  readonly readRow: (reader: FieldReader, orderNo: string) => R;
  /** Cross-row checks and assembly; throws RowFailure for a row that conflicts with the order. */
  readonly buildOrder: (orderNo: string, rows: OrderRows<R>) => ImportedOrder;
}

const PROGRESS_EVERY = 1000;

/** Excel turned an 18-digit id into `5.77E+17`: the digits are gone, the row cannot be matched. */
const MANGLED_ORDER_NO = /^\d+(?:\.\d+)?e\+?\d+$/i;

interface Group<R> {
  readonly rows: OrderRow<R>[];
  readonly rowNumbers: number[];
  readonly errors: RowError[];
}

export function groupOrders<R>(table: Table, grouping: OrderGrouping<R>, options: FormatOptions): FormatResult {
  const spilled = spilledListOf(table.rows);
  if (spilled !== null) return groupSpilled(table, spilled, grouping, options);
  const groups = new Map<string, Group<R>>();
  const rejected: RowError[] = [];
  const rejectedOrderNos: Record<number, string> = {};
  let skipped = 0;
  const total = table.rows.length;
  for (let i = 0; i < total; i++) {
    if (i > 0 && i % PROGRESS_EVERY === 0) options.onProgress?.(i, total);
    const cells = table.rows[i] ?? [];
    const row = table.rowNumbers[i] ?? 0;
    const readError = table.rowErrors[i] ?? null;
    if (readError === null && grouping.isOrderRow !== undefined && !grouping.isOrderRow(cells)) {
      skipped++;
      continue;
    }
    const reader = new FieldReader(cells, row, options.timeZone);
    const orderNo = reader.text(grouping.orderNo);
    if (orderNo === '') {
      rejected.push(readError ?? failureOf(() => reader.fail(grouping.orderNo, 'import.row.missingValue')));
      continue;
    }
    let group = groups.get(orderNo);
    if (group === undefined) {
      group = { rows: [], rowNumbers: [], errors: [] };
      groups.set(orderNo, group);
    }
    addToGroup(group, reader, readError, orderNo, grouping);
  }
  const orders: ImportedOrder[] = [];
  for (const [orderNo, group] of groups) {
    const order = buildOrRejectGroup(orderNo, group, grouping, rejected, rejectedOrderNos);
    if (order !== null) orders.push(order);
  }
  rejected.sort((a, b) => a.row - b.row);
  options.onProgress?.(total, total);
  return { orders, rejected, skipped, rejectedOrderNos };
}

/** One row of an order into its group: its value, or its error (a read error, a mangled order number, a bad cell). */
function addToGroup<R>(
  group: Group<R>,
  reader: FieldReader,
  readError: RowError | null,
  orderNo: string,
  grouping: OrderGrouping<R>,
): void {
  const row = reader.row;
  group.rowNumbers.push(row);
  if (readError !== null) group.errors.push(readError);
  else if (MANGLED_ORDER_NO.test(orderNo))
    group.errors.push(failureOf(() => reader.fail(grouping.orderNo, 'import.row.orderNoMangled', { value: orderNo })));
  else {
    try {
      group.rows.push({ row, value: grouping.readRow(reader, orderNo) });
    } catch (e) {
      group.errors.push(rowErrorOf(e, row, orderNo));
    }
  }
}

/** One group's order, or null with its rows rejected (its bad rows' errors, the others orderHasErrors). */
function buildOrRejectGroup<R>(
  orderNo: string,
  group: Group<R>,
  grouping: OrderGrouping<R>,
  rejected: RowError[],
  rejectedOrderNos: Record<number, string>,
): ImportedOrder | null {
  const [first, ...rest] = group.rows;
  if (group.errors.length === 0 && first !== undefined) {
    try {
      return grouping.buildOrder(orderNo, [first, ...rest]);
    } catch (e) {
      group.errors.push(rowErrorOf(e, group.rowNumbers[0] ?? 0, orderNo));
    }
  }
  const bad = new Set(group.errors.map((err) => err.row));
  rejected.push(...group.errors);
  for (const row of group.rowNumbers) rejectedOrderNos[row] = orderNo;
  for (const row of group.rowNumbers) {
    if (!bad.has(row)) rejected.push({ row, column: null, code: 'import.row.orderHasErrors', params: { orderNo } });
  }
  return null;
}

/** The same grouping over rows spilled to a scratch file; the orders are spilled there too. */
function groupSpilled<R>(
  table: Table,
  rows: SpilledList<readonly string[]>,
  grouping: OrderGrouping<R>,
  options: FormatOptions,
): FormatResult {
  const rejected: RowError[] = [];
  const rejectedOrderNos: Record<number, string> = {};
  let skipped = 0;
  const total = rows.length;
  // progress: the first pass is the first half, building the orders the second
  const progress = (done: number) => {
    if (done > 0 && done % PROGRESS_EVERY === 0) options.onProgress?.(done, 2 * total);
  };
  const byOrderNo = rows.scratch.grouping(rows);
  let i = 0;
  for (const batch of rows.batches()) {
    for (const cells of batch) {
      const position = i++;
      progress(position);
      const readError = table.rowErrors[position] ?? null;
      if (readError === null && grouping.isOrderRow !== undefined && !grouping.isOrderRow(cells)) {
        skipped++;
        continue;
      }
      const reader = new FieldReader(cells, table.rowNumbers[position] ?? 0, options.timeZone);
      const orderNo = reader.text(grouping.orderNo);
      if (orderNo === '') {
        rejected.push(readError ?? failureOf(() => reader.fail(grouping.orderNo, 'import.row.missingValue')));
        continue;
      }
      byOrderNo.add(orderNo, position);
    }
  }
  const orders = rows.scratch.list<ImportedOrder>();
  let done = total;
  for (const { key: orderNo, rows: members } of byOrderNo.groups()) {
    const group: Group<R> = { rows: [], rowNumbers: [], errors: [] };
    for (const { position, value: cells } of members) {
      progress(done++);
      const reader = new FieldReader(cells, table.rowNumbers[position] ?? 0, options.timeZone);
      addToGroup(group, reader, table.rowErrors[position] ?? null, orderNo, grouping);
    }
    const order = buildOrRejectGroup(orderNo, group, grouping, rejected, rejectedOrderNos);
    if (order !== null) orders.push(order);
  }
  orders.flush();
  rejected.sort((a, b) => a.row - b.row);
  options.onProgress?.(2 * total, 2 * total);
  return { orders: orders.view(), rejected, skipped, rejectedOrderNos };
}

/** A RowFailure as it is; an amount beyond 2^53 from the money module (a line × quantity, a sum) as a row error. */
function rowErrorOf(e: unknown, row: number, orderNo: string): RowError {
  if (e instanceof RowFailure) return e.rowError;
  if (e instanceof DomainError && e.code.startsWith('money.')) {
    return { row, column: null, code: 'import.row.amountOutOfRange', params: { orderNo } };
  }
  throw e;
}

function failureOf(fn: () => never): RowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RowFailure) return e.rowError;
    throw e;
  }
}
