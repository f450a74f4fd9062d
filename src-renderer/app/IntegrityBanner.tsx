/**
 * IntegrityBanner: the ledger's check after the first screen (issue 19 point 3). Interactive hosts
 * open without `quick_check` and run it a little later in a worker; `app.info` reports it as
 * `pending`, `ok` or `damaged` with the newest good backup. While it is pending the banner asks
 * again now and then; when the file is damaged it says so on every screen and offers to restore
 * that backup (the damaged file is kept aside in backups/pre-restore/), then reloads the app.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry, ErrorInfo, LedgerIntegrity } from '../../src-main/api/contract.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { formatDateTime } from '../ui/format-date-time.ts';
import { call } from './core-client.ts';
import { useQuery } from './use-query.ts';

/** How often a pending check is asked about again. */
export const INTEGRITY_POLL_MS = 5_000;

/** The listed backup that `newestBackup` (a path inside the backups folder) names. */
export function backupNamed(backups: readonly BackupListEntry[], newestBackup: string): BackupListEntry | null {
  const file = newestBackup.replaceAll('\\', '/');
  return backups.find((b) => file.endsWith(`/backups/${b.name.replaceAll('\\', '/')}`)) ?? null;
}

export function IntegrityBanner() {
  const { t, i18n } = useTranslation();
  const info = useQuery('app.info', {}, { areas: ['maintenance'] });
  const integrity: LedgerIntegrity | undefined = info.data?.integrity;
  const pending = integrity?.state === 'pending';
  const { refetch } = info;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(refetch, INTEGRITY_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refetch]);

  const damaged = integrity?.state === 'damaged';
  const [backup, setBackup] = useState<BackupListEntry | null>(null);
  const newest = integrity?.newestBackup ?? null;
  useEffect(() => {
    if (!damaged || newest === null) return;
    let live = true;
    void call('maintenance.backups.list', {}).then((r) => {
      if (live && r.ok) setBackup(backupNamed(r.value, newest));
    });
    return () => {
      live = false;
    };
  }, [damaged, newest]);

  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  if (!damaged) return null;
  const restore = async () => {
    if (!backup) return;
    if (!confirming) return setConfirming(true); // a second click confirms, as in Settings
    setBusy(true);
    setError(null);
    const r = await call('maintenance.restore', { name: backup.name });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) return setError(r.error);
    setDone(t('settings.backups.restored', { name: backup.name, keptAside: r.value.keptAside }));
    // every screen shows restored data now: start over from the first screen
    setTimeout(() => window.location.reload(), 1500);
  };
  return (
    <div className="integrity-banner" role="alert" data-testid="integrity-banner">
      <p className="integrity-banner-text">
        <strong>{t('app.integrity.damaged')}</strong>{' '}
        {backup
          ? t('app.integrity.offer', {
              kind: t(`app.recover.kinds.${backup.kind}`),
              takenAt: formatDateTime(backup.takenAt, i18n.language),
            })
          : newest === null
            ? t('app.integrity.noBackup')
            : null}
      </p>
      {backup ? (
        <Button
          variant="primary"
          data-testid="integrity-restore"
          data-backup={backup.name}
          data-confirming={confirming ? 'true' : 'false'}
          disabled={busy || done !== null}
          onClick={() => void restore()}
        >
          {busy ? t('app.recover.restoring') : confirming ? t('settings.backups.confirm') : t('app.integrity.restore')}
        </Button>
      ) : null}
      {done ? (
        <p className="integrity-banner-text" role="status" data-testid="integrity-restored">
          {done}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
    </div>
  );
}
