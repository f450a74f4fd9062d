/**
 * SandboxBanner (issue 18): on every screen while the open workspace is a training sandbox, a
 * banner naming it with the one-click way back to the company workspace; the shell (and the first
 * run) also take the `sandbox-mode` class, which switches the accent colour.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { useWorkspaceSwitch } from './use-workspace-switch.ts';

export function useSandbox() {
  return useQuery('training.sandbox.get', {}, { areas: ['training'] }).data ?? null;
}

export function SandboxBanner() {
  const { t, i18n } = useTranslation();
  const sandbox = useSandbox();
  const sw = useWorkspaceSwitch();
  if (!sandbox) return null;
  const lang = i18n.language === 'zh-TW' ? 'zh-TW' : i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  return (
    <div className="sandbox-banner" role="status" data-testid="sandbox-banner">
      <span>
        {t('trainingScreen.banner', {
          name: sandbox.name,
          scenario: sandbox.scenarioTitle?.[lang] ?? sandbox.scenario,
        })}
      </span>{' '}
      <Button
        variant="quiet"
        data-testid="sandbox-banner-company"
        disabled={sw.pending}
        onClick={() => void sw.switchTo('company')}
      >
        {sw.pending ? t('trainingScreen.opening') : t('trainingScreen.backToCompany')}
      </Button>
      {sw.error ? <ErrorBanner error={sw.error} onDismiss={sw.clearError} /> : null}
    </div>
  );
}
