/**
 * DataTable: the shared shell of the app's tables — the scrolling `table-wrap`, a header row
 * of `scope="col"` cells (numeric columns right-aligned with `num`), the body rows the caller
 * renders, and an optional footer. Other table attributes (`data-testid`, `data-*`) pass through.
 */
import type { ReactNode, TableHTMLAttributes } from 'react';

/** A header cell: its text, or `{ label, num: true }` for a right-aligned numeric column. */
export type Column = ReactNode | { readonly label: ReactNode; readonly num: true };

export interface DataTableProps extends Omit<TableHTMLAttributes<HTMLTableElement>, 'children'> {
  readonly columns: readonly Column[];
  /** Body rows (`<tr>` elements). */
  readonly children: ReactNode;
  /** Footer rows, rendered in a `<tfoot>`. */
  readonly foot?: ReactNode;
  /** Wrap the table in the horizontally scrolling `table-wrap` (default true). */
  readonly wrap?: boolean;
}

function isNumColumn(c: Column): c is { readonly label: ReactNode; readonly num: true } {
  return typeof c === 'object' && c !== null && 'num' in c && 'label' in c;
}

export function DataTable({
  columns,
  children,
  foot,
  wrap = true,
  className = 'table table-compact',
  ...table
}: DataTableProps) {
  const body = (
    <table className={className} {...table}>
      <thead>
        <tr>
          {columns.map((c, i) =>
            isNumColumn(c) ? (
              <th key={i} scope="col" className="num">
                {c.label}
              </th>
            ) : (
              <th key={i} scope="col">
                {c}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {foot ? <tfoot>{foot}</tfoot> : null}
    </table>
  );
  return wrap ? <div className="table-wrap">{body}</div> : body;
}

/** A right-aligned numeric column header. */
export function num(label: ReactNode): Column {
  return { label, num: true };
}
