/**
 * StatusNote: the short line that says what just happened (a record saved, a file imported),
 * announced as a status; nothing while there is nothing to say.
 */
import type { HTMLAttributes, ReactNode } from 'react';

export interface StatusNoteProps extends HTMLAttributes<HTMLParagraphElement> {
  readonly testId: string;
  readonly children: ReactNode;
}

export function StatusNote({ testId, children, ...p }: StatusNoteProps) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p className="form-saved" role="status" data-testid={testId} {...p}>
      {children}
    </p>
  );
}
