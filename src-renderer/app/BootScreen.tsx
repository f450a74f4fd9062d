/**
 * BootScreen: "opening the ledger…" while the first commands run, or why the ledger could
 * not be opened (e.g. `db.alreadyOpen`, `network.unreachable`) with a retry button; for a damaged
 * ledger, its backups to restore from (RecoverPanel).
 */
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../src-main/api/contract.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { DAMAGED_LEDGER, RecoverPanel } from './RecoverPanel.tsx';

export function BootScreen({
  error: bootError,
  onRetry,
}: {
  readonly error: ErrorInfo | null;
  readonly onRetry: () => void;
}) {
  const { t } = useTranslation();
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
      {DAMAGED_LEDGER.has(bootError.code) ? <RecoverPanel onRestored={onRetry} /> : null}
      <Button variant="primary" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </div>
  );
}
