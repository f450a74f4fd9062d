/**
 * A demo Amazon settlement (flat file V2 model) built from demo Amazon orders: for each shipped
 * sale, one row per amount (Principal, Tax and its withheld Marketplace Facilitator Tax,
 * Shipping, Promotion, Commission, FBAPerUnitFulfillmentFee, ShippingChargeback), a few Refunds
 * and other-transactions (Storage Fee, Subscription Fee). Amounts are signed minor units as
 * Amazon prints them (fees negative); `totalAmount` is their exact sum.
 */
import { minor, minorDigits, type Currency, type Minor } from '../../core/money/index.ts';
import type { DemoOrder } from './demo-orders.ts';
import { seededRandom } from '../../core/random/seeded-random.ts';

export interface DemoSettlementRow {
  readonly transactionType: string;
  readonly orderId: string;
  readonly merchantOrderId: string;
  readonly adjustmentId: string;
  readonly shipmentId: string;
  readonly marketplaceName: string;
  readonly amountType: string;
  readonly amountDescription: string;
  /** Signed, as in the file: credits positive, fees and refunds negative. */
  readonly amount: Minor;
  readonly fulfillmentId: string;
  readonly postedMs: number;
  readonly orderItemCode: string;
  readonly merchantAdjustmentItemId: string;
  readonly sku: string;
  readonly quantity: number | null;
  readonly promotionId: string;
}

export interface DemoSettlement {
  readonly settlementId: string;
  readonly currency: Currency;
  readonly startMs: number;
  readonly endMs: number;
  readonly depositMs: number;
  readonly totalAmount: Minor;
  /** Data rows after the totals row, in posted order. */
  readonly rows: readonly DemoSettlementRow[];
}

export interface DemoSettlementOptions {
  readonly seed: number;
  /** Demo Amazon orders of one marketplace (one currency). */
  readonly orders: readonly DemoOrder[];
  readonly currency: Currency;
  readonly startMs: number;
  readonly endMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function buildDemoSettlement(options: DemoSettlementOptions): DemoSettlement {
  const { orders, currency, startMs, endMs } = options;
  const rng = seededRandom(options.seed);
  const settled = orders.filter(
    (o) =>
      o.platform === 'amazon' &&
      o.kind === 'sale' &&
      o.status === 'Shipped' &&
      o.currency === currency &&
      o.shippedAtMs !== null &&
      o.shippedAtMs < endMs,
  );
  const refundAt = new Set(settled.filter(() => rng.chance(0.03)));
  const firstSettled = settled[0];
  if (refundAt.size === 0 && firstSettled) refundAt.add(firstSettled);
  const rows: DemoSettlementRow[] = [];
  const blank = {
    merchantOrderId: '',
    adjustmentId: '',
    shipmentId: '',
    orderItemCode: '',
    merchantAdjustmentItemId: '',
    sku: '',
    quantity: null,
    promotionId: '',
  };

  for (const o of settled) {
    const postedMs = o.shippedAtMs as number;
    const shipmentId = `D${rng.chars(8, 'BCDFGHJKLMNPQRSTVWXZ0123456789')}`;
    const fulfillmentId = o.fulfilment === 'platform' ? 'AFN' : 'MFN';
    const onTop = !o.taxIncluded;
    const base = {
      ...blank,
      transactionType: 'Order',
      orderId: o.orderNo,
      shipmentId,
      marketplaceName: o.salesChannel ?? '',
      fulfillmentId,
      postedMs,
    };
    for (const l of o.lines) {
      if (l.cancelled) continue;
      const item = { ...base, orderItemCode: l.itemId, sku: l.sku, quantity: l.quantity };
      const add = (amountType: string, amountDescription: string, amount: number, promotionId = '') => {
        if (amount !== 0) rows.push({ ...item, amountType, amountDescription, amount: minor(amount), promotionId });
      };
      add('ItemPrice', 'Principal', l.lineTotal ?? 0);
      if (onTop) add('ItemPrice', 'Tax', l.tax);
      add('ItemPrice', 'Shipping', l.shipping);
      if (onTop) add('ItemPrice', 'ShippingTax', l.shippingTax);
      add('ItemPrice', 'GiftWrap', l.giftWrap);
      if (onTop) add('ItemPrice', 'GiftWrapTax', l.giftWrapTax);
      if (onTop) add('ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -l.tax);
      if (onTop) add('ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', -l.shippingTax);
      if (onTop) add('ItemWithheldTax', 'MarketplaceFacilitatorTax-Other', -l.giftWrapTax);
      const promo = o.promotionIds.split(',')[0] ?? '';
      add('Promotion', 'Principal', -l.itemDiscount, promo);
      add('Promotion', 'Shipping', -l.shipDiscount, promo);
      add('ItemFees', 'Commission', -l.commission);
      add('ItemFees', 'FBAPerUnitFulfillmentFee', -l.fulfilmentFee);
      if (o.fulfilment === 'platform') add('ItemFees', 'ShippingChargeback', -(l.shipping - l.shipDiscount));
    }
    if (refundAt.has(o)) {
      const l = o.lines.find((x) => !x.cancelled);
      if (!l) continue;
      const refundMs = Math.min(postedMs + rng.int(1, 10) * DAY + rng.int(0, 86_399) * 1000, endMs - HOUR);
      const refund = {
        ...base,
        transactionType: 'Refund',
        adjustmentId: rng.digits(14, true),
        postedMs: Math.max(refundMs, postedMs),
        orderItemCode: l.itemId,
        merchantAdjustmentItemId: '',
        sku: l.sku,
        quantity: null,
      };
      const add = (amountType: string, amountDescription: string, amount: number) => {
        if (amount !== 0) rows.push({ ...refund, amountType, amountDescription, amount: minor(amount) });
      };
      add('ItemPrice', 'Principal', -(l.lineTotal ?? 0));
      if (onTop) add('ItemPrice', 'Tax', -l.tax);
      if (onTop) add('ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', l.tax);
      add('ItemFees', 'Commission', l.commission);
      add('ItemFees', 'RefundCommission', -Math.floor(l.commission / 5));
    }
  }
  const zeroDigits = minorDigits(currency) === 0;
  const other = {
    ...blank,
    orderId: '',
    marketplaceName: '',
    fulfillmentId: '',
    transactionType: 'other-transaction',
    amountType: 'other-transaction',
  };
  rows.push({
    ...other,
    amountDescription: 'Subscription Fee',
    amount: minor(zeroDigits ? -4900 : -3999),
    postedMs: startMs + DAY,
  });
  rows.push({
    ...other,
    amountDescription: 'Storage Fee',
    amount: minor(-rng.int(1500, 9000)),
    postedMs: endMs - 2 * DAY,
  });
  // stable: rows of one order keep their order
  const sorted = rows
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => a.postedMs - b.postedMs || i - j)
    .map(([r]) => r);
  let total = 0;
  for (const r of sorted) total += r.amount;
  return {
    settlementId: rng.digits(11, true),
    currency,
    startMs,
    endMs,
    depositMs: endMs + 2 * DAY,
    totalAmount: minor(total),
    rows: sorted,
  };
}
