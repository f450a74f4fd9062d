/**
 * `quick_check` of a database COPY (a backup, a check snapshot) in a worker thread, so a large
 * file (a 1M-order ledger is ~700 MB; its check takes seconds) never blocks the thread that answers
 * the UI. The worker loads the same better-sqlite3 (resolved from here, so the bundled Electron main
 * finds its own) and opens only the copy: never the live ledger, whose lock the host holds.
 * `settle` first leaves WAL mode, so a fresh copy becomes one self-contained file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.lib);
let result;
try {
  const db = new Database(workerData.file, { readonly: !workerData.settle, fileMustExist: true });
  try {
    if (workerData.settle) db.pragma('journal_mode = DELETE');
    result = String(db.pragma('quick_check', { simple: true }));
  } finally {
    db.close();
  }
} catch (e) {
  result = String((e && e.code) || e);
}
parentPort.postMessage(result);
`;

let lib: string | null = null;

/** The copy's `quick_check` result ('ok' when sound), or the error code that kept it from opening. */
export function quickCheckOffThread(file: string, opts: { readonly settle?: boolean } = {}): Promise<string> {
  lib ??= createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { lib, file, settle: opts.settle === true } });
    let answered = false;
    worker.once('message', (m: unknown) => {
      answered = true;
      resolve(String(m));
    });
    worker.once('error', (e: Error) => {
      answered = true;
      resolve(String((e as { code?: string }).code ?? e.message));
    });
    worker.once('exit', (code) => {
      if (!answered) resolve(`worker exited ${code}`);
    });
  });
}

/** Pages copied between two flushes of the copy (32 MiB at 4 KiB pages). */
const FLUSH_EVERY_PAGES = 8192;

/**
 * SQLite's online backup of `db` to `dest`, with the copy flushed to disk as it grows, in the
 * thread pool: left to the end, the backup's last step would fsync the whole copy (a 1 GB ledger:
 * ~2 s) on the thread that answers the UI. Between steps the event loop runs as usual.
 */
export async function backupFlushing(db: Database.Database, dest: string): Promise<Database.BackupMetadata> {
  let handle: Promise<fs.promises.FileHandle> | null = null;
  let flushing: Promise<unknown> | null = null;
  let flushedAt = 0;
  try {
    return await db.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        const copied = totalPages - remainingPages;
        if (flushing === null && copied - flushedAt >= FLUSH_EVERY_PAGES) {
          flushedAt = copied;
          handle ??= fs.promises.open(dest, 'r');
          flushing = handle
            .then((h) => h.datasync())
            .catch(() => undefined)
            .finally(() => {
              flushing = null;
            });
        }
        return 100;
      },
    });
  } finally {
    await flushing;
    // closed only now: the backup's own connection (and its file lock) is gone by then
    const opened = handle as Promise<fs.promises.FileHandle> | null; // assigned in the callback
    if (opened) await (await opened).close();
  }
}

/**
 * The live ledger's `quick_check`, off the UI's path: SQLite's online backup copies it page by
 * page to `scratch` (small steps between which the event loop runs; the copy is page-for-page, so
 * damage in the ledger is damage in the copy), the worker checks the copy, and the copy is removed.
 */
export async function quickCheckLiveOffThread(db: Database.Database, scratch: string): Promise<string> {
  const files = [scratch, `${scratch}-wal`, `${scratch}-shm`, `${scratch}-journal`];
  // removing a 1 GB file takes the kernel a second: not on the UI's thread
  const removeAll = () => Promise.all(files.map((f) => fs.promises.rm(f, { force: true })));
  await removeAll();
  try {
    try {
      await backupFlushing(db, scratch);
    } catch (e) {
      // a page SQLite cannot read is the damage the check looks for
      const code = String((e as { code?: unknown }).code ?? '');
      if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return code;
      throw e;
    }
    // read-only: settling the copy out of WAL would flush the whole file for nothing (it is removed)
    return await quickCheckOffThread(scratch);
  } finally {
    await removeAll();
  }
}
