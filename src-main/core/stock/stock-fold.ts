/**
 * Folds all moves of one SKU (every warehouse) in (date, id) order into cost layers, using
 * cost-layers.ts. Returns each move's derived value, the pieces every issue took (evidence and
 * ageing) and the layers left per warehouse. Given values (purchases, landed-cost amounts, return
 * costs) are kept; everything else is derived, so a backdated move simply re-folds the SKU.
 * Any point below zero throws `stock.negative` { sku, warehouse, date }.
 */
import { DomainError } from '../domain-error.ts';
import { minor, sumMinor, type Minor } from '../money/index.ts';
import {
  addValue,
  assertOnHand,
  issue,
  mulDivRoundHalfUp as mulDiv,
  onHand,
  receive,
  type CostLayer,
  type TakenPiece,
  type ValuationMethod,
} from './cost-layers.ts';

export type FoldMoveType =
  | 'purchase'
  | 'transfer'
  | 'sale'
  | 'return'
  | 'count'
  | 'writeoff'
  | 'reversal'
  | 'landedCost'
  | 'shipmentDispatch'
  | 'shipmentReceipt';

export interface FoldMove {
  readonly id: number;
  readonly date: string;
  readonly type: FoldMoveType;
  readonly warehouseId: number;
  readonly quantity: number;
  readonly inputValue: Minor | null;
  readonly reversesMoveId: number | null;
  /** In-legs: the out-leg they receive from. landedCost: the dispatch in-leg whose units it costs. */
  readonly pairMoveId: number | null;
}

export interface FoldResult {
  readonly values: Map<number, Minor>;
  readonly takes: Map<number, TakenPiece[]>;
  readonly layers: Map<number, CostLayer[]>;
}

export interface FoldNames {
  readonly sku: string;
  readonly warehouse: (id: number) => string;
}

const sum = (xs: readonly { value: Minor }[]) => sumMinor(xs.map((x) => x.value));
const ZERO = minor(0);

/** Issues `quantity`, taking first from layers whose source is in `prefer` (a reversal takes back its own units). */
export function issuePreferring(
  layers: readonly CostLayer[],
  quantity: number,
  prefer: ReadonlySet<number>,
  ctx: { sku: string; warehouse: string; date: string },
): { taken: TakenPiece[]; left: CostLayer[] } {
  assertOnHand(layers, quantity, ctx);
  if (quantity === 0) return { taken: [], left: [...layers] };
  const order = layers
    .map((_, i) => i)
    .sort(
      (a, b) => Number(!prefer.has(layers[a]!.sourceMoveId)) - Number(!prefer.has(layers[b]!.sourceMoveId)) || a - b,
    );
  const r = issue(
    order.map((i) => layers[i]!),
    quantity,
    ctx,
  );
  // issue() drops the fully taken layers from the front; put what is left back in FIFO order.
  const skipped = order.length - r.left.length;
  const left = r.left
    .map((l, j) => ({ l, i: order[skipped + j]! }))
    .sort((a, b) => a.i - b.i)
    .map((x) => x.l);
  return { taken: r.taken, left };
}

