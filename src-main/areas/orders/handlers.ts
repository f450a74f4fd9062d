/** Handlers of the orders area: one line each (reads from the stores, writes in order-service.ts). */
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import type { ordersContract } from './contract.ts';
import { countOrders, listOrders } from './order-list-query.ts';
import { mapStatusWord, saveManualOrder } from './order-service.ts';
import { getOrderDetail, orderStats, setCustomsMode } from './order-store.ts';
import { listStatusWords } from './status-mappings.ts';

export function createOrdersHandlers(ws: Workspace): AreaHandlers<typeof ordersContract> {
  return {
    'orders.list': (input) => listOrders(ws.read, input),
    'orders.count': (input) => ({ total: countOrders(ws.read, input.filter) }),
    'orders.get': ({ id }) => getOrderDetail(ws.read, id),
    'orders.stats': () => orderStats(ws.read),
    'statuses.list': ({ shopId }) => listStatusWords(ws.read, shopId),
    'statuses.map': (input) => mapStatusWord(ws, input),
    'orders.setCustomsMode': ({ ids, mode }) => ({
      changed: ws.uow.run('orders.setCustomsMode', (tx) => setCustomsMode(tx, ids, mode)),
    }),
    'orders.save': (input) => saveManualOrder(ws, input),
  };
}
