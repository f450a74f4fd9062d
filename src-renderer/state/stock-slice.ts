/**
 * Stock slice: the as-of date the stock screens look at ('' = today, the host's default) — view
 * state only; what is on hand for it is a query (`features/stock/`).
 */
import type { StateCreator } from 'zustand';
import type { AppStore } from './store.ts';

export interface StockSlice {
  /** '' = as of today (the host's default). */
  readonly stockAsOf: string;
  readonly setStockAsOf: (asOf: string) => void;
}

export function initialStockState() {
  return { stockAsOf: '' } satisfies Partial<StockSlice>;
}

export const createStockSlice: StateCreator<AppStore, [], [], StockSlice> = (set) => ({
  ...initialStockState(),
  setStockAsOf: (asOf) => set({ stockAsOf: asOf }),
});
