import { describe, it, expect } from 'vitest';
import { orderTotals, saleExclusion, statusFromPlatform } from '../../../../src-main/core/orders/sale-rule.ts';
import type { ImportedLine } from '../../../../src-main/core/orders/order.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';

const m = (n: number) => n as Minor;
const line = (over: Partial<ImportedLine> = {}): ImportedLine => ({
  lineKey: 'A#1', sku: 'A', itemName: 'a', quantity: 1, unitPrice: null, lineTotal: m(1000), discount: m(0), taxOnTop: m(0),
  shipping: m(0), giftWrap: m(0), cancelled: false, sourceRow: 2, ...over,
});

describe('what counts as a sale', () => {
  it('excludes Amazon Cancelled and Pending orders and Non-Amazon (MCF) rows', () => {
    const amazon = (platformStatus: string, salesChannel: string | null) => ({ platform: 'amazon' as const, platformStatus, salesChannel });
    expect(saleExclusion(amazon('Cancelled', 'Amazon.com'), statusFromPlatform('amazon', 'Cancelled'))).toBe('cancelled');
    expect(saleExclusion(amazon('Pending', 'Amazon.com'), statusFromPlatform('amazon', 'Pending'))).toBe('pending');
    expect(saleExclusion(amazon('Shipped', 'Non-Amazon'), statusFromPlatform('amazon', 'Shipped'))).toBe('otherChannel');
    expect(saleExclusion(amazon('Shipped', 'Amazon.co.jp'), statusFromPlatform('amazon', 'Shipped'))).toBeNull();
  });

  it('excludes voided Shopify orders but keeps refunded ones as sales (refunds are shown apart)', () => {
    expect(saleExclusion({ platform: 'shopify', platformStatus: 'voided', salesChannel: null }, statusFromPlatform('shopify', 'voided'))).toBe('cancelled');
    expect(saleExclusion({ platform: 'shopify', platformStatus: 'refunded', salesChannel: null }, statusFromPlatform('shopify', 'refunded'))).toBeNull();
  });

  it('excludes Chinese ERP 已取消 and 未付款 orders', () => {
    expect(statusFromPlatform('erp', '已取消')).toBe('cancelled');
    expect(saleExclusion({ platform: 'erp', platformStatus: '未付款', salesChannel: null }, statusFromPlatform('erp', '未付款'))).toBe('unpaid');
    expect(saleExclusion({ platform: 'erp', platformStatus: '已发货', salesChannel: null }, statusFromPlatform('erp', '已发货'))).toBeNull();
  });

  it('refuses a status word it does not know instead of guessing', () => {
    expect(() => statusFromPlatform('amazon', 'Teleported')).toThrow('orders.status.unknown');
  });
});

describe('order totals', () => {
  it('gross = goods − discounts + shipping + gift wrap, without taxes on top and without cancelled items', () => {
    const t = orderTotals({
      shipping: m(500), discount: m(100), taxOnTop: m(0),
      lines: [
        line({ lineTotal: m(2000), quantity: 2, discount: m(200), taxOnTop: m(160), shipping: m(300), giftWrap: m(50) }),
        line({ lineKey: 'B#1', lineTotal: m(999), cancelled: true }),
      ],
    });
    // 2000 − (100 + 200) + (500 + 300) + 50 = 2550; tax 160 kept apart; the cancelled 9.99 left out
    expect(t).toEqual({ goods: 2000, discount: 300, shipping: 800, giftWrap: 50, taxOnTop: 160, gross: 2550, units: 2 });
  });
});
