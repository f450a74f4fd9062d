/**
 * ColumnTable: a table described by its columns. Each column states its header (a typed
 * translation key), how its cell looks (right-aligned number, monospaced code, text from outside
 * the app that the browser must not machine-translate) and what the cell shows for a row; `row`
 * gives each `<tr>` its key and attributes (test id, `data-*`). The shell is `DataTable`, so a
 * screen states only its own columns and rows.
 */
import { Fragment, type HTMLAttributes, type Key, type ReactNode, type TdHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { DataTable, type DataTableProps } from './DataTable.tsx';

/** A translation key, checked at compile time against the zh-CN resources. */
export type TKey = ParseKeys;

/** Attributes of an element, `data-*` included. */
type WithData<A> = A & { readonly [data: `data-${string}`]: string | number | boolean | null | undefined };

export type CellAttributes = WithData<TdHTMLAttributes<HTMLTableCellElement>>;
export type RowAttributes = WithData<HTMLAttributes<HTMLTableRowElement>> & { readonly key: Key };

export interface TableColumn<T> {
  /** The header text's key. */
  readonly head: TKey;
  /** The header is for screen readers only (a column of row actions). */
  readonly hiddenHead?: boolean;
  /** A right-aligned numeric column: header and cells get `num`. */
  readonly num?: boolean;
  /** Cells in the monospaced code style. */
  readonly mono?: boolean;
  /** Cells hold a code, number or text from outside the app: `translate="no"`. */
  readonly code?: boolean;
  /** The cells head their rows (`<th scope="row">`). */
  readonly rowHead?: boolean;
  /** A class every cell of the column has. */
  readonly className?: string;
  /** What the cell shows. */
  readonly cell: (row: T, index: number) => ReactNode;
  /** The cell's own attributes for a row (a test id, a class that depends on the row). */
  readonly td?: (row: T) => CellAttributes;
}

export interface ColumnTableProps<T> extends Omit<DataTableProps, 'children' | 'columns'> {
  readonly columns: readonly (TableColumn<T> | false | null)[];
  readonly rows: readonly T[];
  /** The row's key and attributes. */
  readonly row: (row: T, index: number) => RowAttributes;
  /** Drawn right after a row (an expanded detail row). */
  readonly below?: (row: T) => ReactNode;
}

export function ColumnTable<T>({ columns, rows, row, below, ...table }: ColumnTableProps<T>) {
  const { t } = useTranslation();
  const shown = columns.filter((c): c is TableColumn<T> => Boolean(c));
  const heads = shown.map((c) => {
    const text = t(c.head);
    const label = c.hiddenHead ? <span className="visually-hidden">{text}</span> : text;
    return c.num ? { label, num: true as const } : label;
  });
  return (
    <DataTable {...table} columns={heads}>
      {rows.map((r, i) => {
        const { key, ...tr } = row(r, i);
        const line = (
          <tr key={key} {...tr}>
            {shown.map((c, n) => (
              <ColumnCell key={n} column={c} row={r} index={i} />
            ))}
          </tr>
        );
        return below ? (
          <Fragment key={key}>
            {line}
            {below(r)}
          </Fragment>
        ) : (
          line
        );
      })}
    </DataTable>
  );
}

interface ColumnCellProps<T> {
  readonly column: TableColumn<T>;
  readonly row: T;
  readonly index: number;
}

function ColumnCell<T>({ column: c, row, index }: ColumnCellProps<T>) {
  const { className: own, ...td } = c.td?.(row) ?? {};
  const className = [c.num ? 'num' : '', c.mono ? 'mono' : '', c.className ?? '', own ?? ''].filter(Boolean).join(' ');
  const Cell = c.rowHead ? 'th' : 'td';
  return (
    <Cell
      scope={c.rowHead ? 'row' : undefined}
      className={className === '' ? undefined : className}
      translate={c.code ? 'no' : undefined}
      {...td}
    >
      {c.cell(row, index)}
    </Cell>
  );
}
