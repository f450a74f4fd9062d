/**
 * TrainingPage: training mode. Explains how a trainee practises declarations without touching
 * customs: run the practice platform inside the app (PracticeServerPanel: a real local server
 * that validates messages, verifies the practice signature and answers with realistic
 * receipts; sync points at it while it runs), go through the cycle import → pre-check → build →
 * sync → receipts → summary (TrainingCycle, links to each screen), or run the platform from a
 * terminal (`kuajing practice-platform`) and point the sync at its address, working in a
 * separate practice ledger (`kuajing start --data-dir`, demo files from `kuajing demo`).
 * Nothing here is sample data: the page only changes the sync settings and shows where the
 * sync points now.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../src-main/api/contract.ts';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { PracticeServerPanel } from './PracticeServerPanel.tsx';
import { TrainingCycle } from './TrainingCycle.tsx';
import { TrainingSandboxPanel } from './TrainingSandboxPanel.tsx';

export const PRACTICE_PORT = 8790;
const START_COMMAND = `kuajing practice-platform --port ${PRACTICE_PORT}`;
const LEDGER_COMMANDS = 'kuajing start --data-dir ./practice-ledger\nkuajing demo --out ./practice-files';

export function TrainingPage() {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const config = useQuery('sync.getConfig', {}, { areas: ['sync', 'training'] });
  const configure = useMutation('sync.configure');
  const [url, setUrl] = useState('');
  const [signed, setSigned] = useState(true);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [connected, setConnected] = useState(false);

  const connect = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const target = url.trim().replace(/\/+$/, '');
    const ok = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(target);
    setInvalid(!ok);
    if (!ok || busy) return;
    setBusy(true);
    const result = await configure.run({
      mode: 'platform',
      url: target,
      signer: { kind: signed ? 'sm2Practice' : 'none' },
    });
    setBusy(false);
    if (result.ok) {
      setConnected(true);
      setError(null);
    } else setError(result.error);
  };

  const c = config.data;
  return (
    <div className="page" data-testid="page-training">
      <PageHeader title={t('practice.title')} description={t('practice.description')} />
      <section className="panel">
        <h2 className="panel-title">{t('practice.what.title')}</h2>
        <p>{t('practice.what.body')}</p>
      </section>
      <TrainingSandboxPanel />
      <PracticeServerPanel />
      <TrainingCycle />
      <details className="panel" data-testid="practice-external">
        <summary className="panel-title">{t('practice.external.title')}</summary>
        <ol>
          <li>
            <p>{t('practice.steps.ledger')}</p>
            <pre className="mono" translate="no" data-testid="practice-demo-command">
              {LEDGER_COMMANDS}
            </pre>
          </li>
          <li>
            <p>{t('practice.steps.start', { port: PRACTICE_PORT })}</p>
            <pre className="mono" translate="no" data-testid="practice-start-command">
              {START_COMMAND}
            </pre>
            <p className="field-help">{t('practice.steps.startHelp')}</p>
          </li>
          <li>
            <p>{t('practice.steps.connect')}</p>
            <form className="form" data-testid="practice-connect" onSubmit={(e) => void connect(e)} noValidate>
              {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
              <Field
                name="practiceUrl"
                label={t('practice.url')}
                help={t('practice.urlHelp')}
                errorCode={invalid ? 'validation.invalid' : null}
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    className="input"
                    type="url"
                    data-testid="practice-url"
                    value={url}
                    placeholder={t('practice.urlPlaceholder', { port: PRACTICE_PORT })}
                    onChange={(e) => {
                      setUrl(e.target.value);
                      setConnected(false);
                    }}
                  />
                )}
              </Field>
              <Checkbox testId="practice-signed" label={t('practice.sign')} checked={signed} onChange={setSigned} />
              <SubmitActions
                testId="practice-connect-submit"
                busy={busy}
                done={connected ? t('practice.connected') : null}
                doneTestId="practice-connected"
              >
                {t('practice.connect')}
              </SubmitActions>
            </form>
          </li>
          <li>
            <p>{t('practice.steps.work')}</p>
            <div className="form-actions">
              <Button onClick={() => navigate('customs')}>{t('practice.openCustoms')}</Button>
              <Button onClick={() => navigate('sync')}>{t('practice.openSync')}</Button>
            </div>
          </li>
        </ol>
      </details>
      <section className="panel" data-testid="practice-current">
        <h2 className="panel-title">{t('practice.current.title')}</h2>
        {config.error ? <ErrorBanner error={config.error} onDismiss={config.clearError} /> : null}
        {c ? (
          <p data-testid="practice-current-text">
            {c.mode === 'platform'
              ? t('practice.current.platform', { url: c.url ?? '' })
              : c.mode === 'exchangeDir'
                ? t('practice.current.exchangeDir', { dir: c.dir ?? '' })
                : t('practice.current.off')}
          </p>
        ) : null}
        <p className="notice">{t('practice.warning')}</p>
      </section>
    </div>
  );
}
