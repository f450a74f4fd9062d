/**
 * Every area's handlers in one map. Typed `{ [K in CommandName]: Handler<K> }`: a command
 * without a handler fails to compile. The use cases live in the areas (src-main/areas/<area>).
 */
import type { CommandName, CommandResult, ParsedInput } from './contract.ts';
import type { Workspace } from './workspace.ts';
import { createMaintenanceHandlers } from '../areas/maintenance/index.ts';
import { createCompanyHandlers } from '../areas/company/index.ts';
import { createOrdersHandlers } from '../areas/orders/index.ts';
import { createImportsHandlers } from '../areas/imports/index.ts';
import { createStockHandlers } from '../areas/stock/index.ts';
import { createSettlementHandlers } from '../areas/settlement/index.ts';
import { createCustomsHandlers } from '../areas/customs/index.ts';
import { createSyncHandlers } from '../areas/sync/index.ts';
import { createTrainingHandlers, type WorkspaceSwitch } from '../areas/training/index.ts';
import { openSandboxWorkspace } from './sandbox-opener.ts';
import { createReportsHandlers } from '../areas/reports/index.ts';
import { createDashboardHandlers } from '../areas/dashboard/index.ts';

export type Handler<K extends CommandName> = (input: ParsedInput<K>) => CommandResult<K> | Promise<CommandResult<K>>;
export type Handlers = { readonly [K in CommandName]: Handler<K> };

/** `switchWorkspace`: a host's switch between the company and a sandbox (api/workspace-switch.ts). */
export function createHandlers(ws: Workspace, opts: { readonly switchWorkspace?: WorkspaceSwitch } = {}): Handlers {
  return {
    ...createMaintenanceHandlers(ws),
    ...createCompanyHandlers(ws),
    ...createOrdersHandlers(ws),
    ...createImportsHandlers(ws),
    ...createStockHandlers(ws),
    ...createSettlementHandlers(ws),
    ...createCustomsHandlers(ws),
    ...createSyncHandlers(ws),
    ...createTrainingHandlers(ws, openSandboxWorkspace, opts.switchWorkspace),
    ...createReportsHandlers(ws),
    ...createDashboardHandlers(ws),
  };
}
