/**
 * TrainingSandboxPanel (issue 18): the sandbox this workspace is (or the notice that it is the
 * company's real one), the current lessons with each step ticked by the back end's check of the
 * sandbox (refetched after every change), the company's sandboxes and the scenarios, and the seeded
 * demo files to download (the same generator as `kuajing demo`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type Area } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { downloadBase64 } from '../settlement/index.ts';
import { trainingZhCN } from '../../i18n/locales/areas/training.ts';

type LooseT = (key: string, options?: Record<string, unknown>) => string;
/** A check's reason (`training.check.<r>`) as the text `trainingScreen.reasons.<r>`; one without a text says the step is not checked. */
function reasonText(t: unknown, code: string, params: Readonly<Record<string, string | number>>): string {
  const r = code.replace(/^training\.check\./, '');
  const known = Object.hasOwn(REASONS, r) ? r : 'notChecked';
  return (t as LooseT)(`trainingScreen.reasons.${known}`, { ...params });
}
const REASONS = trainingZhCN.ui.trainingScreen.reasons;

type Language = 'zh-CN' | 'zh-TW' | 'en';
const languageOf = (l: string): Language => (l === 'zh-TW' ? 'zh-TW' : l.startsWith('en') ? 'en' : 'zh-CN');
/** A lesson step can be done on any screen: its check is read again after any change. */
const EVERY_AREA: Area[] = [
  'company',
  'shops',
  'orders',
  'statuses',
  'imports',
  'customs',
  'sync',
  'training',
  'stock',
  'settlement',
  'payouts',
  'journal',
  'rates',
];
const NEW_COMMAND = 'kuajing training new --scenario parcel-9610 --data-dir <DATA>/sandboxes/trainee-1';

