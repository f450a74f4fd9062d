/**
 * App: starts the session (`settings.get` → language, `company.get` → first run or shell),
 * subscribes to host events for the lifetime of the window, and picks the screen for the
 * current phase.
 */
import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';
import { AppShell } from './AppShell.tsx';
import { BootScreen } from './BootScreen.tsx';
import { subscribe } from './core-client.ts';
import { FirstRun } from './FirstRun.tsx';

export function App() {
  const phase = useAppStore((s) => s.phase);
  const boot = useAppStore((s) => s.boot);
  const handleEvent = useAppStore((s) => s.handleEvent);

  useEffect(() => subscribe(handleEvent), [handleEvent]);
  useEffect(() => {
    void boot();
  }, [boot]);

  switch (phase) {
    case 'booting':
    case 'bootFailed':
      return <BootScreen />;
    case 'firstRun':
      return <FirstRun />;
    case 'ready':
      return <AppShell />;
  }
}
