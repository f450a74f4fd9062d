/**
 * Small pieces every orders view shares: the translated status badge, the "not counted as a
 * sale" marker with its rule as a tooltip, and money/date formatting in the display language.
 */
import { useTranslation } from 'react-i18next';
import type { OrderStatus, SaleExclusion } from '../../../src-main/api/contract.ts';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { formatMoney } from '../../ui/format-money.ts';
import { formatNumber } from '../../ui/format-number.ts';

const STATUS_TONE: Readonly<Record<OrderStatus, string>> = {
  pending: 'neutral',
  unpaid: 'neutral',
  paid: 'info',
  shipped: 'info',
  delivered: 'ok',
  cancelled: 'muted',
  refunding: 'warn',
  refunded: 'warn',
  partially_refunded: 'warn',
  unknown: 'warn',
};

export function StatusBadge({ status }: { readonly status: OrderStatus }) {
  const { t } = useTranslation();
  return <StatusBadgeLabel status={status} label={t(`orders.statuses.${status}`)} />;
}

/** The badge with its label already translated: for rows rendered by the hundred (OrdersTable). */
export function StatusBadgeLabel({ status, label }: { readonly status: OrderStatus; readonly label: string }) {
  return (
    <span className={`status-badge status-badge-${STATUS_TONE[status]}`} data-status={status}>
      {label}
    </span>
  );
}

export function ExclusionMarker({
  exclusion,
  testId,
}: {
  readonly exclusion: SaleExclusion;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <span
      className="exclusion-marker"
      data-testid={testId}
      data-exclusion={exclusion}
      title={t(`orders.exclusionHelp.${exclusion}`)}
      tabIndex={0}
    >
      {t(`orders.exclusions.${exclusion}`)}
    </span>
  );
}

export interface OrderFormatters {
  /** A null amount (or currency) is unknown: shown as 未知 / unknown, never as 0. */
  readonly money: (minor: number | null, currency: string | null) => string;
  readonly dateTime: (iso: string) => string;
  /** Compact form for table rows. */
  readonly dateTimeShort: (iso: string) => string;
  readonly number: (n: number) => string;
}

export function useOrderFormatters(): OrderFormatters {
  const { i18n, t } = useTranslation();
  const locale = i18n.language;
  return {
    money: (minor, currency) =>
      minor === null || currency === null ? t('orders.unknownAmount') : formatMoney(minor, currency, locale),
    dateTime: (iso) => formatDateTime(iso, locale),
    dateTimeShort: (iso) => formatDateTime(iso, locale, 'short'),
    number: (n) => formatNumber(n, locale),
  };
}
