/**
 * StockPage: the stock feature's root. The sub-path of the URL hash picks the tab
 * (`#/stock/onhand`, `#/stock/transit`, … `#/stock/import`); an empty or unknown one is the
 * stock on hand. Each tab reads what it shows with `useQuery` (the SKUs and warehouses for the
 * pickers through `useStockRefs`).
 */
import type { ComponentType } from 'react';
import { usePageTabs } from '../../app/use-page-tabs.ts';
import { useAppStore } from '../../state/store.ts';
import { TabbedPage } from '../../ui/TabbedPage.tsx';
import { AgeingView } from './AgeingView.tsx';
import { MovesView } from './MovesView.tsx';
import { OnHandView } from './OnHandView.tsx';
import { ReorderView } from './ReorderView.tsx';
import { ShipmentsView } from './ShipmentsView.tsx';
import { SkusView } from './SkusView.tsx';
import { StockImportView } from './StockImportView.tsx';
import { isStockTab, STOCK_TABS, type StockTab } from './vocabulary.ts';
import { WarehousesView } from './WarehousesView.tsx';

export function stockTabFromPath(path: string): StockTab {
  const head = path.split('/')[0] ?? '';
  return isStockTab(head) ? head : 'onhand';
}

/** Each tab's view. */
const VIEWS: Readonly<Record<StockTab, ComponentType>> = {
  onhand: OnHandView,
  transit: ShipmentsView,
  moves: MovesView,
  ageing: AgeingView,
  reorder: ReorderView,
  skus: SkusView,
  warehouses: WarehousesView,
  import: StockImportView,
};

export function StockPage() {
  const path = useAppStore((s) => s.routePath);
  const tabs = usePageTabs('stock');
  const tab = stockTabFromPath(path);

  const View = VIEWS[tab];
  return (
    <TabbedPage page="stock" keys="stock" {...tabs} tabs={STOCK_TABS} current={tab}>
      <View />
    </TabbedPage>
  );
}
