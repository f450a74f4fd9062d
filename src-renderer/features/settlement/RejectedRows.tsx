/**
 * RejectedRows: the rows an import refused, each with its row, column and the translated
 * reason (the host's coded `RowError`), first `limit` shown.
 */
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../src-main/api/contract.ts';
import { RejectedRowsTable } from '../../ui/RejectedRowsTable.tsx';

export function RejectedRows({
  rows,
  testId,
  limit = 200,
}: {
  readonly rows: readonly RowError[];
  readonly testId: string;
  readonly limit?: number;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <>
      <h4 className="section-title">{t('settlement.import.rejectedTitle', { n: rows.length })}</h4>
      <RejectedRowsTable
        rows={rows.slice(0, limit)}
        testId={testId}
        extraClass="rejected"
        rowTestId={(row) => `${testId}-${row}`}
        labels={[t('settlement.import.row'), t('settlement.import.column'), t('settlement.import.reason')]}
      />
    </>
  );
}
