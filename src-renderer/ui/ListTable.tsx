/**
 * ListTable: a list shown as a table, with what a list view draws around it — the banner for
 * the query's error (`source`), the empty state once the list has loaded with nothing in it
 * (not while, say, the form to add the first entry is open: `hideEmpty`), else the table of the
 * rows (`DataTable`) and what goes under it (a pager). Nothing is drawn while the list loads.
 */
import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from './DataTable.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorBanner, type ErrorSource } from './ErrorBanner.tsx';

export interface ListTableProps<T> extends Omit<DataTableProps, 'children'> {
  /** The whole list; null or undefined while it loads. */
  readonly items: readonly T[] | null | undefined;
  /** The rows drawn (a page of `items`, or them in another order); by default `items`. */
  readonly rows?: readonly T[];
  /** The query whose error is shown above the list. */
  readonly source?: ErrorSource;
  /** The empty state's title and body. */
  readonly empty: { readonly title: string; readonly body: string };
  readonly hideEmpty?: boolean;
  /** One row (`<tr>`) of the table. */
  readonly children: (row: T) => ReactNode;
  /** Drawn under the table (a pager). */
  readonly after?: ReactNode;
}

export function ListTable<T>({
  items,
  rows = items ?? [],
  source,
  empty,
  hideEmpty = false,
  children,
  after,
  ...table
}: ListTableProps<T>) {
  return (
    <>
      {source?.error ? <ErrorBanner error={source.error} onDismiss={source.clearError} /> : null}
      {items && items.length === 0 && !hideEmpty ? <EmptyState title={empty.title} body={empty.body} /> : null}
      {rows.length > 0 ? (
        <>
          <DataTable {...table}>{rows.map(children)}</DataTable>
          {after}
        </>
      ) : null}
    </>
  );
}
