/**
 * OnHandView: stock on hand by SKU × warehouse as of a date, with its value (CNY, from the
 * cost layers), in a virtualised table (50k SKUs never render at once) and the totals below.
 * A text filter narrows the rows on screen by SKU or warehouse.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { AsOfBar } from './AsOfBar.tsx';
import { findSku, findWarehouse, useStockFormatters, warehouseLabel } from './stock-format.ts';
import { useAsOfQuery, useSkus, useWarehouses } from './use-stock-refs.ts';

export const STOCK_ROW_HEIGHT = 36;

/** The grid's columns: header text, and the class of the header and of the row cells. */
const COLUMNS = [
  { label: 'stock.columns.sku', className: 'cell cell-sku', cellClassName: 'cell cell-sku mono' },
  { label: 'stock.columns.goodsName', className: 'cell cell-name', cellClassName: 'cell cell-name' },
  { label: 'stock.columns.warehouse', className: 'cell cell-warehouse', cellClassName: 'cell cell-warehouse' },
  { label: 'stock.columns.quantity', className: 'cell cell-qty num', cellClassName: 'cell cell-qty num' },
  { label: 'stock.columns.value', className: 'cell cell-value num', cellClassName: 'cell cell-value num' },
  { label: 'stock.columns.unitCost', className: 'cell cell-value num', cellClassName: 'cell cell-value num' },
] as const;

export function OnHandView() {
  const { t } = useTranslation();
  const f = useStockFormatters();
  const query = useAsOfQuery('stock.onHand');
  const onHand = query.data ?? null;
  const error = query.error;
  const skus = useSkus();
  const warehouses = useWarehouses();
  const navigate = useAppStore((s) => s.navigate);
  const [q, setQ] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);

  const items = useMemo(() => {
    const all = onHand?.items ?? [];
    const needle = q.trim().toLowerCase();
    if (needle === '') return all;
    return all.filter(
      (p) =>
        p.sku.toLowerCase().includes(needle) ||
        p.warehouse.toLowerCase().includes(needle) ||
        (findWarehouse(warehouses, p.warehouse)?.name.toLowerCase().includes(needle) ?? false),
    );
  }, [onHand, q, warehouses]);

  const total = useMemo(
    () =>
      items.reduce((acc, p) => ({ quantity: acc.quantity + p.quantity, value: acc.value + p.value }), {
        quantity: 0,
        value: 0,
      }),
    [items],
  );

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => STOCK_ROW_HEIGHT,
    overscan: 12,
  });

  const empty = !query.loading && !error && (onHand?.items.length ?? 0) === 0;

  return (
    <ViewSection titleId="stock-onhand-title" title={t('stock.onHand.title')}>
      <AsOfBar>
        <ToolbarField variant="toolbar-search" label={t('stock.onHand.filter')}>
          <input
            className="input input-compact"
            type="search"
            data-testid="stock-onhand-filter"
            value={q}
            placeholder={t('stock.onHand.filterPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
        </ToolbarField>
      </AsOfBar>
      {error ? (
        <div className="inline-error">
          <ErrorBanner error={error} />
          <Button onClick={query.refetch}>{t('stock.actions.retry')}</Button>
        </div>
      ) : null}
      {onHand ? (
        <p className="muted" data-testid="stock-onhand-asof" data-asof={onHand.asOf}>
          {t('stock.onHand.asOfShown', { date: f.day(onHand.asOf) })}
        </p>
      ) : null}
      {empty ? (
        <EmptyState title={t('stock.onHand.emptyTitle')} body={t('stock.onHand.emptyBody')}>
          <div className="form-actions">
            <Button variant="primary" data-testid="stock-empty-skus" onClick={() => navigate('stock', 'skus')}>
              {t('stock.onHand.toSkus')}
            </Button>
            <Button data-testid="stock-empty-moves" onClick={() => navigate('stock', 'moves')}>
              {t('stock.onHand.toMoves')}
            </Button>
            <Button data-testid="stock-empty-import" onClick={() => navigate('stock', 'import')}>
              {t('stock.onHand.toImport')}
            </Button>
          </div>
        </EmptyState>
      ) : (
        <div
          className="stock-table"
          role="grid"
          aria-label={t('stock.onHand.title')}
          aria-rowcount={items.length + 1}
          aria-busy={query.loading}
        >
          <div role="rowgroup" className="stock-head">
            <div role="row" className="stock-row stock-head-row">
              {COLUMNS.map((c) => (
                <div key={c.label} role="columnheader" className={c.className}>
                  {t(c.label)}
                </div>
              ))}
            </div>
          </div>
          <div className="stock-scroll" ref={scrollRef} data-testid="stock-onhand" role="rowgroup">
            <div className="stock-canvas" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((v) => {
                const p = items[v.index];
                if (!p) return null;
                const w = findWarehouse(warehouses, p.warehouse);
                const sku = findSku(skus, p.sku);
                return (
                  <div
                    key={`${p.sku}|${p.warehouse}`}
                    role="row"
                    aria-rowindex={v.index + 2}
                    className={p.quantity < 0 ? 'stock-row stock-row-negative' : 'stock-row'}
                    data-testid={`stock-row-${p.sku}-${p.warehouse}`}
                    data-quantity={p.quantity}
                    data-value={p.value}
                    style={{ transform: `translateY(${v.start}px)`, height: STOCK_ROW_HEIGHT }}
                  >
                    {[
                      p.sku,
                      sku?.goodsName ?? '',
                      w ? warehouseLabel(w) : p.warehouse,
                      f.quantity(p.quantity),
                      f.money(p.value),
                      p.quantity > 0 ? f.money(Math.round(p.value / p.quantity)) : '',
                    ].map((text, i) => (
                      <div key={COLUMNS[i]?.label} role="gridcell" className={COLUMNS[i]?.cellClassName}>
                        {text}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
          <div
            className="stock-row stock-total-row"
            data-testid="stock-onhand-total"
            data-quantity={total.quantity}
            data-value={total.value}
          >
            <div className="cell cell-sku strong">{t('stock.onHand.total')}</div>
            <div className="cell cell-name" />
            <div className="cell cell-warehouse muted">{t('stock.onHand.positions', { count: items.length })}</div>
            <div className="cell cell-qty num strong">{f.quantity(total.quantity)}</div>
            <div className="cell cell-value num strong">{f.money(total.value)}</div>
            <div className="cell cell-value" />
          </div>
        </div>
      )}
      {query.loading && !onHand ? (
        <p className="muted" role="status">
          {t('stock.loading')}
        </p>
      ) : null}
    </ViewSection>
  );
}
