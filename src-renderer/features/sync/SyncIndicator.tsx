/**
 * SyncIndicator: the top-bar status of the outbox (fed by the `sync.status` command at start
 * and the `sync.status` event afterwards). Clicking it opens the sync page.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { StatusDot } from '../../ui/StatusDot.tsx';
import { summariseSync } from './sync-summary.ts';
import { useSyncStatus } from './use-sync-status.ts';

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const navigate = useAppStore((s) => s.navigate);
  const summary = summariseSync(t, status);
  return (
    <button
      type="button"
      className="sync-indicator"
      data-testid="sync-indicator"
      data-state={status?.state ?? 'unknown'}
      title={t('sync.indicator.label')}
      onClick={() => navigate('sync')}
    >
      <StatusDot tone={summary.tone} />
      <span>{summary.text}</span>
    </button>
  );
}
