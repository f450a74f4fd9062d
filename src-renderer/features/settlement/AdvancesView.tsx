/**
 * AdvancesView: 代垫 — overseas costs advanced by a domestic logistics or platform firm (party,
 * day, amount, currency, category) and their repayments. Advances are due within 12 months:
 * the overdue ones are listed first, those close to the limit carry a warning, and each open
 * advance can be repaid in part or in full.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { Advance, AdvanceCategory, AdvanceStatus, ErrorInfo } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useForm } from '../../ui/use-form.ts';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { isDecimalText, todayIso, useSettlementFormatters } from './settlement-format.ts';
import { ADVANCE_CATEGORIES, isAdvanceCategory, SETTLEMENT_AREAS } from './vocabulary.ts';

const STATUS_BADGE: Readonly<Record<AdvanceStatus, string>> = {
  open: 'status-badge status-badge-info',
  warning: 'status-badge status-badge-warn',
  overdue: 'status-badge status-badge-warn',
  repaid: 'status-badge status-badge-ok',
};

export function AdvancesView() {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const list = useQuery('settlement.advances.list', {}, { areas: SETTLEMENT_AREAS });
  const [adding, setAdding] = useState(false);
  const [repaying, setRepaying] = useState<number | null>(null);
  const advances = list.data ?? [];
  const overdue = advances.filter((a) => a.status === 'overdue');
  const warning = advances.filter((a) => a.status === 'warning');

  const changed = () => {
    setAdding(false);
    setRepaying(null);
  };

  return (
    <ViewSection
      titleId="settlement-advances-title"
      title={t('settlement.advances.title')}
      actions={
        <Button variant="primary" data-testid="advance-new" onClick={() => setAdding((v) => !v)}>
          {t('settlement.advances.add')}
        </Button>
      }
      help={t('settlement.advances.help')}
    >
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      {overdue.length > 0 ? (
        <div className="notice" role="alert" data-testid="advances-overdue">
          <strong>{t('settlement.advances.overdueTitle', { n: overdue.length })}</strong>
          <ul className="settlement-list">
            {overdue.map((a) => (
              <li key={a.id}>
                {t('settlement.advances.overdueLine', {
                  party: a.party,
                  amount: f.money(a.outstanding, a.currency),
                  due: f.day(a.dueDate),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warning.length > 0 ? (
        <p className="notice" data-testid="advances-warning">
          {t('settlement.advances.warning', { n: warning.length })}
        </p>
      ) : null}
      {adding ? <AdvanceForm onSaved={changed} onCancel={() => setAdding(false)} /> : null}
      <ListTable
        items={list.data}
        empty={{ title: t('settlement.advances.emptyTitle'), body: t('settlement.advances.emptyBody') }}
        hideEmpty={adding}
        data-testid="advances-table"
        row={(a) => ({ key: a.id, 'data-testid': `advance-${a.id}`, 'data-status': a.status })}
        below={(a) =>
          repaying === a.id ? <RepayRow advance={a} onDone={changed} onCancel={() => setRepaying(null)} /> : null
        }
        columns={[
          {
            head: 'settlement.advances.party',
            cell: (a) => (
              <>
                {a.party}
                {a.relatedParty ? (
                  <span className="status-badge status-badge-muted">{t('settlement.advances.related')}</span>
                ) : null}
              </>
            ),
          },
          { head: 'settlement.fields.date', cell: (a) => f.day(a.date) },
          { head: 'settlement.advances.category', cell: (a) => t(`settlement.advances.categories.${a.category}`) },
          { head: 'settlement.advances.amount', num: true, cell: (a) => f.money(a.amount, a.currency) },
          { head: 'settlement.advances.repaid', num: true, cell: (a) => f.money(a.repaid, a.currency) },
          {
            head: 'settlement.advances.outstanding',
            num: true,
            className: 'strong',
            cell: (a) => f.money(a.outstanding, a.currency),
          },
          { head: 'settlement.advances.dueDate', cell: (a) => f.day(a.dueDate) },
          {
            head: 'settlement.advances.status',
            cell: (a) => (
              <span className={STATUS_BADGE[a.status]}>{t(`settlement.advances.statuses.${a.status}`)}</span>
            ),
          },
          {
            head: 'settlement.actions.actions',
            hiddenHead: true,
            cell: (a) =>
              a.status !== 'repaid' && repaying !== a.id ? (
                <Button variant="quiet" data-testid={`advance-repay-${a.id}`} onClick={() => setRepaying(a.id)}>
                  {t('settlement.advances.repay')}
                </Button>
              ) : null,
          },
        ]}
      />
    </ViewSection>
  );
}

interface RepayRowProps {
  readonly advance: Advance;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** The repayment form under an advance's row. */
