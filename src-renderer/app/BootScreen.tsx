/**
 * BootScreen: "opening the ledger…" while the first commands run, or why the ledger could
 * not be opened (e.g. `db.alreadyOpen`, `network.unreachable`) with a retry button.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';

export function BootScreen() {
  const { t } = useTranslation();
  const bootError = useAppStore((s) => s.bootError);
  const boot = useAppStore((s) => s.boot);
  if (!bootError) {
    return (
      <div className="boot" data-testid="boot-loading" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </div>
    );
  }
  return (
    <div className="boot" data-testid="boot-failed">
      <h1 className="first-run-title">{t('app.bootFailedTitle')}</h1>
      <p>{t('app.bootFailedBody')}</p>
      <ErrorBanner error={bootError} />
      <Button variant="primary" onClick={() => void boot()}>{t('app.retry')}</Button>
    </div>
  );
}
