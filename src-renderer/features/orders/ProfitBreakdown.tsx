/**
 * ProfitBreakdown: revenue − product cost − head-haul − last-mile/fulfilment − platform fees −
 * ads − FX difference = profit, in the order's currency. A part the ledger does not know yet
 * (null) is shown as 未知 with what will fill it in — never as 0 — and then the profit is
 * unknown too, with the missing parts named.
 */
import { useTranslation } from 'react-i18next';
import type { ProfitBreakdown as Profit } from '../../../src-main/api/contract.ts';
import { useOrderFormatters } from './order-labels.tsx';

export const COST_PARTS = [
  'productCost',
  'headHaul',
  'lastMile',
  'platformFees',
  'advertising',
  'fxDifference',
] as const satisfies readonly (keyof Profit)[];
export type CostPart = (typeof COST_PARTS)[number];

export function missingParts(profit: Profit): CostPart[] {
  return COST_PARTS.filter((part) => profit[part] === null);
}

export function ProfitBreakdown({ profit }: { readonly profit: Profit }) {
  const { t } = useTranslation();
  const f = useOrderFormatters();
  const missing = missingParts(profit);
  const value = (minor: number | null) =>
    minor === null ? <span className="unknown">{t('orders.profit.unknown')}</span> : f.money(minor, profit.currency);

  return (
    <section className="panel" data-testid="order-profit" aria-labelledby="order-profit-title">
      <h2 className="panel-title" id="order-profit-title">
        {t('orders.profit.title')}
      </h2>
      <p className="field-help">{t('orders.profit.note', { currency: profit.currency })}</p>
      <dl className="profit">
        <div className="profit-row" data-testid="profit-revenue" data-known="true">
          <dt>{t('orders.profit.revenue')}</dt>
          <dd className="num">{value(profit.revenue)}</dd>
        </div>
        {COST_PARTS.map((part) => {
          const minor = profit[part];
          return (
            <div
              key={part}
              className={minor === null ? 'profit-row profit-row-unknown' : 'profit-row'}
              data-testid={`profit-${part}`}
              data-known={minor !== null}
            >
              <dt>{t(`orders.profit.${part}`)}</dt>
              <dd className="num">{value(minor)}</dd>
              {minor === null ? <dd className="profit-why">{t(`orders.profit.missing.${part}`)}</dd> : null}
            </div>
          );
        })}
        <div
          className={profit.profit === null ? 'profit-row profit-total profit-row-unknown' : 'profit-row profit-total'}
          data-testid="profit-profit"
          data-known={profit.profit !== null}
        >
          <dt>{t('orders.profit.profit')}</dt>
          <dd className="num">{value(profit.profit)}</dd>
          {profit.profit === null && missing.length > 0 ? (
            <dd className="profit-why" data-testid="profit-explanation">
              {t('orders.profit.unknownProfit', {
                parts: missing.map((p) => t(`orders.profit.partNames.${p}`)).join(t('orders.profit.listSeparator')),
              })}
            </dd>
          ) : null}
        </div>
      </dl>
    </section>
  );
}
