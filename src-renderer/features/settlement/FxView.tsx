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
import { DataTable, num } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { missingRateOf, RateForm } from './RateForm.tsx';
import { todayIso, useSettlementFormatters } from './settlement-format.ts';

function signedClass(n: number): string {
  return n < 0 ? 'num stat-bad' : 'num';
}

export function FxView() {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const [to, setTo] = useState(todayIso());
  const [from, setFrom] = useState(`${todayIso().slice(0, 8)}01`);
  const report = useQuery('settlement.fxReport', { from, to }, { areas: SETTLEMENT_AREAS });
  const missing = missingRateOf(report.error);
  const [asking, setAsking] = useState<string | null>(null);
  const cny = (fen: number) => f.money(fen, 'CNY');
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
            <DataTable
              data-testid="fx-realised"
              foot={
                <tr data-testid="fx-realised-total" data-total={r.realisedTotal}>
                  <th scope="row" colSpan={6}>
                    {t('settlement.fx.realisedTotal')}
                  </th>
                  <td className={`${signedClass(r.realisedTotal)} strong`}>{cny(r.realisedTotal)}</td>
                </tr>
              }
              columns={[
                t('settlement.fields.date'),
                num(t('settlement.receipts.amount')),
                num(t('settlement.receipts.bankRate')),
                num(t('settlement.receipts.cnyReceived')),
                num(t('settlement.receipts.bankCharges')),
                num(t('settlement.receipts.cnyBooked')),
                num(t('settlement.receipts.fxGainLoss')),
              ]}
            >
              {r.realised.map((x) => (
                <tr key={x.id} data-testid={`fx-realised-${x.id}`} data-gain={x.fxGainLoss}>
                  <td>{f.day(x.date)}</td>
                  <td className="num">{f.money(x.amount, x.currency)}</td>
                  <td className="num mono">{x.bankRate}</td>
                  <td className="num">{cny(x.cnyReceived)}</td>
                  <td className="num">{cny(x.bankCharges)}</td>
                  <td className="num">{cny(x.cnyBooked)}</td>
                  <td className={signedClass(x.fxGainLoss)}>{cny(x.fxGainLoss)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <h3 className="section-title">{t('settlement.fx.unrealisedTitle')}</h3>
          <p className="field-help">{t('settlement.fx.unrealisedHelp', { date: f.day(r.to) })}</p>
          {r.unrealised.length === 0 ? (
            <p className="field-help">{t('settlement.fx.noOpen')}</p>
          ) : (
            <DataTable
              data-testid="fx-unrealised"
              columns={[
                t('settlement.fields.currency'),
                num(t('settlement.fx.open')),
                num(t('settlement.fx.booked')),
                t('settlement.fx.periodEndRate'),
                num(t('settlement.fx.revalued')),
                num(t('settlement.fx.difference')),
              ]}
            >
              {r.unrealised.map((u) => (
                <tr key={u.currency} data-testid={`fx-unrealised-${u.currency}`} data-difference={u.difference ?? ''}>
                  <th scope="row">{u.currency}</th>
                  <td className="num">{f.money(u.open, u.currency)}</td>
                  <td className="num">{cny(u.booked)}</td>
                  <td>
                    {u.periodEndRate ? (
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
                    )}
                  </td>
                  <td className="num">{u.revalued === null ? '–' : cny(u.revalued)}</td>
                  <td className={u.difference === null ? 'num muted' : signedClass(u.difference)}>
                    {u.difference === null ? '–' : cny(u.difference)}
                  </td>
                </tr>
              ))}
            </DataTable>
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
