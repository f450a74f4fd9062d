/**
 * Default answers of the fake host (fake-host.ts) for the customs area's commands: small,
 * plausible data so a screen renders; tests override single commands through `overrides`.
 */
import type { CommandInput, CommandName, CommandResult, Result } from '../../../src-main/api/contract.ts';
import type { customsContract } from '../../../src-main/api/contract-customs.ts';

type CustomsCommand = keyof typeof customsContract & CommandName;
type Answer<K extends CommandName> = (input: CommandInput<K>) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;

export function customsDefaults(): { [K in CustomsCommand]: Answer<K> } {
  return {};
}
