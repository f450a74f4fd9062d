import { describe, expect, it } from 'vitest';
import { orderTotals, saleExclusion, statusFromPlatform } from '../../../src-main/core/orders/sale-rule.ts';
import { byNo, fixture, parse } from './import-test-kit.ts';

const exclusionOf = (o: Parameters<typeof saleExclusion>[0]) =>
  saleExclusion(o, statusFromPlatform('amazon', o.platformStatus));

describe('Amazon All Orders report (USD)', () => {
  it('is detected as a tab-separated Amazon orders file and imports every order without rejects', async () => {
    const r = await parse(fixture('amazon-all-orders-us.txt'), { timeZone: 'America/Los_Angeles' });
    expect(r.source).toBe('amazon-orders');
    expect(r.encoding).toBe('utf-8');
    expect(r.delimiter).toBe('\t');
    expect(r.headers).toHaveLength(32);
    expect(r.rowCount).toBe(9);
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => o.orderNo)).toEqual([
      '111-0000001-0000001',
      '111-0000002-0000002',
      '111-0000003-0000003',
      '111-0000004-0000004',
      'S01-1234567-7654321',
      '111-0000006-0000006',
      '111-0000007-0000007',
    ]);
  });

  it('reads a single-item order with item-price as the line total and US sales tax on top', async () => {
    const r = await parse(fixture('amazon-all-orders-us.txt'));
    const o = byNo(r, '111-0000001-0000001');
    expect(o).toMatchObject({
      platform: 'amazon',
      platformStatus: 'Shipped',
      salesChannel: 'Amazon.com',
      shopName: 'Amazon.com',
      orderedAt: '2026-03-05T14:02:00.000+00:00',
      buyerCountry: 'US',
      currency: 'USD',
      fulfilment: 'platform',
      sourceRows: [2],
    });
    expect(o.lines).toEqual([
      {
        lineKey: 'SKU-MUG-01#1',
        sku: 'SKU-MUG-01',
        itemName: '"Premium" Ceramic Mug 350ml',
        quantity: 2,
        unitPrice: null,
        lineTotal: 2598,
        discount: 0,
        taxOnTop: 208,
        shipping: 0,
        giftWrap: 0,
        cancelled: false,
        sourceRow: 2,
      },
    ]);
    expect(orderTotals(o).gross).toBe(2598); // 25.98: two mugs, item-price is already the line total
  });

  it('groups a multi-item order and keeps promotions, shipping, gift wrap and taxes on their lines', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-us.txt')), '111-0000002-0000002');
    expect(o.sourceRows).toEqual([3, 4]);
    expect(
      o.lines.map((l) => [
        l.lineKey,
        l.itemName,
        l.quantity,
        l.lineTotal,
        l.discount,
        l.shipping,
        l.giftWrap,
        l.taxOnTop,
      ]),
    ).toEqual([
      ['SKU-CASE-61#1', 'Phone case 6.1" black', 1, 1299, 200, 0, 399, 104 + 32],
      ['SKU-CABLE-2M#1', 'USB-C cable 2m, braided', 3, 2997, 499, 499, 0, 240 + 40],
    ]);
    // 12.99 + 29.97 − 2.00 − 4.99 + 4.99 shipping + 3.99 gift wrap = 44.95; taxes (4.16) on top, excluded
    expect(orderTotals(o)).toMatchObject({
      goods: 4296,
      discount: 699,
      shipping: 499,
      giftWrap: 399,
      taxOnTop: 416,
      gross: 4495,
      units: 4,
    });
  });

  it('keeps a cancelled order with its status, its item marked cancelled and no amounts', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-us.txt')), '111-0000003-0000003');
    expect(o.platformStatus).toBe('Cancelled');
    expect(o.currency).toBe('USD'); // currency column empty: from the marketplace
    expect(o.lines[0]).toMatchObject({ quantity: 0, lineTotal: null, cancelled: true }); // no price stated: unknown, not 0
    expect(exclusionOf(o)).toBe('cancelled');
  });

  it('imports a Pending order with empty prices as unknown amounts (null, never 0), not as errors', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-us.txt')), '111-0000004-0000004');
    expect(o).toMatchObject({ platformStatus: 'Pending', currency: 'USD' });
    expect(o.lines[0]).toMatchObject({ quantity: 1, lineTotal: null });
    expect(exclusionOf(o)).toBe('pending');
  });

  it('keeps a Non-Amazon (multi-channel fulfilment) row with its channel and no shop name', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-us.txt')), 'S01-1234567-7654321');
    expect(o).toMatchObject({ salesChannel: 'Non-Amazon', shopName: null, fulfilment: 'platform' });
    expect(exclusionOf(o)).toBe('otherChannel');
  });

  it('reads a merchant-fulfilled order, upper-cases the country and stores a formula-like name as text', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-us.txt')), '111-0000006-0000006');
    expect(o).toMatchObject({ fulfilment: 'self', buyerCountry: 'CA', platformStatus: 'Unshipped' });
    expect(o.lines[0]?.itemName).toBe('=HYPERLINK("http://x","y")');
    expect(orderTotals(o).gross).toBe(4500 + 500);
  });

  it('gives repeated SKUs in one order distinct line keys and leaves a cancelled item out of the totals', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-us.txt')), '111-0000007-0000007');
    expect(o.lines.map((l) => [l.lineKey, l.cancelled])).toEqual([
      ['SKU-MUG-01#1', false],
      ['SKU-MUG-01#2', true],
    ]);
    expect(orderTotals(o)).toMatchObject({ goods: 1299, discount: 130, gross: 1169, units: 1 });
  });

  it('uses only status words the core sale rule maps', async () => {
    const r = await parse(fixture('amazon-all-orders-us.txt'));
    for (const o of r.orders) expect(() => statusFromPlatform('amazon', o.platformStatus)).not.toThrow();
  });
});

