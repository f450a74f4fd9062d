/**
 * OffsetPager: previous / next over an offset-paged host list ("n–m / N"), for the outbox and
 * the receipts of the Sync screen; `useOffsetPage` keeps the list's position.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';

export interface OffsetPagerProps {
  readonly offset: number;
  readonly size: number;
  readonly total: number;
  readonly onOffset: (offset: number) => void;
  readonly testId: string;
}

export function OffsetPager({ offset, size, total, onOffset, testId }: OffsetPagerProps) {
  const { t } = useTranslation();
  if (total <= size) return null;
  return (
    <div className="toolbar" data-testid={testId}>
      <Button variant="quiet" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - size))}>
        {t('syncCenter.previous')}
      </Button>
      <span className="muted">
        {t('syncCenter.range', { from: offset + 1, to: Math.min(total, offset + size), total })}
      </span>
      <Button variant="quiet" disabled={offset + size >= total} onClick={() => onOffset(offset + size)}>
        {t('syncCenter.next')}
      </Button>
    </div>
  );
}

/** The position in an offset-paged list: `offset` and `limit` for its query, `pagerProps(total)` for its OffsetPager. */
export function useOffsetPage(size: number) {
  const [offset, setOffset] = useState(0);
  const pagerProps = (total: number) => ({ offset, size, total, onOffset: setOffset });
  return { offset, limit: size, setOffset, pagerProps };
}
