/**
 * ViewSection: the frame of one view inside a page — a section labelled by its title, beside
 * the title, when given, the view's main actions (a "new" button, a picker), and under it an
 * optional line of help.
 */
import type { ReactNode } from 'react';

export interface ViewSectionProps {
  /** The title element's id (the section is `aria-labelledby` it); by default the test id + `-title`. */
  readonly titleId?: string;
  readonly title: ReactNode;
  /** Shown in a row with the title. */
  readonly actions?: ReactNode;
  /** A line of help under the title. */
  readonly help?: ReactNode;
  readonly testId?: string;
  readonly children?: ReactNode;
}

export function ViewSection({ titleId, title, actions, help, testId, children }: ViewSectionProps) {
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
