/**
 * ReceiptsList: every receipt the transport brought back (CEB304/404/506/604/702/792, kept as
 * evidence), newest first, a page of 50 at a time, with the return status and its source
 * (platform receipt id or exchange file name).
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { useQuery } from '../../app/use-query.ts';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { OffsetPager, useOffsetPage } from './OffsetPager.tsx';
import { SYNC_LIVE } from './use-sync-status.ts';

const PAGE = 50;

export function ReceiptsList() {
  const { t, i18n } = useTranslation();
  const page = useOffsetPage(PAGE);
  const list = useQuery('sync.receipts.list', { offset: page.offset, limit: page.limit }, SYNC_LIVE);
  return (
    <ViewSection titleId="sync-receipts-title" title={t('syncCenter.receipts.title', { count: list.data?.total ?? 0 })}>
      <ListTable
        items={list.data?.items}
        source={list}
        empty={{ note: t('syncCenter.receipts.empty'), testId: 'sync-receipts-empty' }}
        data-testid="sync-receipts"
        row={(r) => ({ key: r.id, 'data-testid': `sync-receipt-${r.id}` })}
        columns={[
          { head: 'syncCenter.receipts.type', mono: true, code: true, cell: (r) => r.messageType },
          {
            head: 'syncCenter.receipts.returnStatus',
            cell: (r) => (r.returnStatus === null ? '' : <StatusChip status={r.returnStatus} />),
          },
          { head: 'syncCenter.receipts.source', mono: true, code: true, cell: (r) => r.source },
          {
            head: 'syncCenter.receipts.receivedAt',
            code: true,
            cell: (r) => formatDateTime(r.receivedAt, i18n.language, 'short'),
          },
        ]}
        after={<OffsetPager {...page.pagerProps(list.data?.total ?? 0)} testId="sync-receipts-pager" />}
      />
    </ViewSection>
  );
}
