/**
 * ReceiptsList: every receipt the transport brought back (CEB304/404/506/604/702/792, kept as
 * evidence), newest first, a page of 50 at a time, with the return status and its source
 * (platform receipt id or exchange file name).
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { useQuery } from '../../app/use-query.ts';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { OffsetPager, useOffsetPage } from './OffsetPager.tsx';
import { OUTBOX_AREAS } from './use-sync-status.ts';

const PAGE = 50;

export function ReceiptsList() {
  const { t, i18n } = useTranslation();
  const page = useOffsetPage(PAGE);
  const list = useQuery(
    'sync.receipts.list',
    { offset: page.offset, limit: page.limit },
    { areas: OUTBOX_AREAS, events: ['sync.status'] },
  );
  return (
    <ViewSection titleId="sync-receipts-title" title={t('syncCenter.receipts.title', { count: list.data?.total ?? 0 })}>
      {list.error ? <ErrorBanner error={list.error} onDismiss={list.clearError} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="muted" data-testid="sync-receipts-empty">
          {t('syncCenter.receipts.empty')}
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <DataTable
            data-testid="sync-receipts"
            columns={[
              t('syncCenter.receipts.type'),
              t('syncCenter.receipts.returnStatus'),
              t('syncCenter.receipts.source'),
              t('syncCenter.receipts.receivedAt'),
            ]}
          >
            {list.data.items.map((r) => (
              <tr key={r.id} data-testid={`sync-receipt-${r.id}`}>
                <td className="mono" translate="no">
                  {r.messageType}
                </td>
                <td>{r.returnStatus === null ? '' : <StatusChip status={r.returnStatus} />}</td>
                <td className="mono" translate="no">
                  {r.source}
                </td>
                <td translate="no">{formatDateTime(r.receivedAt, i18n.language, 'short')}</td>
              </tr>
            ))}
          </DataTable>
          <OffsetPager {...page.pagerProps(list.data.total)} testId="sync-receipts-pager" />
        </>
      ) : null}
    </ViewSection>
  );
}
