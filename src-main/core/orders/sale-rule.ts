/**
 * What counts as a sale, in one place, following each platform's own reports:
 *  - Amazon: not order-status Cancelled, not Pending (no prices yet), not sales-channel
 *    Non-Amazon (multi-channel fulfilment of an order sold elsewhere), not cancelled items;
 *  - Shopify: not voided; refunds are shown apart;
 *  - Chinese ERP exports: not 已取消 / 未付款;
 *  - Shopee / TikTok: not cancelled / unpaid.
 * Gross = goods (line totals) − discounts + shipping + gift wrap; taxes listed on top excluded.
 */
import { DomainError } from '../domain-error.ts';
import type { ImportedOrder, OrderStatus, Platform, SaleExclusion } from './order.ts';

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** Maps a platform's status words to our status. Unknown words → 'paid' is never guessed: they throw. */
export function statusFromPlatform(platform: Platform, platformStatus: string): OrderStatus {
  const s = norm(platformStatus);
  const table: Record<string, OrderStatus> = {
    // Amazon All Orders
    pending: 'pending', 'pending availability': 'pending', pendingavailability: 'pending', unshipped: 'paid', 'partially shipped': 'shipped',
    shipped: 'shipped', 'shipping': 'shipped', cancelled: 'cancelled', canceled: 'cancelled', 'shipped delivered to buyer': 'delivered',
    // Shopify financial status
    authorized: 'pending', paid: 'paid', 'partially paid': 'pending', 'partially refunded': 'partially_refunded',
    refunded: 'refunded', voided: 'cancelled', expired: 'cancelled',
    // Shopee / TikTok (English exports)
    unpaid: 'unpaid', 'to ship': 'paid', 'awaiting shipment': 'paid', 'awaiting collection': 'paid', 'ready to ship': 'paid',
    'in transit': 'shipped', delivered: 'delivered', completed: 'delivered', 'cancelled by buyer': 'cancelled',
    'return/refund': 'refunded', 'return refund': 'refunded', 'on hold': 'pending', 'partially shipping': 'shipped',
    // Chinese ERP / marketplace exports
    '待付款': 'unpaid', '未付款': 'unpaid', '已付款': 'paid', '待发货': 'paid', '已发货': 'shipped', '运输中': 'shipped',
    '已签收': 'delivered', '已完成': 'delivered', '交易成功': 'delivered', '已取消': 'cancelled', '交易关闭': 'cancelled',
    '已退款': 'refunded', '部分退款': 'partially_refunded', '待处理': 'pending',
    '待审核': 'paid', '已审核': 'paid', '部分发货': 'shipped', '已关闭': 'cancelled',
  };
  const status = table[s] ?? table[platformStatus.trim()];
  if (!status) throw new DomainError('orders.status.unknown', { platform, status: platformStatus });
  return status;
}

/** Why the order is not a sale (null = it is one). */
export function saleExclusion(order: Pick<ImportedOrder, 'platform' | 'platformStatus' | 'salesChannel'>, status: OrderStatus): SaleExclusion | null {
  if (order.platform === 'amazon' && order.salesChannel !== null && norm(order.salesChannel) === 'non amazon') return 'otherChannel';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'pending') return 'pending';
  if (status === 'unpaid') return 'unpaid';
  return null;
}

export interface OrderTotals {
  /** Goods of counted lines, before discounts. */
  readonly goods: number;
  readonly discount: number;
  readonly shipping: number;
  readonly giftWrap: number;
  readonly taxOnTop: number;
  /** goods − discount + shipping + gift wrap (no taxes listed on top). */
  readonly gross: number;
  readonly units: number;
}

/** Totals over the lines that count (cancelled items left out), in minor units of the order currency. */
export function orderTotals(order: Pick<ImportedOrder, 'lines' | 'shipping' | 'discount' | 'taxOnTop'>): OrderTotals {
  let goods = 0; let discount: number = order.discount; let shipping: number = order.shipping; let giftWrap = 0; let taxOnTop: number = order.taxOnTop; let units = 0;
  for (const l of order.lines) {
    if (l.cancelled) continue;
    goods += l.lineTotal; discount += l.discount; shipping += l.shipping; giftWrap += l.giftWrap; taxOnTop += l.taxOnTop; units += l.quantity;
  }
  const gross = goods - discount + shipping + giftWrap;
  for (const v of [goods, discount, shipping, giftWrap, taxOnTop, gross]) {
    if (!Number.isSafeInteger(v)) throw new DomainError('money.outOfRange', { amount: String(v) });
  }
  return { goods, discount, shipping, giftWrap, taxOnTop, gross, units };
}
