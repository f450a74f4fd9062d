/** `kuajing sync …` and `kuajing practice-platform …`. */
import { UsageError, type CliIo } from './cli-kit.ts';

export async function syncCommand(args: readonly string[], io: CliIo): Promise<number> {
  void args; void io;
  throw new UsageError('sync is not available yet');
}

export async function practicePlatformCommand(args: readonly string[], io: CliIo): Promise<number> {
  void args; void io;
  throw new UsageError('practice-platform is not available yet');
}
