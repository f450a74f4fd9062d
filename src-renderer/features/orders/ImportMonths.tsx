/**
 * ImportMonths (issue 17 point 1g): where an import's orders go, by the month of their order day —
 * new / updated / unchanged per month, closed months marked — and the orders a closed month holds
 * back (`period.closed`: not written; reopen the month, then import the file again). Shown in the
 * import preview and in the summary after confirming.
 */
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/api/contract.ts';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { useOrderFormatters } from './order-labels.tsx';

/** Held-back orders listed on screen (the count says how many there are). */
const HELD_SHOWN = 200;

export function ImportMonths({
  months = [],
  heldBack = [],
  done,
}: {
  readonly months?: ImportPreview['months'];
  readonly heldBack?: ImportPreview['heldBack'];
  /** True after confirming: the words say what was written, not what would be. */
  readonly done: boolean;
}) {
  const { t } = useTranslation();
  const f = useOrderFormatters();
  if (months.length === 0) return null;
  const closed = months.filter((m) => m.closed).map((m) => m.month);
  return (
    <div data-testid="import-months">
      <h3 className="section-title">{t('orders.import.months.title')}</h3>
      <DataTable
        wrap={false}
        columns={[
          t('orders.import.months.month'),
          ...(['new', 'updated', 'unchanged', 'heldBack'] as const).map((key) => num(t(`orders.import.months.${key}`))),
        ]}
      >
        {months.map((m) => (
          <tr key={m.month} data-testid={`import-month-${m.month}`} data-closed={m.closed ? 'true' : 'false'}>
            <td>
              {m.month}
              {m.closed ? <span className="badge">{t('orders.import.months.closed')}</span> : null}
            </td>
            <td className="num">{f.number(m.new)}</td>
            <td className="num">{f.number(m.updated)}</td>
            <td className="num">{f.number(m.unchanged)}</td>
            <td className="num">{f.number(m.heldBack)}</td>
          </tr>
        ))}
      </DataTable>
      {heldBack.length > 0 ? (
        <div data-testid="import-held-back">
          <p className="notice" role="status">
            {t(done ? 'orders.import.months.heldDone' : 'orders.import.months.heldPreview', {
              count: heldBack.length,
              months: closed.join('、'),
            })}
          </p>
          <DataTable
            wrap={false}
            columns={(['orderNo', 'date', 'change', 'reason'] as const).map((key) => t(`orders.import.months.${key}`))}
          >
            {heldBack.slice(0, HELD_SHOWN).map((h) => (
              <tr key={`${h.orderNo}-${h.date}`} data-testid={`import-held-${h.orderNo}`}>
                <td>{h.orderNo}</td>
                <td>{h.date}</td>
                <td>{t(`orders.import.months.${h.change}`)}</td>
                <td>{t('orders.import.months.closedReason', { month: h.month })}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
    </div>
  );
}
