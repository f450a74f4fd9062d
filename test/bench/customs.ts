/**
 * `node test/bench/customs.ts`: CEB build + XSD validation throughput on a seeded corpus of
 * ORDERS orders across all modes (CEB303 + CEB603 per order, the documents every mode sends).
 * Prints orders/s for build alone, validation alone (xmllint, the floor: the XSD check is
 * mandatory) and build + validate, with the ratio total / validation-only (1.00 = building is
 * free), then the app's pipeline (customs-pipeline.ts: chunks built and validated side by side in
 * a worker pool, one thread per core, or in this thread while the machine is busy) and the
 * practice SM2 signer over the same messages. Median of RUNS runs.
 * Cases: customs.buildValidate = the app's pipeline, ≥ 10,000 orders/s (raw baseline = validation
 * alone, the floor); reported only: customs.build, customs.validate, customs.buildValidatePool
 * (the pipeline forced into its worker pool), customs.sign.
 * The validator is the native xmllint when present (KUAJING_XMLLINT=wasm forces libxml2-wasm).
 */
import fs from 'node:fs';
import { buildCeb303Messages, buildCeb603Messages, type CebMessage } from '../../src-main/core/customs/index.ts';
import { CEB_VALIDATOR_WORKERS, validateCebMany } from '../../src-main/sync/validate-ceb.ts';
import { buildAndValidate } from '../../src-main/areas/customs/customs-pipeline.ts';
import { CORPUS_SETTINGS, corpusOrders } from '../unit/core/customs/ceb-corpus.ts';
import { context } from '../unit/core/customs/ceb-fixtures.ts';
import { practiceSigner } from '../../src-main/sync/sm2-signer.ts';
import { makeCase, reportCase, scaled, slowPath } from './bench-cases.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ORDERS = Number(process.env.BENCH_ORDERS ?? scaled(10_000, 100));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * CPU so far (user + system, ms) of this process (every thread) and of the processes it started
 * (the xmllint runs, through their launcher shells), from Linux /proc; null elsewhere. The machine
 * is shared: CPU per order says what wall time cannot.
 */
function treeCpuMs(): { own: number; children: number } | null {
  try {
    const stat = (pid: string) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = (f: string[], from: number) => (Number(f[from]) + Number(f[from + 1])) * 10; // USER_HZ 100
    const parent = new Map<string, string>();
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)))
      try {
        parent.set(pid, stat(pid)[1]!);
      } catch {
        /* ended meanwhile */
      }
    const self = String(process.pid);
    const under = (pid: string): boolean => {
      for (let p = parent.get(pid); p !== undefined && p !== '0'; p = parent.get(p)) if (p === self) return true;
      return false;
    };
    const mine = stat(self);
    let children = ticks(mine, 13); // cutime + cstime: runs already waited for
    for (const pid of parent.keys()) if (under(pid)) children += ticks(stat(pid), 11) + ticks(stat(pid), 13);
    const u = process.cpuUsage();
    return { own: (u.user + u.system) / 1000, children };
  } catch {
    return null;
  }
}
/** CPU per order (µs) between two readings, as text. */
function cpuPerOrder(a: ReturnType<typeof treeCpuMs>, b: ReturnType<typeof treeCpuMs>, runs: number): string {
  if (a === null || b === null) return 'CPU per order: n/a';
  const us = (ms: number) => Math.round((ms * 1000) / (ORDERS * runs));
  const own = us(b.own - a.own),
    kids = us(b.children - a.children);
  return `CPU per order ${own + kids} µs (node ${own} + xmllint ${kids})`;
}
const rate = (ms: number) => Math.round(ORDERS / (ms / 1000));

const orders = corpusOrders(20260323, ORDERS);
const ctx = context({ settings: CORPUS_SETTINGS.B });
await validateCebMany([buildCeb603Messages(orders.slice(0, 1), ctx)[0]!.xml]); // warm the schema cache

