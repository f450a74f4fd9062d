/**
 * PostSalesPanel: takes shipped orders out of stock (`stock.postSales`) from the warehouse that
 * fulfilled them, so their cost of goods reaches the orders' profit. Lines that could not be
 * posted (unmapped SKU, not enough stock…) are listed with their translated reason.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { CommandResult, ErrorInfo } from '../../../src-main/api/contract.ts';
import { translateError } from '../../i18n/translate-error.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';

export function PostSalesPanel({ onPosted }: { readonly onPosted?: () => void }) {
  const { t } = useTranslation();
  const stockPostSales = useMutation('stock.postSales');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [outcome, setOutcome] = useState<CommandResult<'stock.postSales'> | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await stockPostSales.run({});
    setBusy(false);
    if (r.ok) {
      setOutcome(r.value);
      onPosted?.();
    } else setError(r.error);
  };

  return (
    <div className="panel" data-testid="stock-post-sales">
      <p className="help">{t('stock.postSales.help')}</p>
      <Button variant="secondary" data-testid="stock-post-sales-run" disabled={busy} onClick={() => void run()}>
        {busy ? t('stock.postSales.running') : t('stock.postSales.run')}
      </Button>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {outcome ? (
        <div data-testid="stock-post-sales-result">
          <p>{t('stock.postSales.posted', { count: outcome.posted })}</p>
          {outcome.skipped.length > 0 ? (
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('stock.postSales.orderNo')}</th>
                  <th>{t('stock.columns.sku')}</th>
                  <th>{t('stock.postSales.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.skipped.map((s, i) => (
                  <tr key={`${s.orderNo}-${s.sku}-${i}`}>
                    <td className="mono">{s.orderNo}</td>
                    <td className="mono">{s.sku}</td>
                    <td>{translateError(t, s.code, { sku: s.sku, orderNo: s.orderNo })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
