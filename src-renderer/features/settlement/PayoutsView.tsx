/**
 * PayoutsView: the imported payouts (period, platform, settlement id, currency, restored gross,
 * deposit = net, deposit date, lines, matched orders / unmatched lines, CNY repatriated so far),
 * the import panel, and the way into each payout's netting statement. The list is paged; gross
 * and net come with each list item (no per-row netting statement).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayoutImportSummary } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Pager, usePage } from './Pager.tsx';
import { PayoutImportPanel } from './PayoutImportPanel.tsx';
import type { SettlementViewProps } from './SettlementPage.tsx';
import { useSettlementFormatters } from './settlement-format.ts';
import { useHostQuery } from './use-host-query.ts';

export interface PayoutsViewProps extends SettlementViewProps {
  readonly onOpenNetting: (payoutId: number) => void;
}

export function PayoutsView({ revision, onChanged, onOpenNetting }: PayoutsViewProps) {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const list = useHostQuery('payouts.list', {}, revision);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<PayoutImportSummary | null>(null);
  const payouts = list.value ?? [];
  const { rows, pager } = usePage(payouts, 20);

  const onImported = (summary: PayoutImportSummary) => {
    setImported(summary);
    setImporting(false);
    onChanged();
  };

  return (
    <section className="stock-view" aria-labelledby="settlement-payouts-title">
      <div className="section-head">
        <h2 className="section-title" id="settlement-payouts-title">{t('settlement.payouts.title')}</h2>
        <Button variant="primary" data-testid="payout-import-open" onClick={() => { setImporting((v) => !v); setImported(null); }}>
          {t('settlement.payouts.import')}
        </Button>
      </div>
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      {imported ? (
        <p className="form-saved" role="status" data-testid="payout-imported">
          {imported.alreadyImported
            ? t('settlement.payouts.importedAgain', { id: imported.settlementId })
            : t('settlement.payouts.imported', { id: imported.settlementId, lines: f.count(imported.lines), orders: f.count(imported.ordersPosted) })}
          {' '}
          <Button variant="quiet" data-testid="payout-imported-open" onClick={() => onOpenNetting(imported.payoutId)}>{t('settlement.payouts.openNetting')}</Button>
        </p>
      ) : null}
      {importing ? <PayoutImportPanel onImported={onImported} /> : null}
      {list.value !== null && payouts.length === 0 && !importing ? (
        <EmptyState title={t('settlement.payouts.emptyTitle')} body={t('settlement.payouts.emptyBody')} />
      ) : null}
      {payouts.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table table-compact" data-testid="payouts-table">
              <thead>
                <tr>
                  <th scope="col">{t('settlement.payouts.period')}</th>
                  <th scope="col">{t('settlement.payouts.source')}</th>
                  <th scope="col">{t('settlement.payouts.settlementId')}</th>
                  <th scope="col">{t('settlement.fields.currency')}</th>
                  <th scope="col" className="num">{t('settlement.payouts.gross')}</th>
                  <th scope="col" className="num">{t('settlement.payouts.deposit')}</th>
                  <th scope="col">{t('settlement.payouts.depositDate')}</th>
                  <th scope="col" className="num">{t('settlement.payouts.lines')}</th>
                  <th scope="col" className="num">{t('settlement.payouts.matchedOrders')}</th>
                  <th scope="col" className="num">{t('settlement.payouts.unmatchedLines')}</th>
                  <th scope="col" className="num">{t('settlement.payouts.repatriated')}</th>
                  <th scope="col"><span className="visually-hidden">{t('settlement.actions.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id} data-testid={`payout-${p.id}`} data-deposit={p.deposit}>
                    <td>{t('settlement.periodRange', { from: f.day(p.periodStart), to: f.day(p.periodEnd) })}</td>
                    <td>{t(`settlement.payoutSources.${p.source}`)}</td>
                    <td className="mono">{p.settlementId}</td>
                    <td translate="no">{p.currency}</td>
                    <td className="num" translate="no" data-testid={`payout-gross-${p.id}`} data-gross={p.gross}>{f.money(p.gross, p.currency)}</td>
                    <td className={p.debitBalance ? 'num stat-bad' : 'num'}>
                      <span translate="no">{f.money(p.deposit, p.currency)}</span>
                      {p.debitBalance ? <span className="status-badge status-badge-warn">{t('settlement.payouts.debitBadge')}</span> : null}
                    </td>
                    <td translate="no">{f.day(p.depositDate)}</td>
                    <td className="num">{f.count(p.lines)}</td>
                    <td className="num">{f.count(p.matchedOrders)}</td>
                    <td className={p.unmatchedLines > 0 ? 'num strong' : 'num'}>{f.count(p.unmatchedLines)}</td>
                    <td className="num" translate="no">{f.money(p.repatriated, 'CNY')}</td>
                    <td>
                      <Button variant="quiet" data-testid={`payout-open-${p.id}`} onClick={() => onOpenNetting(p.id)}>{t('settlement.payouts.openNetting')}</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager {...pager} testId="payouts-pager" />
        </>
      ) : null}
    </section>
  );
}
