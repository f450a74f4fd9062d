/**
 * Building blocks shared by the contract files (`contract.ts` and the per-area
 * `contract-<area>.ts`): the phantom result marker and the common zod shapes.
 */
import { z } from 'zod';

/** Phantom marker for a command's result type (no runtime value). */
export function result<T>(): T {
  return undefined as T;
}

export const empty = z.object({}).strict();
export const id = z.number().int().positive();
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Money and rates cross the boundary as decimal strings ("12.34", "7.100000"), never floats. */
export const decimalText = z.string().max(40);
/** Input of the reads that take only a day to look from (today when absent). */
export const asOfInput = z.object({ asOf: isoDay.optional() }).strict();
/** Input of a preview's confirm or discard: the `previewId` its preview answered. */
export const previewIdInput = z.object({ previewId: z.string().max(64) }).strict();
/** A preview dropped without confirming it; `discarded`: it was still kept (not confirmed, nor expired). */
export const discardPreviewCommand = {
  input: previewIdInput,
  result: result<{ readonly discarded: boolean }>(),
  mutates: false,
} as const;
/** A file as it crosses the boundary either way: its name and its bytes as base64. */
export interface Base64File {
  readonly fileName: string;
  readonly contentBase64: string;
}
/** A file sent in the command body: its name and its bytes as base64, at most `maxBase64` characters of it. */
export const fileFields = (maxBase64: number) => ({
  fileName: z.string().min(1).max(260),
  contentBase64: z.string().max(maxBase64),
});
/**
 * Keyset paging input (`PageInput` in areas/paging.ts): at most `maxLimit` items after `cursor`,
 * the `nextCursor` of the page before, whose text the list's own key keeps under `cursorMax`.
 */
export const pageFields = (cursorMax: number, maxLimit = 500) => ({
  limit: z.number().int().min(1).max(maxLimit).optional(),
  cursor: z.string().max(cursorMax).nullable().optional(),
});
