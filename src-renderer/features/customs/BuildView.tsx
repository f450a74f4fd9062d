/**
 * BuildView: choose orders (date range, customs modes, orders picked on the Orders page, listed
 * order numbers), run the 三单
 * pre-check, then build: CEB303/403/505/603 generated, validated against the official XSDs
 * and, when clean, stored and queued for sync. While the host works a progress bar follows its
 * `customs.progress` events (phase, done of total); afterwards the counts, the XSD validation errors with the schema's reason, and
 * the findings table with a way to fix each one. A carrier's waybill file can be imported here
 * (WaybillImport); the pre-check runs again once it is saved.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHostEvent, useMutation } from '../../app/use-query.ts';
import type {
  CebValidationIssue,
  CustomsBuildResult,
  CustomsFinding,
  CustomsPrecheckResult,
  CustomsProgressEvent,
  ErrorInfo,
} from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { DateRangeFields } from '../../ui/DateRangeFields.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { PickedOrders } from './PickedOrders.tsx';
import { MAX_LISTED_ORDERS, resolveSelection, type BuildMode, type SelectionForm } from './order-selection.ts';
import { BUILD_MODES, DOCUMENT_TYPES } from './vocabulary.ts';
import { WaybillImport } from './WaybillImport.tsx';
import { CodeCell } from '../../ui/CodeCell.tsx';

type Action = 'precheck' | 'dryRun' | 'build';
type Outcome =
  | { readonly kind: 'precheck'; readonly result: CustomsPrecheckResult }
  | { readonly kind: 'build'; readonly result: CustomsBuildResult };

export interface BuildViewProps {
  readonly onGo: (tab: string) => void;
  /** Orders picked on the Orders page ("生成申报"), prefilled in the selection. */
  readonly pickedOrderIds?: readonly number[];
}

