/**
 * OrderDetailView (`#/orders/<id>`): one order's facts, amounts, lines, fees, change history
 * (what changed, old → new, when, and whether a re-import or a person changed it) and the
 * profit breakdown. Refetched when the ledger changes.
 */
import { useTranslation } from 'react-i18next';
import type { OrderChange, OrderDetail } from '../../../src-main/api/contract.ts';
import { useQuery } from '../../app/use-query.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ExclusionMarker, StatusBadge, useOrderFormatters, type OrderFormatters } from './order-labels.tsx';
import { ProfitBreakdown } from './ProfitBreakdown.tsx';
import { ORDER_LIST_AREAS } from './use-orders-list.ts';
import { isFulfilment, isOrderStatus } from './vocabulary.ts';

const MONEY_FIELDS = new Set(['shipping', 'discount', 'gross', 'refunded', 'goods', 'giftWrap', 'taxOnTop']);
type ChangeField =
  | 'status'
  | 'platformStatus'
  | 'customsMode'
  | 'fulfilment'
  | 'orderedAt'
  | 'buyerCountry'
  | 'currency'
  | 'shipping'
  | 'discount'
  | 'gross'
  | 'refunded'
  | 'lines'
  | 'salesChannel';
const CHANGE_FIELDS: readonly ChangeField[] = [
  'status',
  'platformStatus',
  'customsMode',
  'fulfilment',
  'orderedAt',
  'buyerCountry',
  'currency',
  'shipping',
  'discount',
  'gross',
  'refunded',
  'lines',
  'salesChannel',
];

function ChangeRow({
  change,
  currency,
  f,
}: {
  readonly change: OrderChange;
  readonly currency: string | null;
  readonly f: OrderFormatters;
}) {
  const { t } = useTranslation();
  const field = (CHANGE_FIELDS as readonly string[]).includes(change.field)
    ? t(`orders.changeFields.${change.field as ChangeField}`)
    : change.field;
  const show = (v: string | null) => {
    if (v === null || v === '') return <span className="muted">{t('orders.detail.emptyValue')}</span>;
    if (change.field === 'status' && isOrderStatus(v)) return t(`orders.statuses.${v}`);
    if (change.field === 'fulfilment' && isFulfilment(v)) return t(`orders.fulfilments.${v}`);
    if (change.field === 'orderedAt') return f.dateTime(v);
    if (MONEY_FIELDS.has(change.field) && /^-?\d+$/.test(v)) return f.money(Number(v), currency);
    return v;
  };
  return (
    <tr>
      <td>{field}</td>
      <td>
        {show(change.oldValue)} <span aria-hidden="true">→</span> {show(change.newValue)}
      </td>
      <td>{f.dateTime(change.at)}</td>
      <td>{t(`orders.detail.causes.${change.cause}`)}</td>
    </tr>
  );
}

