/**
 * Default answers of the fake host (fake-host.ts) for the sync area's commands: small,
 * plausible data so a screen renders; tests override single commands through `overrides`.
 */
import type { CommandInput, CommandName, CommandResult, Result } from '../../../src-main/api/contract.ts';
import type { syncContract } from '../../../src-main/api/contract-sync.ts';

type SyncCommand = keyof typeof syncContract & CommandName;
type Answer<K extends CommandName> = (input: CommandInput<K>) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;

export function syncDefaults(): { [K in SyncCommand]: Answer<K> } {
  return {};
}
