/**
 * How an import file reaches the host without being held in memory (issue 16, point 1). The web
 * host streams an upload's body (`POST /api/upload`) straight into `<dataDir>/tmp/imports/upload-<id>`;
 * Electron and the CLI copy the chosen file there by path (the kernel's copy, no buffer of it).
 * `imports.preview` then names it by `{ fileRef: 'upload-<id>' }` — only that shape, only in that
 * folder (a path, `..`, a link or anything else is `import.fileRef.invalid`; a file no longer there
 * `import.fileRef.missing`) — and moves it into its preview's temporary files, which go when the
 * preview is confirmed, discarded, replaced or expired. Whatever an earlier run left in the folder
 * is swept when the workspace opens. Base64 in the command body still works for small files.
 * Upload faults: over `MAX_UPLOAD_BYTES` is `import.upload.tooLarge` {maxBytes}, a body cut off or
 * a write that fails (disk full) `import.upload.failed`; the partial file is removed.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../core/domain-error.ts';
import { MAX_FILE_BYTES } from '../../imports/read-table.ts';
import { decodeBase64 } from '../base64.ts';

export const MAX_UPLOAD_BYTES = MAX_FILE_BYTES;
const FILE_REF = /^upload-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The workspace's folder of import files and preview spills. */
export function importsDir(dataDir: string): string {
  return path.join(dataDir, 'tmp', 'imports');
}

/**
 * At the workspace's open: what an earlier run left (uploads, spilled previews, scratch files) goes;
 * an upload made since this process started (the CLI copies its FILE before the first command) stays.
 */
export function sweepImportsDir(dataDir: string): void {
  const dir = importsDir(dataDir);
  const started = Date.now() - process.uptime() * 1000;
  try {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (FILE_REF.test(name) && fs.lstatSync(file).mtimeMs >= started) continue;
      fs.rmSync(file, { recursive: true, force: true });
    }
  } catch {
    // no folder yet, or one that cannot be emptied now: tried again at the next open
  }
}

/** The path of an uploaded file named by `fileRef`, or a coded error for anything else. */
export function uploadedFile(dataDir: string, fileRef: string): string {
  if (!FILE_REF.test(fileRef)) throw new DomainError('import.fileRef.invalid', { fileRef: fileRef.slice(0, 80) });
  const dir = importsDir(dataDir);
  const file = path.join(dir, fileRef);
  if (path.dirname(file) !== dir) throw new DomainError('import.fileRef.invalid', { fileRef });
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    throw new DomainError('import.fileRef.missing', { fileRef });
  }
  if (!stat.isFile()) throw new DomainError('import.fileRef.invalid', { fileRef });
  return file;
}

/** Moves `from` to `to` (a copy then a removal across file systems). */
export function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    fs.copyFileSync(from, to);
    fs.rmSync(from, { force: true });
  }
}

/** A file's SHA-256, read 1 MiB at a time. */
export function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export interface Upload {
  readonly fileRef: string;
  readonly bytes: number;
}

/**
 * A streamed body written chunk by chunk into a new upload file (each chunk written before the next
 * is read): `declaredLength` (Content-Length) over the cap is refused before anything is read.
 */
export async function receiveUpload(
  dataDir: string,
  body: AsyncIterable<Uint8Array>,
  declaredLength: number | null,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<Upload> {
  if (declaredLength !== null && declaredLength > maxBytes)
    throw new DomainError('import.upload.tooLarge', { maxBytes });
  const dir = importsDir(dataDir);
  const fileRef = `upload-${randomUUID()}`;
  const file = path.join(dir, fileRef);
  let fd: number | null = null;
  let bytes = 0;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fd = fs.openSync(file, 'wx');
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new DomainError('import.upload.tooLarge', { maxBytes });
      for (let at = 0; at < chunk.byteLength;) at += fs.writeSync(fd, chunk, at, chunk.byteLength - at);
    }
    if (declaredLength !== null && bytes !== declaredLength) throw new DomainError('import.upload.failed', {});
    fs.closeSync(fd);
    fd = null;
    return { fileRef, bytes };
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    if (e instanceof DomainError) throw e;
    throw new DomainError('import.upload.failed', {});
  }
}

/** A file the user chose by path (Electron's dialog, the CLI) copied into the uploads: no buffer of it. */
export async function copyIntoImports(dataDir: string, source: string, maxBytes = MAX_UPLOAD_BYTES): Promise<Upload> {
  let size: number;
  try {
    const stat = fs.statSync(source);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new DomainError('import.upload.failed', {});
  }
  if (size > maxBytes) throw new DomainError('import.upload.tooLarge', { maxBytes });
  const dir = importsDir(dataDir);
  const fileRef = `upload-${randomUUID()}`;
  const file = path.join(dir, fileRef);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await fs.promises.copyFile(source, file, fs.constants.COPYFILE_EXCL);
    const now = new Date(); // a copy may keep its source's times: the sweep at open must see it as this run's
    fs.utimesSync(file, now, now);
  } catch {
    fs.rmSync(file, { force: true });
    throw new DomainError('import.upload.failed', {});
  }
  return { fileRef, bytes: size };
}

/**
 * The file a preview reads, put at `to` (its temporary file): an upload moved there, or base64 text
 * written there; exactly one of them must be given.
 */
export function takeImportFile(
  dataDir: string,
  to: string,
  input: { readonly fileRef?: string | undefined; readonly contentBase64?: string | undefined },
): string {
  if (input.fileRef !== undefined && input.contentBase64 === undefined) {
    moveFile(uploadedFile(dataDir, input.fileRef), to);
    return to;
  }
  if (input.contentBase64 === undefined || input.fileRef !== undefined)
    throw new DomainError('import.fileRef.invalid', { fileRef: input.fileRef?.slice(0, 80) ?? '' });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, decodeBase64(input.contentBase64));
  return to;
}
