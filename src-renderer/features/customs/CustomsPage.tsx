/**
 * CustomsPage: the customs desk. The sub-path of the URL hash picks the tab (`#/customs/build`,
 * `#/customs/documents`, `#/customs/documents/<id>`, `#/customs/summary`, `#/customs/settings`,
 * `#/customs/risk`); an empty or unknown one is the build tab. A revision counter, bumped after
 * every change, makes the open view read its data again; the document lists also follow the
 * host's change events.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { TabbedPage } from '../../ui/TabbedPage.tsx';
import { BuildView } from './BuildView.tsx';
import { CustomsSettingsForm } from './CustomsSettingsForm.tsx';
import { DocumentDetailView } from './DocumentDetailView.tsx';
import { DocumentsView } from './DocumentsView.tsx';
import { RiskListView } from './RiskListView.tsx';
import { SummaryView } from './SummaryView.tsx';
import { useLiveRevision } from './use-live-revision.ts';
import { orderIdsOfQuery } from './order-selection.ts';
import { CUSTOMS_TABS, isCustomsTab, type CustomsTab } from './vocabulary.ts';

export interface CustomsLocation {
  readonly tab: CustomsTab;
  /** The document of `documents/<id>`, else null. */
  readonly documentId: number | null;
  /** Orders picked on the Orders page (`build?orders=1,2,3`), else empty. */
  readonly orderIds: readonly number[];
}

export function customsLocation(path: string): CustomsLocation {
  const [route = '', query = ''] = path.split('?');
  const [head = '', second = ''] = route.split('/');
  const tab = isCustomsTab(head) ? head : 'build';
  return {
    tab,
    documentId: tab === 'documents' && /^\d+$/.test(second) ? Number(second) : null,
    orderIds: tab === 'build' ? orderIdsOfQuery(query) : [],
  };
}

/** What every customs view receives: the data revision and how to announce a change. */
export interface CustomsViewProps {
  readonly revision: number;
  readonly onChanged: () => void;
}

export function CustomsPage() {
  const { t } = useTranslation();
  const path = useAppStore((s) => s.routePath);
  const navigate = useAppStore((s) => s.navigate);
  const [revision, setRevision] = useState(0);
  const live = useLiveRevision();
  const onChanged = useCallback(() => setRevision((r) => r + 1), []);
  const { tab, documentId, orderIds } = customsLocation(path);
  const view = { revision, onChanged };
  /** Lists follow host changes (a background sync storing receipts); forms do not. */
  const liveView = { revision: revision + live, onChanged };
  const go = useCallback((to: string) => navigate('customs', to), [navigate]);

  let content;
  switch (tab) {
    case 'build': content = <BuildView key={orderIds.join(',')} {...view} onGo={go} pickedOrderIds={orderIds} />; break;
    case 'documents':
      content = documentId === null
        ? <DocumentsView {...liveView} onOpen={(id) => go(`documents/${id}`)} />
        : <DocumentDetailView {...liveView} id={documentId} onBack={() => go('documents')} />;
      break;
    case 'summary': content = <SummaryView {...liveView} onOpen={(id) => go(`documents/${id}`)} />; break;
    case 'settings': content = <CustomsSettingsForm {...view} />; break;
    case 'risk': content = <RiskListView {...view} />; break;
  }

  return (
    <TabbedPage page="customs" title={t('customsDesk.title')} description={t('customsDesk.description')}
      tabs={CUSTOMS_TABS} current={tab} label={t('customsDesk.tabsLabel')} text={(id) => t(`customsDesk.tabs.${id}`)} testId={(id) => `customs-tab-${id}`}>
      {content}
    </TabbedPage>
  );
}
