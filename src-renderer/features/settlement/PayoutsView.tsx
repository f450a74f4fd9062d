/**
 * PayoutsView: the imported payouts (period, platform, settlement id, currency, restored gross,
 * deposit = net, deposit date, lines, matched orders / unmatched lines, CNY repatriated so far),
 * the import panel, and the way into each payout's netting statement. The list is paged; gross
 * and net come with each list item (no per-row netting statement).
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import type { PayoutImportSummary } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { useEditor } from '../../ui/use-editor.ts';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { ImportMonths } from '../orders/index.ts';
import { Pager, usePage } from './Pager.tsx';
import { PayoutImportPanel } from './PayoutImportPanel.tsx';
import { useSettlementFormatters } from './settlement-format.ts';

export interface PayoutsViewProps {
  readonly onOpenNetting: (payoutId: number) => void;
}

export function PayoutsView({ onOpenNetting }: PayoutsViewProps) {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const list = useQuery('payouts.list', {}, { areas: SETTLEMENT_AREAS });
  const editor = useEditor<never, PayoutImportSummary>();
  const importing = editor.editing !== null;
  const imported = editor.saved;
  const payouts = list.data ?? [];
  const { rows, pager } = usePage(payouts, 20);

  return (
    <ViewSection
      titleId="settlement-payouts-title"
      title={t('settlement.payouts.title')}
      action={{ testId: 'payout-import-open', label: t('settlement.payouts.import'), onClick: editor.toggleNew }}
    >
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      {imported ? (
        <p className="form-saved" role="status" data-testid="payout-imported">
          {imported.alreadyImported
            ? t('settlement.payouts.importedAgain', { id: imported.settlementId })
            : t('settlement.payouts.imported', {
                id: imported.settlementId,
                lines: f.count(imported.lines),
                orders: f.count(imported.ordersPosted),
              })}{' '}
          <Button variant="quiet" data-testid="payout-imported-open" onClick={() => onOpenNetting(imported.payoutId)}>
            {t('settlement.payouts.openNetting')}
          </Button>
        </p>
      ) : null}
      {imported?.orders ? (
        // the settlement's orders step: by month, and the orders a closed month held back (period.closed)
        <ImportMonths months={imported.orders.months} heldBack={imported.orders.heldBack} done />
      ) : null}
      {importing ? <PayoutImportPanel onImported={editor.done} /> : null}
      <ListTable
        items={list.data}
        rows={rows}
        empty={{ title: t('settlement.payouts.emptyTitle'), body: t('settlement.payouts.emptyBody') }}
        hideEmpty={importing}
        data-testid="payouts-table"
        row={(p) => ({ key: p.id, 'data-testid': `payout-${p.id}`, 'data-deposit': p.deposit })}
        columns={[
          {
            head: 'settlement.payouts.period',
            cell: (p) => t('settlement.periodRange', { from: f.day(p.periodStart), to: f.day(p.periodEnd) }),
          },
          { head: 'settlement.payouts.source', cell: (p) => t(`settlement.payoutSources.${p.source}`) },
          { head: 'settlement.payouts.settlementId', mono: true, cell: (p) => p.settlementId },
          { head: 'settlement.fields.currency', code: true, cell: (p) => p.currency },
          {
            head: 'settlement.payouts.gross',
            num: true,
            code: true,
            td: (p) => ({ 'data-testid': `payout-gross-${p.id}`, 'data-gross': p.gross }),
            cell: (p) => f.money(p.gross, p.currency),
          },
          {
            head: 'settlement.payouts.deposit',
            num: true,
            td: (p) => ({ className: p.debitBalance ? 'stat-bad' : undefined }),
            cell: (p) => (
              <>
                <span translate="no">{f.money(p.deposit, p.currency)}</span>
                {p.debitBalance ? (
                  <span className="status-badge status-badge-warn">{t('settlement.payouts.debitBadge')}</span>
                ) : null}
              </>
            ),
          },
          { head: 'settlement.payouts.depositDate', code: true, cell: (p) => f.day(p.depositDate) },
          { head: 'settlement.payouts.lines', num: true, cell: (p) => f.count(p.lines) },
          { head: 'settlement.payouts.matchedOrders', num: true, cell: (p) => f.count(p.matchedOrders) },
          {
            head: 'settlement.payouts.unmatchedLines',
            num: true,
            td: (p) => ({ className: p.unmatchedLines > 0 ? 'strong' : undefined }),
            cell: (p) => f.count(p.unmatchedLines),
          },
          { head: 'settlement.payouts.repatriated', num: true, code: true, cell: (p) => f.money(p.repatriated, 'CNY') },
          {
            head: 'settlement.actions.actions',
            hiddenHead: true,
            cell: (p) => (
              <Button variant="quiet" data-testid={`payout-open-${p.id}`} onClick={() => onOpenNetting(p.id)}>
                {t('settlement.payouts.openNetting')}
              </Button>
            ),
          },
        ]}
        after={<Pager {...pager} testId="payouts-pager" />}
      />
    </ViewSection>
  );
}
