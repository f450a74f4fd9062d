/**
 * OrdersTable: the virtualised order list. Only the rows in view (plus a few) are in the
 * DOM; when the last rendered row comes near the end of what is loaded, the next keyset
 * page is requested, so a million orders never load at once. Column headers sort (click
 * again to flip the direction); each row has a checkbox for bulk changes.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CustomsMode, OrderListItem, OrderStatus } from '../../../src-main/api/contract.ts';
import { hashFor } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';
import { ExclusionMarker, StatusBadgeLabel, useOrderFormatters, type OrderFormatters } from './order-labels.tsx';
import { CUSTOMS_MODES, isDescending, nextSort, ORDER_STATUSES, sortField, type SortField } from './vocabulary.ts';
import type { OrdersList } from './use-orders-list.ts';

export const ROW_HEIGHT = 36;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
export const PREFETCH_ROWS = 30;
/** Rows rendered beyond each edge of the view (each one costs layout and paint in every scrolled frame). */
const OVERSCAN = 3;

/**
 * What every row shows in the display language, translated once per language rather than in
 * each row (a scroll renders dozens of new rows a frame: per-row hooks and lookups were most of
 * a frame's time). Texts with the order number are translated once around a marker.
 */
interface RowLabels {
  readonly f: OrderFormatters;
  readonly status: Readonly<Record<OrderStatus, string>>;
  readonly customsMode: Readonly<Record<CustomsMode, string>>;
  readonly noCustomsMode: string;
  readonly selectRow: (orderNo: string) => string;
  readonly openOrder: (orderNo: string) => string;
}

const MARK = '\u0000orderNo\u0000';
function withOrderNo(t: TFunction, key: 'orders.selection.selectRow' | 'orders.list.openOrder') {
  const parts = t(key, { orderNo: MARK }).split(MARK);
  return (orderNo: string) => parts.join(orderNo);
}

function useRowLabels(): RowLabels {
  const { t, i18n } = useTranslation();
  const f = useOrderFormatters();
  const locale = i18n.language;
  // f is a new object each render; its functions depend only on the language
  return useMemo(
    () => ({
      f,
      status: Object.fromEntries(ORDER_STATUSES.map((s) => [s, t(`orders.statuses.${s}`)])) as Record<
        OrderStatus,
        string
      >,
      customsMode: Object.fromEntries(CUSTOMS_MODES.map((m) => [m, t(`orders.customsModes.${m}`)])) as Record<
        CustomsMode,
        string
      >,
      noCustomsMode: t('orders.noCustomsMode'),
      selectRow: withOrderNo(t, 'orders.selection.selectRow'),
      openOrder: withOrderNo(t, 'orders.list.openOrder'),
    }),
    [t, locale],
  );
}

function SortHeader({ field, label }: { readonly field: SortField; readonly label: string }) {
  const { t } = useTranslation();
  const sort = useAppStore((s) => s.ordersSort);
  const setSort = useAppStore((s) => s.setOrdersSort);
  const active = sortField(sort) === field;
  const descending = active && isDescending(sort);
  const ariaSort = active ? (descending ? 'descending' : 'ascending') : 'none';
  const hint = active ? (descending ? t('orders.sort.descending') : t('orders.sort.ascending')) : t('orders.sort.none');
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`cell cell-${field}`}>
      <button
        type="button"
        className={active ? 'sort-button sort-button-active' : 'sort-button'}
        data-testid={`orders-sort-${field}`}
        data-direction={active ? (descending ? 'desc' : 'asc') : undefined}
        title={hint}
        onClick={() => setSort(nextSort(sort, field))}
      >
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (descending ? '↓' : '↑') : '↕'}
        </span>
      </button>
    </div>
  );
}

/** One row; no hooks of its own, re-rendered only when its order, place, selection or language change. */
const OrderRow = memo(function OrderRow({
  order,
  index,
  start,
  selected,
  labels,
  toggle,
}: {
  readonly order: OrderListItem;
  readonly index: number;
  readonly start: number;
  readonly selected: boolean;
  readonly labels: RowLabels;
  readonly toggle: (id: number) => void;
}) {
  const { f } = labels;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'orders-row orders-row-selected' : 'orders-row'}
      data-testid={`orders-row-${order.orderNo}`}
      data-order-id={order.id}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      <div role="gridcell" className="cell cell-select">
        <input
          type="checkbox"
          data-testid={`orders-select-${order.id}`}
          aria-label={labels.selectRow(order.orderNo)}
          checked={selected}
          onChange={() => toggle(order.id)}
        />
      </div>
      <div role="gridcell" className="cell cell-orderNo mono">
        <a href={hashFor('orders', String(order.id))} className="order-link" title={labels.openOrder(order.orderNo)}>
          {order.orderNo}
        </a>
      </div>
      <div role="gridcell" className="cell cell-shop">
        {order.shopName}
      </div>
      <div role="gridcell" className="cell cell-status">
        <StatusBadgeLabel status={order.status} label={labels.status[order.status]} />
      </div>
      <div role="gridcell" className="cell cell-orderedAt" title={f.dateTime(order.orderedAt)}>
        {f.dateTimeShort(order.orderedAt)}
      </div>
      <div role="gridcell" className="cell cell-country">
        {order.buyerCountry ?? ''}
      </div>
      <div
        role="gridcell"
        className="cell cell-customsMode"
        title={order.customsMode ? labels.customsMode[order.customsMode] : undefined}
      >
        {order.customsMode ?? <span className="muted">{labels.noCustomsMode}</span>}
      </div>
      <div role="gridcell" className="cell cell-units num">
        {f.number(order.units)}
      </div>
      <div role="gridcell" className="cell cell-gross num">
        {f.money(order.gross, order.currency)}
      </div>
      <div role="gridcell" className="cell cell-sale">
        {order.exclusion ? (
          <ExclusionMarker exclusion={order.exclusion} testId={`orders-excluded-${order.orderNo}`} />
        ) : null}
      </div>
    </div>
  );
});

