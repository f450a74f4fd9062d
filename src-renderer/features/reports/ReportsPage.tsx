/**
 * ReportsPage: read-only reports summarised from the ledger.
 * Not built yet, so it shows an honest empty state rather than sample data.
 */
import { useTranslation } from 'react-i18next';
import { PlannedFeaturePage } from '../../ui/PlannedFeaturePage.tsx';

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <PlannedFeaturePage
      testId="page-reports"
      title={t('pages.reports.title')}
      description={t('pages.reports.description')}
      emptyTitle={t('pages.reports.emptyTitle')}
      emptyBody={t('pages.reports.emptyBody')}
      badge={t('common.notAvailableYet')}
    />
  );
}
