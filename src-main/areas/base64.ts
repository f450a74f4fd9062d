/** File contents cross the command boundary base64-encoded; this is the one decoder of them. */
import { DomainError } from '../core/domain-error.ts';
import type { RowError } from '../core/orders/order.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 command body → bytes; anything else is `imports.badBase64` (never a silently garbled file). */
export function decodeBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new DomainError('imports.badBase64');
  const bytes = Buffer.from(text, 'base64');
  // a view of the decoded bytes, not a copy (an import file may be 200 MB)
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A file sent to a command (the master-data imports: SKUs, warehouses, customs shops), and whether only to check it. */
export interface UploadedFile {
  readonly fileName: string;
  readonly contentBase64: string;
  readonly dryRun?: boolean | undefined;
}

/**
 * Decodes an uploaded file and parses it with `parse`; a file without data rows is refused
 * (`import.file.empty`) before anything is checked against the ledger.
 */
export async function parseUpload<P extends { readonly rowCount: number }>(
  file: UploadedFile,
  parse: (bytes: Uint8Array) => Promise<P>,
): Promise<P> {
  const parsed = await parse(decodeBase64(file.contentBase64));
  if (parsed.rowCount === 0) throw new DomainError('import.file.empty');
  return parsed;
}

/** What a master-data import did (or, on a dry run, would do): rows read, records created / updated / unchanged, rejected rows. */
export interface UploadImportResult {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RowError[];
  readonly dryRun: boolean;
}
