/**
 * AsOfBar: the "as of" date the on-hand, ageing and reorder views are computed for
 * (empty = today). One date for the three views, kept in the stock slice.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { isIsoDay } from './vocabulary.ts';

export function AsOfBar({ children }: { readonly children?: ReactNode }) {
  const { t } = useTranslation();
  const asOf = useAppStore((s) => s.stockAsOf);
  const setAsOf = useAppStore((s) => s.setStockAsOf);
  return (
    <div className="toolbar" role="search" aria-label={t('stock.asOf.label')}>
      <ToolbarField label={t('stock.asOf.label')}>
        <input
          className="input input-compact"
          type="date"
          data-testid="stock-asof"
          value={asOf}
          onChange={(e) => {
            const value = e.target.value;
            if (value === '' || isIsoDay(value)) setAsOf(value);
          }}
        />
      </ToolbarField>
      {asOf !== '' ? (
        <Button variant="quiet" data-testid="stock-asof-today" onClick={() => setAsOf('')}>
          {t('stock.asOf.today')}
        </Button>
      ) : null}
      {children}
    </div>
  );
}
