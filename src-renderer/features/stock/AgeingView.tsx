/**
 * AgeingView: stock ageing from the cost layers as of a date — quantity and value per SKU ×
 * warehouse in five buckets (0–30, 31–90, 91–180, 181–365, > 365 days), with the totals.
 */
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { AsOfBar } from './AsOfBar.tsx';
import { useStockFormatters, warehouseText } from './stock-format.ts';
import { AGEING_BUCKETS } from './vocabulary.ts';
import { useAsOfQuery, useWarehouses } from './use-stock-refs.ts';

export function AgeingView() {
  const { t } = useTranslation();
  const f = useStockFormatters();
  const warehouses = useWarehouses();
  const ageing = useAsOfQuery('stock.ageing');
  const rows = ageing.data ?? null;
  const error = ageing.error;

  const totals = AGEING_BUCKETS.map((b) =>
    (rows ?? []).reduce(
      (acc, r) => ({ quantity: acc.quantity + r.buckets[b].quantity, value: acc.value + r.buckets[b].value }),
      { quantity: 0, value: 0 },
    ),
  );

  return (
    <ViewSection titleId="stock-ageing-title" title={t('stock.ageing.title')}>
      <AsOfBar />
      <p className="field-help">{t('stock.ageing.help')}</p>
      {error ? <ErrorBanner error={error} onDismiss={ageing.clearError} /> : null}
      {rows !== null && rows.length === 0 ? (
        <EmptyState title={t('stock.ageing.emptyTitle')} body={t('stock.ageing.emptyBody')} />
      ) : null}
      {rows !== null && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact" data-testid="stock-ageing">
            <thead>
              <tr>
                <th scope="col">{t('stock.columns.sku')}</th>
                <th scope="col">{t('stock.columns.warehouse')}</th>
                {AGEING_BUCKETS.map((b) => (
                  <th key={b} scope="col" className="num" data-testid={`ageing-bucket-${b}`}>
                    {t(`stock.ageing.buckets.${b}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                return (
                  <tr key={`${r.sku}|${r.warehouse}`} data-testid={`ageing-${r.sku}-${r.warehouse}`}>
                    <td className="mono">{r.sku}</td>
                    <td>{warehouseText(warehouses, r.warehouse)}</td>
                    {AGEING_BUCKETS.map((b) => {
                      const cell = r.buckets[b];
                      return (
                        <td
                          key={b}
                          className={cell.quantity === 0 ? 'num muted' : 'num'}
                          data-testid={`ageing-${r.sku}-${r.warehouse}-${b}`}
                          data-quantity={cell.quantity}
                          data-value={cell.value}
                        >
                          {cell.quantity === 0 ? (
                            '–'
                          ) : (
                            <>
                              <span className="strong">{f.quantity(cell.quantity)}</span>
                              <br />
                              <span className="muted">{f.money(cell.value)}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr data-testid="ageing-total">
                <th scope="row" colSpan={2}>
                  {t('stock.onHand.total')}
                </th>
                {AGEING_BUCKETS.map((b, i) => (
                  <td key={b} className="num strong" data-quantity={totals[i]?.quantity} data-value={totals[i]?.value}>
                    {f.quantity(totals[i]?.quantity ?? 0)}
                    <br />
                    <span className="muted">{f.money(totals[i]?.value ?? 0)}</span>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </ViewSection>
  );
}
