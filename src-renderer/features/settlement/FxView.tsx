/**
 * FxView: foreign-exchange results for a period — realised gains and losses posted with each
 * bank conversion (CNY received + bank charges − CNY booked at the original rates), and the
 * unrealised difference of open receivables at the period-end rate (report only, not posted).
 * A currency without a period-end rate offers the rate prompt.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { missingRateOf, RateForm } from './RateForm.tsx';
import { receiptColumns, signedCell } from './receipt-columns.ts';
import { todayIso, useSettlementFormatters } from './settlement-format.ts';

export function FxView() {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const [to, setTo] = useState(todayIso());
  const [from, setFrom] = useState(`${todayIso().slice(0, 8)}01`);
  const report = useQuery('settlement.fxReport', { from, to }, { areas: SETTLEMENT_AREAS });
  const missing = missingRateOf(report.error);
  const [asking, setAsking] = useState<string | null>(null);
  const cny = (fen: number) => f.money(fen, 'CNY');
  const receipt = receiptColumns(f);
  const r = report.data;

  return (
    <ViewSection titleId="settlement-fx-title" title={t('settlement.fx.title')}>
      <div className="toolbar">
        <DateField label={t('settlement.fields.from')} value={from} onChange={setFrom} testId="fx-from" />
        <DateField label={t('settlement.fields.to')} value={to} onChange={setTo} testId="fx-to" />
      </div>
      {report.error && !missing ? <ErrorBanner error={report.error} onDismiss={report.clearError} /> : null}
      {missing ? <RateForm missing={missing} /> : null}
      {r ? (
        <>
          <h3 className="section-title">{t('settlement.fx.realisedTitle')}</h3>
          {r.realised.length === 0 ? (
            <p className="field-help">{t('settlement.fx.noRealised')}</p>
          ) : (
            <ColumnTable
              data-testid="fx-realised"
              foot={
                <tr data-testid="fx-realised-total" data-total={r.realisedTotal}>
                  <th scope="row" colSpan={6}>
                    {t('settlement.fx.realisedTotal')}
                  </th>
                  <td className={r.realisedTotal < 0 ? 'num stat-bad strong' : 'num strong'}>{cny(r.realisedTotal)}</td>
                </tr>
              }
              rows={r.realised}
              row={(x) => ({ key: x.id, 'data-testid': `fx-realised-${x.id}`, 'data-gain': x.fxGainLoss })}
              columns={[
                receipt.date,
                receipt.amount,
                receipt.bankRate,
                receipt.cnyReceived,
                receipt.bankCharges,
                receipt.cnyBooked,
                receipt.fxGainLoss,
              ]}
            />
          )}
          <h3 className="section-title">{t('settlement.fx.unrealisedTitle')}</h3>
          <p className="field-help">{t('settlement.fx.unrealisedHelp', { date: f.day(r.to) })}</p>
          {r.unrealised.length === 0 ? (
            <p className="field-help">{t('settlement.fx.noOpen')}</p>
          ) : (
            <ColumnTable
              data-testid="fx-unrealised"
              rows={r.unrealised}
              row={(u) => ({
                key: u.currency,
                'data-testid': `fx-unrealised-${u.currency}`,
                'data-difference': u.difference ?? '',
              })}
              columns={[
                { head: 'settlement.fields.currency', rowHead: true, cell: (u) => u.currency },
                { head: 'settlement.fx.open', num: true, cell: (u) => f.money(u.open, u.currency) },
                { head: 'settlement.fx.booked', num: true, cell: (u) => cny(u.booked) },
                {
                  head: 'settlement.fx.periodEndRate',
                  cell: (u) =>
                    u.periodEndRate ? (
                      t('settlement.fx.rateWithSource', {
                        rate: u.periodEndRate.rate,
                        source: t(`settlement.rateSources.${u.periodEndRate.source}`),
                        date: f.day(u.periodEndRate.date),
                      })
                    ) : (
                      <Button
                        variant="quiet"
                        data-testid={`fx-ask-rate-${u.currency}`}
                        onClick={() => setAsking(u.currency)}
                      >
                        {t('settlement.fx.enterRate')}
                      </Button>
                    ),
                },
                {
                  head: 'settlement.fx.revalued',
                  num: true,
                  cell: (u) => (u.revalued === null ? '–' : cny(u.revalued)),
                },
                {
                  head: 'settlement.fx.difference',
                  num: true,
                  td: (u) => (u.difference === null ? { className: 'muted' } : signedCell(u.difference)),
                  cell: (u) => (u.difference === null ? '–' : cny(u.difference)),
                },
              ]}
            />
          )}
          {asking ? (
            <RateForm
              missing={{ currency: asking, date: r.to }}
              onCancel={() => setAsking(null)}
              onSaved={() => setAsking(null)}
            />
          ) : null}
        </>
      ) : null}
    </ViewSection>
  );
}
