/**
 * QuarantineList: inbound receipts that could not be read (a hostile or broken file, a receipt
 * without XML), each with its translated reason. They were set aside — the exchange folder's
 * `in/rejected/` keeps the file and a reason file — and never block the receipts behind them.
 * Shown only when there is at least one.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { useQuery } from '../../app/use-query.ts';
import { translateError } from '../../i18n/translate-error.ts';
import { OffsetPager, useOffsetPage } from './OffsetPager.tsx';
import { OUTBOX_AREAS } from './use-sync-status.ts';

const PAGE = 20;

export function QuarantineList() {
  const { t, i18n } = useTranslation();
  const page = useOffsetPage(PAGE);
  const list = useQuery(
    'sync.quarantine.list',
    { offset: page.offset, limit: page.limit },
    { areas: OUTBOX_AREAS, events: ['sync.status'] },
  );
  if (list.error) return <ErrorBanner error={list.error} onDismiss={list.clearError} />;
  if (!list.data || list.data.total === 0) return null;
  return (
    <ViewSection titleId="sync-quarantine-title" title={t('syncCenter.quarantine.title', { count: list.data.total })}>
      <p className="muted">{t('syncCenter.quarantine.help')}</p>
      <DataTable
        data-testid="sync-quarantine"
        columns={[
          t('syncCenter.quarantine.source'),
          t('syncCenter.quarantine.reason'),
          t('syncCenter.quarantine.where'),
          t('syncCenter.quarantine.at'),
        ]}
      >
        {list.data.items.map((q) => (
          <tr key={q.id} data-testid={`sync-quarantine-${q.id}`} data-code={q.code}>
            <td className="mono" translate="no">
              {q.source}
            </td>
            <td>{translateError(t, q.code, q.params)}</td>
            <td>
              {q.transport === 'exchangeDir'
                ? t('syncCenter.quarantine.inRejected')
                : t('syncCenter.quarantine.recorded')}
            </td>
            <td translate="no">{formatDateTime(q.quarantinedAt, i18n.language, 'short')}</td>
          </tr>
        ))}
      </DataTable>
      <OffsetPager {...page.pagerProps(list.data.total)} testId="sync-quarantine-pager" />
    </ViewSection>
  );
}
