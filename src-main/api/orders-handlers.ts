/**
 * Handlers for shops and orders (list, detail with profit, manual entry/edit, bulk customs mode, stats).
 * PLACEHOLDER — being implemented; every command answers `notImplemented` until then.
 */
import { DomainError } from '../core/domain-error.ts';
import type { Handlers } from './handlers.ts';
import type { Workspace } from './workspace.ts';

type OrdersHandlers = Pick<Handlers, 'shops.list' | 'shops.save' | 'orders.list' | 'orders.count' | 'orders.get' | 'orders.save' | 'orders.setCustomsMode' | 'orders.stats'>;

export function createOrdersHandlers(_ws: Workspace): OrdersHandlers {
  const todo = (): never => { throw new DomainError('notImplemented'); };
  return {
    'shops.list': todo, 'shops.save': todo, 'orders.list': todo, 'orders.count': todo, 'orders.get': todo,
    'orders.save': todo, 'orders.setCustomsMode': todo, 'orders.stats': todo,
  };
}
