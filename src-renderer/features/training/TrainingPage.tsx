/**
 * TrainingPage: practice scenarios in a separate training ledger.
 * Not built yet, so it shows an honest empty state rather than sample data.
 */
import { useTranslation } from 'react-i18next';
import { PlannedFeaturePage } from '../../ui/PlannedFeaturePage.tsx';

export function TrainingPage() {
  const { t } = useTranslation();
  return (
    <PlannedFeaturePage
      testId="page-training"
      title={t('pages.training.title')}
      description={t('pages.training.description')}
      emptyTitle={t('pages.training.emptyTitle')}
      emptyBody={t('pages.training.emptyBody')}
      badge={t('common.notAvailableYet')}
    />
  );
}
