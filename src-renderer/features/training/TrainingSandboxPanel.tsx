/**
 * TrainingSandboxPanel (issue 18): the sandbox this workspace is (or the notice that it is the
 * company's real one), the current lessons with each step ticked by the back end's check of the
 * sandbox (refetched after every change), the company's sandboxes and the scenarios, and the seeded
 * demo files to download (the same generator as `kuajing demo`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { downloadBase64 } from '../settlement/index.ts';
import { useWorkspaceSwitch } from './use-workspace-switch.ts';
import { EVERY_AREA, languageOf, reasonText } from './lesson-vocabulary.ts';
import { useFollowedLesson } from './use-followed-lesson.ts';

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
  const sw = useWorkspaceSwitch();
  const followed = useFollowedLesson(Boolean(sandbox.data));

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
        {sw.error ? <ErrorBanner error={sw.error} onDismiss={sw.clearError} /> : null}
        {s ? (
          <>
            <p data-testid="training-sandbox-name">
              {t('trainingScreen.banner', { name: s.name, scenario: s.scenarioTitle?.[lang] ?? s.scenario })}
            </p>
            <div className="form-actions">
              <Button
                data-testid="training-switch-company"
                disabled={sw.pending}
                onClick={() => void sw.switchTo('company')}
              >
                {sw.pending ? t('trainingScreen.opening') : t('trainingScreen.backToCompany')}
              </Button>
            </div>
          </>
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
        {followed.error ? <ErrorBanner error={followed.error} onDismiss={followed.clearError} /> : null}
        {(lessons.data ?? []).map((l) => (
          <details key={l.id} open={Boolean(s)} data-testid={`training-lesson-${l.id}`}>
            <summary>{t('trainingScreen.lesson', { id: l.id, title: l.title[lang] })}</summary>
            <p>
              <strong>{t('trainingScreen.goal')}</strong> {l.goal[lang]}
            </p>
            {s ? (
              <div className="form-actions">
                {followed.status.data?.current === l.id ? (
                  <>
                    <span data-testid={`training-following-${l.id}`}>{t('trainingScreen.panel.following')}</span>
                    <Button
                      variant="quiet"
                      data-testid={`training-unfollow-${l.id}`}
                      disabled={followed.pending}
                      onClick={() => void followed.follow(null)}
                    >
                      {t('trainingScreen.panel.stop')}
                    </Button>
                  </>
                ) : (
                  <Button
                    data-testid={`training-follow-${l.id}`}
                    disabled={followed.pending}
                    onClick={() => void followed.follow(l.id)}
                  >
                    {t('trainingScreen.panel.follow')}
                  </Button>
                )}
              </div>
            ) : null}
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
        <p className="field-help">{t('trainingScreen.switchHelp')}</p>
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
                    variant="primary"
                    data-testid={`training-sandbox-open-${b.name}`}
                    disabled={sw.pending}
                    onClick={() => void sw.switchTo('sandbox', b.name)}
                  >
                    {sw.pending ? t('trainingScreen.opening') : t('trainingScreen.open')}
                  </Button>
                ) : null}{' '}
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