function DetailBody({ order }: { readonly order: OrderDetail }) {
  const { t } = useTranslation();
  const f = useOrderFormatters();
  const money = (minor: number | null) => f.money(minor, order.currency);
  return (
    <>
      <section className="panel" aria-labelledby="order-facts-title">
        <h2 className="panel-title" id="order-facts-title">
          {t('orders.detail.facts')}
        </h2>
        <dl className="facts facts-columns">
          <dt>{t('orders.detail.shop')}</dt>
          <dd>{order.shopName}</dd>
          <dt>{t('orders.detail.platform')}</dt>
          <dd>{t(`orders.platforms.${order.platform}`)}</dd>
          <dt>{t('orders.detail.status')}</dt>
          <dd>
            <StatusBadge status={order.status} />
          </dd>
          <dt>{t('orders.detail.platformStatus')}</dt>
          <dd>{order.platformStatus || t('orders.detail.notAvailable')}</dd>
          <dt>{t('orders.detail.salesChannel')}</dt>
          <dd>{order.salesChannel ?? t('orders.detail.notAvailable')}</dd>
          <dt>{t('orders.detail.orderedAt')}</dt>
          <dd title={order.orderedAt}>{f.dateTime(order.orderedAt)}</dd>
          <dt>{t('orders.detail.buyerCountry')}</dt>
          <dd>{order.buyerCountry ?? t('orders.detail.notAvailable')}</dd>
          <dt>{t('orders.detail.currency')}</dt>
          <dd>{order.currency}</dd>
          <dt>{t('orders.detail.customsMode')}</dt>
          <dd>{order.customsMode ? t(`orders.customsModes.${order.customsMode}`) : t('orders.noCustomsMode')}</dd>
          <dt>{t('orders.detail.fulfilment')}</dt>
          <dd>{order.fulfilment ? t(`orders.fulfilments.${order.fulfilment}`) : t('orders.noFulfilment')}</dd>
          <dt>{t('orders.detail.sale')}</dt>
          <dd>
            {order.exclusion ? (
              <ExclusionMarker exclusion={order.exclusion} testId="order-detail-excluded" />
            ) : (
              t('orders.countsAsSale')
            )}
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="order-amounts-title">
        <h2 className="panel-title" id="order-amounts-title">
          {t('orders.detail.amounts')}
        </h2>
        <dl className="facts facts-money">
          <dt>{t('orders.detail.goods')}</dt>
          <dd className="num">{money(order.goods)}</dd>
          <dt>{t('orders.detail.discount')}</dt>
          <dd className="num">{money(order.discount)}</dd>
          <dt>{t('orders.detail.shipping')}</dt>
          <dd className="num">{money(order.shipping)}</dd>
          <dt>{t('orders.detail.giftWrap')}</dt>
          <dd className="num">{money(order.giftWrap)}</dd>
          <dt>{t('orders.detail.gross')}</dt>
          <dd className="num strong" data-testid="order-detail-gross">
            {money(order.gross)}
          </dd>
          <dt>{t('orders.detail.taxOnTop')}</dt>
          <dd className="num">{money(order.taxOnTop)}</dd>
          <dt>{t('orders.detail.refunded')}</dt>
          <dd className="num">{money(order.refunded)}</dd>
        </dl>
      </section>

      <ProfitBreakdown profit={order.profit} />

      <section className="panel" aria-labelledby="order-lines-title">
        <h2 className="panel-title" id="order-lines-title">
          {t('orders.detail.lines')}
        </h2>
        {order.lines.length === 0 ? (
          <p className="muted">{t('orders.detail.noLines')}</p>
        ) : (
          <DataTable
            className="table"
            data-testid="order-lines"
            columns={[
              t('orders.detail.lineSku'),
              t('orders.detail.lineName'),
              num(t('orders.detail.lineQuantity')),
              num(t('orders.detail.lineUnitPrice')),
              num(t('orders.detail.lineTotal')),
              num(t('orders.detail.lineDiscount')),
              num(t('orders.detail.lineShipping')),
              num(t('orders.detail.lineTax')),
            ]}
          >
            {order.lines.map((line) => (
              <tr
                key={line.id}
                className={line.cancelled ? 'row-cancelled' : undefined}
                data-testid={`order-line-${line.lineKey}`}
              >
                <td className="mono">{line.sku}</td>
                <td>
                  {line.itemName}
                  {line.cancelled ? (
                    <span className="badge badge-muted">{t('orders.detail.lineCancelled')}</span>
                  ) : null}
                </td>
                <td className="num">{f.number(line.quantity)}</td>
                <td className="num">
                  {line.unitPrice === null ? t('orders.detail.notAvailable') : money(line.unitPrice)}
                </td>
                <td className="num">{money(line.lineTotal)}</td>
                <td className="num">{money(line.discount)}</td>
                <td className="num">{money(line.shipping)}</td>
                <td className="num">{money(line.taxOnTop)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="panel" aria-labelledby="order-fees-title">
        <h2 className="panel-title" id="order-fees-title">
          {t('orders.detail.fees')}
        </h2>
        {order.fees.length === 0 ? (
          <p className="muted">{t('orders.detail.noFees')}</p>
        ) : (
          <DataTable
            className="table"
            wrap={false}
            data-testid="order-fees"
            columns={[t('orders.detail.feeType'), t('orders.detail.feeDescription'), num(t('orders.detail.feeAmount'))]}
          >
            {order.fees.map((fee) => (
              <tr key={fee.id}>
                <td>{t(`orders.feeTypes.${fee.type}`)}</td>
                <td className="mono">{fee.description}</td>
                <td className="num">{f.money(fee.amount, fee.currency)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="panel" aria-labelledby="order-changes-title">
        <h2 className="panel-title" id="order-changes-title">
          {t('orders.detail.changes')}
        </h2>
        {order.changes.length === 0 ? (
          <p className="muted">{t('orders.detail.noChanges')}</p>
        ) : (
          <DataTable
            className="table"
            wrap={false}
            data-testid="order-changes"
            columns={[
              t('orders.detail.changeField'),
              t('orders.detail.changeValues'),
              t('orders.detail.changeAt'),
              t('orders.detail.changeCause'),
            ]}
          >
            {order.changes.map((c, i) => (
              <ChangeRow key={`${c.at}-${c.field}-${i}`} change={c} currency={order.currency} f={f} />
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}

export function OrderDetailView({ id }: { readonly id: number }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const detail = useQuery('orders.get', { id }, { areas: ORDER_LIST_AREAS });
  const order = detail.data ?? null;
  const error = detail.error;

  return (
    <div className="order-detail" data-testid="order-detail" data-order-id={id}>
      <div className="page-header">
        <div>
          <Button variant="quiet" data-testid="order-detail-back" onClick={() => navigate('orders')}>
            {t('orders.actions.back')}
          </Button>
          <h1 className="page-title">
            {order ? (
              <span className="mono" data-testid="order-detail-orderNo">
                {order.orderNo}
              </span>
            ) : (
              t('orders.detail.loading')
            )}
          </h1>
          {order ? (
            <div className="detail-badges">
              <StatusBadge status={order.status} />
              {order.exclusion ? <ExclusionMarker exclusion={order.exclusion} /> : null}
            </div>
          ) : null}
        </div>
        <div className="page-actions">
          <Button data-testid="order-detail-edit" disabled={!order} onClick={() => navigate('orders', `${id}/edit`)}>
            {t('orders.actions.edit')}
          </Button>
        </div>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {order ? <DetailBody order={order} /> : null}
    </div>
  );
}
