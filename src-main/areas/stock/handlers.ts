/**
 * Handlers of the stock commands: the use cases (SKUs, warehouses, moves, head-haul shipments,
 * on-hand/valuation/ageing/reorder hints, sales from orders, imports) are in stock-service.ts, keyed
 * by command and spread here; the warehouse import calls warehouse-import-service.ts.
 */
import type { AreaHandlers } from '../area-kit.ts';
import type { stockContract } from './contract.ts';
import { createStockService } from './stock-service.ts';
import { importWarehouses } from './warehouse-import-service.ts';
import type { Workspace } from '../workspace.ts';

export function createStockHandlers(ws: Workspace): AreaHandlers<typeof stockContract> {
  return {
    ...createStockService(ws),
    'stock.warehouses.import': (input) => importWarehouses(ws, input),
  };
}
