/**
 * The one zustand store, composed from slices. It holds view state only (copies of what the
 * host returned, the current page, the banner); the ledger file is the truth. Components
 * select one field at a time: `useAppStore((s) => s.company)`.
 */
import { create } from 'zustand';
import { createAppSlice, initialAppState, type AppSlice } from './app-slice.ts';
import { createOrdersSlice, initialOrdersState, type OrdersSlice } from './orders-slice.ts';
import { createStockSlice, initialStockState, type StockSlice } from './stock-slice.ts';
import { createSyncSlice, initialSyncState, type SyncSlice } from './sync-slice.ts';

export type AppStore = AppSlice & SyncSlice & OrdersSlice & StockSlice;

export const useAppStore = create<AppStore>()((...args) => ({
  ...createAppSlice(...args),
  ...createSyncSlice(...args),
  ...createOrdersSlice(...args),
  ...createStockSlice(...args),
}));

/** Back to the state before `boot()` (keeps the actions); for tests and a full reload. */
export function resetAppStore(): void {
  useAppStore.setState({ ...initialAppState(), ...initialSyncState, ...initialOrdersState(), ...initialStockState() });
}
