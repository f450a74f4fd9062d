/**
 * DocumentsView: the customs documents (orders, payments, waybills, lists, summaries), 50 to a
 * page with the host's cursor (previous pages remembered), filtered by type, status and a
 * search on the business key; each row has its status chip — draft → validated → queued →
 * sent → 2 → 120/100 → 800 → 399/899, negative codes as errors with the last return info —
 * and opens the document's detail. Status counts from `customs.status` head the list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import type { CommandInput } from '../../../src-main/api/contract.ts';
import { hashFor } from '../../state/routes.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { InAppLink } from '../../ui/InAppLink.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ToolbarInput } from '../../ui/ToolbarInput.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { statusLabel, StatusChip } from '../../ui/StatusChip.tsx';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, isNegativeCode, DOCUMENTS_LIVE } from './vocabulary.ts';
import { CodeCell } from '../../ui/CodeCell.tsx';
import { optionsOf } from '../../ui/options.ts';

const PAGE = 50;
type ListInput = CommandInput<'customs.documents.list'>;
type DocType = NonNullable<ListInput['type']>;

export interface DocumentsViewProps {
  readonly onOpen: (id: number) => void;
}

export function DocumentsView({ onOpen }: DocumentsViewProps) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState<DocType | ''>('');
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  /** Cursors of the pages before the current one; the last is the current page's cursor. */
  const [cursors, setCursors] = useState<ReadonlyArray<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const input: ListInput = {
    limit: PAGE,
    cursor,
    ...(type === '' ? {} : { type }),
    ...(status === '' ? {} : { status }),
    ...(q.trim() === '' ? {} : { q: q.trim() }),
  };
  const list = useQuery('customs.documents.list', input, DOCUMENTS_LIVE);
  const counts = useQuery('customs.status', {}, DOCUMENTS_LIVE);
  const restart = () => setCursors([null]);
  const page = list.data;
  const first = (cursors.length - 1) * PAGE;

  return (
    <ViewSection titleId="customs-documents-title" title={t('customsDesk.documents.title')}>
      {counts.data ? (
        <dl className="stats" data-testid="customs-status-counts">
          {Object.entries(counts.data.byStatus).map(([s, n]) => (
            <div className="stat" key={s}>
              <dt>
                <StatusChip status={s} />
              </dt>
              <dd data-testid={`customs-count-${s}`}>{new Intl.NumberFormat(i18n.language).format(n)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="toolbar">
        <ToolbarSelect
          label={t('customsDesk.documents.type')}
          testId="customs-filter-type"
          value={type}
          all={t('customsDesk.documents.allTypes')}
          options={optionsOf(DOCUMENT_TYPES, (d) => t(`customsDesk.types.${d}`))}
          onChange={(e) => {
            setType(DOCUMENT_TYPES.find((d) => d === e.target.value) ?? '');
            restart();
          }}
        />
        <ToolbarSelect
          label={t('customsDesk.documents.status')}
          testId="customs-filter-status"
          value={status}
          all={t('customsDesk.documents.allStatuses')}
          options={optionsOf(DOCUMENT_STATUSES, (s) => statusLabel(t, s))}
          onChange={(e) => {
            setStatus(e.target.value);
            restart();
          }}
        />
        <ToolbarInput
          variant="toolbar-search"
          label={t('customsDesk.documents.search')}
          testId="customs-filter-q"
          type="search"
          value={q}
          maxLength={60}
          placeholder={t('customsDesk.documents.searchPlaceholder')}
          onChange={(text) => {
            setQ(text);
            restart();
          }}
        />
      </div>
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      {page && page.items.length === 0 ? (
        <EmptyState title={t('customsDesk.documents.emptyTitle')} body={t('customsDesk.documents.emptyBody')} />
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <DataTable
            data-testid="customs-documents"
            columns={(['type', 'businessKey', 'status', 'returnInfo', 'numbers', 'statusAt'] as const).map((key) =>
              t(`customsDesk.documents.${key}`),
            )}
          >
            {page.items.map((d) => (
              <tr key={d.id} data-testid={`customs-doc-${d.type}-${d.businessKey}`} data-status={d.status}>
                <CodeCell>{d.type}</CodeCell>
                <CodeCell kind="text">
                  <InAppLink
                    href={hashFor('customs', `documents/${d.id}`)}
                    className="order-link mono"
                    data-testid={`customs-doc-open-${d.id}`}
                    onOpen={() => onOpen(d.id)}
                  >
                    {d.businessKey}
                  </InAppLink>
                  {d.orderNo && d.orderNo !== d.businessKey ? <div className="muted mono">{d.orderNo}</div> : null}
                </CodeCell>
                <td>
                  <StatusChip status={d.status} testId={`customs-doc-status-${d.id}`} />
                </td>
                <td
                  translate="no"
                  className={
                    d.status === '100' || d.status === 'error' || isNegativeCode(d.lastReturnStatus)
                      ? 'inline-error'
                      : undefined
                  }
                >
                  {d.lastReturnStatus && d.lastReturnStatus !== d.status ? (
                    <span className="mono">{d.lastReturnStatus} </span>
                  ) : null}
                  {d.lastReturnInfo ?? ''}
                </td>
                <CodeCell>{[d.invtNo, d.preNo, d.entryId].filter(Boolean).join(' · ')}</CodeCell>
                <CodeCell kind="text">{formatDateTime(d.statusAt, i18n.language, 'short')}</CodeCell>
              </tr>
            ))}
          </DataTable>
          {cursors.length > 1 || page.nextCursor !== null ? (
            <div className="toolbar" data-testid="customs-documents-pager">
              <Button variant="quiet" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('customsDesk.previous')}
              </Button>
              <span className="muted">
                {t('customsDesk.range', { from: first + 1, to: first + page.items.length, total: page.total })}
              </span>
              <Button
                variant="quiet"
                disabled={page.nextCursor === null}
                onClick={() => setCursors([...cursors, page.nextCursor])}
              >
                {t('customsDesk.next')}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </ViewSection>
  );
}
