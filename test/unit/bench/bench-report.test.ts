/**
 * The bench report (issue 19, point 1) without running a bench: the one table and the
 * BENCH_JSON document built from given cases, exit status 1 when a case misses its target or a
 * section does not finish, and the cases a section process reports reaching the orchestrator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exitStatus,
  formatTable,
  reportJson,
  runSections,
  type BenchCase,
  type Machine,
} from '../../bench/bench-report.ts';
import { makeCase, meets } from '../../bench/bench-cases.ts';

const machine: Machine = {
  cpu: 'Test CPU',
  cores: 2,
  node: 'v22.23.3',
  sqlite: '3.54.1',
  os: 'Linux test x64',
  memoryGB: 8,
  loadAtStart: 0.5,
};

const importCase = makeCase({
  id: 'import.amazon100k',
  ours_ms: 20_200,
  raw_ms: 16_000,
  bare_ms: 1_900,
  also: 20_200 / 1_900 <= 4,
  target: { op: '<=', limit: 2.5, text: '≤ 2.5× raw; ≤ 4× bare' },
});
const commands = makeCase({ id: 'commands.single1000', ours_ms: 900, raw_ms: 600, target: { op: '<=', limit: 2 } });
const list = makeCase({
  id: 'orders.list1m',
  ours_ms: 14,
  raw_ms: 3,
  value: 14,
  unit: 'ms',
  target: { op: '<', limit: 50 },
});
const customs = makeCase({
  id: 'customs.buildValidate',
  ours_ms: 2_212,
  raw_ms: 1_800,
  value: 4_521,
  unit: 'orders/s',
  target: { op: '>=', limit: 10_000 },
});
const sign = makeCase({
  id: 'customs.sign',
  ours_ms: 70,
  raw_ms: null,
  value: 142_857,
  unit: 'orders/s',
  target: null,
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('cases', () => {
  it('computes the ratio from the timings and passes a ratio case only within its target', () => {
    expect(commands.ratio).toBe(1.5);
    expect(commands.value).toBe(1.5);
    expect(commands.target).toBe('≤ 2×');
    expect(commands.pass).toBe(true);
    expect(makeCase({ id: 'x', ours_ms: 1300, raw_ms: 600, target: { op: '<=', limit: 2 } }).pass).toBe(false);
  });

  it('fails the import case when the bare-table ratio misses even though the schema ratio holds', () => {
    expect(importCase.ratio).toBeCloseTo(1.2625);
    expect(importCase.pass).toBe(false);
    expect(importCase.bare_ms).toBe(1_900);
  });

  it('judges throughput and time targets on the value, and a case with no target passes', () => {
    expect(customs.pass).toBe(false);
    expect(customs.target).toBe('≥ 10,000 orders/s');
    expect(list.pass).toBe(true);
    expect(list.target).toBe('< 50 ms');
    expect(sign).toMatchObject({ target: null, pass: true, ratio: null });
    expect(meets(null, { op: '>=', limit: 1 })).toBe(false);
    expect(meets(50, { op: '<', limit: 50 })).toBe(false);
  });
});

describe('the report', () => {
  it('prints one table of case, ours, raw baseline, ratio, value, target and pass, then the machine', () => {
    const table = formatTable([importCase, commands, list, customs, sign], machine);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| case +\| ours +\| raw baseline +\| ratio +\| value +\| target +\| pass +\|$/);
    const row = (id: string) => lines.find((l) => l.startsWith(`| ${id} `))!;
    expect(row('import.amazon100k')).toContain('20.2 s');
    expect(row('import.amazon100k')).toContain('16.0 s; bare 1.90 s');
    expect(row('import.amazon100k')).toContain('1.26×; 10.63× bare');
    expect(row('import.amazon100k')).toMatch(/\*\*NO\*\* \|$/);
    expect(row('commands.single1000')).toMatch(/900 ms .*600 ms .*1\.50× .*≤ 2× .*yes/);
    expect(row('customs.buildValidate')).toMatch(/4,521 orders\/s .*≥ 10,000 orders\/s .*\*\*NO\*\*/);
    expect(row('customs.sign')).toContain('(reported)');
    expect(table).toContain('5 cases, 2 missed (exit 1)');
    expect(table).toContain('machine: Test CPU, 2 cores, 8 GB, Linux test x64; Node v22.23.3, SQLite 3.54.1');
  });

  it('writes the documented JSON: machine and cases with exactly the documented keys, bare_ms on the import case', () => {
    const doc = JSON.parse(JSON.stringify(reportJson(machine, [importCase, list, sign]))) as {
      machine: Machine;
      cases: Array<Record<string, unknown>>;
    };
    expect(doc.machine).toEqual(machine);
    const keys = ['id', 'ours_ms', 'raw_ms', 'ratio', 'value', 'unit', 'target', 'pass'];
    expect(Object.keys(doc.cases[0]!).sort()).toEqual([...keys, 'bare_ms'].sort());
    expect(Object.keys(doc.cases[1]!).sort()).toEqual([...keys].sort());
    expect(doc.cases[0]).toMatchObject({
      id: 'import.amazon100k',
      ours_ms: 20_200,
      raw_ms: 16_000,
      bare_ms: 1_900,
      ratio: 1.263,
      unit: '×',
      pass: false,
    });
    expect(doc.cases[1]).toMatchObject({ id: 'orders.list1m', value: 14, unit: 'ms', target: '< 50 ms', pass: true });
    expect(doc.cases[2]).toMatchObject({ id: 'customs.sign', raw_ms: null, ratio: null, target: null, pass: true });
  });

  it('exits 1 when one case misses its target or a section does not finish, else 0', () => {
    expect(exitStatus([commands, list, sign])).toBe(0);
    expect(exitStatus([commands, list, customs, sign])).toBe(1);
    expect(exitStatus([commands], [{ section: 'sync', exitCode: 1 }])).toBe(1);
    expect(formatTable([commands], null, [{ section: 'sync', exitCode: 1 }])).toMatch(
      /\(section sync\).*\*\*NO\*\* \(exit 1\)/,
    );
  });
});

