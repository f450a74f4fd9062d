/**
 * Which page component each navigation entry shows. Typed as a full record over FeatureId,
 * so adding a feature to the navigation without a page fails to compile.
 */
import type { ComponentType } from 'react';
import { OrdersPage } from '../features/orders/index.ts';
import type { FeatureId } from '../state/routes.ts';
import { lazyPage } from './lazy-page.tsx';

// Every page but the orders list loads on demand (issue 19: the first screen parses only the
// shell and the orders list; the shell preloads the rest when idle). The page modules are
// imported by their own files, not the features' index.ts: an index the shell also imports
// from (training's banner) would pull its page into the first chunk.
const DashboardPage = lazyPage(() => import('../features/dashboard/DashboardPage.tsx').then((m) => m.DashboardPage));
const StockPage = lazyPage(() => import('../features/stock/StockPage.tsx').then((m) => m.StockPage));
const SettlementPage = lazyPage(() =>
  import('../features/settlement/SettlementPage.tsx').then((m) => m.SettlementPage),
);
const CustomsPage = lazyPage(() => import('../features/customs/CustomsPage.tsx').then((m) => m.CustomsPage));
const SyncPage = lazyPage(() => import('../features/sync/SyncPage.tsx').then((m) => m.SyncPage));
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage.tsx').then((m) => m.ReportsPage));
const TrainingPage = lazyPage(() => import('../features/training/TrainingPage.tsx').then((m) => m.TrainingPage));
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage.tsx').then((m) => m.SettingsPage));

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
