/**
 * SettlementPage: platform payouts and forex settlement with their rates.
 * Not built yet, so it shows an honest empty state rather than sample data.
 */
import { useTranslation } from 'react-i18next';
import { PlannedFeaturePage } from '../../ui/PlannedFeaturePage.tsx';

export function SettlementPage() {
  const { t } = useTranslation();
  return (
    <PlannedFeaturePage
      testId="page-settlement"
      title={t('pages.settlement.title')}
      description={t('pages.settlement.description')}
      emptyTitle={t('pages.settlement.emptyTitle')}
      emptyBody={t('pages.settlement.emptyBody')}
      badge={t('common.notAvailableYet')}
    />
  );
}
