/**
 * CodeCell: a table cell holding a code, number or text that comes from outside the app (a
 * message GUID, a customs list number, a receipt's own words): the browser must not machine-
 * translate it (`translate="no"`). `kind` sets its style — `mono` (the default) for codes, `num`
 * for right-aligned numbers, `text` for plain text. Other cell attributes pass through.
 */
import type { TdHTMLAttributes } from 'react';

export interface CodeCellProps extends Omit<TdHTMLAttributes<HTMLTableCellElement>, 'className' | 'translate'> {
  readonly kind?: 'mono' | 'num' | 'text';
}

export function CodeCell({ kind = 'mono', children, ...td }: CodeCellProps) {
  return (
    <td className={kind === 'text' ? undefined : kind} translate="no" {...td}>
      {children}
    </td>
  );
}
