/**
 * FirstRun: shown while the ledger has no company. A welcome, what the app does, and the
 * company form; the shell appears only after the server has accepted and stored a profile.
 */
import { useTranslation } from 'react-i18next';
import { CompanyProfileForm, LanguageSwitch } from '../features/settings/index.ts';
import { useAppStore } from '../state/store.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { SandboxBanner, useSandbox } from '../features/training/index.ts';

export function FirstRun() {
  const { t } = useTranslation();
  const banner = useAppStore((s) => s.banner);
  const dismissError = useAppStore((s) => s.dismissError);
  // a training sandbox before its lesson 1: marked here too (banner, accent colour; issue 18)
  const sandbox = useSandbox();
  return (
    <div
      className={sandbox ? 'first-run sandbox-mode' : 'first-run'}
      data-testid="first-run"
      data-sandbox={sandbox ? 'true' : 'false'}
    >
      <header className="first-run-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            账
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="first-run-main">
        <SandboxBanner />
        {banner ? <ErrorBanner error={banner} onDismiss={dismissError} /> : null}
        <h1 className="first-run-title">{t('firstRun.title')}</h1>
        <p className="first-run-intro">{t('firstRun.intro')}</p>
        <p className="muted">{t('firstRun.privacy')}</p>
        <section className="panel">
          <h2 className="panel-title">{t('firstRun.formTitle')}</h2>
          <CompanyProfileForm initial={null} />
        </section>
      </main>
    </div>
  );
}
