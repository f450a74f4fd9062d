/**
 * Orders slice: the view state of the order list — the filter and sort being looked at, the
 * keyset pages loaded so far (never the whole ledger), the total for the filter, the row
 * selection for bulk changes, the shops for the filter, and the latest `import.progress`.
 * Copies of what the host returned; a `ledger.changed` event refetches what was loaded.
 * Answers that arrive after the query changed are dropped (each reload bumps a sequence).
 */
import type { StateCreator } from 'zustand';
import type {
  CommandInput,
  CustomsMode,
  ErrorInfo,
  EventMap,
  OrderListItem,
  OrderSort,
  Result,
  Shop,
} from '../../src-main/api/contract.ts';
import { call } from '../app/core-client.ts';
import type { AppStore } from './store.ts';

export type OrderFilter = NonNullable<CommandInput<'orders.list'>['filter']>;
export type ImportProgress = EventMap['import.progress'];

/** Rows per `orders.list` call; a ledger refresh re-reads up to MAX_PAGE rows already shown. */
export const ORDERS_PAGE_SIZE = 100;
const MAX_PAGE = 500;

export type OrdersLoadState = 'idle' | 'loading' | 'loadingMore' | 'ready' | 'error';

export interface OrdersSlice {
  readonly shops: readonly Shop[] | null;
  readonly ordersFilter: OrderFilter;
  readonly ordersSort: OrderSort;
  readonly orderItems: readonly OrderListItem[];
  readonly ordersNextCursor: string | null;
  readonly ordersTotal: number | null;
  readonly ordersLoadState: OrdersLoadState;
  readonly ordersError: ErrorInfo | null;
  readonly orderSelection: ReadonlySet<number>;
  /** Bumped on every `ledger.changed`: views holding one order refetch when it moves. */
  readonly ordersRevision: number;
  readonly importProgress: ImportProgress | null;
  readonly loadShops: () => Promise<void>;
  readonly setOrdersFilter: (patch: Partial<OrderFilter>) => void;
  readonly clearOrdersFilter: () => void;
  readonly setOrdersSort: (sort: OrderSort) => void;
  readonly reloadOrders: () => Promise<void>;
  readonly loadMoreOrders: () => Promise<void>;
  readonly toggleOrderSelected: (id: number) => void;
  readonly setOrdersSelected: (ids: readonly number[], selected: boolean) => void;
  readonly clearOrderSelection: () => void;
  readonly setCustomsModeForSelection: (mode: CustomsMode) => Promise<Result<{ readonly changed: number }>>;
  readonly ordersLedgerChanged: () => void;
  readonly applyImportProgress: (progress: ImportProgress) => void;
  readonly resetImportProgress: () => void;
}

export const DEFAULT_ORDER_SORT: OrderSort = '-orderedAt';

export function initialOrdersState() {
  return {
    shops: null,
    ordersFilter: {},
    ordersSort: DEFAULT_ORDER_SORT,
    orderItems: [],
    ordersNextCursor: null,
    ordersTotal: null,
    ordersLoadState: 'idle',
    ordersError: null,
    orderSelection: new Set<number>(),
    ordersRevision: 0,
    importProgress: null,
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

export const createOrdersSlice: StateCreator<AppStore, [], [], OrdersSlice> = (set, get) => {
  let sequence = 0;

  const fetchFirstPage = async (limit: number): Promise<void> => {
    const seq = ++sequence;
    const filter = cleanFilter(get().ordersFilter);
    const sort = get().ordersSort;
    set({ ordersLoadState: 'loading', ordersError: null });
    const [page, count] = await Promise.all([
      call('orders.list', { filter, sort, limit, cursor: null }),
      call('orders.count', { filter }),
    ]);
    if (seq !== sequence) return;
    if (!page.ok) {
      set({ ordersLoadState: 'error', ordersError: page.error, orderItems: [], ordersNextCursor: null });
      return;
    }
    set({
      orderItems: page.value.items,
      ordersNextCursor: page.value.nextCursor,
      ordersTotal: count.ok ? count.value.total : null,
      ordersLoadState: 'ready',
      ordersError: count.ok ? null : count.error,
    });
  };

  const requery = (patch: Partial<Pick<OrdersSlice, 'ordersFilter' | 'ordersSort'>>) => {
    set({ ...patch, orderItems: [], ordersNextCursor: null, ordersTotal: null, orderSelection: new Set() });
    void fetchFirstPage(ORDERS_PAGE_SIZE);
  };

  return {
    ...initialOrdersState(),

    loadShops: async () => {
      const result = await call('shops.list', {});
      if (result.ok) set({ shops: result.value });
      else set({ shops: get().shops ?? [], banner: result.error });
    },

    setOrdersFilter: (patch) => requery({ ordersFilter: cleanFilter({ ...get().ordersFilter, ...patch }) }),
    clearOrdersFilter: () => requery({ ordersFilter: {} }),
    setOrdersSort: (sort) => requery({ ordersSort: sort }),

    reloadOrders: () => fetchFirstPage(ORDERS_PAGE_SIZE),

    loadMoreOrders: async () => {
      const { ordersNextCursor: cursor, ordersLoadState: state } = get();
      if (cursor === null || state === 'loading' || state === 'loadingMore') return;
      const seq = sequence;
      set({ ordersLoadState: 'loadingMore' });
      const page = await call('orders.list', {
        filter: cleanFilter(get().ordersFilter), sort: get().ordersSort, limit: ORDERS_PAGE_SIZE, cursor,
      });
      if (seq !== sequence) return;
      if (!page.ok) {
        set({ ordersLoadState: 'error', ordersError: page.error });
        return;
      }
      set({
        orderItems: [...get().orderItems, ...page.value.items],
        ordersNextCursor: page.value.nextCursor,
        ordersLoadState: 'ready',
      });
    },

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

    setCustomsModeForSelection: async (mode) => {
      const ids = [...get().orderSelection];
      const result = await call('orders.setCustomsMode', { ids, mode });
      if (result.ok) {
        set({ orderSelection: new Set() });
        await fetchFirstPage(Math.min(Math.max(get().orderItems.length, ORDERS_PAGE_SIZE), MAX_PAGE));
      }
      return result;
    },

    ordersLedgerChanged: () => {
      set({ ordersRevision: get().ordersRevision + 1 });
      if (get().shops !== null) void get().loadShops();
      // Only a list on screen is refetched; the page loads its own again when it is opened.
      if (get().route === 'orders' && get().ordersLoadState !== 'idle') {
        void fetchFirstPage(Math.min(Math.max(get().orderItems.length, ORDERS_PAGE_SIZE), MAX_PAGE));
      }
    },

    applyImportProgress: (progress) => set({ importProgress: progress }),
    resetImportProgress: () => set({ importProgress: null }),
  };
};
