/**
 * Sync page: how many documents wait in the outbox and how many failed, from `sync.status`.
 * Sending to platforms is not built yet; the page says so instead of offering fake actions.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StatusDot } from '../../ui/StatusDot.tsx';
import { summariseSync } from './sync-summary.ts';

export function SyncPage() {
  const { t, i18n } = useTranslation();
  const status = useAppStore((s) => s.syncStatus);
  const refreshSync = useAppStore((s) => s.refreshSync);
  const number = new Intl.NumberFormat(i18n.language);
  const summary = summariseSync(t, status);
  return (
    <div className="page" data-testid="page-sync">
      <PageHeader
        title={t('sync.page.title')}
        description={t('sync.page.description')}
        actions={<Button onClick={() => void refreshSync()}>{t('common.refresh')}</Button>}
      />
      {status ? (
        <dl className="stats">
          <div className="stat">
            <dt>{t('sync.page.queued')}</dt>
            <dd data-testid="sync-queued">{number.format(status.queued)}</dd>
          </div>
          <div className="stat">
            <dt>{t('sync.page.failed')}</dt>
            <dd data-testid="sync-failed" className={status.failed > 0 ? 'stat-bad' : undefined}>{number.format(status.failed)}</dd>
          </div>
          <div className="stat">
            <dt>{t('sync.page.state')}</dt>
            <dd data-testid="sync-state">
              <StatusDot tone={summary.tone} /> {t(`sync.page.states.${status.state}`)}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t('sync.page.unknown')}</p>
      )}
      <EmptyState title={t('sync.page.emptyTitle')} body={t('sync.page.emptyBody')} badge={t('common.notAvailableYet')} />
    </div>
  );
}
