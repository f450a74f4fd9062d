/**
 * PayoutImportPanel: imports a settlement / payout file like the orders wizard does — choose
 * the file (and the format, or let the host detect it) → preview with the deposit, the sum of
 * the lines, the totals per netting category, the unmatched lines and the rejected rows with
 * their row, column and reason → confirm (one transaction) or discard. A `rates.missing`
 * answer on confirm asks for the rate and confirms again once it is saved.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo, PayoutImportSummary, PayoutPreview } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { FilePicker, readForHost } from './FilePicker.tsx';
import { missingRateOf, RateForm } from './RateForm.tsx';
import { RejectedRows } from './RejectedRows.tsx';
import { useSettlementFormatters } from './settlement-format.ts';
import { isPayoutSourceChoice, NETTING_CATEGORIES, PAYOUT_SOURCES, type PayoutSourceChoice } from './vocabulary.ts';

type Busy = null | 'preview' | 'confirm';

export interface PayoutImportPanelProps {
  readonly onImported: (summary: PayoutImportSummary) => void;
}

export function PayoutImportPanel({ onImported }: PayoutImportPanelProps) {
  const { t } = useTranslation();
  const payoutsConfirm = useMutation('payouts.confirm');
  const payoutsDiscard = useMutation('payouts.discard');
  const payoutsPreview = useMutation('payouts.preview');
  const f = useSettlementFormatters();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<PayoutSourceChoice>('auto');
  const [currency, setCurrency] = useState<Currency | ''>('');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [preview, setPreview] = useState<PayoutPreview | null>(null);
  const missing = missingRateOf(error);

  const runPreview = async () => {
    if (!file || busy) return;
    setError(null);
    setPreview(null);
    setBusy('preview');
    const read = await readForHost(file);
    if (!read.ok) {
      setBusy(null);
      setError(read.error);
      return;
    }
    const result = await payoutsPreview.run({
      fileName: read.fileName,
      contentBase64: read.contentBase64,
      source,
      ...(currency === '' ? {} : { currency }),
    });
    setBusy(null);
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  };

  const confirm = async () => {
    if (!preview || busy) return;
    setBusy('confirm');
    setError(null);
    const result = await payoutsConfirm.run({ previewId: preview.previewId });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPreview(null);
    setFile(null);
    onImported(result.value);
  };

  const discard = async () => {
    if (!preview) return;
    await payoutsDiscard.run({ previewId: preview.previewId });
    setPreview(null);
    setError(null);
  };

  const money = (minor: number) => f.money(minor, preview?.currency ?? 'USD');

  return (
    <section className="panel" data-testid="payout-import">
      <h3 className="panel-title">{t('settlement.payouts.importTitle')}</h3>
      <p className="field-help">{t('settlement.payouts.importHelp')}</p>
      {error && !missing ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {missing ? <RateForm missing={missing} onSaved={() => void confirm()} onCancel={() => setError(null)} /> : null}
      <div className="toolbar">
        <ToolbarSelect
          label={t('settlement.payouts.format')}
          testId="payout-import-source"
          value={source}
          disabled={busy !== null}
          options={[
            { value: 'auto', label: t('settlement.payouts.autoDetect') },
            ...PAYOUT_SOURCES.map((s) => ({ value: s, label: t(`settlement.payoutSources.${s}`) })),
          ]}
          onChange={(e) => {
            if (isPayoutSourceChoice(e.target.value)) setSource(e.target.value);
            setPreview(null);
          }}
        />
        <ToolbarSelect
          label={t('settlement.payouts.currency')}
          testId="payout-import-currency"
          value={currency}
          disabled={busy !== null}
          options={[
            { value: '', label: t('settlement.payouts.currencyFromFile') },
            ...CURRENCIES.map((c) => ({ value: c, label: c })),
          ]}
          onChange={(e) => setCurrency(isCurrency(e.target.value) ? e.target.value : '')}
        />
      </div>
      <FilePicker
        file={file}
        disabled={busy !== null}
        accept=".txt,.tsv,.csv,text/csv,text/tab-separated-values,text/plain"
        testId="payout-import-file"
        onChoose={(chosen) => {
          setFile(chosen);
          setPreview(null);
          setError(null);
        }}
      />
      <div className="form-actions">
        <Button
          variant="primary"
          data-testid="payout-import-preview"
          disabled={!file || busy !== null}
          onClick={() => void runPreview()}
        >
          {busy === 'preview' ? t('settlement.import.reading') : t('settlement.import.preview')}
        </Button>
      </div>

      {preview ? (
        <div data-testid="payout-preview" data-deposit={preview.deposit} data-sum={preview.sumOfLines}>
          <h4 className="section-title">{t('settlement.payouts.previewTitle', { id: preview.settlementId })}</h4>
          {preview.alreadyImportedId !== null ? (
            <p className="notice" data-testid="payout-preview-already">
              {t('settlement.payouts.alreadyImported')}
            </p>
          ) : null}
          {preview.debitBalance ? (
            <p className="notice" data-testid="payout-preview-debit">
              {t('settlement.payouts.debitBalance')}
            </p>
          ) : null}
          <dl className="stats">
            <div className="stat">
              <dt>{t('settlement.payouts.source')}</dt>
              <dd>{t(`settlement.payoutSources.${preview.source}`)}</dd>
            </div>
            <div className="stat">
              <dt>{t('settlement.payouts.period')}</dt>
              <dd>{t('settlement.periodRange', { from: f.day(preview.periodStart), to: f.day(preview.periodEnd) })}</dd>
            </div>
            <div className="stat">
              <dt>{t('settlement.payouts.depositDate')}</dt>
              <dd>{f.day(preview.depositDate)}</dd>
            </div>
            <div className="stat" data-testid="payout-preview-deposit">
              <dt>{t('settlement.payouts.deposit')}</dt>
              <dd>{money(preview.deposit)}</dd>
            </div>
            <div className="stat" data-testid="payout-preview-sum">
              <dt>{t('settlement.payouts.sumOfLines')}</dt>
              <dd>{money(preview.sumOfLines)}</dd>
            </div>
            <div className="stat">
              <dt>{t('settlement.payouts.lines')}</dt>
              <dd>{f.count(preview.lines)}</dd>
            </div>
            <div className="stat">
              <dt>{t('settlement.payouts.matchedOrders')}</dt>
              <dd>{f.count(preview.matchedOrders)}</dd>
            </div>
            {preview.heldBackOrders > 0 ? (
              // orders dated in a closed month: confirm does not write them (period.closed), so not matched
              <div className="stat" data-testid="payout-preview-held-back">
                <dt>{t('settlement.payouts.heldBackOrders', { months: preview.heldBackMonths.join(', ') })}</dt>
                <dd className="stat-bad">{f.count(preview.heldBackOrders)}</dd>
              </div>
            ) : null}
            <div className="stat">
              <dt>{t('settlement.payouts.unmatchedLines')}</dt>
              <dd className={preview.unmatchedLineCount > 0 ? 'stat-bad' : undefined}>
                {f.count(preview.unmatchedLineCount)}
              </dd>
            </div>
          </dl>
          <DataTable
            data-testid="payout-preview-categories"
            foot={
              <tr>
                <th scope="row">{t('settlement.payouts.sumOfLines')}</th>
                <td className="num strong">{money(preview.sumOfLines)}</td>
              </tr>
            }
            columns={[t('settlement.netting.item'), num(t('settlement.netting.amount'))]}
          >
            {NETTING_CATEGORIES.map((c) => (
              <tr key={c} data-testid={`payout-preview-category-${c}`} data-amount={preview.categories[c]}>
                <td>{t(`settlement.categories.${c}`)}</td>
                <td className="num">{money(preview.categories[c])}</td>
              </tr>
            ))}
          </DataTable>
          {preview.unmatchedLines.length > 0 ? (
            <>
              <h4 className="section-title">
                {t('settlement.payouts.unmatchedTitle', { n: preview.unmatchedLineCount })}
              </h4>
              <ul className="settlement-list" data-testid="payout-preview-unmatched">
                {preview.unmatchedLines.map((l) => (
                  <li key={l.row}>
                    {t('settlement.payouts.unmatchedLine', {
                      row: l.row,
                      order: l.orderNo ?? '',
                      amount: money(l.amount),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <RejectedRows rows={preview.rejected} testId="payout-preview-rejected" />
          <div className="form-actions">
            <Button
              variant="primary"
              data-testid="payout-import-confirm"
              disabled={busy !== null || preview.rejected.length > 0}
              onClick={() => void confirm()}
            >
              {busy === 'confirm' ? t('settlement.import.importing') : t('settlement.import.confirm')}
            </Button>
            <Button data-testid="payout-import-discard" disabled={busy !== null} onClick={() => void discard()}>
              {t('settlement.import.discard')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
