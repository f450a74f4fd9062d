/**
 * BackupsSection (Settings → 备份与恢复): the workspace's backups, newest first — daily (kept 7
 * daily + 4 weekly), before an upgrade, before a restore, by hand — a copy now, and restore from
 * one of them after a second confirming click. Restore replaces the whole ledger in one command
 * (the current state is kept as a pre-restore copy first), so the page reloads afterwards.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorsBanner } from '../../ui/ErrorBanner.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { CodeCell } from '../../ui/CodeCell.tsx';

export function BackupsSection() {
  const { t, i18n } = useTranslation();
  const list = useQuery('maintenance.backups.list', {}, { areas: ['maintenance'] });
  const backupNow = useMutation('maintenance.backup.now');
  const restore = useMutation('maintenance.restore');
  const exportAll = useMutation('maintenance.export');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const size = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  const takeNow = async () => {
    setDone(null);
    const r = await backupNow.run({});
    if (r.ok) {
      setDone(t('settings.backups.taken', { name: r.value.name }));
      list.refetch();
    }
  };
  const exportNow = async () => {
    setDone(null);
    const r = await exportAll.run({});
    if (r.ok)
      setDone(t('settings.backups.exported', { file: r.value.file, tables: r.value.tables, rows: r.value.rows }));
  };
  const restoreFrom = async (name: string) => {
    setConfirming(null);
    setDone(null);
    const r = await restore.run({ name });
    if (r.ok) {
      setDone(t('settings.backups.restored', { name, keptAside: r.value.keptAside }));
      // every screen shows restored data now: start over from the first screen
      setTimeout(() => window.location.reload(), 1500);
    }
  };

  /** Taking a backup and exporting everything: each button says so while it works. */
  const actions = [
    {
      testId: 'settings-backup-now',
      run: takeNow,
      pending: backupNow.pending,
      label: backupNow.pending ? t('settings.backups.taking') : t('settings.backups.now'),
    },
    {
      testId: 'settings-export-all',
      run: exportNow,
      pending: exportAll.pending,
      label: exportAll.pending ? t('settings.backups.exporting') : t('settings.backups.exportAll'),
    },
  ];

  return (
    <section className="panel" data-testid="settings-backups">
      <h2 className="panel-title">{t('settings.backups.title')}</h2>
      <p className="field-help">{t('settings.backups.help')}</p>
      {actions.map(({ testId, run, pending, label }) => (
        <Button key={testId} onClick={() => void run()} disabled={pending || restore.pending} data-testid={testId}>
          {label}
        </Button>
      ))}
      {done ? (
        <p className="form-saved" role="status" data-testid="settings-backups-done">
          {done}
        </p>
      ) : null}
      <ErrorsBanner sources={[backupNow, restore, exportAll, list]} />
      {list.data && list.data.length === 0 ? (
        <p className="muted" data-testid="settings-backups-empty">
          {t('settings.backups.empty')}
        </p>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <DataTable
          data-testid="settings-backups-list"
          columns={[t('settings.backups.kind'), t('settings.backups.takenAt'), t('settings.backups.size'), '']}
        >
          {list.data.map((b) => (
            <tr key={b.name} data-testid={`backup-${b.name}`}>
              <td>{t(`settings.backups.kinds.${b.kind}`)}</td>
              <CodeCell kind="text">{formatDateTime(b.takenAt, i18n.language, 'short')}</CodeCell>
              <CodeCell kind="text">{size.format(b.bytes / 1024 / 1024)} MB</CodeCell>
              <td>
                {confirming === b.name ? (
                  <Button
                    variant="primary"
                    onClick={() => void restoreFrom(b.name)}
                    disabled={restore.pending}
                    data-testid={`backup-restore-confirm-${b.name}`}
                  >
                    {t('settings.backups.confirm')}
                  </Button>
                ) : (
                  <Button
                    variant="quiet"
                    onClick={() => setConfirming(b.name)}
                    disabled={restore.pending}
                    data-testid={`backup-restore-${b.name}`}
                  >
                    {t('settings.backups.restore')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
