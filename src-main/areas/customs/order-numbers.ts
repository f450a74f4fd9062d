/**
 * Orders named by their platform order number (issue 15, point 2: `--order-nos NO,NO…`, with
 * `--shop S` when a number is in several shops). Since orders are keyed by shop, one number may
 * name orders of two shops: without a shop that is `orders.ambiguousNumber` (naming the shops);
 * a number no order has is `orders.notFound`. Returns the internal ids in the order given.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Db } from '../../db/open-ledger.ts';

export function orderIdsByNumber(db: Db, orderNos: readonly string[], shop?: string | null): number[] {
  const stmt = db.prepare(
    `SELECT o.id, s.name AS shop FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.order_no = ? ORDER BY o.id`,
  );
  return [...new Set(orderNos)].map((orderNo) => {
    const rows = (stmt.all(orderNo) as Array<{ id: number; shop: string }>).filter(
      (r) => shop == null || r.shop === shop,
    );
    if (rows.length === 0) throw new DomainError('orders.notFound', { orderNo, ...(shop ? { shop } : {}) });
    if (rows.length > 1)
      throw new DomainError('orders.ambiguousNumber', { orderNo, shops: rows.map((r) => r.shop).join(', ') });
    return rows[0]!.id;
  });
}
