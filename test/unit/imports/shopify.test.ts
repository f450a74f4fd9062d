import { describe, expect, it } from 'vitest';
import { orderTotals, saleExclusion, statusFromPlatform } from '../../../src-main/core/orders/sale-rule.ts';
import { byNo, fixture, parse } from './import-test-kit.ts';

describe('Shopify orders CSV', () => {
  it('is detected from its headers and groups line items under the order Name', async () => {
    const r = await parse(fixture('shopify-orders-usd.csv'), { timeZone: 'America/Los_Angeles' });
    expect(r).toMatchObject({ source: 'shopify', encoding: 'utf-8', delimiter: ',', rowCount: 9 });
    expect(r.headers).toHaveLength(79);
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.sourceRows])).toEqual([
      ['#1001', [2, 3]],
      ['#1002', [4]],
      ['#1003', [5]],
      ['#1004', [6, 7, 8]],
      ['#1005', [9]],
      ['#1006', [10]],
    ]);
  });

  it('computes line amounts as quantity × price and keeps Taxes on top when Total says so', async () => {
    const o = byNo(await parse(fixture('shopify-orders-usd.csv')), '#1001');
    expect(o).toMatchObject({
      platform: 'shopify',
      platformStatus: 'paid',
      orderedAt: '2026-03-05T14:02:05.000-08:00',
      currency: 'USD',
      buyerCountry: 'US',
      salesChannel: 'web',
      shipping: 500,
      taxOnTop: 460,
      discount: 0,
      refunded: 0,
    });
    expect(o.lines.map((l) => [l.lineKey, l.itemName, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      ['SKU-MUG-01#1', 'Ceramic Mug 350ml - White', 2, 1250, 2500],
      ['SKU-LAMP-01#1', 'Desk Lamp "Nordic"', 1, 3000, 3000],
    ]);
    expect(orderTotals(o).gross).toBe(6460 - 460); // Total 64.60 − Taxes 4.60
  });

  it('does not count a discount twice when it is both on the line and in Discount Amount', async () => {
    const o = byNo(await parse(fixture('shopify-orders-usd.csv')), '#1002');
    expect(o.discount).toBe(0);
    expect(o.lines[0]).toMatchObject({ lineTotal: 4000, discount: 400 });
    expect(orderTotals(o).gross).toBe(3888 - 288); // Total 38.88 − Taxes 2.88
  });

  it('uses Discount Amount for the order when no line discount is given', async () => {
    const o = byNo(await parse(fixture('shopify-orders-usd.csv')), '#1004');
    expect(o).toMatchObject({
      discount: 500,
      shipping: 600,
      taxOnTop: 280,
      refunded: 999,
      platformStatus: 'partially_refunded',
    });
    expect(o.lines.map((l) => l.lineKey)).toEqual(['SKU-MUG-02#1', 'SKU-COAST-4#1', 'Gift card#1']);
    expect(orderTotals(o).gross).toBe(4377 - 280); // Total 43.77 − Taxes 2.80
  });

  it('keeps only the part of Discount Amount not already on the lines at order level', async () => {
    const o = byNo(await parse(fixture('shopify-orders-usd.csv')), '#1006');
    expect(o.lines[0]?.discount).toBe(200);
    expect(o.discount).toBe(400); // Discount Amount 6.00 − line discount 2.00
    expect(orderTotals(o).gross).toBe(2400); // Total 24.00, no tax
  });

  it('keeps a voided (cancelled) order with its status and formula-like text as written', async () => {
    const o = byNo(await parse(fixture('shopify-orders-usd.csv')), '#1003');
    expect(o.platformStatus).toBe('voided');
    expect(saleExclusion(o, statusFromPlatform('shopify', o.platformStatus))).toBe('cancelled');
    expect(o.lines[0]?.itemName).toBe('=HYPERLINK("http://x","y")');
  });

  it('reads the pending order, its Source and its country', async () => {
    const o = byNo(await parse(fixture('shopify-orders-usd.csv')), '#1005');
    expect(o).toMatchObject({
      platformStatus: 'pending',
      salesChannel: 'shopify_draft_order',
      buyerCountry: 'CA',
      shipping: 300,
    });
    expect(orderTotals(o).gross).toBe(2100);
  });

  it('treats Taxes as included in a VAT shop whose Total is Subtotal + Shipping (UTF-8 BOM, CRLF, GBP)', async () => {
    const r = await parse(fixture('shopify-orders-gbp.csv'), { timeZone: 'Europe/London' });
    expect(r.encoding).toBe('utf-8-bom');
    const o = byNo(r, '#2001');
    expect(o).toMatchObject({
      currency: 'GBP',
      taxOnTop: 0,
      shipping: 399,
      orderedAt: '2026-03-05T10:00:00.000+00:00',
    });
    expect(orderTotals(o).gross).toBe(2799); // Total 27.99, VAT inside
  });
});
