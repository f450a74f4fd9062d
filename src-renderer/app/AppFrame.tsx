/**
 * The parts the app's two frames share — the shell (`AppShell`) and the first run (`FirstRun`):
 * the root element's props (marked `sandbox-mode` in a training sandbox, which switches the
 * accent colour; issue 18), the brand, and the store's error banner.
 */
import { useTranslation } from 'react-i18next';
// by file, not through the feature's index.ts: the index also exports its page, which loads on demand (feature-pages.ts)
import { useSandbox } from '../features/training/SandboxBanner.tsx';
import { useAppStore } from '../state/store.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';

/** Props of a frame's root element: its class (`base`, plus `sandbox-mode` in a sandbox) and test id. */
export function useFrameProps(base: string, testId: string) {
  const sandbox = useSandbox();
  return {
    className: sandbox ? `${base} sandbox-mode` : base,
    'data-testid': testId,
    'data-sandbox': sandbox ? 'true' : 'false',
  };
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        账
      </span>
      <span className="brand-name">{t('app.name')}</span>
    </div>
  );
}

/** The store's banner (an error no screen handled), with its dismiss button. */
export function AppErrorBanner() {
  const banner = useAppStore((s) => s.banner);
  const dismissError = useAppStore((s) => s.dismissError);
  return banner ? <ErrorBanner error={banner} onDismiss={dismissError} /> : null;
}
