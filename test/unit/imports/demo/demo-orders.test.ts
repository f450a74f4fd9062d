import { describe, it, expect, vi, afterEach } from 'vitest';
import { minor } from '../../../../src-main/core/money/index.ts';
import type { ImportedLine } from '../../../../src-main/core/orders/order.ts';
import { orderTotals, saleExclusion, statusFromPlatform } from '../../../../src-main/core/orders/sale-rule.ts';
import { INJECTION_NAME } from '../../../../src-main/imports/demo/demo-catalog.ts';
import {
  DEMO_PLATFORMS,
  createDemoTally,
  demoOrderGross,
  generateDemoOrders,
  type DemoOrder,
  type DemoPlatform,
} from '../../../../src-main/imports/demo/demo-orders.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const many: Record<DemoPlatform, DemoOrder[]> = Object.fromEntries(
  DEMO_PLATFORMS.map((p) => [p, generateDemoOrders({ seed: 20260305, orders: 3000, platform: p })]),
) as Record<DemoPlatform, DemoOrder[]>;

const share = (orders: DemoOrder[], f: (o: DemoOrder) => boolean) => orders.filter(f).length / orders.length;
const names = (orders: DemoOrder[]) => orders.flatMap((o) => o.lines.map((l) => l.name));

describe('generateDemoOrders', () => {
  it.each(DEMO_PLATFORMS)('%s: the same seed gives the same orders, another seed other orders', (platform) => {
    const a = generateDemoOrders({ seed: 1, orders: 50, platform });
    expect(generateDemoOrders({ seed: 1, orders: 50, platform })).toEqual(a);
    expect(generateDemoOrders({ seed: 2, orders: 50, platform })).not.toEqual(a);
  });

  it('never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    for (const platform of DEMO_PLATFORMS) generateDemoOrders({ seed: 3, orders: 200, platform });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each(DEMO_PLATFORMS)(
    '%s: order numbers are distinct text, orders in time order, ISO times with offset',
    (platform) => {
      const orders = many[platform];
      expect(new Set(orders.map((o) => o.orderNo)).size).toBe(orders.length);
      for (let i = 1; i < orders.length; i++)
        expect(orders[i]!.orderedAtMs).toBeGreaterThanOrEqual(orders[i - 1]!.orderedAtMs);
      for (const o of orders) {
        expect(typeof o.orderNo).toBe('string');
        expect(o.orderedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        expect(Date.parse(o.orderedAt)).toBe(o.orderedAtMs);
      }
    },
  );

  it.each(DEMO_PLATFORMS)(
    '%s: every status is one the core knows, and the kind agrees with the core sale rule',
    (platform) => {
      for (const o of many[platform]) {
        const status = statusFromPlatform(platform, o.status);
        const exclusion = saleExclusion({ platform, platformStatus: o.status, salesChannel: o.salesChannel }, status);
        expect(exclusion ?? 'sale').toBe(o.kind);
      }
    },
  );

  it.each(DEMO_PLATFORMS)('%s: gross equals the core orderTotals gross of the same lines', (platform) => {
    for (const o of many[platform].filter((x) => x.kind === 'sale')) {
      const lines: ImportedLine[] = o.lines.map((l, i) => ({
        lineKey: String(i),
        sku: l.sku,
        itemName: l.name,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        lineTotal: l.lineTotal ?? minor(0),
        discount: minor(l.itemDiscount + l.shipDiscount),
        taxOnTop: o.taxIncluded ? minor(0) : l.tax,
        shipping: l.shipping,
        giftWrap: l.giftWrap,
        cancelled: l.cancelled,
        sourceRow: i + 2,
      }));
      const core = orderTotals({ lines, shipping: o.shipping, discount: o.discount, taxOnTop: o.tax });
      expect(demoOrderGross(o)).toEqual({ gross: core.gross, units: core.units });
      expect(core.gross).toBeGreaterThan(0);
    }
  });

  it.each(DEMO_PLATFORMS)('%s: all money is safe integers and counted lines have prices', (platform) => {
    const bad: unknown[] = [];
    const ok = (v: number) => Number.isSafeInteger(v) && v >= 0;
    for (const o of many[platform]) {
      if (![o.shipping, o.discount, o.tax, o.refunded, ...o.fees.map((f) => f.amount)].every(ok)) bad.push(o.orderNo);
      for (const l of o.lines) {
        if (
          ![
            l.itemDiscount,
            l.shipDiscount,
            l.platformDiscount,
            l.tax,
            l.shipping,
            l.shippingTax,
            l.giftWrap,
            l.commission,
            l.fulfilmentFee,
          ].every(ok)
        )
          bad.push([o.orderNo, l.sku]);
        if (l.unitPrice !== null && l.lineTotal !== l.unitPrice * l.quantity) bad.push([o.orderNo, l.sku, 'total']);
        if (o.kind === 'sale' && !l.cancelled && l.lineTotal === null) bad.push([o.orderNo, l.sku, 'unpriced']);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(DEMO_PLATFORMS)('%s: exactly one formula-like product name per file', (platform) => {
    expect(
      names(generateDemoOrders({ seed: 11, orders: 100, platform })).filter((n) => n === INJECTION_NAME),
    ).toHaveLength(1);
    expect(names(many[platform]).filter((n) => n === INJECTION_NAME)).toHaveLength(1);
  });

  it.each(DEMO_PLATFORMS)(
    '%s: has multi-line orders (~20 %%), Chinese and English names, commas and quotes',
    (platform) => {
      const orders = many[platform];
      const multi = share(orders, (o) => o.lines.length > 1);
      expect(multi).toBeGreaterThan(0.15);
      expect(multi).toBeLessThan(0.25);
      const all = names(orders);
      expect(all.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
      expect(all.some((n) => /^[\x20-\x7e]+$/.test(n))).toBe(true);
      expect(all.some((n) => n.includes(','))).toBe(true);
      expect(all.some((n) => n.includes('"') && n !== INJECTION_NAME)).toBe(true);
    },
  );

  it('puts line breaks in names only where the format can quote them', () => {
    for (const p of ['shopify', 'tiktok'] as const) expect(names(many[p]).some((n) => n.includes('\n'))).toBe(true);
    for (const p of ['amazon', 'erp'] as const) expect(names(many[p]).some((n) => /[\r\n\t]/.test(n))).toBe(false);
  });

  it('Amazon: ~3 % cancelled, ~2 % pending with empty prices, ~2 % Non-Amazon MCF rows', () => {
    const orders = many.amazon;
    const cancelled = share(orders, (o) => o.kind === 'cancelled');
    const pending = orders.filter((o) => o.kind === 'pending');
    const mcf = orders.filter((o) => o.kind === 'otherChannel');
    expect(cancelled).toBeGreaterThan(0.015);
    expect(cancelled).toBeLessThan(0.05);
    expect(pending.length / orders.length).toBeGreaterThan(0.008);
    expect(pending.length / orders.length).toBeLessThan(0.035);
    expect(mcf.length / orders.length).toBeGreaterThan(0.008);
    expect(mcf.length / orders.length).toBeLessThan(0.035);
    for (const o of pending)
      for (const l of o.lines) {
        expect(l.unitPrice).toBeNull();
        expect(l.lineTotal).toBeNull();
      }
    for (const o of mcf) {
      expect(o.salesChannel).toBe('Non-Amazon');
      expect(o.status).toBe('Shipped');
    }
  });

  it('Amazon JP is in whole yen with VAT inside prices', () => {
    const jp = generateDemoOrders({ seed: 8, orders: 300, platform: 'amazon', currency: 'JPY' });
    for (const o of jp) {
      expect(o.currency).toBe('JPY');
      expect(o.taxIncluded).toBe(true);
      expect(o.orderedAt.endsWith('+09:00')).toBe(true);
    }
  });

  it('Shopify: ~3 % refunds, reported apart from gross', () => {
    const refunds = many.shopify.filter((o) => o.refunded > 0);
    expect(refunds.length / many.shopify.length).toBeGreaterThan(0.015);
    expect(refunds.length / many.shopify.length).toBeLessThan(0.05);
    for (const o of refunds) expect(['refunded', 'partially_refunded']).toContain(o.status);
  });

  it('TikTok order ids are 18-digit strings (beyond 2^53)', () => {
    for (const o of many.tiktok) {
      expect(o.orderNo).toMatch(/^\d{18}$/);
      expect(BigInt(o.orderNo) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
  });

  it('ERP orders use several currencies, Chinese country names and the statuses 已取消 and 未付款', () => {
    const orders = many.erp;
    expect(new Set(orders.map((o) => o.currency)).size).toBeGreaterThanOrEqual(4);
    expect(orders.some((o) => o.countryZh === '美国')).toBe(true);
    expect(orders.some((o) => o.status === '已取消')).toBe(true);
    expect(orders.some((o) => o.status === '未付款')).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => generateDemoOrders({ seed: 1, orders: -1, platform: 'amazon' })).toThrow(RangeError);
    expect(() => generateDemoOrders({ seed: 1, orders: 1, platform: 'amazon', currency: 'MYR' })).toThrow(RangeError);
    expect(() =>
      generateDemoOrders({
        seed: 1,
        orders: 1,
        platform: 'erp',
        start: '2026-04-01T00:00:00Z',
        end: '2026-03-01T00:00:00Z',
      }),
    ).toThrow(RangeError);
    expect(generateDemoOrders({ seed: 1, orders: 0, platform: 'tiktok' })).toEqual([]);
  });

  it('tallies sales per currency, excluding what the core excludes', () => {
    const t = createDemoTally();
    for (const o of many.erp) t.add(o);
    const r = t.result();
    expect(r.orders).toBe(3000);
    expect(
      r.salesOrders + r.excluded.cancelled + r.excluded.unpaid + r.excluded.pending + r.excluded.otherChannel,
    ).toBe(3000);
    const sum = Object.values(r.sales).reduce((s, x) => s + x.orders, 0);
    expect(sum).toBe(r.salesOrders);
  });
});
