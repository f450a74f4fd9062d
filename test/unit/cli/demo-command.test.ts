/** `kuajing demo` through the real CLI entry (exit codes and output); lives here with the generator's tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli.ts';
import { DEMO_FILE_NAMES } from '../../../src-main/imports/demo/write-demo-files.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    untilStopped: () => new Promise(() => {}),
  });
  return { code, out, err };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-demo-cli-'));

describe('kuajing demo', () => {
  it('--json prints the seed, the folder and per-file counts', async () => {
    const dir = path.join(tmp(), 'out');
    const r = await run(['demo', '--out', dir, '--seed', '123', '--orders', '20', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out.join('\n')) as {
      seed: number;
      outDir: string;
      files: { file: string; orders: number; lines: number }[];
    };
    expect(j.seed).toBe(123);
    expect(j.outDir).toBe(dir);
    expect(j.files.map((f) => f.file)).toEqual([...DEMO_FILE_NAMES]);
    for (const f of j.files)
      if (f.file !== 'amazon-settlement-v2.tsv') {
        expect(f.orders).toBe(20);
        expect(f.lines).toBeGreaterThanOrEqual(20);
      }
    expect(fs.readdirSync(dir)).toContain('expected.json');
  });

  it('prints a clock-based seed when none is given, and that seed replays the same files', async () => {
    const a = tmp();
    const r = await run(['demo', '--out', a, '--orders', '10']);
    expect(r.code).toBe(0);
    const seed = /seed (\d+)/.exec(r.out[0] ?? '')?.[1];
    expect(seed).toBeDefined();
    const b = tmp();
    expect((await run(['demo', '--out', b, '--orders', '10', '--seed', seed!])).code).toBe(0);
    for (const f of DEMO_FILE_NAMES)
      expect(fs.readFileSync(path.join(b, f)).equals(fs.readFileSync(path.join(a, f))), f).toBe(true);
  });

  it.each([
    [['demo']],
    [['demo', '--out', 'x', '--seed', 'abc']],
    [['demo', '--out', 'x', '--seed', '-1']],
    [['demo', '--out', 'x', '--seed', '4294967296']],
    [['demo', '--out', 'x', '--orders', '0']],
    [['demo', '--out', 'x', '--orders', '2.5']],
    [['demo', '--out', 'x', '--bogus']],
  ])('exits 2 on a usage error: %j', async (args) => {
    const r = await run([...args, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ ok: false, error: { code: 'usage' } });
  });
});
