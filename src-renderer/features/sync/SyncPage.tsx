/**
 * SyncPage: the Sync screen. The outbox counts and connection state (from `sync.status`, kept
 * fresh by its events), the transport and signer settings, "sync now" with its progress, the
 * outbox (queued / failed / sent, attempts, last error, retry), the receipts set aside as
 * unreadable (with why) and the receipts received.
 */
import { useTranslation } from 'react-i18next';
import { refetchAreas, useQuery } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StatusDot } from '../../ui/StatusDot.tsx';
import { OutboxView } from './OutboxView.tsx';
import { QuarantineList } from './QuarantineList.tsx';
import { ReceiptsList } from './ReceiptsList.tsx';
import { summariseSync } from './sync-summary.ts';
import { SyncNowPanel } from './SyncNowPanel.tsx';
import { TransportForm } from './TransportForm.tsx';
import { OUTBOX_AREAS, useSyncStatus } from './use-sync-status.ts';

export function SyncPage() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const config = useQuery('sync.getConfig', {}, { areas: ['sync', 'training'] });
  const number = new Intl.NumberFormat(i18n.language);
  const summary = summariseSync(t, status);
  return (
    <div className="page page-wide" data-testid="page-sync">
      <PageHeader
        title={t('sync.page.title')}
        description={t('sync.page.description')}
        actions={<Button onClick={() => refetchAreas(OUTBOX_AREAS)}>{t('common.refresh')}</Button>}
      />
      {status ? (
        <dl className="stats">
          <div className="stat">
            <dt>{t('sync.page.queued')}</dt>
            <dd data-testid="sync-queued">{number.format(status.queued)}</dd>
          </div>
          <div className="stat">
            <dt>{t('sync.page.failed')}</dt>
            <dd data-testid="sync-failed" className={status.failed > 0 ? 'stat-bad' : undefined}>
              {number.format(status.failed)}
            </dd>
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
      {config.error ? <ErrorBanner error={config.error} onDismiss={config.clearError} /> : null}
      <TransportForm config={config.data ?? null} />
      <SyncNowPanel disabled={(config.data?.mode ?? 'off') === 'off'} />
      <OutboxView />
      <QuarantineList />
      <ReceiptsList />
    </div>
  );
}
