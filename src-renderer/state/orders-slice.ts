/**
 * Orders slice: the view state of the order list — the filter and sort being looked at and the
 * row selection for bulk changes. The rows and the total are queries
 * (`features/orders/use-orders-list.ts`); changing the filter or the sort clears the selection.
 */
import type { StateCreator } from 'zustand';
import type { CommandInput, OrderSort } from '../../src-main/api/contract.ts';
import type { AppStore } from './store.ts';

export type OrderFilter = NonNullable<CommandInput<'orders.list'>['filter']>;

/** Rows per `orders.list` call. */
export const ORDERS_PAGE_SIZE = 100;

export interface OrdersSlice {
  readonly ordersFilter: OrderFilter;
  readonly ordersSort: OrderSort;
  readonly orderSelection: ReadonlySet<number>;
  readonly setOrdersFilter: (patch: Partial<OrderFilter>) => void;
  readonly clearOrdersFilter: () => void;
  readonly setOrdersSort: (sort: OrderSort) => void;
  readonly toggleOrderSelected: (id: number) => void;
  readonly setOrdersSelected: (ids: readonly number[], selected: boolean) => void;
  readonly clearOrderSelection: () => void;
}

export const DEFAULT_ORDER_SORT: OrderSort = '-orderedAt';

export function initialOrdersState() {
  return {
    ordersFilter: {},
    ordersSort: DEFAULT_ORDER_SORT,
    orderSelection: new Set<number>(),
  } satisfies Partial<OrdersSlice>;
}

/** Drops empty values so the host sees only the filters that are set. */
export function cleanFilter(filter: OrderFilter): OrderFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out as OrderFilter;
}

export const createOrdersSlice: StateCreator<AppStore, [], [], OrdersSlice> = (set, get) => ({
  ...initialOrdersState(),

  setOrdersFilter: (patch) =>
    set({ ordersFilter: cleanFilter({ ...get().ordersFilter, ...patch }), orderSelection: new Set() }),
  clearOrdersFilter: () => set({ ordersFilter: {}, orderSelection: new Set() }),
  setOrdersSort: (sort) => set({ ordersSort: sort, orderSelection: new Set() }),

  toggleOrderSelected: (id) => {
    const next = new Set(get().orderSelection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ orderSelection: next });
  },
  setOrdersSelected: (ids, selected) => {
    const next = new Set(get().orderSelection);
    for (const id of ids) {
      if (selected) next.add(id);
      else next.delete(id);
    }
    set({ orderSelection: next });
  },
  clearOrderSelection: () => set({ orderSelection: new Set() }),
});
