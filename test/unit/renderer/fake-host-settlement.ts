/**
 * Default answers of the fake host (fake-host.ts) for the settlement area's commands: small,
 * plausible data so a screen renders; tests override single commands through `overrides`.
 */
import type { CommandInput, CommandName, CommandResult, Result } from '../../../src-main/api/contract.ts';
import type { settlementContract } from '../../../src-main/api/contract-settlement.ts';

type SettlementCommand = keyof typeof settlementContract & CommandName;
type Answer<K extends CommandName> = (input: CommandInput<K>) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;

export function settlementDefaults(): { [K in SettlementCommand]: Answer<K> } {
  return {};
}
