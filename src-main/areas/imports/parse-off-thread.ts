/**
 * An import's reading off the main thread (issue 16, point 1): the file is read and parsed in a
 * worker thread (parse-worker.ts) with a capped heap, its rows and orders spilled to the worker's
 * scratch file; the orders are then read from here through the caller's scratch file (attached),
 * a page at a time, so what the parsing left behind dies with the worker and the host's own heap
 * is never the parser's. A worker out of memory is `import.file.tooLargeToRead` {limitMb}, any other
 * end of it without an answer `import.file.readFailed`; the host goes on either way.
 * Without a scratch file (small files, tests) the file is read on this thread, as parseImport does.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ImportedOrder, ParsedImport } from '../../core/orders/order.ts';
import { DomainError, type ErrorParams } from '../../core/domain-error.ts';
import { parseImport, type ParseImportOptions } from '../../imports/parse-import.ts';
import type { TableSource } from '../../imports/read-table.ts';
import type { ParseWorkerData } from './parse-worker.ts';

/** The worker's heap: enough for a 1M-row XLSX or a 100 MB CSV read into a scratch file. */
export const PARSE_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

const SCRIPT = new URL('./parse-worker.ts', import.meta.url);

type Answer =
  | { scratchFile: string }
  | { progress: [number, number] }
  | { error: { code: string; params: ErrorParams } }
  | { failed: string }
  | { parsed: ParsedImport; orders: { table: string; length: number } | { values: ImportedOrder[] } };

export function parseImportOffThread(limits: ResourceLimits = PARSE_WORKER_LIMITS) {
  return async (file: TableSource, opts: ParseImportOptions): Promise<ParsedImport> => {
    const scratch = opts.scratch ?? null;
    // a bundle without the worker script (or bytes in memory, a test's) reads here
    if (scratch === null || SCRIPT.protocol !== 'file:' || !fs.existsSync(fileURLToPath(SCRIPT)))
      return parseImport(file, opts);
    const { onProgress, scratch: _s, ...rest } = opts;
    const data: ParseWorkerData = { file, folder: scratch.folder, opts: rest };
    const worker = new Worker(SCRIPT, { workerData: data, resourceLimits: limits });
    let workerFile: string | null = null;
    try {
      const answer = await new Promise<Extract<Answer, { parsed: ParsedImport }>>((resolve, reject) => {
        worker.on('message', (m: Answer) => {
          if ('scratchFile' in m) workerFile = m.scratchFile;
          else if ('progress' in m) onProgress?.(...m.progress);
          else if ('error' in m) reject(new DomainError(m.error.code, m.error.params));
          else if ('failed' in m) reject(new DomainError('import.file.readFailed', { detail: m.failed }));
          else resolve(m);
        });
        worker.on('error', (e: Error & { code?: string }) =>
          reject(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new DomainError('import.file.tooLargeToRead', { limitMb: limits.maxOldGenerationSizeMb ?? 0 })
              : new DomainError('import.file.readFailed', { detail: e.message }),
          ),
        );
        worker.on('exit', (code) =>
          reject(new DomainError('import.file.readFailed', { detail: `the reader stopped (exit ${code})` })),
        );
      });
      const orders =
        'values' in answer.orders
          ? answer.orders.values
          : scratch.attachedList<ImportedOrder>(workerFile!, answer.orders.table, answer.orders.length).view();
      workerFile = null; // removed with the caller's scratch file from now on
      return { ...answer.parsed, orders };
    } finally {
      void worker.terminate();
      if (workerFile !== null) fs.rmSync(workerFile, { force: true });
    }
  };
}
