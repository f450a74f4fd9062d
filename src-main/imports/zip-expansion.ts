/**
 * Refuses a ZIP (XLSX) that would expand beyond what an import may hold in memory, before any
 * entry is inflated: the sizes come from the archive's central directory (APPNOTE 4.3.12/4.3.16).
 * A worksheet larger than 2 GiB (it is streamed, never held: a 1M-row sheet is about 1 GB of XML),
 * any other part larger than 256 MiB (shared strings are held while the sheet is read), a total
 * over 2.5 GiB, or a part over 16 MiB that expands more than 100 times (a 0.5 MB workbook with one
 * 500 MiB shared string, a zip bomb) is `import.file.compressedTooMuch`. Bytes that are no readable
 * ZIP are left to the XLSX reader, which meters what it inflates against the same limits.
 */
import fs from 'node:fs';
import { DomainError } from '../core/domain-error.ts';

export const MAX_PART_BYTES = 256 * 1024 * 1024;
export const MAX_SHEET_BYTES = 2048 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 2560 * 1024 * 1024;
/** A worksheet part (streamed row by row), as opposed to parts read whole. */
export const isSheetPart = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
export const MAX_RATIO = 100;
const RATIO_FROM_BYTES = 16 * 1024 * 1024;

export interface ZipEntrySize {
  readonly name: string;
  readonly compressed: number;
  readonly uncompressed: number;
  /** Where the entry's local header starts in the archive. */
  readonly offset: number;
}

/**
 * The archive's entries as byte ranges (local header, data, data descriptor), `first` names in
 * that order ahead of the rest (which keep theirs), or null when the central directory cannot be
 * read or the entries do not tile the bytes before it. A streaming reader then meets the parts it
 * needs first (an XLSX's shared strings before its worksheets) without anything being copied.
 */
export function reorderedEntries(bytes: Uint8Array, first: readonly string[]): Uint8Array[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ranges = reorderedRanges(zipEntrySizes(bytes), centralDirectoryOffset(bytes), bytes.length, first, (at) =>
    view.getUint32(at, true),
  );
  return ranges === null ? null : ranges.map(([from, to]) => bytes.subarray(from, to));
}

/**
 * `reorderedEntries` of an archive read from a file (issue 16, point 1: the file is never held):
 * only its end record and central directory are read; the entries come back as byte ranges
 * [from, to) of the file, to be streamed in that order.
 */
export function reorderedFileRanges(
  fd: number,
  size: number,
  first: readonly string[],
): Array<[number, number]> | null {
  const tail = readZipTail(fd, size);
  if (tail === null) return null;
  const word = Buffer.alloc(4);
  return reorderedRanges(zipEntrySizes(tail.bytes, tail.base), tail.directory, size, first, (at) => {
    fs.readSync(fd, word, 0, 4, at);
    return word.readUInt32LE(0);
  });
}

/** The end of a ZIP file from its central directory on (read with a few small reads), or null. */
export function readZipTail(fd: number, size: number): { bytes: Uint8Array; base: number; directory: number } | null {
  const endLength = Math.min(size, 22 + 0xffff);
  const end = Buffer.alloc(endLength);
  fs.readSync(fd, end, 0, endLength, size - endLength);
  const at = endRecord(end);
  if (at < 0) return null;
  const directory = end.readUInt32LE(at + 16);
  if (directory > size) return null;
  if (directory >= size - endLength)
    return { bytes: end.subarray(directory - (size - endLength)), base: directory, directory };
  const bytes = Buffer.alloc(size - directory);
  fs.readSync(fd, bytes, 0, bytes.length, directory);
  return { bytes, base: directory, directory };
}

function reorderedRanges(
  entries: readonly ZipEntrySize[] | null,
  directory: number | null,
  size: number,
  first: readonly string[],
  wordAt: (offset: number) => number,
): Array<[number, number]> | null {
  if (!entries || entries.length === 0) return null;
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  if (byOffset[0]!.offset !== 0) return null;
  if (directory === null) return null;
  const ranges = new Map<string, [number, number]>();
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i]!;
    const end = byOffset[i + 1]?.offset ?? directory;
    if (end <= e.offset || end > size || wordAt(e.offset) !== 0x04034b50) return null;
    if (ranges.has(e.name)) return null;
    ranges.set(e.name, [e.offset, end]);
  }
  const out: Array<[number, number]> = [];
  for (const name of first) {
    const r = ranges.get(name);
    if (r !== undefined) out.push(r);
  }
  for (const e of byOffset) if (!first.includes(e.name)) out.push(ranges.get(e.name)!);
  return out;
}

function centralDirectoryOffset(bytes: Uint8Array): number | null {
  const at = endRecord(bytes);
  return at < 0 ? null : new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at + 16, true);
}

/** The end of central directory record: signature 0x06054b50 within the last 64 KiB + 22 bytes; -1 if none. */
function endRecord(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/**
 * The central directory's entries, or null when the end record cannot be found. `bytes` may be the
 * archive's end only (readZipTail): `base` is where it starts in the archive.
 */
export function zipEntrySizes(bytes: Uint8Array, base = 0): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endRecord(bytes);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true) - base;
  if (at < 0) return null;
  const out: ZipEntrySize[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    // ZIP64 sizes (0xffffffff) mean more than 4 GiB: far over any limit
    out.push({
      name,
      compressed,
      uncompressed: uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER : uncompressed,
      offset,
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function checkZipExpansion(bytes: Uint8Array, base = 0): void {
  const entries = zipEntrySizes(bytes, base);
  if (!entries) return;
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const ratio = e.compressed > 0 ? e.uncompressed / e.compressed : e.uncompressed;
    const maxBytes = isSheetPart(e.name) ? MAX_SHEET_BYTES : MAX_PART_BYTES;
    if (
      e.uncompressed > maxBytes ||
      total > MAX_TOTAL_BYTES ||
      (e.uncompressed > RATIO_FROM_BYTES && ratio > MAX_RATIO)
    ) {
      throw new DomainError('import.file.compressedTooMuch', {
        part: e.name,
        bytes: e.uncompressed,
        maxBytes,
      });
    }
  }
}
