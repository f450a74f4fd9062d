/**
 * SummaryView: the summary application (汇总申报, CEB701) of released lists, by a period or by
 * listed list numbers (invtNo), with the grouping flags (summaryFlag 1 by consignor / 2 also by
 * producer-seller; itemNameFlag by list item name or by classification); the application's
 * result; and the summary documents with their status and the declaration number (entryId)
 * that the CEB792 result brings.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { CommandInput, ErrorInfo, SummaryApplyResult } from '../../../src-main/api/contract.ts';
import { hashFor } from '../../state/routes.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { InAppLink } from '../../ui/InAppLink.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { DateRangeFields } from '../../ui/DateRangeFields.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { splitOrderNos } from './order-selection.ts';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { DOCUMENTS_LIVE } from './vocabulary.ts';
import { SummaryPlanPanel } from './SummaryPlanPanel.tsx';
import { optionsOf } from '../../ui/options.ts';

type ApplyInput = CommandInput<'customs.summary.apply'>;
type By = 'period' | 'lists';

export interface SummaryViewProps {
  readonly onOpen: (id: number) => void;
}

export function SummaryView({ onOpen }: SummaryViewProps) {
  const { t, i18n } = useTranslation();
  const summaryApply = useMutation('customs.summary.apply');
  const [by, setBy] = useState<By>('period');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [invtNos, setInvtNos] = useState('');
  const [summaryFlag, setSummaryFlag] = useState<ApplyInput['summaryFlag']>('1');
  const [itemNameFlag, setItemNameFlag] = useState<ApplyInput['itemNameFlag']>('0');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [applied, setApplied] = useState<SummaryApplyResult | null>(null);
  const summaries = useQuery('customs.documents.list', { type: 'CEB701', limit: 100 }, DOCUMENTS_LIVE);

  const apply = async () => {
    if (busy) return;
    setError(null);
    setNotice(null);
    const lists = splitOrderNos(invtNos);
    if (by === 'period' && (startDate === '' || endDate === '')) {
      setNotice(t('customsDesk.summary.needPeriod'));
      return;
    }
    if (by === 'lists' && lists.length === 0) {
      setNotice(t('customsDesk.summary.needLists'));
      return;
    }
    setBusy(true);
    const result = await summaryApply.run({
      summaryFlag,
      itemNameFlag,
      ...(by === 'period' ? { startDate, endDate } : { invtNos: lists }),
    });
    setBusy(false);
    if (result.ok) {
      setApplied(result.value);
    } else setError(result.error);
  };

  return (
    <ViewSection
      titleId="customs-summary-title"
      title={t('customsDesk.summary.title')}
      help={t('customsDesk.summary.help')}
    >
      <SummaryPlanPanel
        onUse={(nos) => {
          setBy('lists');
          setInvtNos(nos.join('\n'));
        }}
      />
      <div className="panel" data-testid="customs-summary-form">
        <FilterBar
          filters={[
            {
              label: 'customsDesk.summary.by',
              testId: 'customs-summary-by',
              value: by,
              options: optionsOf(['period', 'lists'] as const, (b) => t(`customsDesk.summary.bys.${b}`)),
              onChange: (v) => setBy(v === 'lists' ? 'lists' : 'period'),
            },
            by === 'period' ? (
              <DateRangeFields
                fromLabel={t('customsDesk.build.from')}
                toLabel={t('customsDesk.build.to')}
                from={startDate}
                to={endDate}
                testIds={['customs-summary-start', 'customs-summary-end']}
                onFromChange={setStartDate}
                onToChange={setEndDate}
              />
            ) : null,
            {
              label: 'customsDesk.summary.summaryFlag',
              testId: 'customs-summary-flag',
              value: summaryFlag,
              options: optionsOf(['1', '2'] as const, (f) => t(`customsDesk.summary.summaryFlags.${f}`)),
              onChange: (v) => setSummaryFlag(v === '2' ? '2' : '1'),
            },
            {
              label: 'customsDesk.summary.itemNameFlag',
              testId: 'customs-summary-item-flag',
              value: itemNameFlag,
              options: optionsOf(['0', '1'] as const, (f) => t(`customsDesk.summary.itemNameFlags.${f}`)),
              onChange: (v) => setItemNameFlag(v === '1' ? '1' : '0'),
            },
          ]}
        />
        {by === 'lists' ? (
          <label className="field">
            <span className="field-label">{t('customsDesk.summary.invtNos')}</span>
            <textarea
              className="input"
              rows={3}
              data-testid="customs-summary-invtnos"
              value={invtNos}
              onChange={(e) => setInvtNos(e.target.value)}
            />
          </label>
        ) : null}
        <div className="form-actions">
          <Button variant="primary" data-testid="customs-summary-apply" disabled={busy} onClick={() => void apply()}>
            {busy ? t('customsDesk.summary.applying') : t('customsDesk.summary.apply')}
          </Button>
        </div>
      </div>
      {notice ? (
        <p className="notice" role="alert" data-testid="customs-summary-notice">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {applied ? (
        <p className="form-saved" role="status" data-testid="customs-summary-result">
          {t('customsDesk.summary.applied', { copNo: applied.copNo, lists: applied.lists, messages: applied.messages })}{' '}
          <Button variant="quiet" onClick={() => onOpen(applied.documentId)}>
            {t('customsDesk.summary.open')}
          </Button>
        </p>
      ) : null}

      <h3 className="section-title">{t('customsDesk.summary.listTitle')}</h3>
      <ListTable
        items={summaries.data?.items}
        source={summaries}
        empty={{ note: t('customsDesk.summary.none') }}
        data-testid="customs-summaries"
        row={(d) => ({ key: d.id, 'data-testid': `customs-summary-${d.businessKey}` })}
        columns={[
          {
            head: 'customsDesk.summary.copNo',
            code: true,
            cell: (d) => (
              <InAppLink
                href={hashFor('customs', `documents/${d.id}`)}
                className="order-link mono"
                onOpen={() => onOpen(d.id)}
              >
                {d.businessKey}
              </InAppLink>
            ),
          },
          { head: 'customsDesk.documents.status', cell: (d) => <StatusChip status={d.status} /> },
          {
            head: 'customsDesk.detail.entryId',
            mono: true,
            td: (d) => ({ 'data-testid': `customs-summary-entry-${d.businessKey}` }),
            cell: (d) => (d.entryId ? <span translate="no">{d.entryId}</span> : t('customsDesk.summary.noEntryYet')),
          },
          { head: 'customsDesk.documents.returnInfo', code: true, cell: (d) => d.lastReturnInfo ?? '' },
          {
            head: 'customsDesk.documents.statusAt',
            code: true,
            cell: (d) => formatDateTime(d.statusAt, i18n.language, 'short'),
          },
        ]}
      />
    </ViewSection>
  );
}