export function BuildView({ onGo, pickedOrderIds = [] }: BuildViewProps) {
  const { t, i18n } = useTranslation();
  const customsBuild = useMutation('customs.build');
  const ordersList = useMutation('orders.list');
  const customsPrecheck = useMutation('customs.precheck');
  const number = new Intl.NumberFormat(i18n.language);
  const [form, setForm] = useState<SelectionForm>({
    from: '',
    to: '',
    modes: [],
    orderNos: '',
    orderIds: pickedOrderIds,
  });
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<CustomsProgressEvent | null>(null);

  useHostEvent('customs.progress', setProgress);

  const run = async (action: Action) => {
    if (busy) return;
    setBusy(action);
    setProgress(null);
    setError(null);
    setNotice(null);
    const sel = await resolveSelection(form, ordersList.run);
    if (!sel.ok) {
      setBusy(null);
      if ('error' in sel) setError(sel.error);
      else
        setNotice(
          sel.tooMany
            ? t('customsDesk.build.tooMany', { max: MAX_LISTED_ORDERS })
            : t('customsDesk.build.unknownOrder', { orderNo: sel.unknownOrderNo ?? '' }),
        );
      return;
    }
    const result =
      action === 'precheck'
        ? await customsPrecheck.run(sel.selection)
        : await customsBuild.run({ ...sel.selection, dryRun: action === 'dryRun' });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if ('clean' in result.value) setOutcome({ kind: 'precheck', result: result.value });
    else {
      setOutcome({ kind: 'build', result: result.value });
    }
  };

  const toggleMode = (mode: BuildMode, on: boolean) =>
    setForm({ ...form, modes: on ? [...form.modes, mode] : form.modes.filter((m) => m !== mode) });
  const findings: readonly CustomsFinding[] = outcome?.result.findings ?? [];

  return (
    <ViewSection titleId="customs-build-title" title={t('customsDesk.build.title')} help={t('customsDesk.build.help')}>
      <div className="panel" data-testid="customs-selection">
        <div className="toolbar">
          <DateRangeFields
            fromLabel={t('customsDesk.build.from')}
            toLabel={t('customsDesk.build.to')}
            from={form.from}
            to={form.to}
            testIds={['customs-from', 'customs-to']}
            onFromChange={(from) => setForm({ ...form, from })}
            onToChange={(to) => setForm({ ...form, to })}
          />
          <fieldset className="toolbar-inline">
            <legend className="toolbar-label">{t('customsDesk.build.modes')}</legend>
            {BUILD_MODES.map((m) => (
              <Checkbox
                key={m}
                testId={`customs-mode-${m}`}
                label={t(`orders.customsModes.${m}`)}
                checked={form.modes.includes(m)}
                onChange={(on) => toggleMode(m, on)}
              />
            ))}
          </fieldset>
        </div>
        {form.orderIds.length > 0 ? (
          <PickedOrders
            ids={form.orderIds}
            onClear={() => {
              setForm({ ...form, orderIds: [] });
              onGo('build');
            }}
          />
        ) : null}
        <label className="field">
          <span className="field-label">
            {t('customsDesk.build.orderNos')}
            <span className="field-optional">{t('common.optional')}</span>
          </span>
          <textarea
            className="input"
            rows={3}
            data-testid="customs-order-nos"
            value={form.orderNos}
            placeholder={t('customsDesk.build.orderNosPlaceholder')}
            onChange={(e) => setForm({ ...form, orderNos: e.target.value })}
          />
        </label>
        <p className="field-help">{t('customsDesk.build.selectionHelp')}</p>
        <div className="form-actions">
          <Button data-testid="customs-precheck" disabled={busy !== null} onClick={() => void run('precheck')}>
            {t('customsDesk.build.precheck')}
          </Button>
          <Button data-testid="customs-dry-run" disabled={busy !== null} onClick={() => void run('dryRun')}>
            {t('customsDesk.build.dryRun')}
          </Button>
          <Button
            variant="primary"
            data-testid="customs-build"
            disabled={busy !== null}
            onClick={() => void run('build')}
          >
            {t('customsDesk.build.build')}
          </Button>
        </div>
      </div>
      <WaybillImport onSaved={() => void run('precheck')} />
      {busy ? (
        <ProgressBar
          testId="customs-build-progress"
          label={t(`customsDesk.build.running.${busy}`)}
          done={progress?.done ?? 0}
          total={progress?.total ?? 0}
          valueText={
            progress
              ? t('customsDesk.build.phase', {
                  phase: t(`customsDesk.build.phases.${progress.phase}`),
                  done: progress.done,
                  total: progress.total,
                })
              : t('customsDesk.build.working')
          }
        />
      ) : null}
      {notice ? (
        <p className="notice" role="alert" data-testid="customs-selection-notice">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {outcome?.kind === 'precheck' ? (
        <p
          className={outcome.result.findings.length === 0 ? 'form-saved' : 'notice'}
          role="status"
          data-testid="customs-precheck-summary"
        >
          {t('customsDesk.build.precheckDone', {
            orders: number.format(outcome.result.orders),
            clean: number.format(outcome.result.clean),
            findings: number.format(outcome.result.findings.length),
          })}
        </p>
      ) : null}
      {outcome?.kind === 'build' ? (
        <BuildSummary result={outcome.result} onOpenDocuments={() => onGo('documents')} />
      ) : null}
      {outcome?.kind === 'build' && outcome.result.validationErrors.length > 0 ? (
        <ValidationErrors issues={outcome.result.validationErrors} />
      ) : null}
      {findings.length > 0 ? (
        <>
          <h3 className="section-title">{t('customsDesk.findings.title', { count: findings.length })}</h3>
          <FindingsTable findings={findings} onGo={onGo} onFixed={() => void run('precheck')} />
        </>
      ) : null}
    </ViewSection>
  );
}

function BuildSummary({
  result,
  onOpenDocuments,
}: {
  readonly result: CustomsBuildResult;
  readonly onOpenDocuments: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const perType = DOCUMENT_TYPES.filter((d) => (result.documents[d] ?? 0) > 0)
    .map((d) => `${d} × ${number.format(result.documents[d] ?? 0)}`)
    .join(' · ');
  return (
    <div
      className="panel"
      data-testid="customs-build-summary"
      data-built={result.built}
      data-queued={result.queued}
      data-dry-run={String(result.dryRun)}
    >
      <p className={result.built > 0 && result.validationErrors.length === 0 ? 'form-saved' : 'notice'} role="status">
        {t(result.dryRun ? 'customsDesk.build.dryRunDone' : 'customsDesk.build.buildDone', {
          orders: number.format(result.orders),
          built: number.format(result.built),
          blocked: number.format(result.blocked),
          messages: number.format(result.messages),
          queued: number.format(result.queued),
        })}
      </p>
      {perType !== '' ? (
        <p className="mono" translate="no" data-testid="customs-build-types">
          {perType}
        </p>
      ) : null}
      {!result.dryRun && result.queued > 0 ? (
        <Button data-testid="customs-open-documents" onClick={onOpenDocuments}>
          {t('customsDesk.build.openDocuments')}
        </Button>
      ) : null}
    </div>
  );
}

function ValidationErrors({ issues }: { readonly issues: readonly CebValidationIssue[] }) {
  const { t } = useTranslation();
  return (
    <div className="panel" data-testid="customs-validation-errors">
      <h3 className="panel-title">{t('customsDesk.validation.title', { count: issues.length })}</h3>
      <p className="field-help">{t('customsDesk.validation.help')}</p>
      <DataTable
        columns={[
          t('customsDesk.validation.type'),
          t('customsDesk.validation.guid'),
          num(t('customsDesk.validation.line')),
          t('customsDesk.validation.reason'),
        ]}
      >
        {issues.slice(0, 200).map((v, i) => (
          <tr key={`${v.messageGuid}-${v.line}-${i}`} data-testid={`validation-error-${i}`}>
            <CodeCell>{v.messageType}</CodeCell>
            <CodeCell>{v.messageGuid}</CodeCell>
            <CodeCell kind="num">{v.line}</CodeCell>
            <CodeCell kind="text" lang="en">
              {v.message}
            </CodeCell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
