/** Handlers of the dashboard area: one line each, the use case lives in dashboard-service.ts. */
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import type { dashboardContract } from './contract.ts';
import { dashboardSummary } from './dashboard-service.ts';

export function createDashboardHandlers(ws: Workspace): AreaHandlers<typeof dashboardContract> {
  return {
    'dashboard.summary': (input) => dashboardSummary(ws, input),
  };
}
