/**
 * JournalView: the trial balance as of a day (every account's debits, credits and balance in
 * CNY, and the totals, which must be equal), plus posting the period's orders (revenue at each
 * order day's rate) and cost of goods — a missing rate lists the orders that were skipped.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import type { ErrorInfo, PostPeriodSummary } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { translateError } from '../../i18n/translate-error.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { todayIso, useSettlementFormatters } from './settlement-format.ts';

export function JournalView() {
  const { t, i18n } = useTranslation();
  const journalPostPeriod = useMutation('journal.postPeriod');
  const f = useSettlementFormatters();
  const [asOf, setAsOf] = useState(todayIso());
  const trial = useQuery('journal.trialBalance', { asOf }, { areas: SETTLEMENT_AREAS });
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState<PostPeriodSummary | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const cny = (fen: number) => f.money(fen, 'CNY');
  const english = i18n.language.startsWith('en');
  const tb = trial.data;

  const postPeriod = async () => {
    setPosting(true);
    setError(null);
    const result = await journalPostPeriod.run({ to: asOf });
    setPosting(false);
    if (result.ok) {
      setPosted(result.value);
    } else setError(result.error);
  };

  return (
    <ViewSection
      titleId="settlement-journal-title"
      title={t('settlement.journal.title')}
      actions={
        <Button data-testid="journal-post-period" disabled={posting} onClick={() => void postPeriod()}>
          {t('settlement.journal.postPeriod')}
        </Button>
      }
    >
      <div className="toolbar">
        <DateField label={t('settlement.fields.asOf')} value={asOf} onChange={setAsOf} testId="journal-as-of" />
      </div>
      <p className="field-help">{t('settlement.journal.help')}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {trial.error ? <ErrorBanner error={trial.error} onDismiss={trial.clearError} /> : null}
      {posted ? (
        <div className="form-saved" role="status" data-testid="journal-posted">
          {t('settlement.journal.posted', {
            orders: f.count(posted.orders),
            stock: f.count(posted.stockIn + posted.stockReversed),
            cogs: f.count(posted.cogs),
            skipped: f.count(posted.skipped.length),
          })}
          {posted.skipped.length > 0 ? (
            <ul className="settlement-list">
              {posted.skipped.slice(0, 20).map((s) => (
                <li key={s.orderNo}>
                  {s.orderNo}: {translateError(t, s.code, { currency: s.currency, date: s.date })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ListTable
        items={tb?.rows}
        empty={{ title: t('settlement.journal.emptyTitle'), body: t('settlement.journal.emptyBody') }}
        data-testid="trial-balance"
        data-balanced={tb?.balanced}
        foot={
          tb ? (
            <tr data-testid="trial-total" data-debit={tb.totalDebit} data-credit={tb.totalCredit}>
              <th scope="row" colSpan={3}>
                {t('settlement.journal.total')}{' '}
                <span
                  className={tb.balanced ? 'status-badge status-badge-ok' : 'status-badge status-badge-warn'}
                  data-testid="trial-balanced"
                >
                  {tb.balanced ? t('settlement.journal.balanced') : t('settlement.journal.unbalanced')}
                </span>
              </th>
              <td className="num strong">{cny(tb.totalDebit)}</td>
              <td className="num strong">{cny(tb.totalCredit)}</td>
              <td />
            </tr>
          ) : null
        }
        row={(r) => ({ key: r.account, 'data-testid': `trial-${r.account}` })}
        columns={[
          { head: 'settlement.journal.account', mono: true, cell: (r) => r.account },
          { head: 'settlement.journal.name', cell: (r) => (english ? r.nameEn : r.nameZh) },
          { head: 'settlement.journal.kind', cell: (r) => t(`settlement.journal.kinds.${r.kind}`) },
          { head: 'settlement.journal.debit', num: true, cell: (r) => (r.debit === 0 ? '' : cny(r.debit)) },
          { head: 'settlement.journal.credit', num: true, cell: (r) => (r.credit === 0 ? '' : cny(r.credit)) },
          { head: 'settlement.journal.balance', num: true, cell: (r) => cny(r.balance) },
        ]}
      />
    </ViewSection>
  );
}
