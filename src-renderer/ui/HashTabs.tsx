/**
 * HashTabs: a row of tabs whose choice lives in the URL hash (`#/<page>/<tab>`), as the stock
 * and settlement pages do; used by the customs desk and the Sync screen's outbox filter. The
 * links and the navigation come from the caller (`app/use-page-tabs.ts`): ui/ knows no store.
 */
export interface HashTabsProps<T extends string> {
  /** The page the tabs belong to (its CSS class and test id). */
  readonly page: string;
  readonly tabs: readonly T[];
  readonly current: T;
  readonly label: string;
  readonly text: (tab: T) => string;
  readonly testId: (tab: T) => string;
  /** The link of a tab, e.g. `#/stock/moves`. */
  readonly hrefOf: (tab: T) => string;
  /** Goes to a tab (updates the route, which writes the hash). */
  readonly go: (tab: T) => void;
  /** Runs after the tab was chosen, e.g. to go back to the first page of a list. */
  readonly onPicked?: (tab: T) => void;
}

export function HashTabs<T extends string>({
  tabs,
  current,
  label,
  text,
  testId,
  hrefOf,
  go,
  onPicked,
}: HashTabsProps<T>) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((id) => (
        <a
          key={id}
          href={hrefOf(id)}
          className={id === current ? 'tab tab-active' : 'tab'}
          aria-current={id === current ? 'page' : undefined}
          data-testid={testId(id)}
          onClick={(e) => {
            e.preventDefault();
            go(id);
            onPicked?.(id);
          }}
        >
          {text(id)}
        </a>
      ))}
    </nav>
  );
}
