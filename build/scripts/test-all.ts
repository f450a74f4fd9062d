/**
 * `npm test`: every suite in order — lint (layer rule), type check, vitest (unit +
 * integration), renderer build, Playwright e2e in Debian Chromium — then ONE plain line
 * `N passed, N failed`. Lint, type check and build count as one test each. Exit 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const node = process.execPath;
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
const only = new Set(process.argv.slice(2)); // e.g. `npm test -- vitest e2e`
const want = (s: string) => only.size === 0 || only.has(s);

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  process.stderr.write(`\n=== ${label} ===\n`);
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  return r.status ?? 1;
}

function single(label: string, args: string[]): void {
  if (run(label, args) === 0) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

if (want('lint')) single('lint (eslint, layer rule)', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
if (want('format'))
  single('format (prettier --check)', [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']);
if (want('types')) single('type check (tsc)', [bin('typescript', 'bin/tsc'), '-p', '.']);
if (want('cycles'))
  single('import cycles (src-main, src-renderer)', ['build/scripts/import-cycles.ts', 'src-main', 'src-renderer']);

const faultTable = path.join(results, 'faults.jsonl'); // written by test/faults (test/helpers/fault-table.ts)

/** The kill tests' table: fault, runs, failures (KUAJING_KILLS=1000 for the long mode). */
function printFaultTable(): void {
  let lines: string[];
  try {
    lines = fs.readFileSync(faultTable, 'utf8').split('\n').filter(Boolean);
  } catch {
    return;
  }
  const rows = new Map<string, { runs: number; failures: number }>();
  for (const l of lines) {
    const r = JSON.parse(l) as { fault: string; runs: number; failures: number };
    const t = rows.get(r.fault) ?? { runs: 0, failures: 0 };
    rows.set(r.fault, { runs: t.runs + r.runs, failures: t.failures + r.failures });
  }
  const out = [
    '',
    'kill tests (SIGKILL at random instants):',
    `${'fault'.padEnd(12)}${'runs'.padStart(6)}${'failures'.padStart(10)}`,
  ];
  for (const [fault, r] of rows)
    out.push(`${fault.padEnd(12)}${String(r.runs).padStart(6)}${String(r.failures).padStart(10)}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (want('vitest')) {
  const out = path.join(results, 'vitest.json');
  fs.rmSync(out, { force: true });
  fs.rmSync(faultTable, { force: true });
  const code = run('vitest (unit + integration)', [
    bin('vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const r = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    testResults: Array<{ status: string; name: string; message?: string }>;
  }>(out);
  if (!r) {
    failed++;
    failures.push('vitest (no report)');
  } else {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A file that fails to load has no tests but must still count as a failure.
    const broken = r.testResults.filter((f) => f.status === 'failed' && f.message);
    failed += broken.length;
    for (const f of broken) failures.push(`vitest file ${path.relative(root, f.name)}`);
    if (code !== 0 && r.numFailedTests === 0 && broken.length === 0) {
      failed++;
      failures.push('vitest exit code');
    }
  }
}

if (want('e2e')) {
  const built = run('renderer build (vite)', [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']) === 0;
  if (built) passed++;
  else {
    failed++;
    failures.push('renderer build');
  }
  if (built) {
    const out = path.join(results, 'playwright.json');
    fs.rmSync(out, { force: true });
    const code = run(
      'e2e (Playwright, Chromium)',
      [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json'],
      { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
    );
    const r = readJson<{
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    }>(out);
    if (!r) {
      failed++;
      failures.push('e2e (no report)');
    } else {
      passed += r.stats.expected + r.stats.flaky;
      failed += r.stats.unexpected + (r.errors?.length ?? 0);
      if (code !== 0 && r.stats.unexpected === 0 && !r.errors?.length) {
        failed++;
        failures.push('playwright exit code');
      }
    }
  }
}

printFaultTable();
if (failures.length) process.stderr.write(`\nfailed suites/checks: ${failures.join('; ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
