/**
 * App: starts the session (`settings.get` → language, `company.get` → first run or shell, see
 * use-session.ts) and picks the screen for the current phase.
 */
import { AppShell } from './AppShell.tsx';
import { BootScreen } from './BootScreen.tsx';
import { FirstRun } from './FirstRun.tsx';
import { useSession } from './use-session.ts';

export function App() {
  const { phase, bootError, retry } = useSession();
  switch (phase) {
    case 'booting':
    case 'bootFailed':
      return <BootScreen error={bootError} onRetry={retry} />;
    case 'firstRun':
      return <FirstRun />;
    case 'ready':
      return <AppShell />;
  }
}
