/**
 * Pager and `usePage`: long lists of the settlement views are shown a page at a time
 * (previous / next with "n–m of N"), so a 100k-line payout never renders 100k rows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';

export const PAGE_SIZE = 50;

export function usePage<T>(items: readonly T[], size = PAGE_SIZE): { rows: readonly T[]; pager: PagerProps } {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages - 1);
  return {
    rows: items.slice(current * size, current * size + size),
    pager: { page: current, pages, size, total: items.length, onPage: setPage },
  };
}

export interface PagerProps {
  readonly page: number;
  readonly pages: number;
  readonly size: number;
  readonly total: number;
  readonly onPage: (page: number) => void;
  readonly testId?: string;
}

export function Pager({ page, pages, size, total, onPage, testId }: PagerProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <div className="toolbar" data-testid={testId}>
      <Button variant="quiet" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t('settlement.pager.previous')}
      </Button>
      <span className="muted">
        {t('settlement.pager.range', { from: page * size + 1, to: Math.min(total, (page + 1) * size), total })}
      </span>
      <Button variant="quiet" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {t('settlement.pager.next')}
      </Button>
    </div>
  );
}
