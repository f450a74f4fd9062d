/**
 * ReceivablesAgeingView: open receivables per currency as of a date, in age buckets
 * (0–30, 31–60, 61–90, 91–180, 181–365, over 365 days), each currency in its own minor units.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import type { ReceivableAgeingRow } from '../../../src-main/api/contract.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { todayIso, useSettlementFormatters } from './settlement-format.ts';
import { AGEING_BUCKETS, SETTLEMENT_AREAS } from './vocabulary.ts';

export function ReceivablesAgeingView() {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const [asOf, setAsOf] = useState(todayIso());
  const ageing = useQuery('settlement.receivablesAgeing', { asOf }, { areas: SETTLEMENT_AREAS });

  return (
    <ViewSection titleId="settlement-ageing-title" title={t('settlement.ageing.title')}>
      <div className="toolbar">
        <DateField label={t('settlement.fields.asOf')} value={asOf} onChange={setAsOf} testId="ageing-as-of" />
      </div>
      <p className="field-help">{t('settlement.ageing.help')}</p>
      <ListTable
        items={ageing.data}
        source={ageing}
        empty={{ title: t('settlement.ageing.emptyTitle'), body: t('settlement.ageing.emptyBody') }}
        data-testid="receivables-ageing"
        row={(r) => ({ key: r.currency, 'data-testid': `receivables-${r.currency}`, 'data-total': r.total })}
        columns={[
          { head: 'settlement.fields.currency', rowHead: true, cell: (r) => r.currency },
          ...AGEING_BUCKETS.map((b) => ({
            head: `settlement.ageing.buckets.${b}` as const,
            num: true,
            td: (r: ReceivableAgeingRow) => ({
              className: r.buckets[b] === 0 ? 'muted' : undefined,
              'data-testid': `receivables-${r.currency}-${b}`,
            }),
            cell: (r: ReceivableAgeingRow) => (r.buckets[b] === 0 ? '–' : f.money(r.buckets[b], r.currency)),
          })),
          {
            head: 'settlement.ageing.total',
            num: true,
            className: 'strong',
            cell: (r) => f.money(r.total, r.currency),
          },
        ]}
      />
    </ViewSection>
  );
}
