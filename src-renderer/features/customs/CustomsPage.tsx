/**
 * CustomsPage: cross-border export declaration lists and CEB messages.
 * Not built yet, so it shows an honest empty state rather than sample data.
 */
import { useTranslation } from 'react-i18next';
import { PlannedFeaturePage } from '../../ui/PlannedFeaturePage.tsx';

export function CustomsPage() {
  const { t } = useTranslation();
  return (
    <PlannedFeaturePage
      testId="page-customs"
      title={t('pages.customs.title')}
      description={t('pages.customs.description')}
      emptyTitle={t('pages.customs.emptyTitle')}
      emptyBody={t('pages.customs.emptyBody')}
      badge={t('common.notAvailableYet')}
    />
  );
}
