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
}

/** The central directory's entries, or null when the end record cannot be found. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end of central directory record: signature 0x06054b50 within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
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
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    // ZIP64 sizes (0xffffffff) mean more than 4 GiB: far over any limit
    out.push({ name, compressed, uncompressed: uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER : uncompressed });
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
