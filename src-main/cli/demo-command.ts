/** `kuajing demo --out DIR [--seed N] [--orders N]`. PLACEHOLDER — being implemented. */
import { UsageError, type CliIo } from './cli-kit.ts';

export async function demoCommand(_args: readonly string[], _io: CliIo): Promise<number> {
  throw new UsageError('demo is not implemented yet');
}
