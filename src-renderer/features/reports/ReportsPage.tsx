/**
 * ReportsPage: the tax and bank printouts (issue 17) — choose a report and a period, preview,
 * save as PDF or XLSX.
 */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ReportsView } from './ReportsView.tsx';

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-reports">
      <PageHeader title={t('pages.reports.title')} description={t('pages.reports.description')} />
      <ReportsView />
    </div>
  );
}