export function OrdersTable({ list }: { readonly list: OrdersList }) {
  const { t } = useTranslation();
  const { items, total, hasMore, loadMore, state: loadState } = list;
  const selection = useAppStore((s) => s.orderSelection);
  const setSelected = useAppStore((s) => s.setOrdersSelected);
  const toggle = useAppStore((s) => s.toggleOrderSelected);
  const labels = useRowLabels();
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // a scroll renders with React's own batching, not synchronously inside each scroll event
    useFlushSync: false,
  });
  const virtualRows = virtualizer.getVirtualItems();
  // Row elements are reused as the list scrolls: a row's key is its slot (index modulo the most
  // rows ever rendered at once), so the row leaving the view hands its DOM to the one coming in
  // (React updates a few texts and attributes instead of building and laying out new rows).
  const slots = useRef(1);
  slots.current = Math.max(slots.current, virtualRows.length);
  // A reused element keeps the keyboard focus: when the focused row now shows another order, the
  // focus is let go, so Space or Enter never acts on an order the user did not choose.
  const focusedOrder = useRef<string | null>(null);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !scrollRef.current?.contains(active)) return;
    const shown = active.closest('[data-order-id]')?.getAttribute('data-order-id') ?? null;
    if (shown !== focusedOrder.current) active.blur();
  });
  const lastIndex = virtualRows.length > 0 ? (virtualRows[virtualRows.length - 1]?.index ?? -1) : -1;
  const busy = loadState === 'loading' || loadState === 'loadingMore';

  useEffect(() => {
    if (hasMore && !busy && lastIndex >= items.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, busy, lastIndex, items.length, loadMore]);

  // "On screen" = rows actually in the viewport, not the overscan around it.
  const offset = virtualizer.scrollOffset ?? 0;
  const height = virtualizer.scrollRect?.height ?? 0;
  const visibleIds = virtualRows
    .filter((v) => v.index < items.length && v.end > offset && v.start < offset + height)
    .map((v) => items[v.index]?.id)
    .filter((id): id is number => id !== undefined);
  const allVisibleSelected = visibleIds.length > 0 && visibleIds.every((id) => selection.has(id));

  return (
    <div
      className="orders-table"
      role="grid"
      aria-label={t('orders.list.label')}
      aria-rowcount={total === null ? -1 : total + 1}
      aria-busy={busy}
    >
      <div role="rowgroup" className="orders-head">
        <div role="row" aria-rowindex={1} className="orders-row orders-head-row">
          <div role="columnheader" className="cell cell-select">
            <input
              type="checkbox"
              data-testid="orders-select-visible"
              aria-label={t('orders.selection.selectVisible')}
              title={t('orders.selection.selectVisible')}
              checked={allVisibleSelected}
              disabled={visibleIds.length === 0}
              onChange={() => setSelected(visibleIds, !allVisibleSelected)}
            />
          </div>
          <SortHeader field="orderNo" label={t('orders.columns.orderNo')} />
          <div role="columnheader" className="cell cell-shop">
            {t('orders.columns.shop')}
          </div>
          <div role="columnheader" className="cell cell-status">
            {t('orders.columns.status')}
          </div>
          <SortHeader field="orderedAt" label={t('orders.columns.orderedAt')} />
          <div role="columnheader" className="cell cell-country">
            {t('orders.columns.country')}
          </div>
          <div role="columnheader" className="cell cell-customsMode">
            {t('orders.columns.customsMode')}
          </div>
          <div role="columnheader" className="cell cell-units num">
            {t('orders.columns.units')}
          </div>
          <SortHeader field="gross" label={t('orders.columns.gross')} />
          <div role="columnheader" className="cell cell-sale">
            {t('orders.columns.sale')}
          </div>
        </div>
      </div>
      <div className="orders-scroll" ref={scrollRef} data-testid="orders-list" role="rowgroup">
        <div
          className="orders-canvas"
          style={{ height: virtualizer.getTotalSize() }}
          onFocus={(e) => {
            focusedOrder.current = e.target.closest('[data-order-id]')?.getAttribute('data-order-id') ?? null;
          }}
        >
          {virtualRows.map((v) => {
            const order = items[v.index];
            if (!order) {
              return (
                <div
                  key="loader"
                  role="row"
                  className="orders-row orders-loader"
                  style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                >
                  <div role="gridcell" className="cell muted">
                    {t('orders.list.loadingMore')}
                  </div>
                </div>
              );
            }
            return (
              <OrderRow
                key={v.index % slots.current}
                order={order}
                index={v.index}
                start={v.start}
                selected={selection.has(order.id)}
                labels={labels}
                toggle={toggle}
              />
            );
          })}
        </div>
      </div>
      {!hasMore && items.length > 0 && loadState === 'ready' ? (
        <div className="orders-end muted">{t('orders.list.end')}</div>
      ) : null}
    </div>
  );
}
