/**
 * The bench report: the one table (case, ours, raw baseline, ratio, value, target, pass), the
 * machine line and the `BENCH_JSON` document, built from the cases the sections report
 * (bench-cases.ts). Pure functions plus `runSections`, which runs each section as its own
 * process (memory and timings do not mix) and collects its cases from a JSON-lines file.
 * No heavy imports here: test/unit/bench/bench-report.test.ts uses it without running a bench.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One measured case. `value` is the figure the target is set on (a ratio, ms, orders/s, msg/s …). */
export interface BenchCase {
  readonly id: string;
  /** Our path, ms (median); null when the case has no single timing. */
  readonly ours_ms: number | null;
  /** The raw better-sqlite3 (or other floor) baseline in the same run, ms; null when there is none. */
  readonly raw_ms: number | null;
  /** ours_ms / raw_ms; null without a baseline. */
  readonly ratio: number | null;
  readonly value: number | null;
  /** Unit of `value`: '×' (a ratio), 'ms', 'orders/s', 'msg/s', 'MB' … */
  readonly unit: string;
  /** The target as text ('≤ 2×', '< 50 ms', '≥ 10,000 orders/s'); null = reported only. */
  readonly target: string | null;
  readonly pass: boolean;
  /** import.amazon100k: raw into the same tables without secondary indexes, ms. */
  readonly bare_ms?: number;
  /** Display only (not in the JSON): what else the table should say about the case. */
  readonly note?: string;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly sqlite: string;
  readonly os: string;
  readonly memoryGB: number;
  /** 1-minute load average when the run started (the machine is shared). */
  readonly loadAtStart: number;
}

/** A section that did not run to the end (crash, bad import): a failing row of its own. */
export interface SectionFailure {
  readonly section: string;
  readonly exitCode: number | null;
}

export function machineInfo(sqliteVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    sqlite: sqliteVersion,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

export function machineLine(m: Machine): string {
  return `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; Node ${m.node}, SQLite ${m.sqlite}; load average ${m.loadAtStart} at start`;
}

const group = (n: number, digits = 0) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${group(ms / 1000, ms >= 10_000 ? 1 : 2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'ms') return formatMs(value);
  return `${group(value, Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0)} ${unit}`;
}

const ratioText = (c: BenchCase) => {
  const base = c.ratio === null ? '—' : `${c.ratio.toFixed(2)}×`;
  return c.bare_ms !== undefined && c.ours_ms !== null ? `${base}; ${(c.ours_ms / c.bare_ms).toFixed(2)}× bare` : base;
};

/** The one table (Markdown, so the README can hold it as printed), failures last, then the machine. */
export function formatTable(
  cases: readonly BenchCase[],
  machine: Machine | null,
  failures: readonly SectionFailure[] = [],
): string {
  const head = ['case', 'ours', 'raw baseline', 'ratio', 'value', 'target', 'pass'];
  const rows = cases.map((c) => [
    c.id,
    formatMs(c.ours_ms),
    c.bare_ms !== undefined ? `${formatMs(c.raw_ms)}; bare ${formatMs(c.bare_ms)}` : formatMs(c.raw_ms),
    ratioText(c),
    c.unit === '×' ? '' : formatValue(c.value, c.unit),
    c.target ?? '(reported)',
    c.pass ? 'yes' : '**NO**',
  ]);
  for (const f of failures)
    rows.push([
      `(section ${f.section})`,
      '—',
      '—',
      '—',
      '—',
      'runs to the end',
      `**NO** (exit ${f.exitCode ?? 'signal'})`,
    ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  const notes = cases.filter((c) => c.note).map((c) => `- ${c.id}: ${c.note}`);
  if (notes.length > 0) out.push('', ...notes);
  const missed = cases.filter((c) => !c.pass).length + failures.length;
  out.push(
    '',
    `${cases.length} case${cases.length === 1 ? '' : 's'}, ${missed === 0 ? 'every one meets its target' : `${missed} missed (exit 1)`}`,
  );
  if (machine) out.push(machineLine(machine));
  return out.join('\n');
}

/** The `BENCH_JSON` document. Only the documented keys (`bare_ms` on the import case). */
export function reportJson(machine: Machine, cases: readonly BenchCase[], extra: Record<string, unknown> = {}): object {
  return {
    machine,
    ...extra,
    cases: cases.map((c) => ({
      id: c.id,
      ours_ms: round(c.ours_ms),
      raw_ms: round(c.raw_ms),
      ratio: round(c.ratio, 3),
      value: round(c.value, 3),
      unit: c.unit,
      target: c.target,
      pass: c.pass,
      ...(c.bare_ms !== undefined ? { bare_ms: round(c.bare_ms) } : {}),
    })),
  };
}

function round(x: number | null, digits = 2): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** 1 when any case misses its target or any section did not finish, else 0. */
export function exitStatus(cases: readonly BenchCase[], failures: readonly SectionFailure[] = []): 0 | 1 {
  return cases.every((c) => c.pass) && failures.length === 0 ? 0 : 1;
}

/** The cases a section appended to a JSON-lines file (a torn last line, from a crash, is skipped). */
export function readCases(file: string): BenchCase[] {
  if (!fs.existsSync(file)) return [];
  const out: BenchCase[] = [];
  for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
    if (l.trim() === '') continue;
    try {
      out.push(JSON.parse(l) as BenchCase);
    } catch {
      /* torn line */
    }
  }
  return out;
}

export interface Section {
  readonly name: string;
  readonly file: string;
  readonly env?: Readonly<Record<string, string>>;
}

export const CASES_FILE_ENV = 'BENCH_CASES_FILE';

/** Runs each section in turn as its own Node process; its output passes through. */
export async function runSections(
  sections: readonly Section[],
  options: { log?: (s: string) => void; quiet?: boolean } = {},
): Promise<{ cases: BenchCase[]; failures: SectionFailure[] }> {
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-bench-report-'));
  const cases: BenchCase[] = [];
  const failures: SectionFailure[] = [];
  try {
    for (const s of sections) {
      const file = path.join(dir, `${s.name}.jsonl`);
      log(`=== bench: ${s.name} ===`);
      const t = performance.now();
      const exitCode = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', s.file], {
          stdio: options.quiet ? 'ignore' : 'inherit',
          env: { ...process.env, ...s.env, [CASES_FILE_ENV]: file },
        });
        child.on('error', () => resolve(127));
        child.on('exit', (code) => resolve(code));
      });
      const got = readCases(file);
      cases.push(...got);
      log(
        `=== ${s.name}: ${got.length} case${got.length === 1 ? '' : 's'} in ${((performance.now() - t) / 1000).toFixed(0)} s${exitCode === 0 ? '' : `, exit ${exitCode}`} ===`,
      );
      if (exitCode !== 0) failures.push({ section: s.name, exitCode });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { cases, failures };
}
