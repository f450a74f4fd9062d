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
