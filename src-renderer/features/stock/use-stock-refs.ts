/**
 * What the stock screens share: the SKUs and warehouses (pickers and names), read once for
 * every tab that asks (one query each), and the areas whose commands change stock figures.
 */
import type { SkuRecord, Warehouse } from '../../../src-main/api/contract.ts';
import { useQuery, type Area } from '../../app/use-query.ts';

/** Commands of these areas move stock or its value (sales posted from orders, imports, the valuation method). */
export const STOCK_AREAS = ['stock', 'orders', 'imports', 'settings'] as const satisfies readonly Area[];

export function useSkus(): readonly SkuRecord[] | null {
  return useQuery('stock.skus.list', {}).data ?? null;
}

export function useWarehouses(): readonly Warehouse[] | null {
  return useQuery('stock.warehouses.list', {}).data ?? null;
}
