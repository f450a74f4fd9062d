/**
 * Build + validate as a pipeline. In this thread: each document type is built chunk by chunk and
 * each chunk's messages go to the XSD validator (a native xmllint process or a wasm worker, one
 * per core at a time) while the next chunk is built. Where cores are to spare (`coresToSpare`),
 * a build larger than a chunk is cut into chunks of orders that a pool of threads (one per
 * core: worker threads running customs-build-worker.ts, and this thread, which takes a chunk when
 * no worker is free) builds and validates side by side (customs-build-job.ts); the
 * ids and clock readings are drawn here first, in the order a build in this thread would draw
 * them, so the messages are the same whichever way they were built, and they come back in
 * order (type by type, chunk by chunk). A builder error blocks its order for every type (the
 * order's documents go together or not at all): the pass starts again without it, so the
 * earlier types do not carry it either. A worker that dies is `customs.validator.failed`.
 */
import {
  CEB_BUILDERS as BUILDERS,
  CEB_ID_COUNT,
  type BuiltType,
  type CebBuildContext,
  type CebMessage,
  type CebOrderInput,
} from '../../core/customs/index.ts';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import { CEB_VALIDATOR_WORKERS, validateCebMany, type CebValidationResult } from '../../sync/validate-ceb.ts';
import { runBuildJob, type WorkerJob, type WorkerPart, type WorkerReply } from './customs-build-job.ts';

/** Orders per chunk built in this thread (a multiple of 100, so messages stay full). */
export const PIPELINE_CHUNK = 2000;
/** Smallest chunk handed to a worker: each chunk pays one validator start (the schema compiled). */
const MIN_WORKER_CHUNK = 500;
/** Idle workers stop after this long (the next build starts them again). */
const IDLE_MS = 30_000;

export interface PipelineOrder {
  readonly orderId: number;
  readonly input: CebOrderInput;
}
export interface BuiltMessage {
  readonly type: BuiltType;
  readonly message: CebMessage;
}

