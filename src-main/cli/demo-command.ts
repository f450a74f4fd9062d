/**
 * `kuajing demo --out DIR [--seed N] [--orders N] [--json]`: writes the seeded demo files of
 * every import format plus `expected.json`. The seed is always printed (default: from the
 * clock) so a run can be replayed exactly; usage errors exit 2.
 */
import path from 'node:path';
import { writeDemoFiles } from '../areas/imports/index.ts';
import { parse, requireString, UsageError } from './cli-args.ts';
import { type CliIo } from './cli-kit.ts';

const MAX_SEED = 0xffffffff;
const MAX_ORDERS = 1_000_000;
export const DEFAULT_DEMO_ORDERS = 100;

function integerFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got ${value}`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return n;
}

export async function demoCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, seed: { type: 'string' }, orders: { type: 'string' } });
  const outDir = path.resolve(requireString(values, 'out'));
  const seed = integerFlag(values.seed, 'seed', 0, MAX_SEED) ?? Date.now() % (MAX_SEED + 1);
  const orders = integerFlag(values.orders, 'orders', 1, MAX_ORDERS) ?? DEFAULT_DEMO_ORDERS;
  // printed first, so even a run that fails half-way can be replayed
  if (!values.json) io.out(`seed ${seed}`);
  const result = await writeDemoFiles({ seed, orders, outDir });
  if (values.json) {
    io.out(JSON.stringify({ seed: result.seed, outDir: result.outDir, files: result.files }));
  } else {
    for (const f of result.files)
      io.out(`${f.file.padEnd(28)} ${String(f.orders).padStart(8)} orders ${String(f.lines).padStart(8)} lines`);
    io.out(`${result.outDir}  (replay: kuajing demo --out DIR --seed ${seed} --orders ${orders})`);
  }
  return 0;
}
