/**
 * Files that another program picks up (exchange folder, signer folder) appear whole or not at
 * all: written to a temp name, fsynced, then renamed. Names derive from the idempotency key,
 * so writing the same key again replaces the same file (the receiver sees it once).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

export function writeFileAtomic(file: string, contents: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, contents);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** A safe, collision-free file name: the readable key plus 8 hex of its sha-256. */
export function fileNameForKey(key: string, ext: string): string {
  const readable = key.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return `${readable}-${hash}${ext}`;
}
