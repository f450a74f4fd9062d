/**
 * Keyset paging and period filters shared by the areas' list reads (orders, journal, stock moves,
 * customs documents): the input shapes, and the cut of the `limit + 1` rows a store reads into a
 * page whose cursor names the last item kept.
 */
import { DomainError } from '../core/domain-error.ts';

/** Local days (YYYY-MM-DD), both inclusive; either end may be left open. */
export interface DayRangeInput {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** At most `limit` items after `cursor` (the `nextCursor` of the page before; none: the first page). */
export interface PageInput {
  readonly limit?: number | undefined;
  readonly cursor?: string | null | undefined;
}

/** A page of a list read in a fixed order, and the cursor of the next page (null on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * `rows` read with `LIMIT limit + 1` in page order → the first `limit` of them; the extra row only
 * says there is more, and then `nextCursor` is `cursorOf` the last item kept.
 */
export function keysetPage<T>(rows: readonly T[], limit: number, cursorOf: (last: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

/** The id an id cursor (`String(id)` of the last item) names; `code` (a DomainError) when it is not a whole number. */
export function idCursor(cursor: string, code: string): number {
  const id = Number(cursor);
  if (!Number.isSafeInteger(id)) throw new DomainError(code);
  return id;
}
