/**
 * StatusDot: a small coloured dot for a state (ok, busy, warn, error, off). Decorative:
 * the text next to it carries the meaning, so it is hidden from screen readers.
 */
export type StatusTone = 'ok' | 'busy' | 'warn' | 'error' | 'off';

export function StatusDot({ tone }: { readonly tone: StatusTone }) {
  return <span className={`status-dot status-dot-${tone}`} aria-hidden="true" />;
}
