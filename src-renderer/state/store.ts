/**
 * The one zustand store, composed from slices. It holds view state only (the current page, the
 * banner, the orders filter, sort and selection, the stock as-of date); what the host knows is
 * read with `useQuery` (app/use-query.ts). Components select one field at a time:
 * `useAppStore((s) => s.route)`.
 */
import { create } from 'zustand';
import { createAppSlice, initialAppState, type AppSlice } from './app-slice.ts';
import { createOrdersSlice, initialOrdersState, type OrdersSlice } from './orders-slice.ts';
import { createStockSlice, initialStockState, type StockSlice } from './stock-slice.ts';

export type AppStore = AppSlice & OrdersSlice & StockSlice;

export const useAppStore = create<AppStore>()((...args) => ({
  ...createAppSlice(...args),
  ...createOrdersSlice(...args),
  ...createStockSlice(...args),
}));

/** Back to the first state (keeps the actions); for tests and a full reload. */
export function resetAppStore(): void {
  useAppStore.setState({ ...initialAppState(), ...initialOrdersState(), ...initialStockState() });
}
