/** Handlers of the sync area's commands (contract-sync.ts). */
import type { Handler } from './handlers.ts';
import type { syncContract } from './contract-sync.ts';
import type { Workspace } from './workspace.ts';

type SyncCommand = keyof typeof syncContract;

export function createSyncHandlers(ws: Workspace): { readonly [K in SyncCommand]: Handler<K> } {
  void ws;
  return {};
}