export function TrainingSandboxPanel() {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  const sandbox = useQuery('training.sandbox.get', {}, { areas: ['training'] });
  const lessons = useQuery('training.lessons.check', {}, { areas: EVERY_AREA });
  const sandboxes = useQuery('training.sandboxes.list', {}, { areas: ['training'] });
  const scenarios = useQuery('training.scenarios.list', {}, { areas: ['training'] });
  const demo = useMutation('training.demoFiles');
  const [seed, setSeed] = useState('9610');
  const [files, setFiles] = useState<ReadonlyArray<{ fileName: string; contentBase64: string }>>([]);
  const create = useMutation('training.sandboxes.create');
  const reset = useMutation('training.sandboxes.reset');
  const [name, setName] = useState('');
  const [scenario, setScenario] = useState('parcel-9610');
  const [notice, setNotice] = useState<string | null>(null);

  const createSandbox = async () => {
    const r = await create.run({ name: name.trim(), scenario });
    if (!r.ok) return;
    setNotice(`${t('trainingScreen.created', { name: r.value.name })} kuajing start --data-dir ${r.value.dataDir}`);
    setName('');
    sandboxes.refetch();
  };
  const resetSandbox = async (sandboxName: string) => {
    const r = await reset.run({ name: sandboxName });
    if (!r.ok) return;
    setNotice(t('trainingScreen.resetDone', { name: sandboxName }));
    sandboxes.refetch();
  };

  const generate = async () => {
    const r = await demo.run({ seed: Number(seed) || 0, orders: 50 });
    if (r.ok) setFiles(r.value.files);
  };
  const s = sandbox.data;
  return (
    <>
      <section className="panel" data-testid="training-sandbox">
        <h2 className="panel-title">{t('trainingScreen.sandboxTitle')}</h2>
        {s ? (
          <p data-testid="training-sandbox-name">
            {t('trainingScreen.banner', { name: s.name, scenario: s.scenarioTitle?.[lang] ?? s.scenario })}
          </p>
        ) : (
          <>
            <p data-testid="training-company-notice">{t('trainingScreen.companyNotice')}</p>
            <p>{t('trainingScreen.newCommand')}</p>
            <pre className="mono" translate="no">
              {NEW_COMMAND}
            </pre>
          </>
        )}
      </section>
      <section className="panel" data-testid="training-lessons">
        <h2 className="panel-title">{t('trainingScreen.lessons')}</h2>
        {lessons.error ? <ErrorBanner error={lessons.error} onDismiss={lessons.clearError} /> : null}
        {(lessons.data ?? []).map((l) => (
          <details key={l.id} open={Boolean(s)} data-testid={`training-lesson-${l.id}`}>
            <summary>{t('trainingScreen.lesson', { id: l.id, title: l.title[lang] })}</summary>
            <p>
              <strong>{t('trainingScreen.goal')}</strong> {l.goal[lang]}
            </p>
            <ol>
              {l.steps.map((step) => (
                <li
                  key={step.id}
                  data-testid={`training-step-${l.id}-${step.id}`}
                  data-done={step.done ? 'true' : 'false'}
                >
                  <span aria-label={step.done ? t('trainingScreen.done') : t('trainingScreen.notDone')}>
                    {step.done ? '✔' : '○'}
                  </span>{' '}
                  {step.title[lang]}
                  <div className="field-help">{reasonText(t, step.reason, step.params)}</div>
                  {!step.done ? (
                    <div className="field-help">
                      {t('trainingScreen.hint')}: {step.hint[lang]}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </details>
        ))}
      </section>
      <section className="panel" data-testid="training-sandboxes">
        <h2 className="panel-title">{t('trainingScreen.sandboxes')}</h2>
        {(sandboxes.data ?? []).length === 0 ? (
          <p>{t('trainingScreen.noSandboxes')}</p>
        ) : (
          <ul>
            {(sandboxes.data ?? []).map((b) => (
              <li key={b.dataDir} data-testid={`training-sandbox-${b.name}`}>
                {b.name} · {b.scenario ?? '—'} · {t('trainingScreen.stepsDone', { count: b.stepsDone })}
                {b.current ? ` · ${t('trainingScreen.current')}` : ''}
                <div className="field-help mono" translate="no">
                  kuajing start --data-dir {b.dataDir}
                </div>
                {!b.current ? (
                  <Button
                    data-testid={`training-sandbox-reset-${b.name}`}
                    disabled={reset.pending}
                    onClick={() => void resetSandbox(b.name)}
                  >
                    {reset.pending ? t('trainingScreen.resetting') : t('trainingScreen.reset')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {create.error ? <ErrorBanner error={create.error} onDismiss={create.clearError} /> : null}
        {reset.error ? <ErrorBanner error={reset.error} onDismiss={reset.clearError} /> : null}
        {notice ? (
          <p className="notice" data-testid="training-sandbox-notice">
            {notice}
          </p>
        ) : null}
        <div className="form-actions">
          <label>
            {t('trainingScreen.createName')}{' '}
            <input
              className="input"
              data-testid="training-new-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label>
            {t('trainingScreen.createScenario')}{' '}
            <select
              className="input"
              data-testid="training-new-scenario"
              value={scenario}
              onChange={(e) => setScenario(e.target.value)}
            >
              {(scenarios.data ?? []).map((sc) => (
                <option key={sc.name} value={sc.name}>
                  {sc.title[lang]}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="primary"
            data-testid="training-new-create"
            disabled={create.pending || name.trim() === ''}
            onClick={() => void createSandbox()}
          >
            {create.pending ? t('trainingScreen.creating') : t('trainingScreen.create')}
          </Button>
        </div>
        <h3>{t('trainingScreen.scenarios')}</h3>
        <ul>
          {(scenarios.data ?? []).map((sc) => (
            <li key={sc.name} data-testid={`training-scenario-${sc.name}`}>
              <strong>{sc.title[lang]}</strong> (<span className="mono">{sc.name}</span>) — {sc.description[lang]}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" data-testid="training-demo">
        <h2 className="panel-title">{t('trainingScreen.demoFiles')}</h2>
        {demo.error ? <ErrorBanner error={demo.error} onDismiss={demo.clearError} /> : null}
        <div className="form-actions">
          <label>
            {t('trainingScreen.demoSeed')}{' '}
            <input
              className="input"
              inputMode="numeric"
              data-testid="training-demo-seed"
              value={seed}
              onChange={(e) => setSeed(e.target.value.replace(/\D/g, ''))}
            />
          </label>
          <Button data-testid="training-demo-generate" disabled={demo.pending} onClick={() => void generate()}>
            {demo.pending ? t('trainingScreen.demoGenerating') : t('trainingScreen.demoGenerate')}
          </Button>
        </div>
        <ul>
          {files.map((f) => (
            <li key={f.fileName}>
              <Button
                data-testid={`training-demo-file-${f.fileName}`}
                onClick={() => downloadBase64(f.fileName, f.contentBase64)}
              >
                {t('trainingScreen.download')} {f.fileName}
              </Button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
