/** `kuajing import FILE …` and `kuajing orders list|stats …`. PLACEHOLDER — being implemented. */
import { UsageError, type CliIo } from './cli-kit.ts';

export async function importCommand(_args: readonly string[], _io: CliIo): Promise<number> {
  throw new UsageError('import is not implemented yet');
}

export async function ordersCommand(_args: readonly string[], _io: CliIo): Promise<number> {
  throw new UsageError('orders is not implemented yet');
}
