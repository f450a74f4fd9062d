/**
 * `npm run bench [-- NAME…]`: runs each bench section as its own process (memory and timings do
 * not mix), collects their cases and ends with ONE table — case, ours, raw baseline, ratio,
 * value, target, pass — and the machine it ran on. `BENCH_JSON=FILE` also writes
 * `{ machine, cases: [{ id, ours_ms, raw_ms, ratio, value, unit, target, pass }] }`. Exits 1 when
 * any case misses its target (or a section does not finish).
 *
 * Sections: run (= commands, import, list, dashboard, stock: test/bench/run.ts), settlement, customs, sync,
 * rss, ui (the 1M-order workspace in Chromium: test/bench/ui.ts);
 * `commands`, `import`, `list`, `dashboard`, `stock` run one part of run.ts.
 * Knobs: BENCH_SCALE (e.g. 0.05 while developing; 1 = the sizes the targets are for),
 * BENCH_RUNS, BENCH_SLOW=<case id> (slow that case's path on purpose: the run must exit 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { exitStatus, formatTable, machineInfo, reportJson, runSections, type Section } from './bench-report.ts';

const here = import.meta.dirname;
const runPart = (part: string): Section => ({
  name: part,
  file: path.join(here, 'run.ts'),
  env: { BENCH_PARTS: part },
});
const SECTIONS: Record<string, Section> = {
  run: { name: 'run', file: path.join(here, 'run.ts') },
  commands: runPart('commands'),
  import: runPart('import'),
  list: runPart('list'),
  dashboard: runPart('dashboard'),
  reports: runPart('reports'),
  stock: runPart('stock'),
  settlement: { name: 'settlement', file: path.join(here, 'settlement.ts') },
  customs: { name: 'customs', file: path.join(here, 'customs.ts') },
  sync: { name: 'sync', file: path.join(here, 'sync.ts') },
  rss: { name: 'rss', file: path.join(here, 'rss.ts') },
  ui: { name: 'ui', file: path.join(here, 'ui.ts') },
};
const DEFAULT = ['run', 'settlement', 'customs', 'sync', 'rss', 'ui'];

const names = process.argv.slice(2).filter((a) => a !== '--');
const unknown = names.filter((n) => !(n in SECTIONS));
if (unknown.length > 0) {
  console.error(`no bench section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}

const sqlite = new Database(':memory:');
const machine = machineInfo(String(sqlite.prepare('SELECT sqlite_version()').pluck().get()));
sqlite.close();
const scale = Number(process.env.BENCH_SCALE ?? 1);

const { cases, failures } = await runSections((names.length > 0 ? names : DEFAULT).map((n) => SECTIONS[n]!));

console.log(
  `\n# kuajing bench${scale !== 1 ? ` (BENCH_SCALE=${scale}: reduced sizes, not the figures the targets are for)` : ''}\n`,
);
console.log(formatTable(cases, machine, failures));
const slowed = (process.env.BENCH_SLOW ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const id of slowed)
  if (!cases.some((c) => c.id === id)) console.log(`BENCH_SLOW names ${id}, which no section that ran reports`);

const jsonFile = process.env.BENCH_JSON;
if (jsonFile) {
  const extra = {
    scale,
    ...(slowed.length > 0 ? { slowed } : {}),
    ...(failures.length > 0 ? { failedSections: failures } : {}),
  };
  fs.writeFileSync(jsonFile, `${JSON.stringify(reportJson(machine, cases, extra), null, 2)}\n`);
  console.log(`wrote ${jsonFile}`);
}
process.exitCode = exitStatus(cases, failures);
