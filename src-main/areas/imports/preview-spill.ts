/**
 * What a pending import preview keeps out of memory (issue 16, point 1): the file itself and its
 * rejected rows, as temporary files in the workspace (`tmp/imports/`, emptied at the first preview
 * of a run; the system's temp folder when the workspace is opened read-only, removed when it
 * closes). An import's scratch files (its rows and orders, db/scratch.ts) go to the same folder. Confirm reads
 * the file back and refuses it as `import.file.changed` when its SHA-256 is no longer the one
 * the preview saw (the temporary copy edited, replaced or gone); the rejected-rows CSV reads every
 * rejected row back from here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { DomainError } from '../../core/domain-error.ts';
import type { RowError } from '../../core/orders/order.ts';
import { fileSha256 } from './import-files.ts';

export interface PreviewSpill {
  readonly file: string;
  readonly rejectedFile: string;
}

/**
 * The folder for this workspace's spilled previews, emptied of what an earlier run left. A
 * read-only opening (another process may hold the workspace and its pending preview) never
 * touches the workspace's folder: it spills to the system's temp folder.
 */
export function spillFolder(dataDir: string, readOnly: boolean): string {
  const inWorkspace = path.join(dataDir, 'tmp', 'imports');
  try {
    if (readOnly) throw new Error('read-only');
    // emptied when the workspace opened (import-files.ts sweepImportsDir): uploads wait here
    fs.mkdirSync(inWorkspace, { recursive: true });
    return inWorkspace;
  } catch {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-previews-'));
  }
}

/**
 * At the workspace's close: a folder in the system's temp folder (a read-only opening's) is removed
 * with whatever is left in it; the workspace's own `tmp/imports` waits for the next run.
 */
export function removeSpillFolder(folder: string, dataDir: string): void {
  if (folder !== path.join(dataDir, 'tmp', 'imports')) fs.rmSync(folder, { recursive: true, force: true });
}

/** Where a preview's file waits: put there (moved or written) before it is read. */
export function spilledFilePath(folder: string, previewId: string): string {
  return path.join(folder, `${previewId}.file`);
}

/** Writes the rejected rows (one JSON line each, with the row's order number when it has one); the file is already in place. */
export function writeSpill(
  folder: string,
  previewId: string,
  rejected: readonly RowError[],
  rejectedOrderNos: Readonly<Record<number, string>>,
): PreviewSpill {
  fs.mkdirSync(folder, { recursive: true });
  const spill = {
    file: spilledFilePath(folder, previewId),
    rejectedFile: path.join(folder, `${previewId}.rejected.jsonl`),
  };
  const fd = fs.openSync(spill.rejectedFile, 'w');
  try {
    let chunk = '';
    for (const e of rejected) {
      chunk += JSON.stringify({ e, orderNo: rejectedOrderNos[e.row] ?? null }) + '\n';
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk !== '') fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return spill;
}

/** The spilled file's path, refused as `import.file.changed` when it is gone or its digest differs (read in chunks). */
export function checkSpilledFile(spill: PreviewSpill, sha256: string): string {
  let actual: string;
  try {
    actual = fileSha256(spill.file);
  } catch {
    throw new DomainError('import.file.changed', { expected: sha256, actual: 'missing' });
  }
  if (actual !== sha256) throw new DomainError('import.file.changed', { expected: sha256, actual });
  return spill.file;
}

/** Every spilled rejected row, in file order, with the order numbers by row. */
export async function readSpilledRejected(
  spill: PreviewSpill,
): Promise<{ rejected: RowError[]; rejectedOrderNos: Record<number, string> }> {
  const rejected: RowError[] = [];
  const rejectedOrderNos: Record<number, string> = {};
  const lines = readline.createInterface({ input: fs.createReadStream(spill.rejectedFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const { e, orderNo } = JSON.parse(line) as { e: RowError; orderNo: string | null };
    rejected.push(e);
    if (orderNo !== null) rejectedOrderNos[e.row] = orderNo;
  }
  return { rejected, rejectedOrderNos };
}

export function removeSpill(spill: PreviewSpill): void {
  fs.rmSync(spill.file, { force: true });
  fs.rmSync(spill.rejectedFile, { force: true });
}
