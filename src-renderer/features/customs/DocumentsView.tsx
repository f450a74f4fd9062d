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
import { InAppLink } from '../../ui/InAppLink.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { statusLabel, StatusChip } from '../../ui/StatusChip.tsx';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, isNegativeCode, DOCUMENTS_LIVE } from './vocabulary.ts';
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
  /** A filter changed: its new value, and back to the first page. */
  const filter = (set: () => void) => {
    set();
    setCursors([null]);
  };
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
      <FilterBar
        filters={[
          {
            label: 'customsDesk.documents.type',
            testId: 'customs-filter-type',
            value: type,
            all: 'customsDesk.documents.allTypes',
            options: optionsOf(DOCUMENT_TYPES, (d) => t(`customsDesk.types.${d}`)),
            onChange: (v) => filter(() => setType(DOCUMENT_TYPES.find((d) => d === v) ?? '')),
          },
          {
            label: 'customsDesk.documents.status',
            testId: 'customs-filter-status',
            value: status,
            all: 'customsDesk.documents.allStatuses',
            options: optionsOf(DOCUMENT_STATUSES, (s) => statusLabel(t, s)),
            onChange: (v) => filter(() => setStatus(v)),
          },
          {
            search: true,
            label: 'customsDesk.documents.search',
            testId: 'customs-filter-q',
            value: q,
            maxLength: 60,
            placeholder: 'customsDesk.documents.searchPlaceholder',
            onChange: (v) => filter(() => setQ(v)),
          },
        ]}
      />
      <ListTable
        items={page?.items}
        source={list}
        empty={{ title: t('customsDesk.documents.emptyTitle'), body: t('customsDesk.documents.emptyBody') }}
        data-testid="customs-documents"
        row={(d) => ({ key: d.id, 'data-testid': `customs-doc-${d.type}-${d.businessKey}`, 'data-status': d.status })}
        columns={[
          { head: 'customsDesk.documents.type', mono: true, code: true, cell: (d) => d.type },
          {
            head: 'customsDesk.documents.businessKey',
            code: true,
            cell: (d) => (
              <>
                <InAppLink
                  href={hashFor('customs', `documents/${d.id}`)}
                  className="order-link mono"
                  data-testid={`customs-doc-open-${d.id}`}
                  onOpen={() => onOpen(d.id)}
                >
                  {d.businessKey}
                </InAppLink>
                {d.orderNo && d.orderNo !== d.businessKey ? <div className="muted mono">{d.orderNo}</div> : null}
              </>
            ),
          },
          {
            head: 'customsDesk.documents.status',
            cell: (d) => <StatusChip status={d.status} testId={`customs-doc-status-${d.id}`} />,
          },
          {
            head: 'customsDesk.documents.returnInfo',
            code: true,
            td: (d) => ({
              className:
                d.status === '100' || d.status === 'error' || isNegativeCode(d.lastReturnStatus)
                  ? 'inline-error'
                  : undefined,
            }),
            cell: (d) => (
              <>
                {d.lastReturnStatus && d.lastReturnStatus !== d.status ? (
                  <span className="mono">{d.lastReturnStatus} </span>
                ) : null}
                {d.lastReturnInfo ?? ''}
              </>
            ),
          },
          {
            head: 'customsDesk.documents.numbers',
            mono: true,
            code: true,
            cell: (d) => [d.invtNo, d.preNo, d.entryId].filter(Boolean).join(' · '),
          },
          {
            head: 'customsDesk.documents.statusAt',
            code: true,
            cell: (d) => formatDateTime(d.statusAt, i18n.language, 'short'),
          },
        ]}
        after={
          page && (cursors.length > 1 || page.nextCursor !== null) ? (
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
          ) : null
        }
      />
    </ViewSection>
  );
}
