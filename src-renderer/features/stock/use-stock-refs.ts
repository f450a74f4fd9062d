/**
 * What the stock screens share: the SKUs and warehouses (pickers and names), read once for
 * every tab that asks (one query each), and the areas whose commands change stock figures.
 */
import type { CommandInput, CommandResult, SkuRecord, Warehouse } from '../../../src-main/api/contract.ts';
import { useQuery, type Area, type Query } from '../../app/use-query.ts';
import { useAppStore } from '../../state/store.ts';

/** Commands of these areas move stock or its value (sales posted from orders, imports, the valuation method). */
export const STOCK_AREAS = ['stock', 'orders', 'imports', 'settings'] as const satisfies readonly Area[];

/** The stock reports read as of the day the stock tabs share (`AsOfBar`). */
type AsOfCommand = 'stock.onHand' | 'stock.ageing' | 'stock.reorderHints';

/** A stock report as of the shared day (none chosen: today), refreshed when stock figures change. */
export function useAsOfQuery<K extends AsOfCommand>(command: K): Query<CommandResult<K>> {
  const asOf = useAppStore((s) => s.stockAsOf);
  const input: CommandInput<AsOfCommand> = asOf === '' ? {} : { asOf };
  return useQuery(command, input as CommandInput<K>, { areas: STOCK_AREAS });
}

export function useSkus(): readonly SkuRecord[] | null {
  return useQuery('stock.skus.list', {}).data ?? null;
}

export function useWarehouses(): readonly Warehouse[] | null {
  return useQuery('stock.warehouses.list', {}).data ?? null;
}
