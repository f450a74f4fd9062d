/**
 * readForHost: a chosen import file as the import commands carry it — its base64 text and its
 * file name — or the coded error: a file over the contract's limit is refused before reading
 * (`import.file.tooLarge`), one the browser cannot read gives `import.file.unreadable`.
 */
import type { ErrorInfo } from '../../src-main/api/contract.ts';
import { fileToBase64, importFileName, MAX_IMPORT_FILE_BYTES } from './file-to-base64.ts';

export type HostFile =
  | { readonly ok: true; readonly fileName: string; readonly contentBase64: string }
  | { readonly ok: false; readonly error: ErrorInfo };

export async function readForHost(file: File): Promise<HostFile> {
  if (file.size > MAX_IMPORT_FILE_BYTES)
    return { ok: false, error: { code: 'import.file.tooLarge', params: { size: file.size } } };
  try {
    return { ok: true, fileName: importFileName(file.name), contentBase64: await fileToBase64(file) };
  } catch {
    return { ok: false, error: { code: 'import.file.unreadable', params: { file: file.name } } };
  }
}
