/**
 * SandboxBanner (issue 18): on every screen while the open workspace is a training sandbox, a
 * banner naming it; the shell also takes the `sandbox-mode` class, which switches the accent colour.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';

export function useSandbox() {
  return useQuery('training.sandbox.get', {}, { areas: ['training'] }).data ?? null;
}

export function SandboxBanner() {
  const { t, i18n } = useTranslation();
  const sandbox = useSandbox();
  if (!sandbox) return null;
  const lang = i18n.language === 'zh-TW' ? 'zh-TW' : i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  return (
    <div className="sandbox-banner" role="status" data-testid="sandbox-banner">
      {t('trainingScreen.banner', { name: sandbox.name, scenario: sandbox.scenarioTitle?.[lang] ?? sandbox.scenario })}
    </div>
  );
}
