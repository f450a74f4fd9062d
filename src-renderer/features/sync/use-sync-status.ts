/**
 * useSyncStatus: the outbox status (queued / failed / connection state) from the `sync.status`
 * command; every `sync.status` event replaces it (app/use-query.ts), and it is read again when
 * a command that queues or sends messages commits. Shared by the top-bar indicator and the
 * Sync screen, so both show the same numbers.
 */
import type { SyncStatus } from '../../../src-main/api/contract.ts';
import { useQuery, type Area, type QueryOptions } from '../../app/use-query.ts';

/**
 * Commands of these areas queue, send or requeue outbox messages (customs messages and tax
 * rows, order upserts from imports and manual entry, company profiles, imported payouts).
 */
export const OUTBOX_AREAS: readonly Area[] = ['sync', 'customs', 'training', 'orders', 'imports', 'company', 'payouts'];

/** The sync lists read again when those areas change, or when a background pass moves rows (`sync.status`). */
export const SYNC_LIVE: QueryOptions = { areas: OUTBOX_AREAS, events: ['sync.status'] };

export function useSyncStatus(): SyncStatus | null {
  return useQuery('sync.status', {}, { areas: OUTBOX_AREAS }).data ?? null;
}
