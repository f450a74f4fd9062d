/**
 * RejectedRowsTable: the rows an import refused — row number, column and the translated reason
 * of each coded `RowError` — as the orders, stock and settlement imports show them. Each feature
 * keeps its own header texts and test ids; `params` adds to the error's parameters (e.g. a
 * fallback column name).
 */
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../src-main/api/contract.ts';
import { translateError } from '../i18n/translate-error.ts';
import { DataTable, num } from './DataTable.tsx';

export interface RejectedRowsTableProps {
  readonly rows: readonly RowError[];
  /** Header texts: row, column, reason. */
  readonly labels: readonly [string, string, string];
  /** The test id of one row's `<tr>`. */
  readonly rowTestId: (row: number) => string;
  /** The test id of the table, if any. */
  readonly testId?: string;
  /** Extra classes after `table table-compact`. */
  readonly extraClass?: string;
  readonly params?: (r: RowError) => Readonly<Record<string, string | number>>;
}

export function RejectedRowsTable({ rows, labels, rowTestId, testId, extraClass, params }: RejectedRowsTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      className={extraClass ? `table table-compact ${extraClass}` : undefined}
      data-testid={testId}
      columns={[num(labels[0]), labels[1], labels[2]]}
    >
      {rows.map((r, i) => (
        <tr key={`${r.row}-${r.column ?? ''}-${i}`} data-testid={rowTestId(r.row)} data-code={r.code}>
          <td className="num">{r.row}</td>
          <td className="mono">{r.column ?? ''}</td>
          <td>{translateError(t, r.code, params ? params(r) : r.params)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
