/**
 * CorrectionsView (`#/customs/corrections?invtNo=…`, issue 15 point 5): one list customs numbered —
 * its lines as sent, what came back already, the duty-free return window — and the two corrections:
 * withdraw it with a CEB605 (reason required) or declare a customer return with a CEB213 against it
 * (quantities not above what may still come back, return date within the window). Each is previewed
 * first (`dryRun`: built and validated, nothing stored), then sent; the withdrawal's and returns'
 * statuses and answers follow the receipts. Errors come back coded and are shown translated.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { CommandInput, CorrectionDocument, ErrorInfo, ListCorrections } from '../../../src-main/api/contract.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { InlineSelect } from '../../ui/InlineField.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { InAppLink } from '../../ui/InAppLink.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { PreviewSendActions } from '../../ui/PreviewSendActions.tsx';
import { StatusChip, statusLabel } from '../../ui/StatusChip.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { DOCUMENTS_LIVE } from './vocabulary.ts';
import { CodeCell } from '../../ui/CodeCell.tsx';

export interface CorrectionsViewProps {
  readonly invtNo: string | null;
  readonly onPick: (invtNo: string) => void;
  readonly onOpen: (documentId: number) => void;
}

export function CorrectionsView({ invtNo, onPick, onOpen }: CorrectionsViewProps) {
  const { t } = useTranslation();
  const lists = useQuery('customs.documents.list', { type: 'CEB603', limit: 500 }, DOCUMENTS_LIVE);
  const numbered = (lists.data?.items ?? []).filter((d) => d.invtNo !== null);
  const info = useQuery('customs.lists.corrections', invtNo === null ? null : { invtNo }, DOCUMENTS_LIVE);
  const c = info.data && info.data.invtNo === invtNo ? info.data : null;
  return (
    <ViewSection testId="customs-corrections" title={t('customsFix.title')} help={t('customsFix.help')}>
      {lists.error ? <ErrorBanner error={lists.error} onDismiss={lists.clearError} /> : null}
      <div className="toolbar">
        <InlineSelect
          id="corrections-list"
          label={t('customsFix.pickList')}
          value={invtNo ?? ''}
          options={[
            { value: '', label: t('customsFix.pickPlaceholder') },
            ...numbered.map((d) => ({
              value: d.invtNo!,
              label: `${d.invtNo} · ${d.orderNo ?? d.businessKey}`,
            })),
          ]}
          onChange={(e) => e.target.value !== '' && onPick(e.target.value)}
        />
      </div>
      {numbered.length === 0 && lists.data ? <p className="muted">{t('customsFix.noLists')}</p> : null}
      {info.error ? <ErrorBanner error={info.error} onDismiss={info.clearError} /> : null}
      {c ? (
        <>
          <ListFacts c={c} onOpen={onOpen} />
          <WithdrawPanel key={`w-${c.invtNo}`} c={c} onOpen={onOpen} />
          <ReturnPanel key={`r-${c.invtNo}`} c={c} onOpen={onOpen} />
        </>
      ) : null}
    </ViewSection>
  );
}

function ListFacts({ c, onOpen }: { readonly c: ListCorrections; readonly onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts-columns" data-testid="corrections-facts">
      <div>
        <dt>{t('customsFix.invtNo')}</dt>
        <dd className="mono" translate="no">
          <InAppLink href={`#/customs/documents/${c.documentId}`} onOpen={() => onOpen(c.documentId)}>
            {c.invtNo}
          </InAppLink>
        </dd>
      </div>
      <div>
        <dt>{t('customsFix.orderNo')}</dt>
        <dd className="mono" translate="no">
          {c.orderNo ?? c.copNo}
        </dd>
      </div>
      <div>
        <dt>{t('customsFix.status')}</dt>
        <dd>
          <StatusChip status={c.status} testId="corrections-list-status" />
        </dd>
      </div>
      <div>
        <dt>{t('customsFix.tradeMode')}</dt>
        <dd translate="no">{c.tradeMode}</dd>
      </div>
      <div>
        <dt>{t('customsFix.exportDate')}</dt>
        <dd translate="no">{c.exportDate}</dd>
      </div>
      <div>
        <dt>{t('customsFix.window')}</dt>
        <dd data-testid="corrections-window">
          {c.returnWindowEnd ? t('customsFix.windowUntil', { date: c.returnWindowEnd }) : t('customsFix.windowNone')}
        </dd>
      </div>
    </dl>
  );
}

function DocLine({
  doc,
  testId,
  onOpen,
}: {
  readonly doc: CorrectionDocument;
  readonly testId: string;
  readonly onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <tr data-testid={testId} data-status={doc.status}>
      <CodeCell>
        <InAppLink href={`#/customs/documents/${doc.documentId}`} onOpen={() => onOpen(doc.documentId)}>
          {doc.key}
        </InAppLink>
      </CodeCell>
      <td>
        <StatusChip status={doc.status} />
      </td>
      <CodeCell kind="text">
        {[doc.lastReturnStatus, doc.lastReturnInfo].filter(Boolean).join(' ') || t('customsFix.noAnswer')}
      </CodeCell>
    </tr>
  );
}

type Outcome = {
  readonly preview: boolean;
  readonly documents: number;
  readonly already: boolean;
  readonly invalid: number;
};

/** What a preview (`dryRun`) or a send came to, from the command's result. */
function outcomeOf(
  dryRun: boolean,
  value: {
    readonly documents: number;
    readonly alreadyDeclared: boolean;
    readonly validationErrors: readonly unknown[];
  },
): Outcome {
  return {
    preview: dryRun,
    documents: value.documents,
    already: value.alreadyDeclared,
    invalid: value.validationErrors.length,
  };
}

