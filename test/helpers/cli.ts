/**
 * Running the real CLI (`src-main/cli/main.ts`) in a child Node process, as the integration tests
 * do: exit code and output of one run, the last JSON line of `--json` output, and a fresh data
 * folder initialised with a valid company. Each run starts a Node process (about a second).
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { tempDir, VALID_CUSTOMS_CODE, VALID_USCC } from './workspace.ts';

export const CLI = path.resolve(import.meta.dirname, '../../src-main/cli/main.ts');

/** One CLI run in English with extra environment variables. */
export function kuajingWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KUAJING_LANG: 'en', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function kuajing(...args: string[]) {
  return kuajingWith({}, ...args);
}

/** The last line of `--json` output, parsed. */
export const json = (s: string) => JSON.parse(s.trim().split('\n').at(-1)!);

/** A new data folder after `kuajing init` with a valid company. */
export function cliWorkspace(): string {
  const dir = tempDir();
  const r = kuajing(
    'init',
    '--data-dir',
    dir,
    '--company-name',
    '义乌小商品出口有限公司',
    '--uscc',
    VALID_USCC,
    '--customs-code',
    VALID_CUSTOMS_CODE,
    '--json',
  );
  expect(r.code).toBe(0);
  return dir;
}
