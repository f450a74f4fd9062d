/**
 * SettlementPage: the forex / settlement feature's root. The sub-path of the URL hash picks the
 * tab (`#/settlement/payouts`, `#/settlement/netting/<payoutId>`, `#/settlement/rates`, …); an
 * empty or unknown one is the payouts list. Each view reads with `useQuery` naming
 * SETTLEMENT_AREAS, so it reads again after any change to the ledger's money (here or in another window).
 */
import type { ReactNode } from 'react';
import { usePageTabs } from '../../app/use-page-tabs.ts';
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

export function SettlementPage() {
  const path = useAppStore((s) => s.routePath);
  const navigate = useAppStore((s) => s.navigate);
  const tabs = usePageTabs('settlement');
  const { tab, payoutId } = settlementLocation(path);

  /** Each tab's view. */
  const views: Record<typeof tab, () => ReactNode> = {
    payouts: () => <PayoutsView onOpenNetting={(id) => navigate('settlement', `netting/${id}`)} />,
    netting: () => <NettingView payoutId={payoutId} onPick={(id) => navigate('settlement', `netting/${id}`)} />,
    rates: () => <RatesView />,
    ageing: () => <ReceivablesAgeingView />,
    fx: () => <FxView />,
    receipts: () => <ReceiptsView />,
    advances: () => <AdvancesView />,
    thresholds: () => <ThresholdsView />,
    journal: () => <JournalView />,
  };
  return (
    <TabbedPage page="settlement" keys="settlement" {...tabs} tabs={SETTLEMENT_TABS} current={tab}>
      {views[tab]()}
    </TabbedPage>
  );
}
