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
import type { AreaHandlers } from '../area-kit.ts';
import type { stockContract } from './contract.ts';
import type { Workspace } from '../workspace.ts';

type StockHandlers = AreaHandlers<typeof stockContract>;

/** The stock use cases of one workspace, one per command. */
export interface StockService {
  readonly listSkus: StockHandlers['stock.skus.list'];
  readonly saveSku: StockHandlers['stock.skus.save'];
  readonly importSkus: StockHandlers['stock.skus.import'];
  readonly mapPlatformSku: StockHandlers['stock.skus.mapPlatform'];
  readonly listWarehouses: StockHandlers['stock.warehouses.list'];
  readonly saveWarehouse: StockHandlers['stock.warehouses.save'];
  readonly postMove: StockHandlers['stock.moves.post'];
  readonly reverseMove: StockHandlers['stock.moves.reverse'];
  readonly listMoves: StockHandlers['stock.moves.list'];
  readonly createShipment: StockHandlers['stock.shipments.create'];
  readonly receiveShipment: StockHandlers['stock.shipments.receive'];
  readonly addShipmentCost: StockHandlers['stock.shipments.addCost'];
  readonly listShipments: StockHandlers['stock.shipments.list'];
  readonly onHand: StockHandlers['stock.onHand'];
  readonly valuation: StockHandlers['stock.valuation'];
  readonly ageing: StockHandlers['stock.ageing'];
  readonly reorderHints: StockHandlers['stock.reorderHints'];
  readonly postSales: StockHandlers['stock.postSales'];
  readonly importStock: StockHandlers['stock.import'];
  readonly setValuationMethod: StockHandlers['settings.setValuationMethod'];
}

export function createStockService(ws: Workspace): StockService {
  const today = () => ws.clock().toISOString().slice(0, 10);
  const views = (ids: readonly number[]) => moveViews(ws.read, ids);
  return {
    listSkus: ({ q }) => listSkus(ws.read, q) as ReturnType<StockHandlers['stock.skus.list']>,
    saveSku: (input) => {
      const sku = validateSku(input);
      return ws.uow.run('stock.skus.save', (tx) => getSku(tx.db, saveSku(tx.db, input.id, sku))) as ReturnType<
        StockHandlers['stock.skus.save']
      >;
    },
    importSkus: (input) => importSkus(ws, input),
    mapPlatformSku: ({ skuId, platform, kind, code }) =>
      ws.uow.run('stock.skus.mapPlatform', (tx) => {
        mapPlatformSku(tx.db, skuId, platform, kind, code.trim());
        return getSku(tx.db, skuId);
      }) as ReturnType<StockHandlers['stock.skus.mapPlatform']>,
    listWarehouses: () => listWarehouses(ws.read),
    saveWarehouse: (input) => {
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
    postMove: (input) => views(ws.uow.run('stock.moves.post', (tx) => postMove(tx.db, tx.commandId, input))),
    reverseMove: ({ moveId, reason }) =>
      views(ws.uow.run('stock.moves.reverse', (tx) => reverseMove(tx.db, tx.commandId, tx.now, moveId, reason))),
    listMoves: (input) => listMoves(ws.read, input),
    createShipment: (input) =>
      ws.uow.run('stock.shipments.create', (tx) => getShipment(tx.db, createShipment(tx.db, tx.commandId, input))),
    receiveShipment: ({ shipmentId, date, lines }) =>
      ws.uow.run('stock.shipments.receive', (tx) => {
        receiveShipment(tx.db, tx.commandId, shipmentId, date, lines);
        return getShipment(tx.db, shipmentId);
      }),
    addShipmentCost: ({ shipmentId, ...cost }) =>
      ws.uow.run('stock.shipments.addCost', (tx) => {
        addShipmentCost(tx.db, tx.commandId, shipmentId, cost);
        return getShipment(tx.db, shipmentId);
      }),
    listShipments: ({ status }) => listShipments(ws.read, status),
    // Without limit: every position (the renderer's list, the CLI); with limit: one keyset page.
    onHand: ({ asOf, skuId, warehouseId, limit, cursor }) => {
      const day = asOf ?? today();
      const page = positionPage(ws.read, day, { skuId, warehouseId, limit, cursor });
      return { asOf: day, items: page.items, nextCursor: page.nextCursor };
    },
    valuation: ({ asOf }) => {
      const day = asOf ?? today();
      const items = positions(ws.read, day);
      const total = { quantity: items.reduce((q, i) => q + i.quantity, 0), value: sumMinor(items.map((i) => i.value)) };
      return { asOf: day, method: valuationMethod(ws.read), items, total };
    },
    // Ageing is from the persisted layers (today's stock); asOf only moves the day the ages count to.
    ageing: ({ asOf }) => ageingRows(ws.read, asOf ?? today()),
    reorderHints: ({ asOf }) => reorderHints(ws.read, asOf ?? today()),
    postSales: ({ from, to }) => ws.uow.run('stock.postSales', (tx) => postSales(tx.db, tx.commandId, from, to)),
    importStock: (input) => importStock(ws, input, today()),
    setValuationMethod: ({ method }) =>
      ws.uow.run('settings.setValuationMethod', (tx) => {
        if (valuationMethod(tx.db) !== method) {
          putSetting(tx.db, VALUATION_SETTING, method);
          refoldAll(tx.db, method);
        }
        return { method };
      }),
  };
}
