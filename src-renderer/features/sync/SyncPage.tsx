/**
 * SyncPage: the Sync screen. The outbox counts and connection state (from `sync.status`, kept
 * fresh by its events), the transport and signer settings, "sync now" with its progress, the
 * outbox (queued / failed / sent, attempts, last error, retry) and the receipts received.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StatusDot } from '../../ui/StatusDot.tsx';
import { useCommand, useLiveRevision } from '../customs/index.ts';
import { OutboxView } from './OutboxView.tsx';
import { ReceiptsList } from './ReceiptsList.tsx';
import { summariseSync } from './sync-summary.ts';
import { SyncNowPanel } from './SyncNowPanel.tsx';
import { TransportForm } from './TransportForm.tsx';

export function SyncPage() {
  const { t, i18n } = useTranslation();
  const status = useAppStore((s) => s.syncStatus);
  const refreshSync = useAppStore((s) => s.refreshSync);
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => {
    setRevision((r) => r + 1);
    void refreshSync();
  }, [refreshSync]);
  const live = useLiveRevision();
  const config = useCommand('sync.getConfig', {}, revision);
  const number = new Intl.NumberFormat(i18n.language);
  const summary = summariseSync(t, status);
  return (
    <div className="page page-wide" data-testid="page-sync">
      <PageHeader
        title={t('sync.page.title')}
        description={t('sync.page.description')}
        actions={<Button onClick={changed}>{t('common.refresh')}</Button>}
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
      {config.failure ? <ErrorBanner error={config.failure} onDismiss={config.dismiss} /> : null}
      <TransportForm config={config.data} onSaved={changed} />
      <SyncNowPanel disabled={(config.data?.mode ?? 'off') === 'off'} onFinished={changed} />
      <OutboxView revision={revision + live} onChanged={changed} />
      <ReceiptsList revision={revision + live} />
    </div>
  );
}
