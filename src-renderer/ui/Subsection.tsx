/**
 * Subsection: a titled part inside a view or panel — its `h3`, an optional line of help, then the
 * content, or, with `empty` set, that text in its place (a list with nothing in it yet). It adds no
 * wrapping element: the parts stand in the view's own flow, as if written out in place.
 */
import type { ReactNode } from 'react';

export interface SubsectionProps {
  readonly title: ReactNode;
  readonly help?: ReactNode;
  /** What to say instead of the content when there is nothing to show; null or absent shows the content. */
  readonly empty?: ReactNode;
  readonly children?: ReactNode;
}

export function Subsection({ title, help, empty = null, children }: SubsectionProps) {
  return (
    <>
      <h3 className="section-title">{title}</h3>
      {help ? <p className="field-help">{help}</p> : null}
      {empty ? <p className="muted">{empty}</p> : children}
    </>
  );
}
