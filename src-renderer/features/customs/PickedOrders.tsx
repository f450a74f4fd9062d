/**
 * PickedOrders: the orders picked on the Orders page ("生成申报") that the build tab's selection
 * starts with — how many, the first order numbers (read with `orders.get`), and a way to drop
 * them from the selection.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/core-client.ts';
import { Button } from '../../ui/Button.tsx';

const SHOWN = 10;

export function PickedOrders({ ids, onClear }: { readonly ids: readonly number[]; readonly onClear: () => void }) {
  const { t } = useTranslation();
  const [numbers, setNumbers] = useState<readonly string[]>([]);
  const key = ids.slice(0, SHOWN).join(',');

  useEffect(() => {
    let live = true;
    void Promise.all(key.split(',').map((id) => call('orders.get', { id: Number(id) }))).then((results) => {
      if (live) setNumbers(results.flatMap((r) => (r.ok ? [r.value.orderNo] : [])));
    });
    return () => { live = false; };
  }, [key]);

  return (
    <div className="toolbar" data-testid="customs-picked-orders" data-count={ids.length}>
      <span>{t('customsDesk.build.picked', { count: ids.length })}</span>
      <span className="mono" translate="no" data-testid="customs-picked-order-nos">
        {numbers.join(', ')}{ids.length > SHOWN ? ' …' : ''}
      </span>
      <Button variant="quiet" data-testid="customs-picked-clear" onClick={onClear}>{t('customsDesk.build.pickedClear')}</Button>
    </div>
  );
}
