/**
 * ReceiptsView: bank receipts of foreign currency and their conversion to CNY at the bank's
 * rate. The form records one (`settlement.receipts.record`: optional payout, day, currency,
 * amount, bank rate, the bank's own CNY figure and charges when they differ); the host posts
 * the realised FX gain or loss, shown in the list. A missing rate is asked for, then the
 * receipt is recorded again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import type { Receipt } from '../../../src-main/api/contract.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { isCurrency, type Currency } from '../../ui/currencies.ts';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { FormFields } from '../../ui/FormFields.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useEditor } from '../../ui/use-editor.ts';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { Pager, usePage } from './Pager.tsx';
import { receiptColumns } from './receipt-columns.ts';
import { FOREIGN_CURRENCIES, missingRateOf, RateForm } from './RateForm.tsx';
import { isDecimalText, normaliseRate, todayIso, useSettlementFormatters } from './settlement-format.ts';

export function ReceiptsView() {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const list = useQuery('settlement.receipts.list', {}, { areas: SETTLEMENT_AREAS });
  const editor = useEditor<never, Receipt>();
  const recording = editor.editing !== null;
  const recorded = editor.saved;
  const { rows, pager } = usePage(list.data ?? []);
  const cny = (fen: number) => f.money(fen, 'CNY');
  const receipt = receiptColumns(f);

  return (
    <ViewSection
      titleId="settlement-receipts-title"
      title={t('settlement.receipts.title')}
      action={{ testId: 'receipt-new', label: t('settlement.receipts.record'), onClick: editor.toggleNew }}
      help={t('settlement.receipts.help')}
    >
      {recorded ? (
        <p className="form-saved" role="status" data-testid="receipt-recorded" data-gain={recorded.fxGainLoss}>
          {t('settlement.receipts.recorded', { cny: cny(recorded.cnyReceived), gain: cny(recorded.fxGainLoss) })}
        </p>
      ) : null}
      {recording ? <ReceiptForm onCancel={editor.close} onSaved={editor.done} /> : null}
      <ListTable
        items={list.data}
        rows={rows}
        source={list}
        empty={{ title: t('settlement.receipts.emptyTitle'), body: t('settlement.receipts.emptyBody') }}
        hideEmpty={recording}
        data-testid="receipts-table"
        row={(r) => ({ key: r.id, 'data-testid': `receipt-${r.id}` })}
        columns={[
          receipt.date,
          { head: 'settlement.receipts.bank', cell: (r) => [r.bankName, r.reference].filter(Boolean).join(' · ') },
          receipt.amount,
          receipt.bankRate,
          receipt.cnyReceived,
          receipt.cnyBooked,
          receipt.bankCharges,
          receipt.fxGainLoss,
        ]}
      />
      <Pager {...pager} />
    </ViewSection>
  );
}

/** The receipt form's fields labelled from the list (the currency picker says its own). */
type ReceiptField =
  'payout' | 'date' | 'amount' | 'bankRate' | 'cnyReceived' | 'bankCharges' | 'bankName' | 'reference';

interface ReceiptFormProps {
  readonly onSaved: (receipt: Receipt) => void;
  readonly onCancel: () => void;
}

function ReceiptForm({ onSaved, onCancel }: ReceiptFormProps) {
  const { t } = useTranslation();
  const receiptsRecord = useMutation('settlement.receipts.record');
  const payouts = useQuery('payouts.list', {}, { areas: SETTLEMENT_AREAS });
  const fields = useForm(
    {
      payout: '',
      date: todayIso(),
      amount: '',
      bankRate: '',
      cnyReceived: '',
      bankCharges: '',
      bankName: '',
      reference: '',
    },
    {
      names: 'receipt',
      testIds: 'receipt',
      label: (key: ReceiptField) =>
        key === 'date' ? t('settlement.fields.date') : t(`settlement.receipts.fields.${key}`),
    },
  );
  const { payout: payoutId, date, amount, bankRate, cnyReceived, bankCharges, bankName, reference } = fields.values;
  const [currency, setCurrency] = useState<Currency>('USD');
  const missing = missingRateOf(receiptsRecord.error);

  const submit = async () => {
    if (receiptsRecord.pending) return;
    const rate = normaliseRate(bankRate);
    const local: Record<string, string> = {};
    if (!isDecimalText(amount)) local['amount'] = 'settlementForm.amountFormat';
    if (rate === null) local['bankRate'] = 'settlementForm.rateFormat';
    if (cnyReceived.trim() !== '' && !isDecimalText(cnyReceived)) local['cnyReceived'] = 'settlementForm.amountFormat';
    if (bankCharges.trim() !== '' && !isDecimalText(bankCharges)) local['bankCharges'] = 'settlementForm.amountFormat';
    if (fields.refuse(local) || rate === null) return;
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
    if (result.ok) onSaved(result.value);
    else fields.show(result.error);
  };

  const mono = { className: 'input mono', type: 'text' };
  const optional = { optional: true, type: 'text' };
  return (
    <FormPanel
      testId="receipt-form"
      title={t('settlement.receipts.formTitle')}
      sending={receiptsRecord}
      error={missing ? null : receiptsRecord.error}
      onSubmit={submit}
      submit={{ testId: 'receipt-save', label: t('settlement.receipts.save'), onCancel }}
    >
      {missing ? (
        <RateForm missing={missing} onSaved={() => void submit()} onCancel={receiptsRecord.clearError} />
      ) : null}
      <div className="form-grid">
        <FormFields
          form={fields}
          fields={[
            {
              key: 'payout',
              optional: true,
              options: [
                { value: '', label: t('settlement.receipts.noPayout') },
                ...(payouts.data ?? []).map((p) => ({
                  value: String(p.id),
                  label: `${p.settlementId} · ${p.currency}`,
                })),
              ],
              onChange: (v) => {
                fields.set('payout', v);
                const p = payouts.data?.find((x) => String(x.id) === v);
                if (p && isCurrency(p.currency)) setCurrency(p.currency);
              },
            },
            { key: 'date', type: 'date' },
            {
              key: 'currency',
              label: t('settlement.fields.currency'),
              options: FOREIGN_CURRENCIES.map((c) => ({ value: c, label: c })),
              value: currency,
              onChange: (v) => isCurrency(v) && setCurrency(v),
            },
            { key: 'amount', ...mono },
            { key: 'bankRate', help: t('settlement.receipts.bankRateHelp'), ...mono },
            { key: 'cnyReceived', help: t('settlement.receipts.cnyReceivedHelp'), ...mono, optional: true },
            { key: 'bankCharges', ...mono, optional: true },
            { key: 'bankName', ...optional },
            { key: 'reference', ...optional },
          ]}
        />
      </div>
    </FormPanel>
  );
}
