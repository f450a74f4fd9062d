/**
 * StockPage: stock movements and balances per warehouse.
 * Not built yet, so it shows an honest empty state rather than sample data.
 */
import { useTranslation } from 'react-i18next';
import { PlannedFeaturePage } from '../../ui/PlannedFeaturePage.tsx';

export function StockPage() {
  const { t } = useTranslation();
  return (
    <PlannedFeaturePage
      testId="page-stock"
      title={t('pages.stock.title')}
      description={t('pages.stock.description')}
      emptyTitle={t('pages.stock.emptyTitle')}
      emptyBody={t('pages.stock.emptyBody')}
      badge={t('common.notAvailableYet')}
    />
  );
}
