/**
 * Stock slice: the view state shared by the stock screens — the SKUs and warehouses (for
 * pickers and for showing names), the as-of date being looked at ('' = today), and the stock
 * on hand for it. Copies of what the host returned; a `ledger.changed` event bumps
 * `stockRevision` (views refetch what they show) and reloads what was loaded. Answers that
 * arrive after the as-of date changed are dropped (each reload bumps a sequence).
 */
import type { StateCreator } from 'zustand';
import type { ErrorInfo, SkuRecord, StockPosition, Warehouse } from '../../src-main/api/contract.ts';
import { call } from '../app/core-client.ts';
import type { AppStore } from './store.ts';

export type StockLoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface StockSlice {
  readonly stockSkus: readonly SkuRecord[] | null;
  readonly stockWarehouses: readonly Warehouse[] | null;
  /** '' = as of today (the host's default). */
  readonly stockAsOf: string;
  readonly stockOnHand: { readonly asOf: string; readonly items: readonly StockPosition[] } | null;
  readonly stockOnHandState: StockLoadState;
  readonly stockOnHandError: ErrorInfo | null;
  readonly stockRevision: number;
  readonly loadStockRefs: () => Promise<void>;
  readonly setStockAsOf: (asOf: string) => void;
  readonly reloadOnHand: () => Promise<void>;
  readonly stockLedgerChanged: () => void;
}

export function initialStockState() {
  return {
    stockSkus: null,
    stockWarehouses: null,
    stockAsOf: '',
    stockOnHand: null,
    stockOnHandState: 'idle',
    stockOnHandError: null,
    stockRevision: 0,
  } satisfies Partial<StockSlice>;
}

export const createStockSlice: StateCreator<AppStore, [], [], StockSlice> = (set, get) => {
  let sequence = 0;

  return {
    ...initialStockState(),

    loadStockRefs: async () => {
      const [skus, warehouses] = await Promise.all([call('stock.skus.list', {}), call('stock.warehouses.list', {})]);
      set({
        stockSkus: skus.ok ? skus.value : (get().stockSkus ?? []),
        stockWarehouses: warehouses.ok ? warehouses.value : (get().stockWarehouses ?? []),
      });
      const failed = !skus.ok ? skus.error : !warehouses.ok ? warehouses.error : null;
      if (failed) set({ banner: failed });
    },

    setStockAsOf: (asOf) => {
      set({ stockAsOf: asOf });
      void get().reloadOnHand();
    },

    reloadOnHand: async () => {
      const seq = ++sequence;
      const asOf = get().stockAsOf;
      set({ stockOnHandState: 'loading', stockOnHandError: null });
      const result = await call('stock.onHand', asOf === '' ? {} : { asOf });
      if (seq !== sequence) return;
      if (!result.ok) {
        set({ stockOnHandState: 'error', stockOnHandError: result.error, stockOnHand: null });
        return;
      }
      set({ stockOnHand: result.value, stockOnHandState: 'ready' });
    },

    stockLedgerChanged: () => {
      set({ stockRevision: get().stockRevision + 1 });
      if (get().stockSkus !== null || get().stockWarehouses !== null) void get().loadStockRefs();
      if (get().route === 'stock' && get().stockOnHandState !== 'idle') void get().reloadOnHand();
    },
  };
};
