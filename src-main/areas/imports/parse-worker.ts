/**
 * An import's reader (issue 16, point 1; started by parse-off-thread.ts), as a child process of
 * its own (the job its first message) or a worker thread (the job its workerData): reads and
 * parses the file into a scratch file of its own, under the heap limits it was started with, and
 * hands back the result with its orders left in that file (the caller attaches it).
 * Messages: `{ scratchFile }` first, `{ progress: [done, total] }` while it reads, then `{ parsed,
 * orders, peakRssMb }` or `{ error: { code, params } }` (a coded refusal) or `{ failed }` (anything else).
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

/** This process's own high-water mark of resident memory, in MB (the reader's figure for the bench). */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function run(data: ParseWorkerData, post: (m: unknown) => unknown): Promise<void> {
  const { file, folder, opts } = data;
  const scratch = new Scratch(folder);
  post({ scratchFile: scratch.file });
  try {
    const parsed = await parseImport(file, {
      ...opts,
      scratch,
      onProgress: (done, total) => post({ progress: [done, total] }),
    });
    const list = spilledListOf(parsed.orders);
    // the orders stay in the scratch file (closed here, attached by the caller); a list held in
    // memory (none is, with a scratch file) would be sent as it is
    const orders = list === null ? { values: [...parsed.orders] } : { table: list.table, length: list.length };
    scratch.detach();
    await post({ parsed: { ...parsed, orders: [] }, orders, peakRssMb: peakRssMb() });
  } catch (e) {
    scratch.close();
    if (isDomainError(e)) await post({ error: { code: e.code, params: e.params } });
    else await post({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

if (parentPort !== null) {
  // a worker thread: the job came as workerData
  const port = parentPort;
  await run(workerData as ParseWorkerData, (m) => port.postMessage(m));
} else if (process.send !== undefined) {
  // a child process (child_process.fork): the job comes as the first message; the answer sent,
  // the process ends, and every page it used goes back to the system with it
  // the host gone (ended, killed): nobody waits for the answer, stop at once — told by the channel
  // closing when the event loop turns, and by the parent's pid at each progress report (the
  // grouping reports from a loop that does not yield)
  const host = process.ppid;
  process.once('disconnect', () => process.exit(0));
  process.once('message', (data: ParseWorkerData) => {
    // the answer is waited for (sent) before the channel closes
    const post = (m: unknown) => {
      if (process.ppid !== host) process.exit(0);
      return new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
    };
    void run(data, post).then(() => process.disconnect());
  });
}
