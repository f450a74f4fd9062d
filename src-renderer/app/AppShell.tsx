/**
 * AppShell: left navigation, top bar and the selected page, shown once a company exists.
 * The page is chosen by the store's route, mirrored in the URL hash.
 */
import { useAppStore } from '../state/store.ts';
import { AppErrorBanner, Brand, useFrameProps } from './AppFrame.tsx';
import { FEATURE_PAGES } from './feature-pages.ts';
import { IntegrityBanner } from './IntegrityBanner.tsx';
import { NavBar } from './NavBar.tsx';
import { TopBar } from './TopBar.tsx';
import { useHashRoute } from './use-hash-route.ts';
import { LessonPanel, SandboxBanner } from '../features/training/index.ts';

export function AppShell() {
  const route = useAppStore((s) => s.route);
  useHashRoute();
  const Page = FEATURE_PAGES[route];
  // a training sandbox: another accent colour and a banner on every screen (issue 18)
  const frame = useFrameProps('shell', 'app-shell');
  return (
    <div {...frame}>
      <aside className="sidebar">
        <Brand />
        <NavBar />
      </aside>
      <TopBar />
      <main className="content">
        <SandboxBanner />
        <IntegrityBanner />
        <AppErrorBanner />
        <Page />
        {/* the lesson the trainee follows, beside every screen of a sandbox (issue 18 point 2) */}
        <LessonPanel />
      </main>
    </div>
  );
}
