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
const rate = (ms: number) => Math.round(ORDERS / (ms / 1000));

const orders = corpusOrders(20260323, ORDERS);
const ctx = context({ settings: CORPUS_SETTINGS.B });
await validateCebMany([buildCeb603Messages(orders.slice(0, 1), ctx)[0]!.xml]); // warm the schema cache

const build: number[] = [];
const validate: number[] = [];
let bytes = 0;
let built: CebMessage[] = [];
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  const messages: CebMessage[] = [...buildCeb303Messages(orders, ctx), ...buildCeb603Messages(orders, ctx)];
  build.push(performance.now() - t);
  bytes = messages.reduce((n, m) => n + m.xml.length, 0);
  built = messages;
  t = performance.now();
  const results = await validateCebMany(messages.map((m) => m.xml));
  validate.push(performance.now() - t);
  if (!results.every((r) => r.valid)) throw new Error('a benchmark message failed the XSD');
}
const piped: number[] = [];
let pipeWorkers = 0;
const pipeOrders = orders.map((input, i) => ({ orderId: i + 1, input }));
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
// the worker pool whatever the machine (the pipeline above leaves it out on 2 cores or a busy machine)
const pooled: number[] = [];
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
const signer = practiceSigner();
const signing: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t = performance.now();
  for (const m of built) await signer.sign(m.guid, m.xml);
  signing.push(performance.now() - t);
}
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
    note: 'building CEB303 + CEB603 alone',
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
    note: 'XSD validation alone (the floor: the check is mandatory)',
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
    note: `the app's build + validate pipeline (${pipeWorkers > 0 ? `${pipeWorkers} worker threads` : 'built in one thread, validated beside it'}); raw baseline = validation alone`,
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
    note: `the same pipeline always in its worker pool (${CEB_VALIDATOR_WORKERS} threads)`,
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
    note: `practice SM2/SM3 signer (sm2-signer.ts) over the ${built.length} messages, one after another`,
  }),
);
