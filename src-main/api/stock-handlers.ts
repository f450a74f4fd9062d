/**
 * Handlers for the stock ledger: SKUs, warehouses, moves (post, reverse, list), head-haul
 * shipments with landed cost, on-hand/valuation/ageing/reorder hints, sales from orders, imports.
 * PLACEHOLDER — being implemented; every command answers `notImplemented` until then.
 */
import { DomainError } from '../core/domain-error.ts';
import type { Handlers } from './handlers.ts';
import type { Workspace } from './workspace.ts';

export type StockCommand = Extract<keyof Handlers, `stock.${string}`> | 'settings.setValuationMethod';
type StockHandlers = Pick<Handlers, StockCommand>;

export function createStockHandlers(_ws: Workspace): StockHandlers {
  const todo = (): never => { throw new DomainError('notImplemented'); };
  return {
    'stock.skus.list': todo, 'stock.skus.save': todo, 'stock.skus.mapPlatform': todo, 'stock.warehouses.list': todo,
    'stock.warehouses.save': todo, 'stock.moves.post': todo, 'stock.moves.reverse': todo, 'stock.moves.list': todo,
    'stock.shipments.create': todo, 'stock.shipments.receive': todo, 'stock.shipments.addCost': todo, 'stock.shipments.list': todo,
    'stock.onHand': todo, 'stock.valuation': todo, 'stock.ageing': todo, 'stock.reorderHints': todo, 'stock.postSales': todo,
    'stock.import': todo, 'settings.setValuationMethod': todo,
  };
}
