import { describe, it, expect } from 'vitest';
import {
  isUnknownStatusWord,
  orderTotals,
  saleExclusion,
  statusFromPlatform,
} from '../../../../src-main/core/orders/sale-rule.ts';
import type { ImportedLine } from '../../../../src-main/core/orders/order.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';

const m = (n: number) => n as Minor;
const line = (over: Partial<ImportedLine> = {}): ImportedLine => ({
  lineKey: 'A#1',
  sku: 'A',
  itemName: 'a',
  quantity: 1,
  unitPrice: null,
  lineTotal: m(1000),
  discount: m(0),
  taxOnTop: m(0),
  shipping: m(0),
  giftWrap: m(0),
  cancelled: false,
  sourceRow: 2,
  ...over,
});

describe('what counts as a sale', () => {
  it('excludes Amazon Cancelled and Pending orders and Non-Amazon (MCF) rows', () => {
    const amazon = (platformStatus: string, salesChannel: string | null) => ({
      platform: 'amazon' as const,
      platformStatus,
      salesChannel,
    });
    expect(saleExclusion(amazon('Cancelled', 'Amazon.com'), statusFromPlatform('amazon', 'Cancelled'))).toBe(
      'cancelled',
    );
    expect(saleExclusion(amazon('Pending', 'Amazon.com'), statusFromPlatform('amazon', 'Pending'))).toBe('pending');
    expect(saleExclusion(amazon('Shipped', 'Non-Amazon'), statusFromPlatform('amazon', 'Shipped'))).toBe(
      'otherChannel',
    );
    expect(saleExclusion(amazon('Shipped', 'Amazon.co.jp'), statusFromPlatform('amazon', 'Shipped'))).toBeNull();
  });

  it('excludes voided Shopify orders but keeps refunded ones as sales (refunds are shown apart)', () => {
    expect(
      saleExclusion(
        { platform: 'shopify', platformStatus: 'voided', salesChannel: null },
        statusFromPlatform('shopify', 'voided'),
      ),
    ).toBe('cancelled');
    expect(
      saleExclusion(
        { platform: 'shopify', platformStatus: 'refunded', salesChannel: null },
        statusFromPlatform('shopify', 'refunded'),
      ),
    ).toBeNull();
  });

  it('excludes Chinese ERP 已取消 and 未付款 orders', () => {
    expect(statusFromPlatform('erp', '已取消')).toBe('cancelled');
    expect(
      saleExclusion(
        { platform: 'erp', platformStatus: '未付款', salesChannel: null },
        statusFromPlatform('erp', '未付款'),
      ),
    ).toBe('unpaid');
    expect(
      saleExclusion(
        { platform: 'erp', platformStatus: '已发货', salesChannel: null },
        statusFromPlatform('erp', '已发货'),
      ),
    ).toBeNull();
  });

  it('never guesses a status word it does not know: the order is `unknown`, excluded as unknownStatus', () => {
    expect(statusFromPlatform('amazon', 'Teleported')).toBe('unknown');
    expect(isUnknownStatusWord('erp', '已核销')).toBe(true);
    expect(
      saleExclusion(
        { platform: 'erp', platformStatus: '已核销', salesChannel: null },
        statusFromPlatform('erp', '已核销'),
      ),
    ).toBe('unknownStatus');
  });

  it('lets a shop map a word: the mapping decides its status and, by that status, whether it is a sale', () => {
    const mappings = new Map([
      ['已核销', 'delivered' as const],
      ['退款中', 'cancelled' as const],
    ]);
    expect(statusFromPlatform('erp', '已核销', mappings)).toBe('delivered');
    expect(
      saleExclusion({ platform: 'erp', platformStatus: '已核销', salesChannel: null }, 'delivered', mappings),
    ).toBeNull();
    // a mapping overrides the built-in table too (this ERP uses 退款中 for a cancelled order)
    expect(statusFromPlatform('erp', '退款中', mappings)).toBe('cancelled');
    expect(
      saleExclusion({ platform: 'erp', platformStatus: '退款中', salesChannel: null }, 'cancelled', mappings),
    ).toBe('cancelled');
  });

  it('knows the common Chinese ERP words, and counts 退款中 (refunding) as a sale until it is refunded', () => {
    const erp = (w: string) => ({
      status: statusFromPlatform('erp', w),
      exclusion: saleExclusion(
        { platform: 'erp', platformStatus: w, salesChannel: null },
        statusFromPlatform('erp', w),
      ),
    });
    expect(erp('退款中')).toEqual({ status: 'refunding', exclusion: null });
    expect(erp('退款完成')).toEqual({ status: 'refunded', exclusion: null });
    expect(erp('已退货')).toEqual({ status: 'refunded', exclusion: null });
    expect(erp('部分退款')).toEqual({ status: 'partially_refunded', exclusion: null });
    expect(erp('已妥投')).toEqual({ status: 'delivered', exclusion: null });
    expect(erp('待揽收')).toEqual({ status: 'paid', exclusion: null });
    expect(erp('买家已付款')).toEqual({ status: 'paid', exclusion: null });
    expect(erp('风控中')).toEqual({ status: 'pending', exclusion: 'pending' });
    expect(erp('已拆分')).toEqual({ status: 'pending', exclusion: 'pending' });
  });

  it('counts Shopify pending, authorized and expired payments (Shopify counts every order that is not voided)', () => {
    for (const w of ['pending', 'authorized', 'partially_paid', 'expired', 'paid', 'refunded', 'partially_refunded']) {
      expect(
        saleExclusion({ platform: 'shopify', platformStatus: w, salesChannel: null }, statusFromPlatform('shopify', w)),
        w,
      ).toBeNull();
    }
    expect(
      saleExclusion(
        { platform: 'shopify', platformStatus: 'voided', salesChannel: null },
        statusFromPlatform('shopify', 'voided'),
      ),
    ).toBe('cancelled');
    // Amazon Pending stays out
    expect(
      saleExclusion(
        { platform: 'amazon', platformStatus: 'Pending', salesChannel: 'Amazon.com' },
        statusFromPlatform('amazon', 'Pending'),
      ),
    ).toBe('pending');
  });

  it('keeps an order whose file states no prices out of sales (amountsUnknown) while its status would count', () => {
    expect(
      saleExclusion({ platform: 'erp', platformStatus: '已发货', salesChannel: null, amountsKnown: false }, 'shipped'),
    ).toBe('amountsUnknown');
  });
});

