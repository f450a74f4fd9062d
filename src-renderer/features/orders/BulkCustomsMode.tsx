/**
 * BulkCustomsMode: sets the customs mode (9610/9710/9810/1210) of every selected order in
 * one `orders.setCustomsMode` call, then says how many orders changed; "生成申报" takes the
 * selected orders to the customs build tab (`#/customs/build?orders=…`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomsMode } from '../../../src-main/api/contract.ts';
import { useMutation } from '../../app/use-query.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Select } from '../../ui/Select.tsx';
import { ToolbarField } from '../../ui/ToolbarField.tsx';
import { CUSTOMS_MODES, isCustomsMode } from './vocabulary.ts';
import { optionsOf } from '../../ui/options.ts';

export function BulkCustomsMode() {
  const { t } = useTranslation();
  const selection = useAppStore((s) => s.orderSelection);
  const count = selection.size;
  const navigate = useAppStore((s) => s.navigate);
  const clear = useAppStore((s) => s.clearOrderSelection);
  const setCustomsMode = useMutation('orders.setCustomsMode');
  const busy = setCustomsMode.pending;
  const error = setCustomsMode.error;
  const [mode, setMode] = useState<CustomsMode | ''>('');
  const [done, setDone] = useState<number | null>(null);

  const run = async () => {
    if (mode === '' || count === 0) return;
    setDone(null);
    // The list reads its rows again when the host reports the change (use-orders-list.ts).
    const result = await setCustomsMode.run({ ids: [...selection], mode });
    if (result.ok) {
      clear();
      setDone(result.value.changed);
    }
  };

  return (
    <div className="bulk-bar">
      {count > 0 ? (
        <>
          <span data-testid="orders-selected-count">{t('orders.selection.selected', { count })}</span>
          <Button variant="quiet" onClick={clear}>
            {t('orders.selection.clear')}
          </Button>
        </>
      ) : null}
      <ToolbarField variant="toolbar-inline" label={t('orders.bulk.label')}>
        <Select
          className="select-compact"
          data-testid="orders-bulk-mode"
          value={mode}
          placeholder={t('orders.bulk.placeholder')}
          options={optionsOf(CUSTOMS_MODES, (m) => t(`orders.customsModes.${m}`))}
          onChange={(e) => setMode(isCustomsMode(e.target.value) ? e.target.value : '')}
        />
      </ToolbarField>
      <Button data-testid="orders-bulk-apply" disabled={busy || count === 0 || mode === ''} onClick={() => void run()}>
        {busy ? t('orders.bulk.applying') : t('orders.bulk.apply')}
      </Button>
      <Button
        data-testid="orders-bulk-declare"
        disabled={count === 0}
        onClick={() => {
          const ids = [...selection].sort((a, b) => a - b);
          // the customs desk loads on demand (not in the orders list's first chunk): its path helper with it
          void import('../customs/index.ts').then((customs) => navigate('customs', customs.buildHashPath(ids)));
        }}
      >
        {t('customsDesk.build.fromOrders')}
      </Button>
      {done !== null ? (
        <span role="status" className="form-saved" data-testid="orders-bulk-done">
          {t('orders.bulk.done', { count: done })}
        </span>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={setCustomsMode.clearError} /> : null}
    </div>
  );
}
