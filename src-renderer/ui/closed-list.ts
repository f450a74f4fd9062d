/**
 * Closed lists: the renderer's copies of the core's vocabularies (statuses, modes, sources …).
 * The renderer may only `import type` from the contract, so each list is written out in a
 * feature's `vocabulary.ts` and `closedList<Union>()([...])` checks it against the contract's
 * union: a value the union does not have, or a member of the union the list leaves out (named
 * in the error as `missing`), fails to compile. `memberOf(list)` is the matching type guard for
 * a value read from a select or a URL.
 */
type Missing<Union, List extends readonly unknown[]> = Exclude<Union, List[number]>;

export function closedList<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Missing<Union, List>] extends [never] ? unknown : { readonly missing: Missing<Union, List> }),
  ): List => list;
}

export function memberOf<T extends string>(list: readonly T[]): (value: string) => value is T {
  return (value: string): value is T => (list as readonly string[]).includes(value);
}
