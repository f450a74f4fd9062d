/**
 * CustomsPage: the customs desk. The sub-path of the URL hash picks the tab (`#/customs/build`,
 * `#/customs/documents`, `#/customs/documents/<id>`, `#/customs/corrections?invtNo=…` (withdrawal / return of a
 * list), `#/customs/headHaul` (9810 head-haul shipments), `#/customs/summary`, `#/customs/settings`,
 * `#/customs/risk`); an empty or unknown one is the build tab. Each view reads with `useQuery`:
 * the document lists follow the host's changes and background sync passes, the forms do not.
 */
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { usePageTabs } from '../../app/use-page-tabs.ts';
import { useAppStore } from '../../state/store.ts';
import { TabbedPage } from '../../ui/TabbedPage.tsx';
import { BuildView } from './BuildView.tsx';
import { CorrectionsView } from './CorrectionsView.tsx';
import { HeadHaulView } from './HeadHaulView.tsx';
import { CustomsSettingsForm } from './CustomsSettingsForm.tsx';
import { DocumentDetailView } from './DocumentDetailView.tsx';
import { DocumentsView } from './DocumentsView.tsx';
import { RiskListView } from './RiskListView.tsx';
import { ShopPlatformsView } from './ShopPlatformsView.tsx';
import { SummaryView } from './SummaryView.tsx';
import { orderIdsOfQuery } from './order-selection.ts';
import { CUSTOMS_TABS, isCustomsTab, type CustomsTab } from './vocabulary.ts';

export interface CustomsLocation {
  readonly tab: CustomsTab;
  /** The document of `documents/<id>`, else null. */
  readonly documentId: number | null;
  /** Orders picked on the Orders page (`build?orders=1,2,3`), else empty. */
  readonly orderIds: readonly number[];
  /** The list of `corrections?invtNo=…`, else null. */
  readonly invtNo: string | null;
}

export function customsLocation(path: string): CustomsLocation {
  const [route = '', query = ''] = path.split('?');
  const [head = '', second = ''] = route.split('/');
  const tab = isCustomsTab(head) ? head : 'build';
  return {
    tab,
    documentId: tab === 'documents' && /^\d+$/.test(second) ? Number(second) : null,
    orderIds: tab === 'build' ? orderIdsOfQuery(query) : [],
    invtNo: tab === 'corrections' ? new URLSearchParams(query).get('invtNo') || null : null,
  };
}

export function CustomsPage() {
  const path = useAppStore((s) => s.routePath);
  const navigate = useAppStore((s) => s.navigate);
  const tabs = usePageTabs('customs');
  const { tab, documentId, orderIds, invtNo } = customsLocation(path);
  const go = useCallback((to: string) => navigate('customs', to), [navigate]);

  /** Each tab's view. */
  const views: Record<typeof tab, () => ReactNode> = {
    build: () => <BuildView key={orderIds.join(',')} onGo={go} pickedOrderIds={orderIds} />,
    documents: () =>
      documentId === null ? (
        <DocumentsView onOpen={(id) => go(`documents/${id}`)} />
      ) : (
        <DocumentDetailView
          id={documentId}
          onBack={() => go('documents')}
          onCorrect={(no) => go(`corrections?invtNo=${encodeURIComponent(no)}`)}
        />
      ),
    corrections: () => (
      <CorrectionsView
        invtNo={invtNo}
        onPick={(no) => go(`corrections?invtNo=${encodeURIComponent(no)}`)}
        onOpen={(id) => go(`documents/${id}`)}
      />
    ),
    headHaul: () => <HeadHaulView onOpen={(id) => go(`documents/${id}`)} />,
    summary: () => <SummaryView onOpen={(id) => go(`documents/${id}`)} />,
    settings: () => (
      <>
        <CustomsSettingsForm />
        <ShopPlatformsView />
      </>
    ),
    risk: () => <RiskListView />,
  };
  return (
    <TabbedPage page="customs" keys="customsDesk" {...tabs} tabs={CUSTOMS_TABS} current={tab}>
      {views[tab]()}
    </TabbedPage>
  );
}
