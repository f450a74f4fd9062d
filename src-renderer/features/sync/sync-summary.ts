/**
 * Turns a `SyncStatus` (or none yet) into the tone and the translated one-line text of the
 * top-bar indicator: 未连接平台 / N 条待同步 / 正在同步 / N 条失败.
 */
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../src-main/api/contract.ts';
import type { StatusTone } from '../../ui/StatusDot.tsx';

export interface SyncSummary {
  readonly tone: StatusTone;
  readonly text: string;
}

export function summariseSync(t: TFunction, status: SyncStatus | null): SyncSummary {
  if (!status) return { tone: 'off', text: t('sync.indicator.unknown') };
  switch (status.state) {
    case 'offline':
      return status.queued > 0
        ? { tone: 'warn', text: t('sync.indicator.offlineQueued', { count: status.queued }) }
        : { tone: 'off', text: t('sync.indicator.offline') };
    case 'idle':
      return status.queued > 0
        ? { tone: 'warn', text: t('sync.indicator.idleQueued', { count: status.queued }) }
        : { tone: 'ok', text: t('sync.indicator.idle') };
    case 'sending':
      return { tone: 'busy', text: t('sync.indicator.sending', { count: status.queued }) };
    case 'error':
      return { tone: 'error', text: t('sync.indicator.error', { count: status.failed }) };
  }
}
