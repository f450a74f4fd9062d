/**
 * StockPage: the stock feature's root. The sub-path of the URL hash picks the tab
 * (`#/stock/onhand`, `#/stock/transit`, … `#/stock/import`); an empty or unknown one is the
 * stock on hand. Each tab reads what it shows with `useQuery` (the SKUs and warehouses for the
 * pickers through `useStockRefs`).
 */
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

export function StockPage() {
  const path = useAppStore((s) => s.routePath);
  const tabs = usePageTabs('stock');
  const tab = stockTabFromPath(path);

  let content;
  switch (tab) {
    case 'onhand':
      content = <OnHandView />;
      break;
    case 'transit':
      content = <ShipmentsView />;
      break;
    case 'moves':
      content = <MovesView />;
      break;
    case 'ageing':
      content = <AgeingView />;
      break;
    case 'reorder':
      content = <ReorderView />;
      break;
    case 'skus':
      content = <SkusView />;
      break;
    case 'warehouses':
      content = <WarehousesView />;
      break;
    case 'import':
      content = <StockImportView />;
      break;
  }

  return (
    <TabbedPage page="stock" keys="stock" {...tabs} tabs={STOCK_TABS} current={tab}>
      {content}
    </TabbedPage>
  );
}