export function foldSku(moves: readonly FoldMove[], method: ValuationMethod, names: FoldNames): FoldResult {
  const sorted = [...moves].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const byId = new Map(moves.map((m) => [m.id, m]));
  const values = new Map<number, Minor>();
  const takes = new Map<number, TakenPiece[]>();
  const layers = new Map<number, CostLayer[]>();
  const pending = new Map<number, TakenPiece[]>();
  const receivedSources = new Map<number, Set<number>>();
  let lastUnit: { quantity: number; value: Minor } | null = null;

  const at = (wh: number) => layers.get(wh) ?? [];
  const ctx = (m: FoldMove) => ({ sku: names.sku, warehouse: names.warehouse(m.warehouseId), date: m.date });
  const put = (m: FoldMove, pieces: readonly CostLayer[]) => {
    const incoming = pieces.filter((p) => p.quantity > 0);
    layers.set(m.warehouseId, receive(at(m.warehouseId), incoming, method));
    receivedSources.set(m.id, new Set(incoming.map((p) => p.sourceMoveId)));
    if (incoming.length > 0) {
      const q = onHand(incoming);
      lastUnit = { quantity: q.quantity, value: q.value };
    }
    values.set(m.id, sum(incoming));
  };
  const take = (m: FoldMove, quantity: number, prefer: ReadonlySet<number>) => {
    const r = issuePreferring(at(m.warehouseId), quantity, prefer, ctx(m));
    layers.set(m.warehouseId, r.left);
    takes.set(m.id, r.taken);
    pending.set(m.id, r.taken);
    values.set(m.id, minor(-sum(r.taken)));
  };
  const atLastCost = (m: FoldMove) => {
    const value = lastUnit ? mulDiv(lastUnit.value, m.quantity, lastUnit.quantity) : ZERO;
    put(m, [{ sourceMoveId: m.id, receivedAt: m.date, quantity: m.quantity, value }]);
  };

  for (const m of sorted) {
    if (m.type === 'landedCost') {
      values.set(m.id, applyLandedCost(layers, m, byId, method));
      continue;
    }
    if (m.pairMoveId !== null) {
      // In-leg: receives what its out-leg took; a dispatch re-tags them so landed cost can find them.
      const pieces = pending.get(m.pairMoveId) ?? [];
      put(m, m.type === 'shipmentDispatch' ? pieces.map((p) => ({ ...p, sourceMoveId: m.id })) : pieces);
      continue;
    }
    if (m.type === 'reversal') {
      const r = m.reversesMoveId === null ? undefined : byId.get(m.reversesMoveId);
      if (!r) throw new DomainError('stock.move.notFound', { id: m.reversesMoveId ?? 0 });
      if (r.quantity < 0) put(m, takes.get(r.id) ?? []);
      else
        take(
          m,
          r.quantity,
          r.pairMoveId === null || r.type === 'shipmentDispatch'
            ? new Set([r.id])
            : (receivedSources.get(r.id) ?? new Set()),
        );
      continue;
    }
    if (m.quantity < 0) {
      take(m, -m.quantity, new Set());
      continue;
    }
    if (m.quantity === 0) {
      values.set(m.id, ZERO);
      continue;
    }
    if (m.inputValue !== null)
      put(m, [{ sourceMoveId: m.id, receivedAt: m.date, quantity: m.quantity, value: m.inputValue }]);
    else atLastCost(m);
  }
  for (const [wh, ls] of layers) if (ls.length === 0) layers.delete(wh);
  return { values, takes, layers };
}

/** Adds a landed-cost amount to the units of one shipment line; returns the part kept in stock. */
function applyLandedCost(
  layers: Map<number, CostLayer[]>,
  m: FoldMove,
  byId: ReadonlyMap<number, FoldMove>,
  method: ValuationMethod,
): Minor {
  const amount = m.inputValue ?? ZERO;
  const target = m.pairMoveId === null ? undefined : byId.get(m.pairMoveId);
  const warehouses = [...layers.keys()];
  const all = warehouses.flatMap((wh) => layers.get(wh)!);
  if (!target || all.length === 0 || amount === 0) return ZERO;
  let next: CostLayer[];
  let toStock: Minor;
  if (method === 'fifo') {
    const r = addValue(all, amount, [{ sourceMoveId: target.id, originalQuantity: target.quantity }]);
    next = r.layers;
    toStock = sumMinor([amount, -r.toCostOfGoods]);
  } else {
    // Pools lose the shipment's identity: the shipment's units still here are at most what is on hand.
    const total = onHand(all).quantity;
    const here = Math.min(total, target.quantity);
    toStock = mulDiv(amount, here, target.quantity);
    let left = toStock;
    let units = total;
    next = all.map((l) => {
      const part = l.quantity === units ? left : mulDiv(left, l.quantity, units);
      left = sumMinor([left, -part]);
      units -= l.quantity;
      return { ...l, value: sumMinor([l.value, part]) };
    });
  }
  let i = 0;
  for (const wh of warehouses) {
    const n = layers.get(wh)!.length;
    layers.set(wh, next.slice(i, i + n));
    i += n;
  }
  return toStock;
}
