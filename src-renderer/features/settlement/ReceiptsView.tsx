/**
 * ReceiptsView: bank receipts of foreign currency and their conversion to CNY at the bank's
 * rate. The form records one (`settlement.receipts.record`: optional payout, day, currency,
 * amount, bank rate, the bank's own CNY figure and charges when they differ); the host posts
 * the realised FX gain or loss, shown in the list. A missing rate is asked for, then the
 * receipt is recorded again.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import type { ErrorInfo, Receipt } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { isCurrency, type Currency } from '../../ui/currencies.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { Pager, usePage } from './Pager.tsx';
import { FOREIGN_CURRENCIES, missingRateOf, RateForm } from './RateForm.tsx';
import { isDecimalText, normaliseRate, todayIso, useSettlementFormatters } from './settlement-format.ts';

export function ReceiptsView() {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const list = useQuery('settlement.receipts.list', {}, { areas: SETTLEMENT_AREAS });
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<Receipt | null>(null);
  const { rows, pager } = usePage(list.data ?? []);
  const cny = (fen: number) => f.money(fen, 'CNY');

  return (
    <ViewSection
      titleId="settlement-receipts-title"
      title={t('settlement.receipts.title')}
      actions={
        <Button
          variant="primary"
          data-testid="receipt-new"
          onClick={() => {
            setRecording((v) => !v);
            setRecorded(null);
          }}
        >
          {t('settlement.receipts.record')}
        </Button>
      }
      help={t('settlement.receipts.help')}
    >
      {recorded ? (
        <p className="form-saved" role="status" data-testid="receipt-recorded" data-gain={recorded.fxGainLoss}>
          {t('settlement.receipts.recorded', { cny: cny(recorded.cnyReceived), gain: cny(recorded.fxGainLoss) })}
        </p>
      ) : null}
      {recording ? (
        <ReceiptForm
          onCancel={() => setRecording(false)}
          onSaved={(r) => {
            setRecording(false);
            setRecorded(r);
          }}
        />
      ) : null}
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      {list.data !== undefined && list.data.length === 0 && !recording ? (
        <EmptyState title={t('settlement.receipts.emptyTitle')} body={t('settlement.receipts.emptyBody')} />
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          data-testid="receipts-table"
          columns={[
            t('settlement.fields.date'),
            t('settlement.receipts.bank'),
            num(t('settlement.receipts.amount')),
            num(t('settlement.receipts.bankRate')),
            num(t('settlement.receipts.cnyReceived')),
            num(t('settlement.receipts.cnyBooked')),
            num(t('settlement.receipts.bankCharges')),
            num(t('settlement.receipts.fxGainLoss')),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.id} data-testid={`receipt-${r.id}`}>
              <td>{f.day(r.date)}</td>
              <td>{[r.bankName, r.reference].filter(Boolean).join(' · ')}</td>
              <td className="num">{f.money(r.amount, r.currency)}</td>
              <td className="num mono">{r.bankRate}</td>
              <td className="num">{cny(r.cnyReceived)}</td>
              <td className="num">{cny(r.cnyBooked)}</td>
              <td className="num">{cny(r.bankCharges)}</td>
              <td className={r.fxGainLoss < 0 ? 'num stat-bad' : 'num'}>{cny(r.fxGainLoss)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <Pager {...pager} />
    </ViewSection>
  );
}

type ReceiptTextField = 'amount' | 'bankRate' | 'cnyReceived' | 'bankCharges' | 'bankName' | 'reference';

interface ReceiptFormProps {
  readonly onSaved: (receipt: Receipt) => void;
  readonly onCancel: () => void;
}

function ReceiptForm({ onSaved, onCancel }: ReceiptFormProps) {
  const { t } = useTranslation();
  const receiptsRecord = useMutation('settlement.receipts.record');
  const payouts = useQuery('payouts.list', {}, { areas: SETTLEMENT_AREAS });
  const [payoutId, setPayoutId] = useState('');
  const [date, setDate] = useState(todayIso());
  const [currency, setCurrency] = useState<Currency>('USD');
  const [amount, setAmount] = useState('');
  const [bankRate, setBankRate] = useState('');
  const [cnyReceived, setCnyReceived] = useState('');
  const [bankCharges, setBankCharges] = useState('');
  const [bankName, setBankName] = useState('');
  const [reference, setReference] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const missing = missingRateOf(error);

  const submit = async (e?: FormEvent<HTMLFormElement>) => {
    e?.preventDefault();
    if (saving) return;
    const rate = normaliseRate(bankRate);
    const local: Record<string, string> = {};
    if (!isDecimalText(amount)) local['amount'] = 'settlementForm.amountFormat';
    if (rate === null) local['bankRate'] = 'settlementForm.rateFormat';
    if (cnyReceived.trim() !== '' && !isDecimalText(cnyReceived)) local['cnyReceived'] = 'settlementForm.amountFormat';
    if (bankCharges.trim() !== '' && !isDecimalText(bankCharges)) local['bankCharges'] = 'settlementForm.amountFormat';
    setFieldErrors(local);
    if (rate === null || Object.keys(local).length > 0) return;
    setSaving(true);
    setError(null);
    const optional = (text: string) => (text.trim() === '' ? null : text.trim());
    const result = await receiptsRecord.run({
      payoutId: payoutId === '' ? null : Number(payoutId),
      date,
      currency,
      amount: amount.trim(),
      bankRate: rate,
      cnyReceived: optional(cnyReceived),
      bankCharges: optional(bankCharges),
      bankName: optional(bankName),
      reference: optional(reference),
    });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else {
      setFieldErrors(result.error.fields ?? {});
      setError(result.error);
    }
  };

  const text = (
    name: ReceiptTextField,
    value: string,
    set: (v: string) => void,
    opts: { mono?: boolean; optional?: boolean; help?: string } = {},
  ) => (
    <Field
      name={`receipt-${name}`}
      label={t(`settlement.receipts.fields.${name}`)}
      optional={opts.optional ?? false}
      help={opts.help}
      errorCode={fieldErrors[name] ?? null}
    >
      {(control) => (
        <input
          {...control}
          className={opts.mono ? 'input mono' : 'input'}
          type="text"
          data-testid={`receipt-${name}`}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="form panel" data-testid="receipt-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="panel-title">{t('settlement.receipts.formTitle')}</h3>
      {error && !missing ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {missing ? <RateForm missing={missing} onSaved={() => void submit()} onCancel={() => setError(null)} /> : null}
      <div className="form-grid">
        <Field name="receipt-payout" label={t('settlement.receipts.fields.payout')} optional>
          {(control) => (
            <Select
              {...control}
              data-testid="receipt-payout"
              value={payoutId}
              options={[
                { value: '', label: t('settlement.receipts.noPayout') },
                ...(payouts.data ?? []).map((p) => ({
                  value: String(p.id),
                  label: `${p.settlementId} · ${p.currency}`,
                })),
              ]}
              onChange={(e) => {
                setPayoutId(e.target.value);
                const p = payouts.data?.find((x) => String(x.id) === e.target.value);
                if (p && isCurrency(p.currency)) setCurrency(p.currency);
              }}
            />
          )}
        </Field>
        <Field name="receipt-date" label={t('settlement.fields.date')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              data-testid="receipt-date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field name="receipt-currency" label={t('settlement.fields.currency')}>
          {(control) => (
            <Select
              {...control}
              data-testid="receipt-currency"
              value={currency}
              options={FOREIGN_CURRENCIES.map((c) => ({ value: c, label: c }))}
              onChange={(e) => {
                if (isCurrency(e.target.value)) setCurrency(e.target.value);
              }}
            />
          )}
        </Field>
        {text('amount', amount, setAmount, { mono: true })}
        {text('bankRate', bankRate, setBankRate, { mono: true, help: t('settlement.receipts.bankRateHelp') })}
        {text('cnyReceived', cnyReceived, setCnyReceived, {
          mono: true,
          optional: true,
          help: t('settlement.receipts.cnyReceivedHelp'),
        })}
        {text('bankCharges', bankCharges, setBankCharges, { mono: true, optional: true })}
        {text('bankName', bankName, setBankName, { optional: true })}
        {text('reference', reference, setReference, { optional: true })}
      </div>
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="receipt-save" disabled={saving}>
          {saving ? t('settlement.actions.saving') : t('settlement.receipts.save')}
        </Button>
        <Button onClick={onCancel}>{t('settlement.actions.cancel')}</Button>
      </div>
    </form>
  );
}
