/**
 * ReorderView: reorder hints from the last 30 days of sales — on hand, sold in 30 days and the
 * days of cover (on hand ÷ daily sales); SKUs with less cover than the threshold come first and
 * are marked. Nothing sold = no cover figure, never "infinite".
 */
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../ui/ListTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { AsOfBar } from './AsOfBar.tsx';
import { skuColumn, useStockFormatters, warehouseColumn } from './stock-format.ts';
import { useAsOfQuery, useWarehouses } from './use-stock-refs.ts';

/** Fewer days of cover than this are flagged for reordering (sea freight takes about a month). */
export const LOW_COVER_DAYS = 45;

const isLow = (h: { readonly daysOfCover: number | null }) => h.daysOfCover !== null && h.daysOfCover < LOW_COVER_DAYS;

export function ReorderView() {
  const { t } = useTranslation();
  const f = useStockFormatters();
  const warehouses = useWarehouses();
  const query = useAsOfQuery('stock.reorderHints');
  const hints = query.data ?? null;

  const sorted = [...(hints ?? [])].sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity));

  return (
    <ViewSection titleId="stock-reorder-title" title={t('stock.reorder.title')}>
      <AsOfBar />
      <p className="field-help">{t('stock.reorder.help', { days: LOW_COVER_DAYS })}</p>
      <ListTable
        items={hints}
        rows={sorted}
        source={query}
        empty={{ title: t('stock.reorder.emptyTitle'), body: t('stock.reorder.emptyBody') }}
        data-testid="stock-reorder"
        row={(h) => ({
          key: `${h.sku}|${h.warehouse}`,
          'data-testid': `reorder-${h.sku}-${h.warehouse}`,
          'data-low': isLow(h),
        })}
        columns={[
          skuColumn(),
          warehouseColumn(warehouses, 'warehouse'),
          { head: 'stock.reorder.onHand', num: true, cell: (h) => f.quantity(h.onHand) },
          { head: 'stock.reorder.sold30d', num: true, cell: (h) => f.quantity(h.sold30d) },
          {
            head: 'stock.reorder.daysOfCover',
            num: true,
            cell: (h) => (
              <>
                {h.daysOfCover === null ? (
                  <span className="muted">{t('stock.reorder.noSales')}</span>
                ) : (
                  t('stock.reorder.days', { days: f.quantity(Math.floor(h.daysOfCover)) })
                )}
                {isLow(h) ? <span className="status-badge status-badge-warn">{t('stock.reorder.low')}</span> : null}
              </>
            ),
          },
        ]}
      />
    </ViewSection>
  );
}
