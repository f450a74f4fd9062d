/**
 * Customs feature: the customs desk page; the `useCommand` query hook, the live revision,
 * the status chip shared with the sync and training screens, and the
 * build tab's hash path for orders picked on the Orders page. Other modules import only from this file.
 */
export { CustomsPage } from './CustomsPage.tsx';
export { useCommand, type CommandState } from './use-command.ts';
export { StatusChip } from './StatusChip.tsx';
export { useLiveRevision } from './use-live-revision.ts';
export { buildHashPath } from './order-selection.ts';
