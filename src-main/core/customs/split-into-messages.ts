/**
 * Splits items into consecutive batches of at most `max` (100 business blocks per CEB
 * message, 100 lines per order or list). Order is kept; no batch is empty; an empty input
 * gives no batches.
 */
import { DomainError } from '../domain-error.ts';

export const CEB_MAX_PER_MESSAGE = 100;
export const CEB_MAX_LINES = 100;

export function splitIntoMessages<T>(items: readonly T[], max: number = CEB_MAX_PER_MESSAGE): T[][] {
  if (!Number.isSafeInteger(max) || max < 1)
    throw new DomainError('customs.field.length', { field: 'max', length: String(max) });
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += max) out.push(items.slice(i, i + max));
  return out;
}
