/**
 * FormPanel: the frame of a form shown as a panel — the `<form>` (no browser validation: the
 * form shows its own translated field errors), its title, an optional line of help, the error
 * banner for what the host refused, then the fields and actions the caller renders. Submitting
 * calls `onSubmit` unless the form is busy sending.
 */
import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../src-main/api/contract.ts';
import { ErrorBanner } from './ErrorBanner.tsx';

/** What a form needs of the command it sends. */
export interface Sending {
  readonly pending: boolean;
  readonly error: ErrorInfo | null;
  readonly clearError: () => void;
}

export interface FormPanelProps {
  /** The form's test id. */
  readonly testId: string;
  readonly title?: ReactNode;
  /** The title's heading level: 2 for a form that is the view's main content, 3 inside a view. */
  readonly level?: 2 | 3;
  /** A wide form (two columns of fields on a large screen). */
  readonly wide?: boolean;
  /** Drawn as a notice: the form asks for something another action is waiting on. */
  readonly notice?: boolean;
  /** A line of help under the title. */
  readonly help?: ReactNode;
  /** The command the form sends (a `useMutation` result): its error is shown in a banner until
   * dismissed, and while it is pending, submitting does nothing. */
  readonly sending: Sending;
  /** Shown instead of the command's error (null: no banner, e.g. while another panel handles it). */
  readonly error?: ErrorInfo | null;
  readonly onSubmit: () => unknown;
  readonly children: ReactNode;
}

export function FormPanel({
  testId,
  title,
  level = 3,
  wide = false,
  notice = false,
  help,
  sending,
  error = sending.error,
  onSubmit,
  children,
}: FormPanelProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <form
      className={['form', wide ? 'form-wide' : '', 'panel', notice ? 'notice' : ''].filter(Boolean).join(' ')}
      data-testid={testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!sending.pending) void onSubmit();
      }}
    >
      {title ? <Heading className="panel-title">{title}</Heading> : null}
      {help ? <p className="field-help">{help}</p> : null}
      {error ? <ErrorBanner error={error} onDismiss={sending.clearError} /> : null}
      {children}
    </form>
  );
}
