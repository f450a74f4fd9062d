/**
 * OrderList: the orders page proper — header with 导入订单 / 手工录入, the filters, the total
 * for the filter ("共 N 单"), the bulk customs-mode bar and the virtualised table; an empty
 * ledger gets an empty state with the same two actions instead of an empty table.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { BulkCustomsMode } from './BulkCustomsMode.tsx';
import { useOrderFormatters } from './order-labels.tsx';
import { OrdersTable } from './OrdersTable.tsx';
import { OrdersToolbar } from './OrdersToolbar.tsx';
import { useOrdersList } from './use-orders-list.ts';

export function OrderList() {
  const { t } = useTranslation();
  const f = useOrderFormatters();
  const navigate = useAppStore((s) => s.navigate);
  const clearFilter = useAppStore((s) => s.clearOrdersFilter);
  const filtered = useAppStore((s) => Object.keys(s.ordersFilter).length > 0);
  const list = useOrdersList();
  const { total, error, state: loadState } = list;
  const itemCount = list.items.length;

  const goImport = () => navigate('orders', 'import');
  const goNew = () => navigate('orders', 'new');
  const empty = loadState === 'ready' && itemCount === 0;

  return (
    <div className="orders-page" data-testid="orders-page">
      <PageHeader
        title={t('orders.title')}
        description={t('orders.description')}
        actions={
          <>
            <Button variant="primary" data-testid="orders-import" onClick={goImport}>
              {t('orders.actions.import')}
            </Button>
            <Button data-testid="orders-new" onClick={goNew}>
              {t('orders.actions.new')}
            </Button>
          </>
        }
      />
      <OrdersToolbar />
      {error ? (
        <div className="inline-error">
          <ErrorBanner error={error} />
          <Button onClick={list.retry}>{t('orders.actions.retry')}</Button>
        </div>
      ) : null}
      {empty && !filtered ? (
        <EmptyState title={t('orders.empty.title')} body={t('orders.empty.body')}>
          <div className="form-actions">
            <Button variant="primary" data-testid="orders-empty-import" onClick={goImport}>
              {t('orders.actions.import')}
            </Button>
            <Button data-testid="orders-empty-new" onClick={goNew}>
              {t('orders.actions.new')}
            </Button>
          </div>
        </EmptyState>
      ) : (
        <>
          <div className="orders-summary">
            <span className="orders-total" data-testid="orders-total" aria-live="polite">
              {total === null ? t('orders.counting') : t('orders.total', { total: f.number(total) })}
            </span>
            <BulkCustomsMode />
          </div>
          {empty ? (
            <EmptyState title={t('orders.empty.noMatchTitle')} body={t('orders.empty.noMatchBody')}>
              <Button onClick={clearFilter}>{t('orders.filters.clear')}</Button>
            </EmptyState>
          ) : (
            <OrdersTable list={list} />
          )}
          {loadState === 'loading' && itemCount === 0 ? (
            <p className="muted" role="status">
              {t('orders.list.loading')}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
