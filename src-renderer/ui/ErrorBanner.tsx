/**
 * ErrorBanner: shows one error from the host as a sentence, `t('errors.' + code, params)`,
 * with an optional dismiss button. Field-level codes are shown by `Field`, not here.
 */
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../src-main/api/contract.ts';
import { translateError } from '../i18n/translate-error.ts';
import { Button } from './Button.tsx';

export interface ErrorBannerProps {
  readonly error: ErrorInfo;
  readonly onDismiss?: () => void;
}

export function ErrorBanner({ error, onDismiss }: ErrorBannerProps) {
  const { t } = useTranslation();
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-code={error.code}>
      <span className="error-banner-text">{translateError(t, error.code, error.params)}</span>
      {onDismiss ? (
        <Button variant="quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </Button>
      ) : null}
    </div>
  );
}

/** Anything that may hold an error from the host: a `useQuery` or `useMutation` result. */
export interface ErrorSource {
  readonly error: ErrorInfo | null;
  readonly clearError: () => void;
}

/** The first error of a view's queries and mutations (in the order given); dismissing it clears them all. */
export function ErrorsBanner({ sources }: { readonly sources: readonly ErrorSource[] }) {
  const error = sources.find((s) => s.error !== null)?.error ?? null;
  if (error === null) return null;
  return (
    <ErrorBanner
      error={error}
      onDismiss={() => {
        for (const s of sources) s.clearError();
      }}
    />
  );
}
