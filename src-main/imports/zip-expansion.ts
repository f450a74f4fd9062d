/**
 * Refuses a ZIP (XLSX) that would expand beyond what an import may hold in memory, before any
 * entry is inflated: the sizes come from the archive's central directory (APPNOTE 4.3.12/4.3.16).
 * A worksheet larger than 2 GiB (it is streamed, never held: a 1M-row sheet is about 1 GB of XML),
 * any other part larger than 256 MiB (shared strings are held while the sheet is read), a total
 * over 2.5 GiB, or a part over 16 MiB that expands more than 100 times (a 0.5 MB workbook with one
 * 500 MiB shared string, a zip bomb) is `import.file.compressedTooMuch`. Bytes that are no readable
 * ZIP are left to the XLSX reader, which meters what it inflates against the same limits.
 */
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
  const entries = zipEntrySizes(bytes);
  if (!entries || entries.length === 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  if (byOffset[0]!.offset !== 0) return null;
  const directory = centralDirectoryOffset(bytes);
  if (directory === null) return null;
  const ranges = new Map<string, Uint8Array>();
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i]!;
    const end = byOffset[i + 1]?.offset ?? directory;
    if (end <= e.offset || end > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50) return null;
    if (ranges.has(e.name)) return null;
    ranges.set(e.name, bytes.subarray(e.offset, end));
  }
  const out: Uint8Array[] = [];
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

/** The central directory's entries, or null when the end record cannot be found. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endRecord(bytes);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
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

export function checkZipExpansion(bytes: Uint8Array): void {
  const entries = zipEntrySizes(bytes);
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
