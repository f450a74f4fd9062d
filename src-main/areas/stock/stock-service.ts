/**
 * The stock use cases: SKUs, warehouses, moves (post, reverse, list), head-haul shipments with
 * landed cost, on-hand/valuation/ageing/reorder hints, sales from orders, imports and the valuation
 * method. Reads go through `ws.read`; every write runs in one unit-of-work transaction. Imports:
 * stock-import-service.ts and sku-import-service.ts (all or nothing unless `acceptValidRows`,
 * idempotent by natural key, shipments from transfers).
 */
import { sumMinor } from '../../core/money/index.ts';
import { DomainError } from '../../core/domain-error.ts';
import { validateSku } from '../../core/stock/sku.ts';
import { putSetting } from '../../db/settings-store.ts';
import {
  getSku,
  getWarehouse,
  listSkus,
  listWarehouses,
  mapPlatformSku,
  saveSku,
  saveWarehouse,
} from './stock-catalog-store.ts';
import { listMoves, moveViews, refoldAll, valuationMethod, VALUATION_SETTING } from './stock-ledger-store.ts';
import { postMove, reverseMove } from './stock-posting.ts';
import { ageingRows, positionPage, positions, reorderHints } from './stock-report-store.ts';
import { postSales } from './stock-sales-store.ts';
import {
  addShipmentCost,
  createShipment,
  getShipment,
  listShipments,
  receiveShipment,
} from './stock-shipment-store.ts';
import { importStock } from './stock-import-service.ts';
import { importSkus } from './sku-import-service.ts';
import type { AreaHandlers, AreaService } from '../area-kit.ts';
import type { stockContract } from './contract.ts';
import type { Workspace } from '../workspace.ts';

type StockHandlers = AreaHandlers<typeof stockContract>;

/** Every stock command but the warehouse import (warehouse-import-service.ts), keyed as in the contract. */
export type StockCommands = Exclude<keyof typeof stockContract, 'stock.warehouses.import'>;

/** The stock use cases of one workspace, one per command. */
export function createStockService(ws: Workspace): AreaService<typeof stockContract, StockCommands> {
  const today = () => ws.clock().toISOString().slice(0, 10);
  const views = (ids: readonly number[]) => moveViews(ws.read, ids);
  return {
    'stock.skus.list': ({ q }) => listSkus(ws.read, q) as ReturnType<StockHandlers['stock.skus.list']>,
    'stock.skus.save': (input) => {
      const sku = validateSku(input);
      return ws.uow.run('stock.skus.save', (tx) => getSku(tx.db, saveSku(tx.db, input.id, sku))) as ReturnType<
        StockHandlers['stock.skus.save']
      >;
    },
    'stock.skus.import': (input) => importSkus(ws, input),
    'stock.skus.mapPlatform': ({ skuId, platform, kind, code }) =>
      ws.uow.run('stock.skus.mapPlatform', (tx) => {
        mapPlatformSku(tx.db, skuId, platform, kind, code.trim());
        return getSku(tx.db, skuId);
      }) as ReturnType<StockHandlers['stock.skus.mapPlatform']>,
    'stock.warehouses.list': () => listWarehouses(ws.read),
    'stock.warehouses.save': (input) => {
      const code = input.code.trim();
      const name = input.name.trim();
      if (code === '' || name === '')
        throw new DomainError(
          'validation.failed',
          {},
          code === '' ? { code: 'stock.warehouse.codeRequired' } : { name: 'stock.warehouse.nameRequired' },
        );
      if (input.kind === 'transit' && input.id === undefined)
        throw new DomainError('stock.warehouse.transitFixed', { warehouse: code });
      return ws.uow.run('stock.warehouses.save', (tx) =>
        getWarehouse(
          tx.db,
          saveWarehouse(tx.db, input.id, {
            code,
            name,
            kind: input.kind,
            country: input.country,
            ...(input.emsNo !== undefined ? { emsNo: input.emsNo?.trim() || null } : {}),
          }),
        ),
      );
    },
    'stock.moves.post': (input) => views(ws.uow.run('stock.moves.post', (tx) => postMove(tx.db, tx.commandId, input))),
    'stock.moves.reverse': ({ moveId, reason }) =>
      views(ws.uow.run('stock.moves.reverse', (tx) => reverseMove(tx.db, tx.commandId, tx.now, moveId, reason))),
    'stock.moves.list': (input) => listMoves(ws.read, input),
    'stock.shipments.create': (input) =>
      ws.uow.run('stock.shipments.create', (tx) => getShipment(tx.db, createShipment(tx.db, tx.commandId, input))),
    'stock.shipments.receive': ({ shipmentId, date, lines }) =>
      ws.uow.run('stock.shipments.receive', (tx) => {
        receiveShipment(tx.db, tx.commandId, shipmentId, date, lines);
        return getShipment(tx.db, shipmentId);
      }),
    'stock.shipments.addCost': ({ shipmentId, ...cost }) =>
      ws.uow.run('stock.shipments.addCost', (tx) => {
        addShipmentCost(tx.db, tx.commandId, shipmentId, cost);
        return getShipment(tx.db, shipmentId);
      }),
    'stock.shipments.list': ({ status }) => listShipments(ws.read, status),
    // Without limit: every position (the renderer's list, the CLI); with limit: one keyset page.
    'stock.onHand': ({ asOf, skuId, warehouseId, limit, cursor }) => {
      const day = asOf ?? today();
      const page = positionPage(ws.read, day, { skuId, warehouseId, limit, cursor });
      return { asOf: day, items: page.items, nextCursor: page.nextCursor };
    },
    'stock.valuation': ({ asOf }) => {
      const day = asOf ?? today();
      const items = positions(ws.read, day);
      const total = { quantity: items.reduce((q, i) => q + i.quantity, 0), value: sumMinor(items.map((i) => i.value)) };
      return { asOf: day, method: valuationMethod(ws.read), items, total };
    },
    // Ageing is from the persisted layers (today's stock); asOf only moves the day the ages count to.
    'stock.ageing': ({ asOf }) => ageingRows(ws.read, asOf ?? today()),
    'stock.reorderHints': ({ asOf }) => reorderHints(ws.read, asOf ?? today()),
    'stock.postSales': ({ from, to }) =>
      ws.uow.run('stock.postSales', (tx) => postSales(tx.db, tx.commandId, from, to)),
    'stock.import': (input) => importStock(ws, input, today()),
    'settings.setValuationMethod': ({ method }) =>
      ws.uow.run('settings.setValuationMethod', (tx) => {
        if (valuationMethod(tx.db) !== method) {
          putSetting(tx.db, VALUATION_SETTING, method);
          refoldAll(tx.db, method);
        }
        return { method };
      }),
  };
}
