/**
 * Sales from orders: one `sale` move per counted line of a shipped/delivered order that has none
 * yet, from the warehouse that fulfils it (platform → the platform warehouse of the buyer's
 * country or the only one; overseas → the overseas warehouse; self → domestic), dated the order
 * day, referenced by order number. Amazon multi-channel (Non-Amazon) shipments post too, and an
 * order they name by `channel_order_no` posts none, so the goods leave stock once. A line whose SKU or warehouse cannot be told, or that would
 * make stock negative, is skipped with its code. Cost of goods per order = −value of its sale moves.
 */
import { sumMinor, type Minor } from '../../core/money/index.ts';
import { isDomainError } from '../../core/domain-error.ts';
import { skuIdForPlatformCode } from './stock-catalog-store.ts';
import { insertMove, refoldSku } from './stock-ledger-store.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import { closedMonths } from '../company/index.ts';

export interface SalesResult {
  readonly posted: number;
  readonly skipped: Array<{ orderNo: string; sku: string; code: string }>;
}

interface PendingLine {
  order_id: number;
  order_no: string;
  platform: string;
  fulfilment: string | null;
  buyer_country: string | null;
  day: string;
  line_key: string;
  sku: string;
  quantity: number;
}

function warehouseFor(db: Db, fulfilment: string | null, country: string | null): number | null {
  const kinds =
    fulfilment === 'platform'
      ? ['platform']
      : fulfilment === 'overseas'
        ? ['overseasOwn', 'overseasPublic']
        : ['domestic'];
  const list = db
    .prepare(`SELECT id, country FROM warehouses WHERE kind IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(kinds)) as Array<{ id: number; country: string | null }>;
  const match = list.filter((w) => w.country !== null && w.country === country);
  if (match.length === 1) return match[0]!.id;
  if (list.length === 1 || (fulfilment !== 'platform' && fulfilment !== 'overseas' && list.length > 0))
    return list[0]!.id;
  return null;
}

export function postSales(db: WriteDb, commandId: number, from?: string, to?: string): SalesResult {
  const lines = db
    .prepare(
      `SELECT o.id AS order_id, o.order_no, o.platform, o.fulfilment, o.buyer_country, substr(o.ordered_at, 1, 10) AS day,
      l.line_key, l.sku, l.quantity
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.status IN ('shipped', 'delivered') AND l.cancelled = 0 AND l.quantity > 0
      -- goods leave for sales, for orders whose prices the file did not state, and for multi-channel
      -- (MCF) shipments of orders sold elsewhere; each shipment once: an MCF order that names its
      -- channel's order (channel_order_no) ships that order's goods, so the channel order posts none
      -- — unless it was posted before the MCF order arrived, then the MCF order posts none
      AND (o.exclusion IS NULL OR o.exclusion IN ('amountsUnknown', 'otherChannel'))
      AND NOT EXISTS (SELECT 1 FROM orders mcf WHERE mcf.channel_order_no = o.order_no AND mcf.id <> o.id
        AND mcf.exclusion = 'otherChannel' AND mcf.status IN ('shipped', 'delivered'))
      AND NOT (o.channel_order_no IS NOT NULL AND EXISTS (SELECT 1 FROM orders c JOIN stock_moves cm ON cm.order_id = c.id AND cm.type = 'sale'
        WHERE c.order_no = o.channel_order_no AND c.id <> o.id))
      AND substr(o.ordered_at, 1, 10) BETWEEN ? AND ?
      AND NOT EXISTS (SELECT 1 FROM stock_moves m WHERE m.order_id = o.id AND m.line_key = l.line_key AND m.type = 'sale')
    ORDER BY o.ordered_at_utc, o.id, l.id`,
    )
    .all(from ?? '0000-00-00', to ?? '9999-99-99') as PendingLine[];
  const skipped: SalesResult['skipped'] = [];
  const bySku = new Map<number, Array<{ line: PendingLine; warehouseId: number }>>();
  const closed = closedMonths(db);
  for (const line of lines) {
    // a sale dated in a closed month waits until the month is reopened (issue 17 point 1g)
    if (closed.has(line.day.slice(0, 7))) {
      skipped.push({ orderNo: line.order_no, sku: line.sku, code: 'period.closed' });
      continue;
    }
    const skuId = skuIdForPlatformCode(db, line.platform, line.sku);
    if (skuId === undefined) {
      skipped.push({ orderNo: line.order_no, sku: line.sku, code: 'stock.sku.unknown' });
      continue;
    }
    const warehouseId = warehouseFor(db, line.fulfilment, line.buyer_country);
    if (warehouseId === null) {
      skipped.push({ orderNo: line.order_no, sku: line.sku, code: 'stock.warehouse.unknown' });
      continue;
    }
    const list = bySku.get(skuId) ?? [];
    list.push({ line, warehouseId });
    bySku.set(skuId, list);
  }
  let posted = 0;
  const post = (skuId: number, items: ReadonlyArray<{ line: PendingLine; warehouseId: number }>) =>
    db.transaction(() => {
      for (const { line, warehouseId } of items) {
        insertMove(db, commandId, {
          date: line.day,
          type: 'sale',
          skuId,
          warehouseId,
          quantity: -line.quantity,
          reference: line.order_no,
          orderId: line.order_id,
          lineKey: line.line_key,
        });
      }
      refoldSku(db, skuId);
    })();
  for (const [skuId, items] of bySku) {
    // All lines of a SKU in one savepoint; when that goes negative, line by line to skip only the culprits.
    try {
      post(skuId, items);
      posted += items.length;
      continue;
    } catch (e) {
      if (!isNegative(e)) throw e;
    }
    for (const item of items) {
      try {
        post(skuId, [item]);
        posted++;
      } catch (e) {
        if (!isNegative(e)) throw e;
        skipped.push({ orderNo: item.line.order_no, sku: item.line.sku, code: 'stock.negative' });
      }
    }
  }
  return { posted, skipped };
}

const isNegative = (e: unknown) => isDomainError(e) && e.code === 'stock.negative';

/**
 * Cost of goods of an order in CNY fen: −Σ value of its sale moves and their reversals; null while
 * any counted line has no standing (unreversed) sale move.
 */
export function orderProductCost(db: Db, orderId: number): Minor | null {
  const rows = db
    .prepare(
      `SELECT l.line_key,
      (SELECT count(*) FROM stock_moves m WHERE m.order_id = l.order_id AND m.line_key = l.line_key AND m.type = 'sale'
        AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses_move_id = m.id)) AS standing,
      (SELECT coalesce(-sum(m.value), 0) FROM stock_moves m WHERE m.order_id = l.order_id AND m.line_key = l.line_key) AS cost
    FROM order_lines l WHERE l.order_id = ? AND l.cancelled = 0 AND l.quantity > 0`,
    )
    .all(orderId) as Array<{ standing: number; cost: Minor }>;
  if (rows.length === 0 || rows.some((r) => r.standing === 0)) return null;
  return sumMinor(rows.map((r) => r.cost));
}
