/** The sync area: transport settings, the per-workspace sync service, outbox and receipts. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createSyncHandlers } from './handlers.ts';
export {
  configureCheckedSync,
  configureSync,
  readSyncConfig,
  startBackgroundSync,
  stopBackgroundSync,
  syncService,
  syncStatusOf,
} from './sync-service.ts';
export {
  loadPlatformState,
  parseFaultSpec,
  savePlatformState,
  startPlatformServer,
  syncOnce,
} from './sync-cli-service.ts';
export { passCounts } from '../../sync/engine.ts';
export { isLoopbackUrl, readSandboxMarker, SANDBOX_SETTING, type SandboxMarker } from './target-guard.ts';
