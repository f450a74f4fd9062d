/**
 * Handlers of the stock commands: one line each, the use cases (SKUs, warehouses, moves, head-haul
 * shipments, on-hand/valuation/ageing/reorder hints, sales from orders, imports) are in stock-service.ts.
 */
import type { AreaHandlers } from '../area-kit.ts';
import type { stockContract } from './contract.ts';
import { createStockService } from './stock-service.ts';
import { importWarehouses } from './warehouse-import-service.ts';
import type { Workspace } from '../workspace.ts';

type StockHandlers = AreaHandlers<typeof stockContract>;

export function createStockHandlers(ws: Workspace): StockHandlers {
  const stock = createStockService(ws);
  return {
    'stock.skus.list': (input) => stock.listSkus(input),
    'stock.skus.save': (input) => stock.saveSku(input),
    'stock.skus.import': (input) => stock.importSkus(input),
    'stock.skus.mapPlatform': (input) => stock.mapPlatformSku(input),
    'stock.warehouses.list': (input) => stock.listWarehouses(input),
    'stock.warehouses.save': (input) => stock.saveWarehouse(input),
    'stock.warehouses.import': (input) => importWarehouses(ws, input),
    'stock.moves.post': (input) => stock.postMove(input),
    'stock.moves.reverse': (input) => stock.reverseMove(input),
    'stock.moves.list': (input) => stock.listMoves(input),
    'stock.shipments.create': (input) => stock.createShipment(input),
    'stock.shipments.receive': (input) => stock.receiveShipment(input),
    'stock.shipments.addCost': (input) => stock.addShipmentCost(input),
    'stock.shipments.list': (input) => stock.listShipments(input),
    'stock.onHand': (input) => stock.onHand(input),
    'stock.valuation': (input) => stock.valuation(input),
    'stock.ageing': (input) => stock.ageing(input),
    'stock.reorderHints': (input) => stock.reorderHints(input),
    'stock.postSales': (input) => stock.postSales(input),
    'stock.import': (input) => stock.importStock(input),
    'settings.setValuationMethod': (input) => stock.setValuationMethod(input),
  };
}
