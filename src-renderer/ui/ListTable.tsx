/**
 * ListTable: a list shown as a table, with what a list view draws around it — the banner for
 * the query's error (`source`), the empty state once the list has loaded with nothing in it
 * (not while, say, the form to add the first entry is open: `hideEmpty`), else the table of the
 * rows (`ColumnTable`: the columns and rows described) and what goes under it (a pager). Nothing
 * is drawn while the list loads.
 */
import type { ReactNode } from 'react';
import { ColumnTable, type ColumnTableProps } from './ColumnTable.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorBanner, type ErrorSource } from './ErrorBanner.tsx';

/** What an empty list shows: the empty state's title and body, or one muted line. */
export type EmptyList =
  { readonly title: string; readonly body: string } | { readonly note: string; readonly testId?: string };

export interface ListTableProps<T> extends Omit<ColumnTableProps<T>, 'rows'> {
  /** The whole list; null or undefined while it loads. */
  readonly items: readonly T[] | null | undefined;
  /** The rows drawn (a page of `items`, or them in another order); by default `items`. */
  readonly rows?: readonly T[];
  /** The query whose error is shown above the list. */
  readonly source?: ErrorSource;
  readonly empty: EmptyList;
  readonly hideEmpty?: boolean;
  /** Drawn under the table (a pager). */
  readonly after?: ReactNode;
}

export function ListTable<T>({
  items,
  rows = items ?? [],
  source,
  empty,
  hideEmpty = false,
  after,
  ...table
}: ListTableProps<T>) {
  return (
    <>
      {source?.error ? <ErrorBanner error={source.error} onDismiss={source.clearError} /> : null}
      {items && items.length === 0 && !hideEmpty ? <Empty empty={empty} /> : null}
      {rows.length > 0 ? (
        <>
          <ColumnTable {...table} rows={rows} />
          {after}
        </>
      ) : null}
    </>
  );
}

function Empty({ empty }: { readonly empty: EmptyList }) {
  return 'note' in empty ? (
    <p className="muted" data-testid={empty.testId}>
      {empty.note}
    </p>
  ) : (
    <EmptyState title={empty.title} body={empty.body} />
  );
}
