/**
 * FirstRun: shown while the ledger has no company. A welcome, what the app does, and the
 * company form; the shell appears only after the server has accepted and stored a profile.
 */
import { useTranslation } from 'react-i18next';
// by file, not through the feature's index.ts: the index also exports its page, which loads on demand (feature-pages.ts)
import { CompanyProfileForm } from '../features/settings/CompanyProfileForm.tsx';
import { LanguageSwitch } from '../features/settings/LanguageSwitch.tsx';
import { SandboxBanner } from '../features/training/SandboxBanner.tsx';
import { AppErrorBanner, Brand, useFrameProps } from './AppFrame.tsx';

export function FirstRun() {
  const { t } = useTranslation();
  // a training sandbox before its lesson 1: marked here too (banner, accent colour; issue 18)
  const frame = useFrameProps('first-run', 'first-run');
  return (
    <div {...frame}>
      <header className="first-run-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="first-run-main">
        <SandboxBanner />
        <AppErrorBanner />
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
