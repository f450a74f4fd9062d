/**
 * SubmitActions: a form's action row — the primary submit button (disabled while busy), an
 * optional cancel button and, after a success, the short status line (`form-saved`) that says
 * what happened.
 */
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

export interface SubmitActionsProps {
  /** The submit button's test id. */
  readonly testId: string;
  readonly busy: boolean;
  /** The button text. */
  readonly children: ReactNode;
  /** The status line after a success; nothing when null. */
  readonly done?: ReactNode;
  readonly doneTestId?: string;
  /** Shows a cancel button with this text beside the submit button. */
  readonly onCancel?: () => void;
  readonly cancelLabel?: ReactNode;
}

export function SubmitActions({
  testId,
  busy,
  children,
  done = null,
  doneTestId,
  onCancel,
  cancelLabel,
}: SubmitActionsProps) {
  return (
    <div className="form-actions">
      <Button variant="primary" type="submit" data-testid={testId} disabled={busy}>
        {children}
      </Button>
      {onCancel ? <Button onClick={onCancel}>{cancelLabel}</Button> : null}
      {done ? (
        <span className="form-saved" role="status" data-testid={doneTestId}>
          {done}
        </span>
      ) : null}
    </div>
  );
}
