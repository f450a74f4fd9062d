/**
 * SummaryPlanPanel (issue 15, point 6): the 194号 plan of the ledger's lists — one application per
 * group (consignor, transport mode, producer/seller, country of arrival, exit office, month) with
 * its due date and a warning near or after it; B lists released but not concluded (pending) and
 * summary-statistics (A) lists, which form no declaration. "Apply" fills the group's list numbers.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import type { SummaryPlan } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { DOCUMENTS_LIVE } from './vocabulary.ts';

export function SummaryPlanPanel({ onUse }: { readonly onUse: (invtNos: readonly string[]) => void }) {
  const { t } = useTranslation();
  const plan = useQuery('customs.summary.plan', {}, DOCUMENTS_LIVE);
  const p: SummaryPlan | undefined = plan.data;
  return (
    <section aria-labelledby="customs-summary-plan-title" data-testid="customs-summary-plan">
      <h3 className="section-title" id="customs-summary-plan-title">
        {t('customsDesk.summaryPlan.title')}
      </h3>
      <p className="field-help">{t('customsDesk.summaryPlan.help')}</p>
      {plan.error ? <ErrorBanner error={plan.error} onDismiss={plan.clearError} /> : null}
      {p ? (
        <>
          <ColumnTable
            wrap={false}
            data-testid="customs-summary-plan-groups"
            rows={p.groups}
            row={(_, i) => ({ key: i })}
            columns={[
              {
                head: 'customsDesk.summaryPlan.group',
                cell: (g) => `${g.key.month} · ${g.key.portCode} · ${g.key.country} · ${g.key.trafMode}`,
              },
              { head: 'customsDesk.summaryPlan.lists', cell: (g) => g.invtNos.length },
              {
                head: 'customsDesk.summaryPlan.due',
                cell: (g) => (
                  <>
                    {g.dueDate}
                    {g.warning ? (
                      <span className="inline-error" role="status">
                        {' '}
                        {t(`customsDesk.summaryPlan.warnings.${g.warning}`)}
                      </span>
                    ) : null}
                  </>
                ),
              },
              {
                head: 'customsDesk.summaryPlan.use',
                hiddenHead: true,
                cell: (g, i) => (
                  <Button data-testid={`summary-plan-use-${i}`} onClick={() => onUse(g.invtNos)}>
                    {t('customsDesk.summaryPlan.use')}
                  </Button>
                ),
              },
            ]}
          />
          <p className="field-help" data-testid="customs-summary-plan-pending">
            {t('customsDesk.summaryPlan.pending', { count: p.pending.length })}
          </p>
          <p className="field-help" data-testid="customs-summary-plan-statistics">
            {t('customsDesk.summaryPlan.statisticsOnly', { count: p.statisticsOnly.length })}
          </p>
        </>
      ) : null}
    </section>
  );
}