describe('sections as processes', () => {
  it('collects the cases each section process reports and counts a section that dies as a miss', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-bench-test-'));
    dirs.push(dir);
    const kit = pathToFileURL(path.resolve(import.meta.dirname, '../../bench/bench-cases.ts')).href;
    fs.writeFileSync(
      path.join(dir, 'fine.ts'),
      `import { makeCase, reportCase } from '${kit}';
reportCase(makeCase({ id: 'fake.fast', ours_ms: 10, raw_ms: 10, target: { op: '<=', limit: 2 } }));
reportCase(makeCase({ id: 'fake.slow', ours_ms: 50, raw_ms: 10, target: { op: '<=', limit: 2 } }));
`,
    );
    fs.writeFileSync(
      path.join(dir, 'dies.ts'),
      `import { makeCase, reportCase } from '${kit}';
reportCase(makeCase({ id: 'fake.before', ours_ms: 1, raw_ms: 1, target: null }));
throw new Error('a section that breaks half-way');
`,
    );
    const quiet: string[] = [];
    const { cases, failures } = await runSections(
      [
        { name: 'fine', file: path.join(dir, 'fine.ts') },
        { name: 'dies', file: path.join(dir, 'dies.ts') },
      ],
      { log: (s) => quiet.push(s), quiet: true },
    );
    expect(cases.map((c: BenchCase) => [c.id, c.pass])).toEqual([
      ['fake.fast', true],
      ['fake.slow', false],
      ['fake.before', true],
    ]);
    expect(failures).toEqual([{ section: 'dies', exitCode: 1 }]);
    expect(exitStatus(cases, failures)).toBe(1);
    expect(exitStatus(cases.filter((c) => c.pass))).toBe(0);
  });
});
