/** Handlers of the sync area: one line each, the use cases are in sync-service.ts. */
import { listQuarantined } from '../../sync/quarantine-store.ts';
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import type { syncContract } from './contract.ts';
import {
  configureCheckedSync,
  outboxPage,
  readSyncConfig,
  receiptsPage,
  retryOutbox,
  syncService,
  syncStatusOf,
} from './sync-service.ts';

export function createSyncHandlers(ws: Workspace): AreaHandlers<typeof syncContract> {
  return {
    'sync.status': () => syncStatusOf(ws),
    'sync.getConfig': () => readSyncConfig(ws),
    'sync.configure': (input) => configureCheckedSync(ws, 'sync.configure', input),
    'sync.now': () => syncService(ws).run(),
    'sync.outbox.list': ({ status, offset, limit }) => outboxPage(ws, status ?? 'all', offset ?? 0, limit ?? 50),
    'sync.outbox.retry': ({ ids }) => retryOutbox(ws, ids),
    'sync.receipts.list': ({ offset, limit }) => receiptsPage(ws, offset ?? 0, limit ?? 50),
    'sync.quarantine.list': ({ offset, limit }) => listQuarantined(ws.read, offset ?? 0, limit ?? 50),
  };
}
