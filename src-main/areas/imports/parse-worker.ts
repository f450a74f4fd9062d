/**
 * Worker thread of an import's reading (issue 16, point 1; started by parse-off-thread.ts): reads
 * and parses the file into a scratch file of its own, under the heap limits it was started with,
 * and hands back the result with its orders left in that file (the caller attaches it).
 * Messages: `{ scratchFile }` first, `{ progress: [done, total] }` while it reads, then `{ parsed,
 * orders }` or `{ error: { code, params } }` (a coded refusal) or `{ failed }` (anything else).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isDomainError } from '../../core/domain-error.ts';
import { Scratch, spilledListOf } from '../../db/scratch.ts';
import { parseImport, type ParseImportOptions } from '../../imports/parse-import.ts';
import type { TableSource } from '../../imports/read-table.ts';

export interface ParseWorkerData {
  readonly file: TableSource;
  readonly folder: string;
  readonly opts: Omit<ParseImportOptions, 'onProgress' | 'scratch'>;
}

const { file, folder, opts } = workerData as ParseWorkerData;
const port = parentPort!;
const scratch = new Scratch(folder);
port.postMessage({ scratchFile: scratch.file });
try {
  const parsed = await parseImport(file, {
    ...opts,
    scratch,
    onProgress: (done, total) => port.postMessage({ progress: [done, total] }),
  });
  const list = spilledListOf(parsed.orders);
  // the orders stay in the scratch file (closed here, attached by the caller); a list held in
  // memory (none is, with a scratch file) would be sent as it is
  const orders = list === null ? { values: [...parsed.orders] } : { table: list.table, length: list.length };
  scratch.detach();
  port.postMessage({ parsed: { ...parsed, orders: [] }, orders });
} catch (e) {
  scratch.close();
  if (isDomainError(e)) port.postMessage({ error: { code: e.code, params: e.params } });
  else port.postMessage({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
