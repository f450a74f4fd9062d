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
import { num } from '../../ui/DataTable.tsx';
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
      actions={
        <Button variant="primary" data-testid="payout-import-open" onClick={editor.toggleNew}>
          {t('settlement.payouts.import')}
        </Button>
      }
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
        columns={[
          t('settlement.payouts.period'),
          t('settlement.payouts.source'),
          t('settlement.payouts.settlementId'),
          t('settlement.fields.currency'),
          num(t('settlement.payouts.gross')),
          num(t('settlement.payouts.deposit')),
          t('settlement.payouts.depositDate'),
          num(t('settlement.payouts.lines')),
          num(t('settlement.payouts.matchedOrders')),
          num(t('settlement.payouts.unmatchedLines')),
          num(t('settlement.payouts.repatriated')),
          <span className="visually-hidden">{t('settlement.actions.actions')}</span>,
        ]}
        after={<Pager {...pager} testId="payouts-pager" />}
      >
        {(p) => (
          <tr key={p.id} data-testid={`payout-${p.id}`} data-deposit={p.deposit}>
            <td>{t('settlement.periodRange', { from: f.day(p.periodStart), to: f.day(p.periodEnd) })}</td>
            <td>{t(`settlement.payoutSources.${p.source}`)}</td>
            <td className="mono">{p.settlementId}</td>
            <td translate="no">{p.currency}</td>
            <td className="num" translate="no" data-testid={`payout-gross-${p.id}`} data-gross={p.gross}>
              {f.money(p.gross, p.currency)}
            </td>
            <td className={p.debitBalance ? 'num stat-bad' : 'num'}>
              <span translate="no">{f.money(p.deposit, p.currency)}</span>
              {p.debitBalance ? (
                <span className="status-badge status-badge-warn">{t('settlement.payouts.debitBadge')}</span>
              ) : null}
            </td>
            <td translate="no">{f.day(p.depositDate)}</td>
            <td className="num">{f.count(p.lines)}</td>
            <td className="num">{f.count(p.matchedOrders)}</td>
            <td className={p.unmatchedLines > 0 ? 'num strong' : 'num'}>{f.count(p.unmatchedLines)}</td>
            <td className="num" translate="no">
              {f.money(p.repatriated, 'CNY')}
            </td>
            <td>
              <Button variant="quiet" data-testid={`payout-open-${p.id}`} onClick={() => onOpenNetting(p.id)}>
                {t('settlement.payouts.openNetting')}
              </Button>
            </td>
          </tr>
        )}
      </ListTable>
    </ViewSection>
  );
}
