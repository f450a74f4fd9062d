/**
 * StatusChip: one customs document status as a coloured chip with its meaning
 * (待校验 / 已入队 / 120 海关入库 / 100 海关退单 / -301010 错误…); negative codes read as errors.
 * Used by the customs desk and the Sync screen's receipts.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isKnownStatus, isNegativeCode, statusTone } from './document-status.ts';

export function statusLabel(t: TFunction, status: string): string {
  if (isNegativeCode(status)) return t('customsDesk.statuses.negative', { code: status });
  return isKnownStatus(status)
    ? t(`customsDesk.statuses.${status}`)
    : t('customsDesk.statuses.other', { code: status });
}

export function StatusChip({ status, testId }: { readonly status: string; readonly testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge-${statusTone(status)}`} data-status={status} data-testid={testId}>
      {statusLabel(t, status)}
    </span>
  );
}
