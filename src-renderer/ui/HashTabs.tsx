/**
 * HashTabs: a row of tabs whose choice lives in the URL hash (`#/<page>/<tab>`), as the stock
 * and settlement pages do; used by the customs desk and the Sync screen's outbox filter.
 */
import { useAppStore } from '../state/store.ts';
import { hashFor, type FeatureId } from '../state/routes.ts';

export interface HashTabsProps<T extends string> {
  readonly page: FeatureId;
  readonly tabs: readonly T[];
  readonly current: T;
  readonly label: string;
  readonly text: (tab: T) => string;
  readonly testId: (tab: T) => string;
  /** Runs after the hash changed, e.g. to go back to the first page of a list. */
  readonly onPicked?: (tab: T) => void;
}

export function HashTabs<T extends string>({ page, tabs, current, label, text, testId, onPicked }: HashTabsProps<T>) {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((id) => (
        <a
          key={id}
          href={hashFor(page, id)}
          className={id === current ? 'tab tab-active' : 'tab'}
          aria-current={id === current ? 'page' : undefined}
          data-testid={testId(id)}
          onClick={(e) => {
            e.preventDefault();
            navigate(page, id);
            onPicked?.(id);
          }}
        >
          {text(id)}
        </a>
      ))}
    </nav>
  );
}
