/**
 * Sync feature: the Sync screen and the top-bar sync indicator.
 * Other modules import only from this file.
 */
export { SyncPage } from './SyncPage.tsx';
export { SyncIndicator } from './SyncIndicator.tsx';
