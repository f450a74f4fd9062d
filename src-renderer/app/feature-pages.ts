/**
 * Which page component each navigation entry shows. Typed as a full record over FeatureId,
 * so adding a feature to the navigation without a page fails to compile.
 */
import type { ComponentType } from 'react';
import { CustomsPage } from '../features/customs/index.ts';
import { DashboardPage } from '../features/dashboard/index.ts';
import { OrdersPage } from '../features/orders/index.ts';
import { ReportsPage } from '../features/reports/index.ts';
import { SettingsPage } from '../features/settings/index.ts';
import { SettlementPage } from '../features/settlement/index.ts';
import { StockPage } from '../features/stock/index.ts';
import { SyncPage } from '../features/sync/index.ts';
import { TrainingPage } from '../features/training/index.ts';
import type { FeatureId } from '../state/routes.ts';

export const FEATURE_PAGES: Readonly<Record<FeatureId, ComponentType>> = {
  dashboard: DashboardPage,
  orders: OrdersPage,
  stock: StockPage,
  settlement: SettlementPage,
  customs: CustomsPage,
  sync: SyncPage,
  reports: ReportsPage,
  training: TrainingPage,
  settings: SettingsPage,
};
