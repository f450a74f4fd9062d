/**
 * An import's reading off the main thread (issue 16, point 1): the file is read and parsed in a
 * worker thread (parse-worker.ts) with a capped heap, its rows and orders spilled to the worker's
 * scratch file; the orders are then read from here through the caller's scratch file (attached),
 * a page at a time, so what the parsing left behind dies with the worker and the host's own heap
 * is never the parser's. A worker out of memory is `import.file.tooLargeToRead` {limitMb}, any other
 * end of it without an answer `import.file.readFailed`; the host goes on either way.
 * Without a scratch file (small files, tests) the file is read on this thread, as parseImport does.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ImportedOrder, ParsedImport } from '../../core/orders/order.ts';
import { DomainError, type ErrorParams } from '../../core/domain-error.ts';
import { parseImport, type ParseImportOptions } from '../../imports/parse-import.ts';
import type { TableSource } from '../../imports/read-table.ts';
import type { ParseWorkerData } from './parse-worker.ts';

/** The reader's heap: enough for a 1M-row XLSX or a 100 MB CSV read into a scratch file. */
export const PARSE_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/**
 * Where the reader runs: `process`, a child process of the same node (the web host, the CLI) —
 * its memory, malloc's arenas included, goes back to the system when it ends, so the host keeps
 * none of it; `thread`, a worker thread (Electron's main process, whose binary cannot run as node).
 */
export type ReaderKind = 'process' | 'thread';
const DEFAULT_KIND: ReaderKind = process.versions.electron === undefined ? 'process' : 'thread';

/** The highest peak RSS a reader process reported (MB; the bench's second figure), 0 before any. */
export const readerPeak = { rssMb: 0 };

const SCRIPT = new URL('./parse-worker.ts', import.meta.url);

type Answer =
  | { scratchFile: string }
  | { progress: [number, number] }
  | { error: { code: string; params: ErrorParams } }
  | { failed: string }
  | {
      parsed: ParsedImport;
      orders: { table: string; length: number } | { values: ImportedOrder[] };
      peakRssMb: number;
    };

/** A running reader, thread or process, seen the same way. */
interface Reader {
  on(event: 'message', f: (m: Answer) => void): void;
  /** `outOfMemory`: it ran out of heap (a thread's error code, a process's dying words). */
  onEnd(f: (detail: string, outOfMemory: boolean) => void): void;
  stop(): void;
}

function threadReader(data: ParseWorkerData, limits: ResourceLimits): Reader {
  const worker = new Worker(SCRIPT, { workerData: data, resourceLimits: limits });
  return {
    on: (_e, f) => worker.on('message', f),
    onEnd: (f) => {
      worker.on('error', (e: Error & { code?: string }) => f(e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY'));
      worker.on('exit', (code) => f(`the reader stopped (exit ${code})`, false));
    },
    stop: () => void worker.terminate(),
  };
}

function processReader(data: ParseWorkerData, limits: ResourceLimits): Reader {
  const child = fork(fileURLToPath(SCRIPT), [], {
    execArgv: [
      '--disable-warning=ExperimentalWarning',
      `--max-old-space-size=${limits.maxOldGenerationSizeMb ?? 128}`,
      `--max-semi-space-size=${Math.max(1, Math.floor((limits.maxYoungGenerationSizeMb ?? 8) / 2))}`,
    ],
    // two malloc arenas, not one per thread: the reader's own peak stays lower (measured)
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // its last words (V8's "heap out of memory" report): kept short, only to tell that case apart
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4096)));
  child.send(data);
  return {
    on: (_e, f) => child.on('message', f as (m: unknown) => void),
    onEnd: (f) => {
      child.on('error', (e) => f(e.message, false));
      child.on('exit', (code, signal) =>
        // wait for the stderr pipe to drain: the out-of-memory report comes just before the end
        setImmediate(() =>
          f(
            `the reader stopped (exit ${code ?? signal})`,
            /heap out of memory|Reached heap limit|allocation failed/i.test(stderr),
          ),
        ),
      );
    },
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

export function parseImportOffThread(limits: ResourceLimits = PARSE_WORKER_LIMITS, kind: ReaderKind = DEFAULT_KIND) {
  return async (file: TableSource, opts: ParseImportOptions): Promise<ParsedImport> => {
    const scratch = opts.scratch ?? null;
    // a bundle without the worker script (or bytes in memory, a test's) reads here
    if (scratch === null || SCRIPT.protocol !== 'file:' || !fs.existsSync(fileURLToPath(SCRIPT)))
      return parseImport(file, opts);
    const { onProgress, scratch: _s, ...rest } = opts;
    const data: ParseWorkerData = { file, folder: scratch.folder, opts: rest };
    const reader = kind === 'process' ? processReader(data, limits) : threadReader(data, limits);
    let workerFile: string | null = null;
    try {
      const answer = await new Promise<Extract<Answer, { parsed: ParsedImport }>>((resolve, reject) => {
        reader.on('message', (m: Answer) => {
          if ('scratchFile' in m) workerFile = m.scratchFile;
          else if ('progress' in m) onProgress?.(...m.progress);
          else if ('error' in m) reject(new DomainError(m.error.code, m.error.params));
          else if ('failed' in m) reject(new DomainError('import.file.readFailed', { detail: m.failed }));
          else resolve(m);
        });
        reader.onEnd((detail, outOfMemory) =>
          reject(
            outOfMemory
              ? new DomainError('import.file.tooLargeToRead', { limitMb: limits.maxOldGenerationSizeMb ?? 0 })
              : new DomainError('import.file.readFailed', { detail }),
          ),
        );
      });
      readerPeak.rssMb = Math.max(readerPeak.rssMb, answer.peakRssMb);
      const orders =
        'values' in answer.orders
          ? answer.orders.values
          : scratch.attachedList<ImportedOrder>(workerFile!, answer.orders.table, answer.orders.length).view();
      workerFile = null; // removed with the caller's scratch file from now on
      return { ...answer.parsed, orders };
    } finally {
      reader.stop();
      if (workerFile !== null) fs.rmSync(workerFile, { force: true });
    }
  };
}
