/**
 * What a bench section uses to report: `reportCase` appends each case as a JSON line to the file
 * the orchestrator (main.ts) names in BENCH_CASES_FILE; a section run alone (`node
 * test/bench/settlement.ts`) prints its own table at exit and exits 1 when one of its cases misses.
 * `makeCase` computes ratio and pass from a target; `slowPath` slows our path on purpose for the
 * case named in BENCH_SLOW (to see the bench fail); `scaled` shrinks fixed sizes by BENCH_SCALE
 * while developing (default 1 = the sizes the targets are set for).
 */
import fs from 'node:fs';
import { CASES_FILE_ENV, exitStatus, formatMs, formatTable, formatValue, type BenchCase } from './bench-report.ts';

export type { BenchCase } from './bench-report.ts';

export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
if (!(SCALE > 0)) throw new Error(`BENCH_SCALE must be a positive number, got ${process.env.BENCH_SCALE}`);

/** A fixed size times BENCH_SCALE (at least `min`). */
export const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * SCALE));

export interface Target {
  readonly op: '<=' | '<' | '>=';
  readonly limit: number;
  /** Replaces the generated text (cases with more than one condition). */
  readonly text?: string;
}

const OPS = { '<=': '≤', '<': '<', '>=': '≥' } as const;

export function meets(value: number | null, t: Target): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  return t.op === '<=' ? value <= t.limit : t.op === '<' ? value < t.limit : value >= t.limit;
}

/** A case from its timings: ratio = ours / raw; pass = the value meets the target (and `also`). */
export function makeCase(c: {
  id: string;
  ours_ms: number | null;
  raw_ms: number | null;
  value?: number | null;
  unit?: string;
  target: Target | null;
  also?: boolean;
  bare_ms?: number;
  note?: string;
}): BenchCase {
  const ratio = c.ours_ms !== null && c.raw_ms !== null && c.raw_ms > 0 ? c.ours_ms / c.raw_ms : null;
  const unit = c.unit ?? '×';
  const value = c.value !== undefined ? c.value : unit === '×' ? ratio : null;
  const limit =
    unit === '×'
      ? `${c.target?.limit}×`
      : unit === 'ms'
        ? `${c.target?.limit} ms`
        : formatValue(c.target?.limit ?? null, unit);
  const target = c.target === null ? null : (c.target.text ?? `${OPS[c.target.op]} ${limit}`);
  const pass = (c.target === null || meets(value, c.target)) && (c.also ?? true);
  return {
    id: c.id,
    ours_ms: c.ours_ms,
    raw_ms: c.raw_ms,
    ratio,
    value,
    unit,
    target,
    pass,
    ...(c.bare_ms !== undefined ? { bare_ms: c.bare_ms } : {}),
    ...(c.note ? { note: c.note } : {}),
  };
}

const reported: BenchCase[] = [];
const casesFile = process.env[CASES_FILE_ENV];

/** Records a case: to the orchestrator's file, or (run alone) to the table printed at exit. */
export function reportCase(c: BenchCase): BenchCase {
  reported.push(c);
  if (casesFile) fs.appendFileSync(casesFile, `${JSON.stringify(c)}\n`);
  const bare =
    c.bare_ms !== undefined && c.ours_ms !== null
      ? `, bare ${formatMs(c.bare_ms)} (${(c.ours_ms / c.bare_ms).toFixed(2)}×)`
      : '';
  const extra = (c.unit === '×' ? '' : `, ${formatValue(c.value, c.unit)}`) + bare;
  console.log(
    `  → ${c.id}: ours ${formatMs(c.ours_ms)}, raw ${formatMs(c.raw_ms)}${c.ratio === null ? '' : `, ${c.ratio.toFixed(2)}×`}${extra}` +
      `  target ${c.target ?? '—'}: ${c.pass ? 'pass' : 'MISSED'}`,
  );
  return c;
}

if (!casesFile) {
  process.on('exit', () => {
    if (reported.length === 0) return;
    console.log(`\n${formatTable(reported, null)}`);
    if (exitStatus(reported) === 1 && !process.exitCode) process.exitCode = 1;
  });
}

const slowIds = new Set(
  (process.env.BENCH_SLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const announced = new Set<string>();

/** True when BENCH_SLOW names this case. */
export const isSlowed = (id: string) => slowIds.has(id);

/**
 * Slows our path on purpose by `ms` when BENCH_SLOW names the case (call it inside the timed
 * part of our path only). Blocks the thread like slow work would (no timer the event loop hides).
 */
export function slowPath(id: string, ms: number): void {
  if (!slowIds.has(id) || ms <= 0) return;
  if (!announced.has(id)) {
    announced.add(id);
    console.log(`  BENCH_SLOW: ${id} slowed on purpose (+${ms.toFixed(0)} ms in our path)`);
  }
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
