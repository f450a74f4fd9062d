/**
 * RejectedRows: the rows an import refused, each with its row, column and the translated
 * reason (the host's coded `RowError`), first `limit` shown.
 */
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../src-main/api/contract.ts';
import { translateError } from '../../i18n/translate-error.ts';

export function RejectedRows({ rows, testId, limit = 200 }: { readonly rows: readonly RowError[]; readonly testId: string; readonly limit?: number }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <>
      <h4 className="section-title">{t('settlement.import.rejectedTitle', { n: rows.length })}</h4>
      <div className="table-wrap">
        <table className="table table-compact rejected" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col" className="num">{t('settlement.import.row')}</th>
              <th scope="col">{t('settlement.import.column')}</th>
              <th scope="col">{t('settlement.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((r, i) => (
              <tr key={`${r.row}-${i}`} data-testid={`${testId}-${r.row}`} data-code={r.code}>
                <td className="num">{r.row}</td>
                <td className="mono">{r.column ?? ''}</td>
                <td>{translateError(t, r.code, r.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
