/**
 * Forex / settlement commands: `kuajing import FILE --source amazon-settlement|payout-…`,
 * `kuajing settlement …`, `kuajing journal …`, `kuajing rates …`.
 */
import { UsageError, type CliIo } from './cli-kit.ts';

/** `--source` values that `kuajing import` routes to the payouts import. */
export const PAYOUT_SOURCES: readonly string[] = [];

export async function payoutImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  void args; void io;
  throw new UsageError('payout import is not available yet');
}

export async function settlementCommand(args: readonly string[], io: CliIo): Promise<number> {
  void io;
  throw new UsageError(`unknown settlement command ${args[0] ?? ''}`.trim());
}

export async function journalCommand(args: readonly string[], io: CliIo): Promise<number> {
  void io;
  throw new UsageError(`unknown journal command ${args[0] ?? ''}`.trim());
}

export async function ratesCommand(args: readonly string[], io: CliIo): Promise<number> {
  void io;
  throw new UsageError(`unknown rates command ${args[0] ?? ''}`.trim());
}
