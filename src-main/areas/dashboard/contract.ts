/**
 * Commands of the dashboard area (issue 17 point 4): the first screen's figures, read from the
 * monthly aggregates the write path keeps (migration 0017), never from a scan of every order.
 */
import { z } from 'zod';
import { result } from '../contract-kit.ts';
import type { DashboardSummary } from './dashboard-query.ts';

export type {
  DashboardSummary,
  DashboardGroup,
  DashboardMonth,
  DashboardSku,
  DashboardCurrency,
} from './dashboard-query.ts';
export type { WarehouseStockValue } from '../stock/index.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const dashboardContract = {
  'dashboard.summary': {
    // from/to: months (YYYY-MM, both inclusive); default the 12 months up to the latest with orders
    input: z
      .object({ from: month.optional(), to: month.optional(), topSkus: z.number().int().min(1).max(50).optional() })
      .strict(),
    result: result<DashboardSummary>(),
    mutates: false,
  },
} as const;
