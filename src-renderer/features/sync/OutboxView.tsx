/**
 * OutboxView: the outbox a page of 50 at a time — queued, failed, sent or all, picked by the
 * URL hash (`#/sync/failed`) — with the kind, idempotency key, attempts, next attempt and last
 * error of each row; failed rows can be selected and sent again (`sync.outbox.retry`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTabs } from '../../app/use-page-tabs.ts';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { useAppStore } from '../../state/store.ts';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { HashTabs } from '../../ui/HashTabs.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { OffsetPager, useOffsetPage } from './OffsetPager.tsx';
import { SYNC_LIVE } from './use-sync-status.ts';
import { OUTBOX_FILTERS, pick, type OutboxFilter } from './vocabulary.ts';

const PAGE = 50;
const TONE = { queued: 'info', sending: 'info', sent: 'ok', failed: 'warn' } as const;
/** Outbox kinds with a name of their own; any other kind is shown as stored. */
const KINDS = {
  'ceb.message': 'cebMessage',
  'tax.sixItems': 'taxSixItems',
  'orders.upsert': 'ordersUpsert',
  'company.profile': 'companyProfile',
  'payout.imported': 'payoutImported',
} as const;
const isNamedKind = (kind: string): kind is keyof typeof KINDS => Object.hasOwn(KINDS, kind);

export function outboxFilterFromPath(path: string): OutboxFilter {
  return pick(OUTBOX_FILTERS, path.split('/')[0] ?? '', 'queued');
}

export function OutboxView() {
  const { t, i18n } = useTranslation();
  const filter = outboxFilterFromPath(useAppStore((s) => s.routePath));
  const page = useOffsetPage(PAGE);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [requeued, setRequeued] = useState<number | null>(null);
  // A background sync pass moves rows without a command: its `sync.status` events read the page again.
  const list = useQuery('sync.outbox.list', { status: filter, offset: page.offset, limit: page.limit }, SYNC_LIVE);
  const requeue = useMutation('sync.outbox.retry');
  const tabs = usePageTabs('sync');
  const failedIds = (list.data?.items ?? []).filter((r) => r.status === 'failed').map((r) => r.id);

  const retry = async (ids: readonly number[]) => {
    if (ids.length === 0) return;
    const result = await requeue.run({ ids: [...ids] });
    if (result.ok) {
      setRequeued(result.value.requeued);
      setSelected(new Set());
    }
  };

  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <ViewSection titleId="sync-outbox-title" title={t('syncCenter.outbox.title')}>
      <HashTabs
        page="sync"
        {...tabs}
        tabs={OUTBOX_FILTERS}
        current={filter}
        label={t('syncCenter.outbox.filterLabel')}
        text={(f) => t(`syncCenter.outbox.filters.${f}`)}
        testId={(f) => `sync-outbox-${f}`}
        onPicked={() => {
          page.setOffset(0);
          setSelected(new Set());
        }}
      />
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      {requeue.error ? <ErrorBanner error={requeue.error} onDismiss={requeue.clearError} /> : null}
      {requeued !== null ? (
        <p className="form-saved" role="status" data-testid="sync-requeued">
          {t('syncCenter.outbox.requeued', { count: requeued })}
        </p>
      ) : null}
      {failedIds.length > 0 ? (
        <div className="toolbar">
          <Button
            data-testid="sync-retry-selected"
            disabled={selected.size === 0}
            onClick={() => void retry([...selected])}
          >
            {t('syncCenter.outbox.retrySelected', { count: selected.size })}
          </Button>
          <Button data-testid="sync-retry-page" onClick={() => void retry(failedIds)}>
            {t('syncCenter.outbox.retryPage', { count: failedIds.length })}
          </Button>
        </div>
      ) : null}
      <ListTable
        items={list.data?.items}
        empty={{ note: t(`syncCenter.outbox.empty.${filter}`), testId: 'sync-outbox-empty' }}
        data-testid="sync-outbox"
        row={(r) => ({ key: r.id, 'data-testid': `sync-outbox-row-${r.id}`, 'data-status': r.status })}
        columns={[
          {
            head: 'syncCenter.outbox.select',
            hiddenHead: true,
            cell: (r) =>
              r.status === 'failed' ? (
                <input
                  type="checkbox"
                  aria-label={t('syncCenter.outbox.select')}
                  data-testid={`sync-select-${r.id}`}
                  checked={selected.has(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                />
              ) : null,
          },
          {
            head: 'syncCenter.outbox.kind',
            cell: (r) =>
              isNamedKind(r.kind) ? (
                t(`syncCenter.outbox.kinds.${KINDS[r.kind]}`)
              ) : (
                <span className="mono" translate="no">
                  {r.kind}
                </span>
              ),
          },
          { head: 'syncCenter.outbox.key', mono: true, code: true, cell: (r) => r.idempotencyKey },
          {
            head: 'syncCenter.outbox.status',
            cell: (r) => (
              <span className={`status-badge status-badge-${TONE[r.status]}`}>
                {t(`syncCenter.outbox.statuses.${r.status}`)}
              </span>
            ),
          },
          { head: 'syncCenter.outbox.attempts', num: true, code: true, cell: (r) => r.attempts },
          {
            head: 'syncCenter.outbox.nextAttempt',
            code: true,
            cell: (r) => (r.nextAttemptAt ? formatDateTime(r.nextAttemptAt, i18n.language, 'short') : ''),
          },
          {
            head: 'syncCenter.outbox.lastError',
            code: true,
            td: (r) => ({ className: r.lastError ? 'inline-error mono' : undefined }),
            cell: (r) => r.lastError ?? '',
          },
        ]}
        after={<OffsetPager {...page.pagerProps(list.data?.total ?? 0)} testId="sync-outbox-pager" />}
      />
    </ViewSection>
  );
}
