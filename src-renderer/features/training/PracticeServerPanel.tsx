/**
 * PracticeServerPanel: training mode's in-app practice platform — start it (the host runs it
 * on 127.0.0.1, picks a port and points the sync at it with the practice signer), see its
 * address and counters (refreshed every few seconds and after each sync), stop it (sync
 * back to 'off').
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, PracticeCounters } from '../../../src-main/api/contract.ts';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';

const POLL_MS = 2000;
const COUNTERS: ReadonlyArray<keyof PracticeCounters> = [
  'deliveries',
  'keys',
  'rejectedKeys',
  'duplicateDeliveries',
  'sixItems',
  'receiptsVisible',
  'receiptsPending',
];

export function PracticeServerPanel() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  // Its counters move with every delivery: read again after sync work, and every few seconds while it runs.
  const status = useQuery('training.practice.status', {}, { areas: ['training', 'sync'], events: ['sync.status'] });
  const start = useMutation('training.practice.start');
  const stop = useMutation('training.practice.stop');
  const [busy, setBusy] = useState<'start' | 'stop' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const running = status.data?.running ?? false;
  const refetch = status.refetch;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(refetch, POLL_MS);
    return () => clearInterval(timer);
  }, [running, refetch]);

  const act = async (what: 'start' | 'stop') => {
    if (busy) return;
    setBusy(what);
    setError(null);
    const result = what === 'start' ? await start.run({}) : await stop.run({});
    setBusy(null);
    if (!result.ok) setError(result.error);
  };

  const s = status.data;
  return (
    <section className="panel" data-testid="practice-inapp" data-running={running ? 'yes' : 'no'}>
      <h2 className="panel-title">{t('practice.inApp.title')}</h2>
      <p>{t('practice.inApp.body')}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {status.error ? <ErrorBanner error={status.error} onDismiss={status.clearError} /> : null}
      {s?.running ? (
        <>
          <p role="status">
            {t('practice.inApp.running')}{' '}
            <span className="mono" translate="no" data-testid="practice-address">
              {s.url}
            </span>
          </p>
          {s.counters ? (
            <dl className="stats" data-testid="practice-counters">
              {COUNTERS.map((k) => (
                <div className="stat" key={k}>
                  <dt>{t(`practice.inApp.counters.${k}`)}</dt>
                  <dd data-testid={`practice-counter-${k}`}>{number.format(s.counters![k])}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </>
      ) : (
        <p className="muted" data-testid="practice-stopped">
          {t('practice.inApp.stopped')}
        </p>
      )}
      <div className="form-actions">
        {running ? (
          <Button data-testid="practice-stop" disabled={busy !== null} onClick={() => void act('stop')}>
            {busy === 'stop' ? t('practice.inApp.stopping') : t('practice.inApp.stop')}
          </Button>
        ) : (
          <Button
            variant="primary"
            data-testid="practice-start"
            disabled={busy !== null}
            onClick={() => void act('start')}
          >
            {busy === 'start' ? t('practice.inApp.starting') : t('practice.inApp.start')}
          </Button>
        )}
      </div>
    </section>
  );
}
