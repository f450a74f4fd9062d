/**
 * ToolbarField: one labelled control in a toolbar row (a date, a filter select, a search box):
 * the small label above, the control the caller renders below, both inside one `<label>`.
 */
import type { ReactNode } from 'react';

export interface ToolbarFieldProps {
  readonly label: ReactNode;
  readonly children: ReactNode;
  /** A layout modifier after `toolbar-field`, e.g. `toolbar-search`. */
  readonly variant?: 'toolbar-search' | 'toolbar-inline';
}

export function ToolbarField({ label, children, variant }: ToolbarFieldProps) {
  return (
    <label className={variant ? `toolbar-field ${variant}` : 'toolbar-field'}>
      <span className="toolbar-label">{label}</span>
      {children}
    </label>
  );
}