function RepayRow({ advance, onDone, onCancel }: RepayRowProps) {
  return (
    <tr>
      <td colSpan={9}>
        <RepayForm advance={advance} onSaved={onDone} onCancel={onCancel} />
      </td>
    </tr>
  );
}

function RepayForm({
  advance,
  onSaved,
  onCancel,
}: {
  readonly advance: Advance;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const advancesRepay = useMutation('settlement.advances.repay');
  const [date, setDate] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!isDecimalText(amount)) {
      setFieldError('settlementForm.amountFormat');
      return;
    }
    setFieldError(null);
    const result = await advancesRepay.run({ advanceId: advance.id, date, amount: amount.trim() });
    if (result.ok) onSaved();
    else setError(result.error);
  };

  return (
    <form className="form toolbar" data-testid="repay-form" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <TextField
        name="repay-date"
        label={t('settlement.fields.date')}
        className="input input-compact"
        type="date"
        testId="repay-date"
        value={date}
        onChange={setDate}
      />
      <TextField
        name="repay-amount"
        label={t('settlement.advances.repayAmount', { currency: advance.currency })}
        errorCode={fieldError}
        className="input input-compact mono"
        type="text"
        testId="repay-amount"
        value={amount}
        onChange={setAmount}
      />
      <Button variant="primary" type="submit" data-testid="repay-save">
        {t('settlement.advances.repaySave')}
      </Button>
      <Button onClick={onCancel}>{t('settlement.actions.cancel')}</Button>
    </form>
  );
}

function AdvanceForm({ onSaved, onCancel }: { readonly onSaved: () => void; readonly onCancel: () => void }) {
  const { t } = useTranslation();
  const advancesSave = useMutation('settlement.advances.save');
  const fields = useForm(
    { party: '', date: todayIso(), amount: '', note: '' },
    {
      names: 'advance',
      testIds: 'advance',
      label: (key: 'party' | 'date' | 'currency' | 'amount' | 'category' | 'note') =>
        t(
          key === 'party' || key === 'amount' || key === 'category'
            ? `settlement.advances.${key}`
            : `settlement.fields.${key}`,
        ),
    },
  );
  const { party, date, amount, note } = fields.values;
  const [relatedParty, setRelatedParty] = useState(false);
  const [currency, setCurrency] = useState<Currency>('USD');
  const [category, setCategory] = useState<AdvanceCategory>('logistics');

  const submit = async () => {
    const local: Record<string, string> = {};
    if (party.trim() === '') local['party'] = 'validation.required';
    if (!isDecimalText(amount)) local['amount'] = 'settlementForm.amountFormat';
    if (fields.refuse(local)) return;
    const result = await advancesSave.run({
      party: party.trim(),
      relatedParty,
      date,
      currency,
      amount: amount.trim(),
      category,
      note: note.trim() === '' ? null : note.trim(),
    });
    if (result.ok) onSaved();
    else fields.show(result.error);
  };

  return (
    <FormPanel
      testId="advance-form"
      title={t('settlement.advances.formTitle')}
      sending={advancesSave}
      onSubmit={submit}
      submit={{ testId: 'advance-save', label: t('settlement.advances.save'), onCancel }}
      form={fields}
      fields={[
        { key: 'party', help: t('settlement.advances.partyHelp'), type: 'text', maxLength: 200 },
        { key: 'date', type: 'date' },
        {
          key: 'currency',
          options: CURRENCIES.map((c) => ({ value: c, label: c })),
          value: currency,
          onChange: (v) => isCurrency(v) && setCurrency(v),
        },
        { key: 'amount', className: 'input mono', type: 'text' },
        {
          key: 'category',
          options: ADVANCE_CATEGORIES.map((c) => ({ value: c, label: t(`settlement.advances.categories.${c}`) })),
          value: category,
          onChange: (v) => isAdvanceCategory(v) && setCategory(v),
        },
        { key: 'note', optional: true, type: 'text', maxLength: 400 },
      ]}
    >
      <Checkbox
        testId="advance-related"
        label={t('settlement.advances.relatedParty')}
        checked={relatedParty}
        onChange={setRelatedParty}
      />
    </FormPanel>
  );
}
