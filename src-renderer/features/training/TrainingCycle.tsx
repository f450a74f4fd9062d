/**
 * TrainingCycle: the declaration cycle a trainee goes through — import → pre-check → build →
 * sync → receipts → summary — each step with a link to its screen.
 */
import { useTranslation } from 'react-i18next';
import { hashFor, type FeatureId } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';

type StepId = 'import' | 'precheck' | 'build' | 'sync' | 'receipts' | 'summary';

const STEPS: ReadonlyArray<{ readonly id: StepId; readonly route: FeatureId; readonly path: string }> = [
  { id: 'import', route: 'orders', path: 'import' },
  { id: 'precheck', route: 'customs', path: 'build' },
  { id: 'build', route: 'customs', path: 'build' },
  { id: 'sync', route: 'sync', path: '' },
  { id: 'receipts', route: 'customs', path: 'documents' },
  { id: 'summary', route: 'customs', path: 'summary' },
];

export function TrainingCycle() {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="panel" data-testid="practice-cycle">
      <h2 className="panel-title">{t('practice.cycle.title')}</h2>
      <p>{t('practice.cycle.body')}</p>
      <ol>
        {STEPS.map((step) => (
          <li key={step.id}>
            {t(`practice.cycle.${step.id}`)}{' '}
            <a
              href={hashFor(step.route, step.path)}
              data-testid={`practice-cycle-${step.id}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(step.route, step.path);
              }}
            >
              {t('practice.cycle.open')}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
