/**
 * Line keys for files without item ids: the SKU (or the item name when the SKU is empty) plus
 * its occurrence within the order, `SKU-1#1`, `SKU-1#2`, so re-importing the same file gives the
 * same keys and two rows of one SKU stay two lines.
 */
export function lineKeys(identities: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return identities.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return `${id}#${n}`;
  });
}