const build: number[] = [];
const validate: number[] = [];
const cpu = { build: 0, validateOwn: 0, validateKids: 0 };
let bytes = 0;
let built: CebMessage[] = [];
for (let run = 0; run < RUNS; run++) {
  const c0 = treeCpuMs();
  let t = performance.now();
  const messages: CebMessage[] = [...buildCeb303Messages(orders, ctx), ...buildCeb603Messages(orders, ctx)];
  build.push(performance.now() - t);
  const c1 = treeCpuMs();
  bytes = messages.reduce((n, m) => n + m.xml.length, 0);
  built = messages;
  t = performance.now();
  const results = await validateCebMany(messages.map((m) => m.xml));
  validate.push(performance.now() - t);
  const c2 = treeCpuMs();
  if (c0 && c1 && c2) {
    cpu.build += c1.own - c0.own;
    cpu.validateOwn += c2.own - c1.own;
    cpu.validateKids += c2.children - c1.children;
  }
  if (!results.every((r) => r.valid)) throw new Error('a benchmark message failed the XSD');
}
const piped: number[] = [];
let pipeWorkers = 0;
const pipeOrders = orders.map((input, i) => ({ orderId: i + 1, input }));
const pipeCpu0 = treeCpuMs();
for (let run = 0; run < RUNS; run++) {
  const t = performance.now();
  const r = await buildAndValidate(
    ['CEB303', 'CEB603'],
    pipeOrders,
    ctx,
    () => true,
    (o, e) => {
      throw e;
    },
  );
  slowPath('customs.buildValidate', ORDERS / 10); // as long as 10,000 orders/s takes: the rate halves at least
  piped.push(performance.now() - t);
  pipeWorkers = r.workers;
  if (!r.results.every((x) => x.valid)) throw new Error('a benchmark message failed the XSD');
}
const pipeCpu = cpuPerOrder(pipeCpu0, treeCpuMs(), RUNS);
// the worker pool whatever the machine (the pipeline above leaves it out on 2 cores or a busy machine)
const pooled: number[] = [];
const poolCpu0 = treeCpuMs();
for (let run = 0; run < RUNS; run++) {
  const t = performance.now();
  const r = await buildAndValidate(
    ['CEB303', 'CEB603'],
    pipeOrders,
    ctx,
    () => true,
    (o, e) => {
      throw e;
    },
    () => {},
    { workers: true },
  );
  pooled.push(performance.now() - t);
  if (!r.results.every((x) => x.valid)) throw new Error('a benchmark message failed the XSD');
}
const poolCpu = cpuPerOrder(poolCpu0, treeCpuMs(), RUNS);
const signer = practiceSigner();
const signing: number[] = [];
const signCpu0 = treeCpuMs();
for (let run = 0; run < RUNS; run++) {
  const t = performance.now();
  for (const m of built) await signer.sign(m.guid, m.xml);
  signing.push(performance.now() - t);
}
const signCpu = cpuPerOrder(signCpu0, treeCpuMs(), RUNS);
const perOrder = (ms: number) => `CPU per order ${Math.round((ms * 1000) / (ORDERS * RUNS))} µs`;
const b = median(build),
  v = median(validate),
  p = median(piped),
  sg = median(signing);
console.log(
  `customs: ${ORDERS.toLocaleString('en')} orders (CEB303 + CEB603, ${built.length} messages), ${(bytes / 1e6).toFixed(1)} MB of XML, median of ${RUNS}; ` +
    `build then validate (one after the other) ${rate(b + v).toLocaleString('en')} orders/s`,
);
reportCase(
  makeCase({
    id: 'customs.build',
    ours_ms: b,
    raw_ms: null,
    value: rate(b),
    unit: 'orders/s',
    target: null,
    note: `building CEB303 + CEB603 alone; ${perOrder(cpu.build)}`,
  }),
);
reportCase(
  makeCase({
    id: 'customs.validate',
    ours_ms: v,
    raw_ms: null,
    value: rate(v),
    unit: 'orders/s',
    target: null,
    note: `XSD validation alone (the floor: the check is mandatory); ${perOrder(cpu.validateOwn + cpu.validateKids)} (node ${Math.round((cpu.validateOwn * 1000) / (ORDERS * RUNS))} + xmllint ${Math.round((cpu.validateKids * 1000) / (ORDERS * RUNS))})`,
  }),
);
reportCase(
  makeCase({
    id: 'customs.buildValidate',
    ours_ms: p,
    raw_ms: v,
    value: rate(p),
    unit: 'orders/s',
    target: { op: '>=', limit: 10_000 },
    note: `the app's build + validate pipeline (${pipeWorkers > 0 ? `${pipeWorkers} worker threads` : 'built in one thread, validated beside it'}); raw baseline = validation alone; ${pipeCpu}`,
  }),
);
reportCase(
  makeCase({
    id: 'customs.buildValidatePool',
    ours_ms: median(pooled),
    raw_ms: v,
    value: rate(median(pooled)),
    unit: 'orders/s',
    target: null,
    note: `the same pipeline always in its worker pool (${CEB_VALIDATOR_WORKERS} threads); ${poolCpu}`,
  }),
);
reportCase(
  makeCase({
    id: 'customs.sign',
    ours_ms: sg,
    raw_ms: null,
    value: rate(sg),
    unit: 'orders/s',
    target: null,
    note: `practice SM2/SM3 signer (sm2-signer.ts) over the ${built.length} messages, one after another; ${signCpu}`,
  }),
);
