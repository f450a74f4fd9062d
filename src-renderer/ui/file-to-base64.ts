/**
 * Turns a chosen file into the base64 text `imports.preview` carries, without freezing the
 * window on a large file: the bytes are encoded in chunks whose length is a multiple of 3
 * (so the chunks' base64 texts join into one valid text), yielding to the event loop every
 * few milliseconds and reporting bytes done.
 */
import type { CommandInput } from '../../src-main/api/contract.ts';

/** 3 × 32 KiB: divisible by 3, so no chunk but the last needs '=' padding. */
const CHUNK_BYTES = 3 * 32 * 1024;
const SLICE = 8 * 1024;
/** The contract caps the base64 text at 200 MiB, i.e. files of 150 MiB. */
export const MAX_IMPORT_FILE_BYTES = Math.floor((200 * 1024 * 1024 * 3) / 4);
const MAX_FILE_NAME = 260;

export type ProgressListener = (done: number, total: number) => void;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function bytesToBase64(bytes: Uint8Array, onProgress?: ProgressListener, budgetMs = 12): Promise<string> {
  const parts: string[] = [];
  let since = Date.now();
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
    let binary = '';
    for (let i = 0; i < chunk.length; i += SLICE) binary += String.fromCharCode(...chunk.subarray(i, i + SLICE));
    parts.push(btoa(binary));
    if (Date.now() - since >= budgetMs) {
      onProgress?.(Math.min(offset + CHUNK_BYTES, bytes.length), bytes.length);
      await yieldToEventLoop();
      since = Date.now();
    }
  }
  onProgress?.(bytes.length, bytes.length);
  return parts.join('');
}

export async function fileToBase64(file: Blob, onProgress?: ProgressListener): Promise<string> {
  const buffer = await file.arrayBuffer();
  return bytesToBase64(new Uint8Array(buffer), onProgress);
}

/** The name as the contract accepts it (at most 260 characters, keeping the extension end). */
export function importFileName(name: string): CommandInput<'imports.preview'>['fileName'] {
  const trimmed = name.trim() === '' ? 'import.csv' : name;
  return trimmed.length <= MAX_FILE_NAME ? trimmed : trimmed.slice(trimmed.length - MAX_FILE_NAME);
}

/** 1536 → '1.5 KB' in the display language. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
