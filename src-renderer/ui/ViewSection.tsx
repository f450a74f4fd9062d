/**
 * ViewSection: the frame of one view inside a page — a section labelled by its title, beside
 * the title, when given, the view's main actions (a "new" button, a picker), and under it an
 * optional line of help.
 */
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

export interface ViewSectionProps {
  /** The title element's id (the section is `aria-labelledby` it); by default the test id + `-title`. */
  readonly titleId?: string;
  readonly title: ReactNode;
  /** Shown in a row with the title. */
  readonly actions?: ReactNode;
  /** The view's main action, a primary button beside the title (instead of `actions`). */
  readonly action?: { readonly testId: string; readonly label: ReactNode; readonly onClick: () => void };
  /** A line of help under the title. */
  readonly help?: ReactNode;
  readonly testId?: string;
  readonly children?: ReactNode;
}

export function ViewSection({ titleId, title, actions: given, action, help, testId, children }: ViewSectionProps) {
  const actions =
    given ??
    (action ? (
      <Button variant="primary" data-testid={action.testId} onClick={action.onClick}>
        {action.label}
      </Button>
    ) : null);
  const headingId = titleId ?? (testId ? `${testId}-title` : undefined);
  const heading = (
    <h2 className="section-title" id={headingId}>
      {title}
    </h2>
  );
  return (
    <section className="stock-view" aria-labelledby={headingId} data-testid={testId}>
      {actions ? (
        <div className="section-head">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {help ? <p className="field-help">{help}</p> : null}
      {children}
    </section>
  );
}
