/**
 * OrdersPage: the order ledger (every export order by platform and shop).
 * Not built yet, so it shows an honest empty state rather than sample data.
 */
import { useTranslation } from 'react-i18next';
import { PlannedFeaturePage } from '../../ui/PlannedFeaturePage.tsx';

export function OrdersPage() {
  const { t } = useTranslation();
  return (
    <PlannedFeaturePage
      testId="page-orders"
      title={t('pages.orders.title')}
      description={t('pages.orders.description')}
      emptyTitle={t('pages.orders.emptyTitle')}
      emptyBody={t('pages.orders.emptyBody')}
      badge={t('common.notAvailableYet')}
    />
  );
}
