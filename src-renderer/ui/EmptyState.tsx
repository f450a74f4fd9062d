/**
 * EmptyState: what will appear in a place that has nothing to show yet, and why. Used for
 * features that are not built yet, so the screen says so plainly instead of faking data.
 */
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  readonly title: string;
  readonly body: string;
  readonly badge?: string;
  readonly children?: ReactNode;
}

export function EmptyState({ title, body, badge, children }: EmptyStateProps) {
  return (
    <section className="empty-state">
      {badge ? <span className="badge">{badge}</span> : null}
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-body">{body}</p>
      {children}
    </section>
  );
}
