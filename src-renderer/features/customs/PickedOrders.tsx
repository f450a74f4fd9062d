/**
 * PickedOrders: the orders picked on the Orders page ("生成申报") that the build tab's selection
 * starts with — how many, the first order numbers (read with `orders.get`), and a way to drop
 * them from the selection.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';

const SHOWN = 10;

function PickedOrderNo({ id, first }: { readonly id: number; readonly first: boolean }) {
  const orderNo = useQuery('orders.get', { id }, { areas: [] }).data?.orderNo;
  return orderNo === undefined ? null : (
    <>
      {first ? '' : ', '}
      {orderNo}
    </>
  );
}

export function PickedOrders({ ids, onClear }: { readonly ids: readonly number[]; readonly onClear: () => void }) {
  const { t } = useTranslation();

  return (
    <div className="toolbar" data-testid="customs-picked-orders" data-count={ids.length}>
      <span>{t('customsDesk.build.picked', { count: ids.length })}</span>
      <span className="mono" translate="no" data-testid="customs-picked-order-nos">
        {ids.slice(0, SHOWN).map((id, i) => (
          <Fragment key={id}>
            <PickedOrderNo id={id} first={i === 0} />
          </Fragment>
        ))}
        {ids.length > SHOWN ? ' …' : ''}
      </span>
      <Button variant="quiet" data-testid="customs-picked-clear" onClick={onClear}>
        {t('customsDesk.build.pickedClear')}
      </Button>
    </div>
  );
}
