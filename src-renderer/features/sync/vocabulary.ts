/**
 * The sync vocabulary the screens offer, copied from the contract (the renderer may only
 * `import type` from it) and checked against its unions: transport modes, signer kinds and
 * the outbox filters.
 */
import type { CommandInput, SyncConfig } from '../../../src-main/api/contract.ts';

type Covers<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : never;
export type SyncMode = SyncConfig['mode'];
export type SignerKind = SyncConfig['signer']['kind'];
export type OutboxFilter = NonNullable<CommandInput<'sync.outbox.list'>['status']>;

export const SYNC_MODES = ['off', 'platform', 'exchangeDir'] as const satisfies readonly SyncMode[];
export const SIGNER_KINDS = ['none', 'http', 'folder', 'sm2Practice'] as const satisfies readonly SignerKind[];
export const OUTBOX_FILTERS = ['queued', 'failed', 'sent', 'all'] as const satisfies readonly OutboxFilter[];

const covered: readonly true[] = [
  true satisfies Covers<SyncMode, typeof SYNC_MODES>,
  true satisfies Covers<SignerKind, typeof SIGNER_KINDS>,
  true satisfies Covers<OutboxFilter, typeof OUTBOX_FILTERS>,
];
void covered;

export function pick<T extends string>(list: readonly T[], value: string, fallback: T): T {
  return list.find((v) => v === value) ?? fallback;
}
