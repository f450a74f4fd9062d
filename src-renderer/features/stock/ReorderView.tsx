/**
 * ReorderView: reorder hints from the last 30 days of sales — on hand, sold in 30 days and the
 * days of cover (on hand ÷ daily sales); SKUs with less cover than the threshold come first and
 * are marked. Nothing sold = no cover figure, never "infinite".
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { num } from '../../ui/DataTable.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { AsOfBar } from './AsOfBar.tsx';
import { findWarehouse, useStockFormatters, warehouseLabel } from './stock-format.ts';
import { STOCK_AREAS, useWarehouses } from './use-stock-refs.ts';
import { useQuery } from '../../app/use-query.ts';

/** Fewer days of cover than this are flagged for reordering (sea freight takes about a month). */
export const LOW_COVER_DAYS = 45;

export function ReorderView() {
  const { t } = useTranslation();
  const f = useStockFormatters();
  const asOf = useAppStore((s) => s.stockAsOf);
  const warehouses = useWarehouses();
  const query = useQuery('stock.reorderHints', asOf === '' ? {} : { asOf }, { areas: STOCK_AREAS });
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
        columns={[
          t('stock.columns.sku'),
          t('stock.columns.warehouse'),
          num(t('stock.reorder.onHand')),
          num(t('stock.reorder.sold30d')),
          num(t('stock.reorder.daysOfCover')),
        ]}
      >
        {(h) => {
          const w = findWarehouse(warehouses, h.warehouse);
          const low = h.daysOfCover !== null && h.daysOfCover < LOW_COVER_DAYS;
          return (
            <tr key={`${h.sku}|${h.warehouse}`} data-testid={`reorder-${h.sku}-${h.warehouse}`} data-low={low}>
              <td className="mono">{h.sku}</td>
              <td>{w ? warehouseLabel(w) : h.warehouse}</td>
              <td className="num">{f.quantity(h.onHand)}</td>
              <td className="num">{f.quantity(h.sold30d)}</td>
              <td className="num">
                {h.daysOfCover === null ? (
                  <span className="muted">{t('stock.reorder.noSales')}</span>
                ) : (
                  t('stock.reorder.days', { days: f.quantity(Math.floor(h.daysOfCover)) })
                )}
                {low ? <span className="status-badge status-badge-warn">{t('stock.reorder.low')}</span> : null}
              </td>
            </tr>
          );
        }}
      </ListTable>
    </ViewSection>
  );
}
