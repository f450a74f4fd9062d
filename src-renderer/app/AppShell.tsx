/**
 * AppShell: left navigation, top bar and the selected page, shown once a company exists.
 * The page is chosen by the store's route, mirrored in the URL hash.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { FEATURE_PAGES } from './feature-pages.ts';
import { NavBar } from './NavBar.tsx';
import { TopBar } from './TopBar.tsx';
import { useHashRoute } from './use-hash-route.ts';
import { LessonPanel, SandboxBanner, useSandbox } from '../features/training/index.ts';

export function AppShell() {
  const { t } = useTranslation();
  const route = useAppStore((s) => s.route);
  const banner = useAppStore((s) => s.banner);
  const dismissError = useAppStore((s) => s.dismissError);
  useHashRoute();
  const Page = FEATURE_PAGES[route];
  // a training sandbox: another accent colour and a banner on every screen (issue 18)
  const sandbox = useSandbox();
  return (
    <div
      className={sandbox ? 'shell sandbox-mode' : 'shell'}
      data-testid="app-shell"
      data-sandbox={sandbox ? 'true' : 'false'}
    >
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            账
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <NavBar />
      </aside>
      <TopBar />
      <main className="content">
        <SandboxBanner />
        {banner ? <ErrorBanner error={banner} onDismiss={dismissError} /> : null}
        <Page />
        {/* the lesson the trainee follows, beside every screen of a sandbox (issue 18 point 2) */}
        <LessonPanel />
      </main>
    </div>
  );
}
