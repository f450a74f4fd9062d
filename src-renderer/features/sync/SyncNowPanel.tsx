/**
 * SyncNowPanel: "sync now" runs one pass (`sync.now`); while it runs, the `sync.progress`
 * events of the host drive a progress bar (sent + failed of sent + failed + still queued);
 * afterwards the pass's counts and its error messages are shown.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncProgressEvent, SyncRunSummary } from '../../../src-main/api/contract.ts';
import { useHostEvent, useMutation } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';

export interface SyncNowPanelProps {
  readonly disabled: boolean;
}

export function SyncNowPanel({ disabled }: SyncNowPanelProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const syncNow = useMutation('sync.now');
  const running = syncNow.pending;
  const error = syncNow.error;
  const [progress, setProgress] = useState<SyncProgressEvent | null>(null);
  const [summary, setSummary] = useState<SyncRunSummary | null>(null);

  useHostEvent('sync.progress', setProgress);

  const run = async () => {
    if (running) return;
    setProgress(null);
    setSummary(null);
    const result = await syncNow.run({});
    if (result.ok) setSummary(result.value);
  };

  const done = progress ? progress.sent + progress.failed : 0;
  const total = progress ? done + progress.queued : 0;

  return (
    <div className="panel" data-testid="sync-now-panel">
      <div className="section-head">
        <h2 className="panel-title">{t('syncCenter.now.title')}</h2>
        <Button variant="primary" data-testid="sync-now" disabled={disabled || running} onClick={() => void run()}>
          {running ? t('syncCenter.now.running') : t('syncCenter.now.start')}
        </Button>
      </div>
      {disabled ? (
        <p className="field-help" data-testid="sync-now-off">
          {t('syncCenter.now.off')}
        </p>
      ) : null}
      {running ? (
        <ProgressBar
          testId="sync-progress"
          label={t(`syncCenter.now.phases.${progress?.phase ?? 'sending'}`)}
          done={done}
          total={total}
          valueText={t('syncCenter.now.progress', {
            sent: number.format(progress?.sent ?? 0),
            failed: number.format(progress?.failed ?? 0),
            queued: number.format(progress?.queued ?? 0),
            receipts: number.format(progress?.receipts ?? 0),
          })}
        />
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={syncNow.clearError} /> : null}
      {summary ? (
        <div
          data-testid="sync-summary"
          data-sent={summary.sent}
          data-failed={summary.failed}
          data-receipts={summary.receipts}
          data-queued={summary.queued}
        >
          <p className={summary.failed > 0 || summary.errors.length > 0 ? 'notice' : 'form-saved'} role="status">
            {t('syncCenter.now.done', {
              sent: number.format(summary.sent),
              duplicates: number.format(summary.duplicates),
              rejected: number.format(summary.rejected),
              failed: number.format(summary.failed),
              retried: number.format(summary.retried),
              receipts: number.format(summary.receipts),
              duplicateReceipts: number.format(summary.duplicateReceipts),
              queued: number.format(summary.queued),
            })}
          </p>
          {summary.errors.length > 0 ? (
            <ul className="inline-error" data-testid="sync-errors">
              {summary.errors.slice(0, 20).map((e, i) => (
                <li key={i} className="mono" translate="no">
                  {e}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
