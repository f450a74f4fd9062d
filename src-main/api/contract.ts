/**
 * The command contract: every command the renderer (or the CLI, or a test) may send,
 * as `'<area>.<verb>'` → zod input schema + result type, and every event the core emits.
 * Both hosts and the renderer are typed from this one file; the renderer may only
 * `import type` from it. Adding a command here without a handler fails to compile.
 */
import type { z } from 'zod';
import { companyContract } from '../areas/company/contract.ts';
import { ordersContract } from '../areas/orders/contract.ts';
import { importsContract } from '../areas/imports/contract.ts';
import { stockContract } from '../areas/stock/contract.ts';
import { settlementContract } from '../areas/settlement/contract.ts';
import { reportsContract } from '../areas/reports/contract.ts';
import { dashboardContract } from '../areas/dashboard/contract.ts';
import { customsContract } from '../areas/customs/contract.ts';
import { syncContract } from '../areas/sync/contract.ts';
import { maintenanceContract } from '../areas/maintenance/contract.ts';
import { trainingContract } from '../areas/training/contract.ts';
export type * from '../areas/company/contract.ts';
export type * from '../areas/orders/contract.ts';
export type * from '../areas/imports/contract.ts';
export type * from '../areas/stock/contract.ts';
export type * from '../areas/settlement/contract.ts';
export type * from '../areas/customs/contract.ts';
export type * from '../areas/sync/contract.ts';
export type * from '../areas/maintenance/contract.ts';
export type * from '../areas/training/contract.ts';
export type * from '../areas/reports/contract.ts';
export type * from '../areas/dashboard/contract.ts';
export { LANGUAGES } from '../areas/company/contract.ts';
export { ORDER_SORTS } from '../areas/orders/contract.ts';
export { MAX_IMPORT_BASE64 } from '../areas/imports/contract.ts';
export { LANDED_COST_KINDS, PLATFORM_SKU_KINDS, POSTABLE_MOVE_TYPES } from '../areas/stock/contract.ts';
export type {
  ColumnMapping,
  CustomsMode,
  FeeType,
  Fulfilment,
  ImportSource,
  OrderStatus,
  Platform,
  RowError,
  SaleExclusion,
} from '../core/orders/order.ts';
export type {
  OrderChange,
  OrderDetail,
  OrderFee,
  OrderLine,
  OrderListItem,
  OrdersStats,
} from '../core/orders/order-views.ts';
export type { ProfitBreakdown } from '../core/orders/profit.ts';
export { ALLOCATION_BASES, MOVE_TYPES, WAREHOUSE_KINDS } from '../core/stock/stock-views.ts';
export type {
  AgeingRow,
  AllocationBasis,
  MoveType,
  ReorderHint,
  Shipment,
  SkuRecord,
  StockDifference,
  StockMove,
  StockPosition,
  Warehouse,
  WarehouseKind,
} from '../core/stock/stock-views.ts';

/** Every area's commands in one map; an area adds a command in its own `contract.ts`. */
export const contract = {
  ...maintenanceContract,
  ...companyContract,
  ...importsContract,
  ...ordersContract,
  ...stockContract,
  ...settlementContract,
  ...customsContract,
  ...syncContract,
  ...trainingContract,
  ...reportsContract,
  ...dashboardContract,
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandResult<K extends CommandName> = Contract[K]['result'];
export const COMMAND_NAMES = Object.keys(contract) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { AppEvent, EventMap, EventName } from '../areas/events.ts';

/** Errors as they cross the boundary. `internal` carries only an incident id; its stack is logged. */
export interface ErrorInfo {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly fields?: Record<string, string>;
  readonly incidentId?: string;
}
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };
