/**
 * Period close on order imports (issue 17 point 1g). The rule: an order belongs to the month of
 * its local order day (`ordered_at`, the day the register, the journal and the stock sales read).
 * An order the file would write (new, or an update of a stored one) whose day — in the file or as
 * stored — falls in a closed month is not written: it is held back with `period.closed` {orderNo,
 * month, date} and the rest of the file is written. Nothing is posted into the closed month and
 * nothing is re-dated into an open one (an order's day is a fact of the sale); the summary names
 * every month the file's orders went to and the orders held back, which a later import writes once
 * the month is reopened (an explicit, recorded act). Orders the file leaves unchanged write nothing,
 * so they are not held back.
 */
import type { ImportSource } from '../../core/orders/order.ts';
import type { Db } from '../../db/open-ledger.ts';
import { closedMonths } from '../company/index.ts';
import type { ImportedContent } from '../orders/index.ts';
import type { HeldBackOrder, ImportMonth } from './contract.ts';
import { countImport, type ImportCounts } from './import-store.ts';

export interface PeriodPlan {
  /** What confirming writes, without the held-back orders. */
  readonly counts: ImportCounts;
  readonly months: readonly ImportMonth[];
  readonly heldBack: readonly HeldBackOrder[];
  /** Index of every held-back item in the given list. */
  readonly held: ReadonlySet<number>;
}

const monthOf = (at: string) => at.slice(0, 7);

/** Orders counted by month: new / updated / unchanged / held back. */
export class MonthTally {
  readonly #closed: ReadonlySet<string>;
  readonly #byMonth = new Map<string, { new: number; updated: number; unchanged: number; heldBack: number }>();
  constructor(closed: ReadonlySet<string>) {
    this.#closed = closed;
  }

  add(month: string, change: keyof ImportCounts | 'heldBack'): void {
    const m = this.#byMonth.get(month) ?? { new: 0, updated: 0, unchanged: 0, heldBack: 0 };
    this.#byMonth.set(month, m);
    m[change]++;
  }

  months(): ImportMonth[] {
    return [...this.#byMonth.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([month, m]) => ({ month, closed: this.#closed.has(month), ...m }));
  }
}

/**
 * Sorts the file's orders by month (open / closed) and holds back those that would change a closed
 * month (`closed`: the closed months, read once by the caller). A file read in batches passes one
 * `tally` to every batch: each plan's `months` are then those of all batches so far.
 */
export function periodPlan(
  db: Db,
  items: ReadonlyArray<{ readonly content: ImportedContent; readonly shopId: number | null }>,
  source: ImportSource,
  fileSha256: string,
  closed: ReadonlySet<string> = closedMonths(db),
  tally: MonthTally = new MonthTally(closed),
): PeriodPlan {
  const heldBack: HeldBackOrder[] = [];
  const held = new Set<number>();
  const counts = { new: 0, updated: 0, unchanged: 0 };
  countImport(db, items, source, fileSha256, (i, change, stored) => {
    const c = items[i]!.content;
    const fileMonth = monthOf(c.orderedAt);
    const storedMonth = stored === null ? null : monthOf(stored);
    const lockedMonth = closed.has(fileMonth)
      ? fileMonth
      : storedMonth !== null && closed.has(storedMonth)
        ? storedMonth
        : null;
    if (change !== 'unchanged' && lockedMonth !== null) {
      tally.add(lockedMonth, 'heldBack');
      held.add(i);
      const date = (lockedMonth === fileMonth ? c.orderedAt : stored!).slice(0, 10);
      heldBack.push({ orderNo: c.orderNo, code: 'period.closed', month: lockedMonth, date, change });
      return;
    }
    tally.add(lockedMonth ?? fileMonth, change);
    counts[change]++;
  });
  return { counts, months: tally.months(), heldBack, held };
}