describe('Amazon All Orders report (JPY, Amazon.co.jp)', () => {
  it('reads yen without decimals and leaves the consumption tax inside the price', async () => {
    const r = await parse(fixture('amazon-all-orders-jp.txt'), { timeZone: 'Asia/Tokyo' });
    expect(r.rejected).toEqual([]);
    expect(r.orders).toHaveLength(5);
    const a = byNo(r, '249-1000001-1000001');
    expect(a).toMatchObject({ currency: 'JPY', orderedAt: '2026-03-05T23:10:00.000+09:00', buyerCountry: 'JP' });
    expect(a.lines[0]).toMatchObject({
      itemName: '陶器マグカップ 350ml',
      quantity: 2,
      lineTotal: 3960,
      discount: 396,
      taxOnTop: 0,
    });
    expect(orderTotals(a).gross).toBe(3960 - 396);
  });

  it('adds the lines of a two-item yen order exactly, including a 1,980 written with a separator', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-jp.txt')), '249-1000002-1000002');
    expect(o.lines.map((l) => [l.sku, l.lineTotal, l.shipping, l.discount])).toEqual([
      ['SKU-CABLE-2M', 1280, 350, 350],
      ['SKU-CASE-61', 1980, 0, 0],
    ]);
    expect(orderTotals(o).gross).toBe(1280 + 1980 + 350 - 350);
  });

  it('takes the currency of cancelled and pending rows from the marketplace', async () => {
    const r = await parse(fixture('amazon-all-orders-jp.txt'));
    expect(byNo(r, '249-1000003-1000003')).toMatchObject({
      currency: 'JPY',
      platformStatus: 'Cancelled',
      fulfilment: 'self',
    });
    expect(byNo(r, '249-1000004-1000004')).toMatchObject({ currency: 'JPY', platformStatus: 'Pending' });
    expect(byNo(r, '249-1000004-1000004').lines[0]?.quantity).toBe(3);
    expect(byNo(r, 'S03-7777777-0000001')).toMatchObject({ salesChannel: 'Non-Amazon', shopName: null });
  });
});
