/** The dashboard area (issue 17 point 4). Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createDashboardHandlers } from './handlers.ts';
export { orderFigures } from './dashboard-query.ts';