describe('order totals', () => {
  it('gross = goods − discounts + shipping + gift wrap, without taxes on top and without cancelled items', () => {
    const t = orderTotals({
      shipping: m(500),
      discount: m(100),
      taxOnTop: m(0),
      lines: [
        line({
          lineTotal: m(2000),
          quantity: 2,
          discount: m(200),
          taxOnTop: m(160),
          shipping: m(300),
          giftWrap: m(50),
        }),
        line({ lineKey: 'B#1', lineTotal: m(999), cancelled: true }),
      ],
    });
    // 2000 − (100 + 200) + (500 + 300) + 50 = 2550; tax 160 kept apart; the cancelled 9.99 left out
    expect(t).toEqual({
      goods: 2000,
      discount: 300,
      shipping: 800,
      giftWrap: 50,
      taxOnTop: 160,
      gross: 2550,
      units: 2,
      amountsKnown: true,
    });
  });

  it('marks the amounts unknown (never 0) when a counted line states no price, and still counts its units', () => {
    const t = orderTotals({
      shipping: m(0),
      discount: m(0),
      taxOnTop: m(0),
      lines: [line({ lineTotal: null, quantity: 3 }), line({ lineKey: 'B#1', lineTotal: m(500) })],
    });
    expect(t.amountsKnown).toBe(false);
    expect(t.units).toBe(4);
  });
});
