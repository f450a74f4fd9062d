/**
 * Stock value now, per warehouse, for the dashboard (issue 17 point 4): one read of
 * `stock_balances` (kept by triggers on every move), so it costs a row per SKU × warehouse, never
 * a walk over the moves. Values are in the base currency (CNY fen), as the stock ledger keeps them.
 */
import type { Db } from '../../db/open-ledger.ts';
import type { Minor } from '../../core/money/index.ts';
import type { WarehouseKind } from '../../core/stock/stock-views.ts';

export interface WarehouseStockValue {
  readonly warehouseId: number;
  readonly code: string;
  readonly name: string;
  readonly kind: WarehouseKind;
  readonly quantity: number;
  /** CNY minor units. */
  readonly value: Minor;
}

export function stockValueByWarehouse(db: Db): WarehouseStockValue[] {
  return db
    .prepare(
      `SELECT w.id AS warehouseId, w.code, w.name, w.kind, sum(b.quantity) AS quantity, sum(b.value) AS value
       FROM stock_balances b JOIN warehouses w ON w.id = b.warehouse_id
       GROUP BY w.id HAVING sum(b.quantity) <> 0 OR sum(b.value) <> 0 ORDER BY sum(b.value) DESC, w.code`,
    )
    .all() as WarehouseStockValue[];
}
