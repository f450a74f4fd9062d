/**
 * Sync slice: the last known outbox status (queued / failed / connection state), fed by the
 * `sync.status` command at start and by `sync.status` events afterwards. View state only:
 * the outbox itself lives in the ledger file.
 */
import type { StateCreator } from 'zustand';
import type { SyncStatus } from '../../src-main/api/contract.ts';
import { call } from '../app/core-client.ts';
import type { AppStore } from './store.ts';

export interface SyncSlice {
  readonly syncStatus: SyncStatus | null;
  readonly refreshSync: () => Promise<void>;
  readonly applySyncStatus: (status: SyncStatus) => void;
}

export const initialSyncState = { syncStatus: null } satisfies Partial<SyncSlice>;

export const createSyncSlice: StateCreator<AppStore, [], [], SyncSlice> = (set) => ({
  ...initialSyncState,
  refreshSync: async () => {
    const result = await call('sync.status', {});
    if (result.ok) set({ syncStatus: result.value });
  },
  applySyncStatus: (status) => set({ syncStatus: status }),
});
