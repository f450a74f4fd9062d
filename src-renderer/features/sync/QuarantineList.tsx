/**
 * QuarantineList: inbound receipts that could not be read (a hostile or broken file, a receipt
 * without XML), each with its translated reason. They were set aside — the exchange folder's
 * `in/rejected/` keeps the file and a reason file — and never block the receipts behind them.
 * Shown only when there is at least one.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { useQuery } from '../../app/use-query.ts';
import { translateError } from '../../i18n/translate-error.ts';
import { OffsetPager, useOffsetPage } from './OffsetPager.tsx';
import { SYNC_LIVE } from './use-sync-status.ts';

const PAGE = 20;

export function QuarantineList() {
  const { t, i18n } = useTranslation();
  const page = useOffsetPage(PAGE);
  const list = useQuery('sync.quarantine.list', { offset: page.offset, limit: page.limit }, SYNC_LIVE);
  if (list.error) return <ErrorBanner error={list.error} onDismiss={list.clearError} />;
  if (!list.data || list.data.total === 0) return null;
  return (
    <ViewSection titleId="sync-quarantine-title" title={t('syncCenter.quarantine.title', { count: list.data.total })}>
      <p className="muted">{t('syncCenter.quarantine.help')}</p>
      <ColumnTable
        data-testid="sync-quarantine"
        rows={list.data.items}
        row={(q) => ({ key: q.id, 'data-testid': `sync-quarantine-${q.id}`, 'data-code': q.code })}
        columns={[
          { head: 'syncCenter.quarantine.source', mono: true, code: true, cell: (q) => q.source },
          { head: 'syncCenter.quarantine.reason', cell: (q) => translateError(t, q.code, q.params) },
          {
            head: 'syncCenter.quarantine.where',
            cell: (q) =>
              q.transport === 'exchangeDir'
                ? t('syncCenter.quarantine.inRejected')
                : t('syncCenter.quarantine.recorded'),
          },
          {
            head: 'syncCenter.quarantine.at',
            code: true,
            cell: (q) => formatDateTime(q.quarantinedAt, i18n.language, 'short'),
          },
        ]}
      />
      <OffsetPager {...page.pagerProps(list.data.total)} testId="sync-quarantine-pager" />
    </ViewSection>
  );
}
