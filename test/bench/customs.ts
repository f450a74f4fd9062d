/**
 * `node test/bench/customs.ts`: CEB build + XSD validation throughput on a seeded corpus of
 * ORDERS orders across all modes (CEB303 + CEB603 per order, the documents every mode sends).
 * Prints orders/s for build alone, validation alone (xmllint-wasm, the floor: the XSD check is
 * mandatory) and build + validate, with the ratio total / validation-only (1.00 = building is
 * free), then the app's pipeline (customs-pipeline.ts: chunks validated while the next chunk is
 * built). Target: ≥ 5,000 orders/s build + validate. Median of RUNS runs. Not a pass/fail test.
 * The validator is the native xmllint when present (KUAJING_XMLLINT=wasm forces libxml2-wasm).
 */
import { buildCeb303Messages, buildCeb603Messages, type CebMessage } from '../../src-main/core/customs/index.ts';
import { validateCebMany } from '../../src-main/sync/validate-ceb.ts';
import { buildAndValidate } from '../../src-main/api/customs-pipeline.ts';
import { CORPUS_SETTINGS, corpusOrders } from '../unit/core/customs/ceb-corpus.ts';
import { context } from '../unit/core/customs/ceb-fixtures.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (ms: number) => Math.round(ORDERS / (ms / 1000));

const orders = corpusOrders(20260323, ORDERS);
const ctx = context({ settings: CORPUS_SETTINGS.B });
await validateCebMany([buildCeb603Messages(orders.slice(0, 1), ctx)[0]!.xml]); // warm the schema cache

const build: number[] = [];
const validate: number[] = [];
let bytes = 0;
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  const messages: CebMessage[] = [...buildCeb303Messages(orders, ctx), ...buildCeb603Messages(orders, ctx)];
  build.push(performance.now() - t);
  bytes = messages.reduce((n, m) => n + m.xml.length, 0);
  t = performance.now();
  const results = await validateCebMany(messages.map((m) => m.xml));
  validate.push(performance.now() - t);
  if (!results.every((r) => r.valid)) throw new Error('a benchmark message failed the XSD');
}
const piped: number[] = [];
const pipeOrders = orders.map((input, i) => ({ orderId: i + 1, input }));
for (let run = 0; run < RUNS; run++) {
  const t = performance.now();
  const r = await buildAndValidate(['CEB303', 'CEB603'], pipeOrders, ctx, () => true, (o, e) => { throw e; });
  piped.push(performance.now() - t);
  if (!r.results.every((x) => x.valid)) throw new Error('a benchmark message failed the XSD');
}
const b = median(build), v = median(validate), p = median(piped);
console.log(`customs: ${ORDERS} orders (CEB303 + CEB603), ${(bytes / 1e6).toFixed(1)} MB of XML, median of ${RUNS}`);
console.log(`  build            ${b.toFixed(0).padStart(7)} ms  ${String(rate(b)).padStart(7)} orders/s`);
console.log(`  validate (XSD)   ${v.toFixed(0).padStart(7)} ms  ${String(rate(v)).padStart(7)} orders/s`);
console.log(`  build + validate ${(b + v).toFixed(0).padStart(7)} ms  ${String(rate(b + v)).padStart(7)} orders/s  (target ≥ 5000; ratio to validation alone ${((b + v) / v).toFixed(2)})`);
console.log(`  pipelined        ${p.toFixed(0).padStart(7)} ms  ${String(rate(p)).padStart(7)} orders/s  (the app's path; ratio to validation alone ${(p / v).toFixed(2)})`);
