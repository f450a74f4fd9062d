/**
 * PracticeServerPanel: training mode's in-app practice platform — start it (the host runs it
 * on 127.0.0.1, picks a port and points the sync at it with the practice signer), see its
 * address and counters (refreshed every few seconds and after each sync), stop it (sync
 * back to 'off').
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, PracticeCounters } from '../../../src-main/api/contract.ts';
import { call } from '../../app/core-client.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { useCommand, useLiveRevision } from '../customs/index.ts';

const POLL_MS = 2000;
const COUNTERS: ReadonlyArray<keyof PracticeCounters> = ['deliveries', 'keys', 'rejectedKeys', 'duplicateDeliveries', 'sixItems', 'receiptsVisible', 'receiptsPending'];

export function PracticeServerPanel({ onChanged }: { readonly onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const [revision, setRevision] = useState(0);
  const live = useLiveRevision();
  const status = useCommand('training.practice.status', {}, revision + live);
  const [busy, setBusy] = useState<'start' | 'stop' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const running = status.data?.running ?? false;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setRevision((r) => r + 1), POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  const act = async (what: 'start' | 'stop') => {
    if (busy) return;
    setBusy(what);
    setError(null);
    const result = what === 'start' ? await call('training.practice.start', {}) : await call('training.practice.stop', {});
    setBusy(null);
    if (!result.ok) setError(result.error);
    setRevision((r) => r + 1);
    onChanged();
  };

  const s = status.data;
  return (
    <section className="panel" data-testid="practice-inapp" data-running={running ? 'yes' : 'no'}>
      <h2 className="panel-title">{t('practice.inApp.title')}</h2>
      <p>{t('practice.inApp.body')}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {status.failure ? <ErrorBanner error={status.failure} onDismiss={status.dismiss} /> : null}
      {s?.running ? (
        <>
          <p role="status">
            {t('practice.inApp.running')} <span className="mono" translate="no" data-testid="practice-address">{s.url}</span>
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
        <p className="muted" data-testid="practice-stopped">{t('practice.inApp.stopped')}</p>
      )}
      <div className="form-actions">
        {running ? (
          <Button data-testid="practice-stop" disabled={busy !== null} onClick={() => void act('stop')}>
            {busy === 'stop' ? t('practice.inApp.stopping') : t('practice.inApp.stop')}
          </Button>
        ) : (
          <Button variant="primary" data-testid="practice-start" disabled={busy !== null} onClick={() => void act('start')}>
            {busy === 'start' ? t('practice.inApp.starting') : t('practice.inApp.start')}
          </Button>
        )}
      </div>
    </section>
  );
}
