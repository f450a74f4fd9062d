/**
 * useOrdersList: the order list for the filter and sort in the store — the first keyset page and
 * the total as queries (`orders.list`, `orders.count`), the next pages on demand as the table
 * scrolls (never the whole ledger). When the ledger changes (orders, imports, shops, payouts,
 * stock, customs), the first page is read again with as many rows as were shown (up to
 * MAX_RELOAD_ROWS), so the rows on screen stay where they were.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ErrorInfo, OrderListItem } from '../../../src-main/api/contract.ts';
import { areaOf, prefetchQuery, useHostEvent, useMutation, useQuery, type Area } from '../../app/use-query.ts';
import { cleanFilter, ORDERS_PAGE_SIZE } from '../../state/orders-slice.ts';
import { useAppStore } from '../../state/store.ts';

const MAX_RELOAD_ROWS = 500;
/** Commands of these areas can change what an order row shows. */
export const ORDER_LIST_AREAS: readonly Area[] = ['orders', 'imports', 'shops', 'payouts', 'stock', 'customs'];

export type OrdersLoadState = 'loading' | 'loadingMore' | 'ready' | 'error';

export interface OrdersList {
  readonly items: readonly OrderListItem[];
  readonly total: number | null;
  readonly hasMore: boolean;
  readonly state: OrdersLoadState;
  readonly error: ErrorInfo | null;
  readonly loadMore: () => void;
  readonly retry: () => void;
}

interface MorePages {
  readonly base: unknown;
  readonly items: readonly OrderListItem[];
  readonly nextCursor: string | null;
}

/**
 * At start-up on the orders screen: the first page of the stored filter and sort goes to the host
 * at once, beside the session's first reads (issue 19, `ui.coldStart1m`); the list finds it under
 * the same input. Not the total: counting a million rows holds the host's one thread, and the
 * session's reads would wait behind it.
 */
export function prefetchOrdersList(): void {
  const { ordersFilter, ordersSort } = useAppStore.getState();
  const filter = cleanFilter(ordersFilter);
  prefetchQuery('orders.list', { filter, sort: ordersSort, limit: ORDERS_PAGE_SIZE, cursor: null });
}

export function useOrdersList(): OrdersList {
  const stored = useAppStore((s) => s.ordersFilter);
  const filter = useMemo(() => cleanFilter(stored), [stored]);
  const filterKey = JSON.stringify(filter);
  const sort = useAppStore((s) => s.ordersSort);
  const [limit, setLimit] = useState(ORDERS_PAGE_SIZE);
  const first = useQuery('orders.list', { filter, sort, limit, cursor: null }, { areas: [] });
  const count = useQuery('orders.count', { filter }, { areas: [] });
  const next = useMutation('orders.list');
  const [more, setMore] = useState<MorePages | null>(null);

  const page = first.data;
  const extra = more !== null && more.base === page ? more : null;
  const items = useMemo(() => (page ? (extra ? [...page.items, ...extra.items] : page.items) : []), [page, extra]);
  const nextCursor = extra ? extra.nextCursor : (page?.nextCursor ?? null);

  const shown = useRef(0);
  shown.current = items.length;
  const pageRef = useRef(page);
  pageRef.current = page;

  useHostEvent('ledger.changed', ({ command }) => {
    if (!ORDER_LIST_AREAS.some((a) => a === areaOf(command))) return;
    const wanted = Math.min(Math.max(shown.current, ORDERS_PAGE_SIZE), MAX_RELOAD_ROWS);
    if (wanted === limit) first.refetch();
    else setLimit(wanted);
    count.refetch();
  });

  const busy = first.loading || next.pending;
  const loadMore = useCallback(() => {
    if (nextCursor === null || busy || !page) return;
    const base = page;
    void next.run({ filter, sort, limit: ORDERS_PAGE_SIZE, cursor: nextCursor }).then((r) => {
      if (!r.ok || pageRef.current !== base) return;
      setMore((m) => ({
        base,
        items: [...(m && m.base === base ? m.items : []), ...r.value.items],
        nextCursor: r.value.nextCursor,
      }));
    });
  }, [nextCursor, busy, page, next.run, filterKey, sort, filter]);

  const retry = useCallback(() => {
    first.refetch();
    count.refetch();
  }, [first.refetch, count.refetch]);

  const error = first.error ?? next.error ?? count.error;
  const state: OrdersLoadState = first.loading
    ? 'loading'
    : next.pending
      ? 'loadingMore'
      : first.error || next.error
        ? 'error'
        : 'ready';
  return { items, total: count.data?.total ?? null, hasMore: nextCursor !== null, state, error, loadMore, retry };
}