function OutcomeNote({
  outcome,
  testId,
  kind,
}: {
  readonly outcome: Outcome;
  readonly testId: string;
  readonly kind: 'withdraw' | 'return';
}) {
  const { t } = useTranslation();
  const text = outcome.already
    ? t('customsFix.already')
    : outcome.invalid > 0
      ? t('customsFix.invalid', { count: outcome.invalid })
      : outcome.preview
        ? t(`customsFix.${kind}.previewOk`)
        : t(`customsFix.${kind}.sent`);
  return (
    <p
      className={outcome.invalid > 0 ? 'notice' : 'form-saved'}
      role="status"
      data-testid={testId}
      data-preview={outcome.preview ? 'true' : 'false'}
    >
      {text}
    </p>
  );
}

function WithdrawPanel({ c, onOpen }: { readonly c: ListCorrections; readonly onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const cancel = useMutation('customs.lists.cancel');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [outcome, setOutcome] = useState<(Outcome & { readonly reason: string }) | null>(null);

  const run = async (dryRun: boolean) => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    const r = await cancel.run({
      invtNo: c.invtNo,
      reason: reason.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
      dryRun,
    });
    if (!r.ok) {
      setOutcome(null);
      setError(r.error);
      return;
    }
    setOutcome({ ...outcomeOf(dryRun, r.value), reason: reason.trim() });
  };
  const previewed = outcome !== null && outcome.preview && outcome.invalid === 0 && outcome.reason === reason.trim();

  return (
    <Panel
      level={3}
      testId="corrections-withdraw"
      title={t('customsFix.withdraw.title')}
      help={t('customsFix.withdraw.help')}
    >
      {c.withdrawal ? (
        <DataTable
          data-testid="corrections-withdrawal"
          columns={[t('customsFix.key'), t('customsFix.status'), t('customsFix.answer')]}
        >
          <DocLine doc={c.withdrawal} testId="corrections-withdrawal-row" onOpen={onOpen} />
        </DataTable>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {c.canWithdraw ? (
        <>
          <div className="form-grid">
            <Field
              name="withdraw-reason"
              label={t('customsFix.withdraw.reason')}
              help={t('customsFix.withdraw.reasonHelp')}
              errorCode={missing ? 'validation.required' : null}
            >
              {(a11y) => (
                <textarea
                  {...a11y}
                  className="input"
                  rows={2}
                  maxLength={1000}
                  data-testid="corrections-withdraw-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </Field>
            <TextField
              name="withdraw-note"
              label={t('customsFix.withdraw.note')}
              optional
              testId="corrections-withdraw-note"
              maxLength={1000}
              value={note}
              onChange={setNote}
            />
          </div>
          <PreviewSendActions
            testIds={['corrections-withdraw-preview', 'corrections-withdraw-send']}
            previewLabel={t('customsFix.preview')}
            sendLabel={t('customsFix.withdraw.send')}
            busy={cancel.pending}
            canSend={previewed}
            onRun={(dryRun) => void run(dryRun)}
          />
        </>
      ) : c.withdrawal === null ? (
        <p className="muted" data-testid="corrections-withdraw-unavailable">
          {t('customsFix.withdraw.unavailable', { status: statusLabel(t, c.status) })}
        </p>
      ) : null}
      {outcome ? <OutcomeNote outcome={outcome} testId="corrections-withdraw-outcome" kind="withdraw" /> : null}
    </Panel>
  );
}

type ReturnInput = CommandInput<'customs.returns.apply'>;
const RETURN_TEXTS = [
  'coElNo',
  'reason',
  'logisticsNo',
  'billNo',
  'trafMode',
  'trafName',
  'voyageNo',
  'country',
] as const;
type ReturnText = (typeof RETURN_TEXTS)[number];

function ReturnPanel({ c, onOpen }: { readonly c: ListCorrections; readonly onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const apply = useMutation('customs.returns.apply');
  const [values, setValues] = useState<Record<ReturnText, string>>(() => ({
    coElNo: '',
    reason: '',
    logisticsNo: '',
    billNo: '',
    trafMode: '5',
    trafName: '',
    voyageNo: '',
    country: c.country ?? '',
  }));
  const [returnDate, setReturnDate] = useState('');
  const [qty, setQty] = useState<Record<number, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<Record<number, 'invalid' | 'tooMany'>>({});
  const [noLines, setNoLines] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [outcome, setOutcome] = useState<(Outcome & { readonly input: string }) | null>(null);

  const inputOf = (): {
    input: ReturnInput | null;
    errs: Record<string, string>;
    lineErrs: Record<number, 'invalid' | 'tooMany'>;
    none: boolean;
  } => {
    const errs: Record<string, string> = {};
    const lineErrs: Record<number, 'invalid' | 'tooMany'> = {};
    for (const k of RETURN_TEXTS) if (k !== 'country' && values[k].trim() === '') errs[k] = 'validation.required';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(returnDate)) errs['returnDate'] = 'validation.required';
    const lines: Array<{ gnum: number; qty: number }> = [];
    for (const l of c.lines) {
      const text = (qty[l.gnum] ?? '').trim();
      if (text === '') continue;
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < 1) lineErrs[l.gnum] = 'invalid';
      else if (n > l.returnable) lineErrs[l.gnum] = 'tooMany';
      else lines.push({ gnum: l.gnum, qty: n });
    }
    const none = lines.length === 0 && Object.keys(lineErrs).length === 0;
    if (Object.keys(errs).length > 0 || Object.keys(lineErrs).length > 0 || none)
      return { input: null, errs, lineErrs, none };
    const input: ReturnInput = {
      invtNo: c.invtNo,
      coElNo: values.coElNo.trim(),
      returnDate,
      reason: values.reason.trim(),
      logisticsNo: values.logisticsNo.trim(),
      billNo: values.billNo.trim(),
      trafMode: values.trafMode.trim(),
      trafName: values.trafName.trim(),
      voyageNo: values.voyageNo.trim(),
      ...(values.country.trim() ? { country: values.country.trim().toUpperCase() } : {}),
      lines,
    };
    return { input, errs, lineErrs, none };
  };

  const run = async (dryRun: boolean) => {
    const { input, errs, lineErrs, none } = inputOf();
    setFieldErrors(errs);
    setLineErrors(lineErrs);
    setNoLines(none);
    if (!input) return;
    setError(null);
    const r = await apply.run({ ...input, dryRun });
    if (!r.ok) {
      setOutcome(null);
      setError(r.error);
      return;
    }
    setOutcome({ ...outcomeOf(dryRun, r.value), input: JSON.stringify(input) });
  };
  const previewed =
    outcome !== null &&
    outcome.preview &&
    outcome.invalid === 0 &&
    !outcome.already &&
    outcome.input === JSON.stringify(inputOf().input);
  const outsideWindow =
    c.returnWindowEnd !== null && returnDate !== '' && (returnDate > c.returnWindowEnd || returnDate < c.exportDate);

  return (
    <Panel
      level={3}
      testId="corrections-return"
      title={t('customsFix.return.title')}
      help={t('customsFix.return.help')}
    >
      {c.returns.length > 0 ? (
        <DataTable
          data-testid="corrections-returns"
          columns={[t('customsFix.return.coElNo'), t('customsFix.status'), t('customsFix.answer')]}
        >
          {c.returns.map((d) => (
            <DocLine key={d.documentId} doc={d} testId={`corrections-return-${d.key}`} onOpen={onOpen} />
          ))}
        </DataTable>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {c.canReturn ? (
        <>
          <ColumnTable
            data-testid="corrections-return-lines"
            rows={c.lines}
            row={(l) => ({ key: l.gnum, 'data-testid': `corrections-line-${l.gnum}` })}
            columns={[
              { head: 'customsFix.return.gnum', num: true, cell: (l) => l.gnum },
              {
                head: 'customsFix.return.goods',
                cell: (l) => (
                  <>
                    {l.gname} <span className="field-help mono">{l.gcode}</span>
                  </>
                ),
              },
              { head: 'customsFix.return.declared', num: true, code: true, cell: (l) => l.qty },
              { head: 'customsFix.return.returned', num: true, code: true, cell: (l) => l.returned },
              { head: 'customsFix.return.returnable', num: true, code: true, cell: (l) => l.returnable },
              {
                head: 'customsFix.return.qty',
                cell: (l) => (
                  <>
                    <input
                      className="input input-compact"
                      inputMode="numeric"
                      aria-label={t('customsFix.return.qtyOf', { gnum: l.gnum })}
                      aria-invalid={lineErrors[l.gnum] !== undefined}
                      data-testid={`corrections-qty-${l.gnum}`}
                      disabled={l.returnable === 0}
                      value={qty[l.gnum] ?? ''}
                      onChange={(e) => setQty({ ...qty, [l.gnum]: e.target.value })}
                    />
                    {lineErrors[l.gnum] ? (
                      <div className="field-error" role="alert" data-testid={`corrections-qty-error-${l.gnum}`}>
                        {lineErrors[l.gnum] === 'tooMany'
                          ? t('customsFix.return.tooMany', { max: l.returnable })
                          : t('errors.validation.invalid')}
                      </div>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
          {noLines ? (
            <p className="field-error" role="alert" data-testid="corrections-lines-error">
              {t('customsFix.return.noLines')}
            </p>
          ) : null}
          <div className="form-grid">
            <TextField
              name="return-returnDate"
              label={t('customsFix.return.returnDate')}
              errorCode={fieldErrors['returnDate'] ?? null}
              testId="corrections-return-returnDate"
              type="date"
              value={returnDate}
              onChange={setReturnDate}
            />
            {RETURN_TEXTS.map((k) => (
              <TextField
                key={k}
                name={`return-${k}`}
                label={t(`customsFix.return.${k}`)}
                optional={k === 'country'}
                errorCode={fieldErrors[k] ?? null}
                testId={`corrections-return-${k}`}
                maxLength={k === 'trafMode' ? 1 : k === 'country' ? 2 : 100}
                value={values[k]}
                onChange={(text) => setValues({ ...values, [k]: text })}
              />
            ))}
          </div>
          {outsideWindow ? (
            <p className="notice" role="status" data-testid="corrections-outside-window">
              {t('customsFix.return.outsideWindow', { from: c.exportDate, to: c.returnWindowEnd })}
            </p>
          ) : null}
          <PreviewSendActions
            testIds={['corrections-return-preview', 'corrections-return-send']}
            previewLabel={t('customsFix.preview')}
            sendLabel={t('customsFix.return.send')}
            busy={apply.pending}
            canSend={previewed}
            onRun={(dryRun) => void run(dryRun)}
          />
        </>
      ) : (
        <p className="muted" data-testid="corrections-return-unavailable">
          {t('customsFix.return.unavailable', { status: statusLabel(t, c.status) })}
        </p>
      )}
      {outcome ? <OutcomeNote outcome={outcome} testId="corrections-return-outcome" kind="return" /> : null}
    </Panel>
  );
}
