/**
 * OrdersPage: the orders feature's root. The sub-path of the URL hash picks the view:
 * `#/orders` the list, `#/orders/import` the import wizard, `#/orders/new` manual entry,
 * `#/orders/<id>` an order's detail and `#/orders/<id>/edit` its edit form.
 */
import { lazyPage } from '../../app/lazy-page.tsx';
import { useAppStore } from '../../state/store.ts';
import { OrderList } from './OrderList.tsx';

// Only the list is in the first screen's chunk; the wizard, the form and the detail load on demand.
const ImportWizard = lazyPage(() => import('./ImportWizard.tsx').then((m) => m.ImportWizard));
const OrderDetailView = lazyPage(() => import('./OrderDetailView.tsx').then((m) => m.OrderDetailView));
const OrderForm = lazyPage(() => import('./OrderForm.tsx').then((m) => m.OrderForm));

export type OrdersView =
  | { readonly kind: 'list' }
  | { readonly kind: 'import' }
  | { readonly kind: 'new' }
  | { readonly kind: 'detail'; readonly id: number }
  | { readonly kind: 'edit'; readonly id: number };

export function ordersViewFromPath(path: string): OrdersView {
  if (path === 'import') return { kind: 'import' };
  if (path === 'new') return { kind: 'new' };
  const m = /^([1-9]\d{0,15})(\/edit)?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    return m[2] ? { kind: 'edit', id } : { kind: 'detail', id };
  }
  return { kind: 'list' };
}

export function OrdersPage() {
  const path = useAppStore((s) => s.routePath);
  const view = ordersViewFromPath(path);
  let content;
  switch (view.kind) {
    case 'list':
      content = <OrderList />;
      break;
    case 'import':
      content = <ImportWizard />;
      break;
    case 'new':
      content = <OrderForm key="new" orderId={null} />;
      break;
    case 'detail':
      content = <OrderDetailView key={view.id} id={view.id} />;
      break;
    case 'edit':
      content = <OrderForm key={`edit-${view.id}`} orderId={view.id} />;
      break;
  }
  return (
    <div className="page page-wide" data-testid="page-orders">
      {content}
    </div>
  );
}
