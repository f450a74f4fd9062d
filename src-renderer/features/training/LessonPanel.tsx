/**
 * LessonPanel (issue 18 point 2): while a training sandbox is shown and the trainee follows a lesson
 * (chosen on the Training page), every screen has this collapsible panel at its side — the lesson's
 * goal, its steps ticked by the back end's read-only check (`training.lesson.status`, read again after
 * every change; no attempt is recorded), the hint of the first open step and a link to the screen each
 * step happens on. Nothing in a company workspace or when no lesson is followed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { parseHash } from '../../state/routes.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { useSandbox } from './SandboxBanner.tsx';
import { languageOf, reasonText } from './lesson-vocabulary.ts';
import { useFollowedLesson } from './use-followed-lesson.ts';

export function LessonPanel() {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  const navigate = useAppStore((s) => s.navigate);
  const sandbox = useSandbox();
  const followed = useFollowedLesson(sandbox !== null);
  const [open, setOpen] = useState(true);
  const lesson = followed.status.data?.lesson ?? null;
  if (!sandbox || !lesson) return null;
  const firstOpen = lesson.steps.find((s) => !s.done) ?? null;
  const done = lesson.steps.filter((s) => s.done).length;
  const title = t('trainingScreen.lesson', { id: lesson.id, title: lesson.title[lang] });
  return (
    <aside
      className={open ? 'lesson-panel' : 'lesson-panel lesson-panel-collapsed'}
      aria-label={t('trainingScreen.panel.label')}
      data-testid="lesson-panel"
      data-lesson={lesson.id}
    >
      <Button
        variant="quiet"
        className="lesson-panel-toggle"
        aria-expanded={open}
        data-testid="lesson-panel-toggle"
        title={open ? t('trainingScreen.panel.collapse') : t('trainingScreen.panel.expand')}
        onClick={() => setOpen(!open)}
      >
        {open ? '»' : '«'}
      </Button>
      {open ? (
        <div className="lesson-panel-body">
          <h2 className="panel-title" data-testid="lesson-panel-title">
            {title}
          </h2>
          <p className="field-help" data-testid="lesson-panel-progress">
            {t('trainingScreen.panel.progress', { done, count: lesson.steps.length })}
          </p>
          <p>
            <strong>{t('trainingScreen.goal')}</strong> {lesson.goal[lang]}
          </p>
          <ol className="lesson-panel-steps">
            {lesson.steps.map((step) => {
              const where = parseHash(`#/${step.screen}`);
              return (
                <li
                  key={step.id}
                  data-testid={`lesson-panel-step-${step.id}`}
                  data-done={step.done ? 'true' : 'false'}
                  className={step === firstOpen ? 'lesson-step-next' : undefined}
                >
                  <span
                    className={step.done ? 'lesson-tick lesson-tick-done' : 'lesson-tick'}
                    role="img"
                    aria-label={step.done ? t('trainingScreen.done') : t('trainingScreen.notDone')}
                  >
                    {step.done ? '✔' : '○'}
                  </span>{' '}
                  {step.title[lang]}
                  <div className="field-help">{reasonText(t, step.reason, step.params)}</div>
                  {step === firstOpen ? (
                    <div className="lesson-hint" data-testid="lesson-panel-hint">
                      {t('trainingScreen.hint')}: {step.hint[lang]}
                    </div>
                  ) : null}
                  <button
                    type="button"
                    className="lesson-link"
                    data-testid={`lesson-panel-go-${step.id}`}
                    onClick={() => navigate(where.route, where.path)}
                  >
                    {t('trainingScreen.panel.goTo', { screen: t(`nav.${where.route}`) })}
                  </button>
                </li>
              );
            })}
          </ol>
          {followed.error ? <ErrorBanner error={followed.error} onDismiss={followed.clearError} /> : null}
          <Button
            variant="quiet"
            data-testid="lesson-panel-stop"
            disabled={followed.pending}
            onClick={() => void followed.follow(null)}
          >
            {t('trainingScreen.panel.stop')}
          </Button>
        </div>
      ) : (
        <span className="lesson-panel-short" data-testid="lesson-panel-short">
          {t('trainingScreen.panel.short', { id: lesson.id, done, count: lesson.steps.length })}
        </span>
      )}
    </aside>
  );
}
