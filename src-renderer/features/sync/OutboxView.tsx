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
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { OffsetPager, useOffsetPage } from './OffsetPager.tsx';
import { OUTBOX_AREAS } from './use-sync-status.ts';
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
  const list = useQuery(
    'sync.outbox.list',
    { status: filter, offset: page.offset, limit: page.limit },
    { areas: OUTBOX_AREAS, events: ['sync.status'] },
  );
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
      {list.data && list.data.items.length === 0 ? (
        <p className="muted" data-testid="sync-outbox-empty">
          {t(`syncCenter.outbox.empty.${filter}`)}
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <DataTable
            data-testid="sync-outbox"
            columns={[
              <span className="visually-hidden">{t('syncCenter.outbox.select')}</span>,
              t('syncCenter.outbox.kind'),
              t('syncCenter.outbox.key'),
              t('syncCenter.outbox.status'),
              num(t('syncCenter.outbox.attempts')),
              t('syncCenter.outbox.nextAttempt'),
              t('syncCenter.outbox.lastError'),
            ]}
          >
            {list.data.items.map((r) => (
              <tr key={r.id} data-testid={`sync-outbox-row-${r.id}`} data-status={r.status}>
                <td>
                  {r.status === 'failed' ? (
                    <input
                      type="checkbox"
                      aria-label={t('syncCenter.outbox.select')}
                      data-testid={`sync-select-${r.id}`}
                      checked={selected.has(r.id)}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                    />
                  ) : null}
                </td>
                <td>
                  {isNamedKind(r.kind) ? (
                    t(`syncCenter.outbox.kinds.${KINDS[r.kind]}`)
                  ) : (
                    <span className="mono" translate="no">
                      {r.kind}
                    </span>
                  )}
                </td>
                <td className="mono" translate="no">
                  {r.idempotencyKey}
                </td>
                <td>
                  <span className={`status-badge status-badge-${TONE[r.status]}`}>
                    {t(`syncCenter.outbox.statuses.${r.status}`)}
                  </span>
                </td>
                <td className="num" translate="no">
                  {r.attempts}
                </td>
                <td translate="no">{r.nextAttemptAt ? formatDateTime(r.nextAttemptAt, i18n.language, 'short') : ''}</td>
                <td translate="no" className={r.lastError ? 'inline-error mono' : undefined}>
                  {r.lastError ?? ''}
                </td>
              </tr>
            ))}
          </DataTable>
          <OffsetPager {...page.pagerProps(list.data.total)} testId="sync-outbox-pager" />
        </>
      ) : null}
    </ViewSection>
  );
}
