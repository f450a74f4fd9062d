/**
 * Panel: one titled block of a screen (`section.panel`, labelled by its heading when `titleId`
 * is given), with an optional line of help under the title. With `empty` set, that text stands
 * in place of the content (a list or table with nothing to show yet).
 */
import type { ReactNode } from 'react';

export interface PanelProps {
  readonly title: ReactNode;
  /** The heading's id, which labels the section; by default the test id + `-title`. */
  readonly titleId?: string;
  /** The heading level: 2 for a panel of the page, 3 inside a view that has its own h2. */
  readonly level?: 2 | 3;
  readonly help?: ReactNode;
  /** What to say instead of the content when there is nothing to show; null or absent shows the content. */
  readonly empty?: ReactNode;
  readonly testId?: string;
  readonly children?: ReactNode;
}

export function Panel({ title, titleId, level = 2, help, empty = null, testId, children }: PanelProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = titleId ?? (testId ? `${testId}-title` : undefined);
  return (
    <section className="panel" data-testid={testId} aria-labelledby={headingId}>
      <Heading className="panel-title" id={headingId}>
        {title}
      </Heading>
      {help ? <p className="field-help">{help}</p> : null}
      {empty ? <p className="muted">{empty}</p> : children}
    </section>
  );
}
