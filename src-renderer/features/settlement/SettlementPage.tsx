/**
 * SettlementPage: the forex / settlement feature's root. The sub-path of the URL hash picks the
 * tab (`#/settlement/payouts`, `#/settlement/netting/<payoutId>`, `#/settlement/rates`, …); an
 * empty or unknown one is the payouts list. A revision counter, bumped after every change,
 * makes the open view read its data again.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { TabbedPage } from '../../ui/TabbedPage.tsx';
import { AdvancesView } from './AdvancesView.tsx';
import { FxView } from './FxView.tsx';
import { JournalView } from './JournalView.tsx';
import { NettingView } from './NettingView.tsx';
import { PayoutsView } from './PayoutsView.tsx';
import { RatesView } from './RatesView.tsx';
import { ReceiptsView } from './ReceiptsView.tsx';
import { ReceivablesAgeingView } from './ReceivablesAgeingView.tsx';
import { ThresholdsView } from './ThresholdsView.tsx';
import { isSettlementTab, SETTLEMENT_TABS, type SettlementTab } from './vocabulary.ts';

export interface SettlementLocation {
  readonly tab: SettlementTab;
  /** The payout of `netting/<id>`, else null. */
  readonly payoutId: number | null;
}

export function settlementLocation(path: string): SettlementLocation {
  const [head = '', second = ''] = path.split('/');
  const tab = isSettlementTab(head) ? head : 'payouts';
  const id = /^\d+$/.test(second) ? Number(second) : null;
  return { tab, payoutId: tab === 'netting' ? id : null };
}

/** What every settlement view receives: the data revision and how to announce a change. */
export interface SettlementViewProps {
  readonly revision: number;
  readonly onChanged: () => void;
}

export function SettlementPage() {
  const { t } = useTranslation();
  const path = useAppStore((s) => s.routePath);
  const navigate = useAppStore((s) => s.navigate);
  const [revision, setRevision] = useState(0);
  const onChanged = useCallback(() => setRevision((r) => r + 1), []);
  const { tab, payoutId } = settlementLocation(path);
  const view = { revision, onChanged };

  let content;
  switch (tab) {
    case 'payouts': content = <PayoutsView {...view} onOpenNetting={(id) => navigate('settlement', `netting/${id}`)} />; break;
    case 'netting': content = <NettingView {...view} payoutId={payoutId} onPick={(id) => navigate('settlement', `netting/${id}`)} />; break;
    case 'rates': content = <RatesView {...view} />; break;
    case 'ageing': content = <ReceivablesAgeingView {...view} />; break;
    case 'fx': content = <FxView {...view} />; break;
    case 'receipts': content = <ReceiptsView {...view} />; break;
    case 'advances': content = <AdvancesView {...view} />; break;
    case 'thresholds': content = <ThresholdsView {...view} />; break;
    case 'journal': content = <JournalView {...view} />; break;
  }

  return (
    <TabbedPage page="settlement" title={t('settlement.title')} description={t('settlement.description')}
      tabs={SETTLEMENT_TABS} current={tab} label={t('settlement.tabsLabel')} text={(id) => t(`settlement.tabs.${id}`)} testId={(id) => `settlement-tab-${id}`}>
      {content}
    </TabbedPage>
  );
}
