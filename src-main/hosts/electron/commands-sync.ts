/**
 * The sync area's command names for the preload bridge (a plain list: the sandboxed preload
 * bundle must not pull the zod contract). preload.ts fails to compile if one is missing.
 */
import type { CommandName } from '../../api/contract.ts';

export const SYNC_COMMANDS = [
  'sync.getConfig', 'sync.configure', 'sync.now', 'sync.outbox.list', 'sync.outbox.retry', 'sync.receipts.list',
  'training.practice.start', 'training.practice.stop', 'training.practice.status',
] as const satisfies readonly CommandName[];
