/**
 * Which declaration line a sale's goods left China under (issue 15, point 1; domain.md §7.3): for
 * 9810 the declaration is the head-haul shipment, and later sales from the overseas warehouse are
 * not declared again. A quantity-FIFO allocation per (warehouse, SKU) — declaration lines in
 * declared-date order, sales in sale-date order, independent of the costing method — links each
 * sale to the lines its goods came from; what a line has not sold is its unsold part (the 9810
 * sold / unsold split of the pre-refund, HWC-YT). Sales before any declared goods, or beyond them,
 * are undeclared. Pure.
 */

export interface DeclaredLine {
  readonly key: string;
  readonly warehouse: string;
  readonly sku: string;
  readonly date: string;
  readonly quantity: number;
}
export interface WarehouseSale {
  readonly key: string;
  readonly warehouse: string;
  readonly sku: string;
  readonly date: string;
  readonly quantity: number;
}

export interface DeclarationLinks {
  readonly links: ReadonlyArray<{ readonly sale: string; readonly line: string; readonly quantity: number }>;
  readonly lines: ReadonlyArray<{
    readonly line: string;
    readonly declared: number;
    readonly sold: number;
    readonly unsold: number;
  }>;
  readonly undeclared: ReadonlyArray<{ readonly sale: string; readonly quantity: number }>;
}

const byDate = <T extends { date: string; key: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

export function linkSalesToDeclarations(
  declared: readonly DeclaredLine[],
  sales: readonly WarehouseSale[],
): DeclarationLinks {
  const queues = new Map<string, Array<{ line: DeclaredLine; left: number }>>();
  for (const l of [...declared].sort(byDate)) {
    const k = `${l.warehouse}\u0000${l.sku}`;
    queues.set(k, [...(queues.get(k) ?? []), { line: l, left: l.quantity }]);
  }
  const sold = new Map<string, number>();
  const links: Array<{ sale: string; line: string; quantity: number }> = [];
  const undeclared: Array<{ sale: string; quantity: number }> = [];
  for (const s of [...sales].sort(byDate)) {
    let need = s.quantity;
    for (const slot of queues.get(`${s.warehouse}\u0000${s.sku}`) ?? []) {
      if (need === 0) break;
      if (slot.left === 0 || slot.line.date > s.date) continue;
      const take = Math.min(need, slot.left);
      slot.left -= take;
      need -= take;
      sold.set(slot.line.key, (sold.get(slot.line.key) ?? 0) + take);
      links.push({ sale: s.key, line: slot.line.key, quantity: take });
    }
    if (need > 0) undeclared.push({ sale: s.key, quantity: need });
  }
  const lines = [...declared]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((l) => {
      const n = sold.get(l.key) ?? 0;
      return { line: l.key, declared: l.quantity, sold: n, unsold: l.quantity - n };
    });
  return { links, lines, undeclared };
}