/** Builds one type for the orders; an order whose block fails is reported and left out. */
function buildChunk(
  type: BuiltType,
  orders: readonly PipelineOrder[],
  ctx: CebBuildContext,
  fail: (o: PipelineOrder, e: DomainError) => void,
): CebMessage[] {
  try {
    return BUILDERS[type](
      orders.map((o) => o.input),
      ctx,
    );
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
  const good = orders.filter((o) => {
    try {
      BUILDERS[type]([o.input], ctx);
      return true;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      fail(o, e);
      return false;
    }
  });
  return good.length
    ? BUILDERS[type](
        good.map((o) => o.input),
        ctx,
      )
    : [];
}

export interface PipelineResult {
  readonly messages: readonly BuiltMessage[];
  readonly results: readonly CebValidationResult[];
  readonly blocked: ReadonlySet<number>;
  /** Threads the build ran in, this one included (0: this thread alone, validators beside it). */
  readonly workers: number;
}

export interface PipelineOptions {
  /** Orders per worker chunk (default: the orders spread over a few chunks per worker). */
  readonly chunk?: number;
  /** true: the worker pool for a build larger than a chunk; false: this thread; default: the pool when the machine has cores to spare (`coresToSpare`). */
  readonly workers?: boolean;
}

/**
 * Workers pay only when cores are free beyond the two this thread and the validator already keep
 * busy: every message string (~200k characters, a large object for V8) is made once more on this
 * thread when a worker hands it over, and the workers have heaps of their own. On 2 cores, or a
 * machine already loaded (load average at or above the core count), this thread builds while
 * validator processes check the chunks before it; measured on the 2-core bench machine (issue 19,
 * load 13–18), the pool took 15–30% more CPU per order than that and no less time.
 */
function coresToSpare(): boolean {
  return CEB_VALIDATOR_WORKERS >= 3 && os.loadavg()[0]! < CEB_VALIDATOR_WORKERS;
}

export async function buildAndValidate(
  types: readonly BuiltType[],
  orders: readonly PipelineOrder[],
  ctx: CebBuildContext,
  wanted: (type: BuiltType, order: PipelineOrder) => boolean,
  onError: (order: PipelineOrder, error: DomainError) => void,
  onChunk: (built: number) => void = () => {},
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const blocked = new Set<number>();
  const pool = (options.workers ?? coresToSpare()) ? buildPool() : null;
  const chunk = options.chunk ?? workerChunk(orders.length, pool?.size ?? 1);
  if (pool !== null && orders.length > chunk)
    return pooledBuild(pool, chunk, types, orders, ctx, wanted, onError, onChunk, blocked);
  for (;;) {
    const before = blocked.size;
    const messages: BuiltMessage[] = [];
    const pending: Array<Promise<CebValidationResult[]>> = [];
    for (const type of types) {
      const todo = orders.filter((o) => !blocked.has(o.orderId) && wanted(type, o));
      const size = options.chunk ?? PIPELINE_CHUNK;
      for (let i = 0; i < todo.length; i += size) {
        const chunk = todo.slice(i, i + size);
        const built = buildChunk(type, chunk, ctx, (o, e) => {
          blocked.add(o.orderId);
          onError(o, e);
        });
        for (const message of built) messages.push({ type, message });
        if (built.length > 0) {
          const p = validateCebMany(built.map((m) => m.xml));
          p.catch(() => {}); // awaited below, or dropped with a discarded pass
          pending.push(p);
        }
        onChunk(chunk.length);
        await new Promise((resolve) => setImmediate(resolve)); // let the validator's I/O run
      }
    }
    if (blocked.size === before) return { messages, results: (await Promise.all(pending)).flat(), blocked, workers: 0 };
  }
}

/** Chunk size for the workers: about three chunks per worker (so they stay busy to the end), in whole messages. */
function workerChunk(orders: number, workers: number): number {
  const per = Math.ceil(orders / (workers * 3) / 100) * 100;
  return Math.min(PIPELINE_CHUNK, Math.max(MIN_WORKER_CHUNK, per));
}

async function pooledBuild(
  pool: BuildPool,
  chunk: number,
  types: readonly BuiltType[],
  orders: readonly PipelineOrder[],
  ctx: CebBuildContext,
  wanted: (type: BuiltType, order: PipelineOrder) => boolean,
  onError: (order: PipelineOrder, error: DomainError) => void,
  onChunk: (built: number) => void,
  blocked: Set<number>,
): Promise<PipelineResult> {
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  for (;;) {
    const open = orders.filter((o) => !blocked.has(o.orderId));
    const chunks: PipelineOrder[][] = [];
    for (let i = 0; i < open.length; i += chunk) chunks.push(open.slice(i, i + chunk));
    // ids and clock readings as this thread would draw them: type by type, chunk by chunk
    const parts: WorkerPart[][] = chunks.map(() => []);
    for (const type of types)
      chunks.forEach((c, j) => {
        const todo = c.filter((o) => wanted(type, o));
        if (todo.length === 0) return;
        const at = ctx.clock().getTime();
        const n = CEB_ID_COUNT[type](todo.map((o) => o.input));
        const ids = Array.from({ length: n }, () => ctx.newId());
        parts[j]!.push({ type, orders: todo, at, ids });
      });
    const replies = chunks.map((c, j) => {
      const reply = pool.run({ job: j, company: ctx.company, settings: ctx.settings, parts: parts[j]! });
      reply.catch(() => {}); // awaited below in order
      return reply;
    });
    const before = blocked.size;
    const perChunk: { messages: BuiltMessage[][]; results: CebValidationResult[] }[] = [];
    for (let j = 0; j < chunks.length; j++) {
      const r = await replies[j]!;
      for (const b of r.blocked) {
        if (blocked.has(b.orderId)) continue;
        blocked.add(b.orderId);
        onError(byId.get(b.orderId)!, new DomainError(b.code, b.params, b.fields));
      }
      perChunk.push({
        messages: r.messages.map((ms, k) => ms.map((message) => ({ type: parts[j]![k]!.type, message }))),
        results: [...r.results],
      });
      onChunk(chunks[j]!.length);
    }
    if (blocked.size !== before) continue;
    // back in the order of a build in this thread: type by type, chunk by chunk
    const messages: BuiltMessage[] = [];
    const results: CebValidationResult[] = [];
    for (const type of types)
      perChunk.forEach((c, j) => {
        let at = 0;
        parts[j]!.forEach((p, k) => {
          const n = c.messages[k]!.length;
          if (p.type === type) {
            messages.push(...c.messages[k]!);
            results.push(...c.results.slice(at, at + n));
          }
          at += n;
        });
      });
    return { messages, results, blocked, workers: pool.size };
  }
}

interface PoolWorker {
  readonly worker: Worker;
  busy: { resolve: (r: Extract<WorkerReply, { ok: true }>) => void; reject: (e: unknown) => void } | null;
}

/**
 * Threads that build and validate chunks, one job each at a time: `size - 1` worker threads
 * (started on first use) and this thread, which takes a chunk whenever no worker is free. This
 * thread builds its own chunks' messages where they are needed, instead of receiving a copy of
 * each (~200k characters) from a worker.
 */
class BuildPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Array<{ job: WorkerJob; resolve: PoolWorker['busy'] }> = [];
  private idle: NodeJS.Timeout | null = null;
  private localBusy = false;
  private readonly script: URL;
  /** Threads building, this one included. */
  readonly size: number;

  constructor(script: URL, size: number) {
    this.script = script;
    this.size = size;
  }

  run(job: WorkerJob): Promise<Extract<WorkerReply, { ok: true }>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve: { resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    while (this.queue.length > 0) {
      let w = this.workers.find((x) => x.busy === null);
      if (!w && this.workers.length < this.size - 1) w = this.start();
      if (!w) {
        if (this.localBusy) return;
        this.runHere(this.queue.shift()!);
        continue;
      }
      const next = this.queue.shift()!;
      w.busy = next.resolve;
      w.worker.ref();
      w.worker.postMessage(next.job);
    }
    if (!this.localBusy && this.workers.every((x) => x.busy === null)) {
      this.idle = setTimeout(() => this.stop(), IDLE_MS);
      this.idle.unref();
    }
  }

  /** A job in this thread, after the jobs handed out now have left (the workers start first). */
  private runHere(next: { job: WorkerJob; resolve: PoolWorker['busy'] }): void {
    this.localBusy = true;
    setImmediate(() => {
      runBuildJob(next.job)
        .then(
          (reply) => {
            if (reply.ok) next.resolve?.resolve(reply);
            else next.resolve?.reject(new DomainError('customs.validator.failed', { reason: reply.reason }));
          },
          (e: unknown) =>
            next.resolve?.reject(
              isDomainError(e)
                ? e
                : new DomainError('customs.validator.failed', { reason: String((e as Error)?.message ?? e) }),
            ),
        )
        .finally(() => {
          this.localBusy = false;
          this.pump();
        });
    });
  }

  private start(): PoolWorker {
    const w: PoolWorker = { worker: new Worker(this.script), busy: null };
    const fail = (reason: string) => {
      const i = this.workers.indexOf(w);
      if (i < 0) return;
      this.workers.splice(i, 1);
      const busy = w.busy;
      w.busy = null;
      void w.worker.terminate();
      busy?.reject(new DomainError('customs.validator.failed', { reason }));
      this.pump();
    };
    w.worker.on('message', (reply: WorkerReply) => {
      const busy = w.busy;
      w.busy = null;
      w.worker.unref();
      if (reply.ok) busy?.resolve(reply);
      else busy?.reject(new DomainError('customs.validator.failed', { reason: reply.reason }));
      this.pump();
    });
    w.worker.on('error', (e: Error) => fail(e.message));
    w.worker.on('exit', (code) => fail(`exit ${code}`));
    w.worker.unref();
    this.workers.push(w);
    return w;
  }

  private stop(): void {
    for (const w of this.workers.splice(0)) void w.worker.terminate();
  }
}

let sharedPool: BuildPool | null | undefined;

/** The pool, or null where the worker script is not there to start (a bundle without it). */
function buildPool(): BuildPool | null {
  if (sharedPool !== undefined) return sharedPool;
  const script = new URL('./customs-build-worker.ts', import.meta.url);
  const usable = script.protocol === 'file:' && fs.existsSync(fileURLToPath(script));
  return (sharedPool = usable ? new BuildPool(script, CEB_VALIDATOR_WORKERS) : null);
}
