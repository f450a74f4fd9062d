/**
 * AppShell: left navigation, top bar and the selected page, shown once a company exists.
 * The page is chosen by the store's route, mirrored in the URL hash.
 */
import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';
import { AppErrorBanner, Brand, useFrameProps } from './AppFrame.tsx';
import { FEATURE_PAGES } from './feature-pages.ts';
import { IntegrityBanner } from './IntegrityBanner.tsx';
import { preloadWhenIdle } from './lazy-page.tsx';
import { NavBar } from './NavBar.tsx';
import { TopBar } from './TopBar.tsx';
import { useHashRoute } from './use-hash-route.ts';
// by file, not through the feature's index.ts: the index also exports its page, which loads on demand (feature-pages.ts)
import { LessonPanel } from '../features/training/LessonPanel.tsx';
import { SandboxBanner } from '../features/training/SandboxBanner.tsx';

export function AppShell() {
  const route = useAppStore((s) => s.route);
  useHashRoute();
  useEffect(() => preloadWhenIdle(), []); // the other pages, once the first screen is up
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
