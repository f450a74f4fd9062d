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
import { Detail, DetailList } from '../../ui/DetailList.tsx';
import { Panel } from '../../ui/Panel.tsx';
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

/** The order's amounts, in their order on the panel; the gross is the one to read first. */
const AMOUNTS = ['goods', 'discount', 'shipping', 'giftWrap', 'gross', 'taxOnTop', 'refunded'] as const;
/** The numeric columns of the lines table, after the SKU and the name. */
const LINE_AMOUNT_COLUMNS = [
  'lineQuantity',
  'lineUnitPrice',
  'lineTotal',
  'lineDiscount',
  'lineShipping',
  'lineTax',
] as const;

function DetailBody({ order }: { readonly order: OrderDetail }) {
  const { t } = useTranslation();
  const f = useOrderFormatters();
  const money = (minor: number | null) => f.money(minor, order.currency);
  const notAvailable = t('orders.detail.notAvailable');
  return (
    <>
      <Panel titleId="order-facts-title" title={t('orders.detail.facts')}>
        <DetailList columns>
          <Detail label={t('orders.detail.shop')}>{order.shopName}</Detail>
          <Detail label={t('orders.detail.platform')}>{t(`orders.platforms.${order.platform}`)}</Detail>
          <Detail label={t('orders.detail.status')}>
            <StatusBadge status={order.status} />
          </Detail>
          <Detail label={t('orders.detail.platformStatus')}>{order.platformStatus || notAvailable}</Detail>
          <Detail label={t('orders.detail.salesChannel')}>{order.salesChannel ?? notAvailable}</Detail>
          <Detail label={t('orders.detail.orderedAt')} title={order.orderedAt}>
            {f.dateTime(order.orderedAt)}
          </Detail>
          <Detail label={t('orders.detail.buyerCountry')}>{order.buyerCountry ?? notAvailable}</Detail>
          <Detail label={t('orders.detail.currency')}>{order.currency}</Detail>
          <Detail label={t('orders.detail.customsMode')}>
            {order.customsMode ? t(`orders.customsModes.${order.customsMode}`) : t('orders.noCustomsMode')}
          </Detail>
          <Detail label={t('orders.detail.fulfilment')}>
            {order.fulfilment ? t(`orders.fulfilments.${order.fulfilment}`) : t('orders.noFulfilment')}
          </Detail>
          <Detail label={t('orders.detail.sale')}>
            {order.exclusion ? (
              <ExclusionMarker exclusion={order.exclusion} testId="order-detail-excluded" />
            ) : (
              t('orders.countsAsSale')
            )}
          </Detail>
        </DetailList>
      </Panel>

      <Panel titleId="order-amounts-title" title={t('orders.detail.amounts')}>
        <DetailList className="facts facts-money">
          {AMOUNTS.map((key) => (
            <Detail
              key={key}
              label={t(`orders.detail.${key}`)}
              className={key === 'gross' ? 'num strong' : 'num'}
              data-testid={key === 'gross' ? 'order-detail-gross' : undefined}
            >
              {money(order[key])}
            </Detail>
          ))}
        </DetailList>
      </Panel>

      <ProfitBreakdown profit={order.profit} />

      <Panel
        titleId="order-lines-title"
        title={t('orders.detail.lines')}
        empty={order.lines.length === 0 ? t('orders.detail.noLines') : null}
      >
        <DataTable
          className="table"
          data-testid="order-lines"
          columns={[
            t('orders.detail.lineSku'),
            t('orders.detail.lineName'),
            ...LINE_AMOUNT_COLUMNS.map((key) => num(t(`orders.detail.${key}`))),
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
                {line.cancelled ? <span className="badge badge-muted">{t('orders.detail.lineCancelled')}</span> : null}
              </td>
              <td className="num">{f.number(line.quantity)}</td>
              <td className="num">{line.unitPrice === null ? notAvailable : money(line.unitPrice)}</td>
              {[line.lineTotal, line.discount, line.shipping, line.taxOnTop].map((minor, i) => (
                <td key={i} className="num">
                  {money(minor)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </Panel>

      <Panel
        titleId="order-fees-title"
        title={t('orders.detail.fees')}
        empty={order.fees.length === 0 ? t('orders.detail.noFees') : null}
      >
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
      </Panel>

      <Panel
        titleId="order-changes-title"
        title={t('orders.detail.changes')}
        empty={order.changes.length === 0 ? t('orders.detail.noChanges') : null}
      >
        <DataTable
          className="table"
          wrap={false}
          data-testid="order-changes"
          columns={(['changeField', 'changeValues', 'changeAt', 'changeCause'] as const).map((key) =>
            t(`orders.detail.${key}`),
          )}
        >
          {order.changes.map((c, i) => (
            <ChangeRow key={`${c.at}-${c.field}-${i}`} change={c} currency={order.currency} f={f} />
          ))}
        </DataTable>
      </Panel>
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
