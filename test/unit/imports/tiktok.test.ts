import { describe, expect, it } from 'vitest';
import { orderTotals } from '../../../src-main/core/orders/sale-rule.ts';
import { byNo, fixture, parse, utf8 } from './import-test-kit.ts';

describe('TikTok Shop order export', () => {
  it('keeps 18-digit order ids exactly as written, never through Number', async () => {
    const r = await parse(fixture('tiktok-orders-us.csv'), { defaultCurrency: 'USD', timeZone: 'America/Los_Angeles' });
    expect(r).toMatchObject({ source: 'tiktok', rejected: [] });
    const ids = r.orders.map((o) => o.orderNo);
    expect(ids).toEqual([
      '576543210987654321',
      '576543210987654399',
      '576600000000000001',
      '576600000000000002',
      '576600000000000003',
    ]);
    expect(String(Number(ids[0]))).not.toBe(ids[0]); // beyond 2^53: a number would have changed it
  });

  it('reads "03/05/2026 2:02:05 PM" as 5 March in the shop zone', async () => {
    const r = await parse(fixture('tiktok-orders-us.csv'), { defaultCurrency: 'USD', timeZone: 'America/Los_Angeles' });
    expect(r.orders.map((o) => o.orderedAt)).toEqual([
      '2026-03-05T14:02:05.000-08:00',
      '2026-03-05T23:59:59.000-08:00',
      '2026-03-06T00:00:00.000-08:00',
      '2026-03-06T12:30:00.000-08:00',
      '2026-03-15T09:05:00.000-07:00', // after the US switch to daylight time
    ]);
  });

  it('uses the subtotal before discount as the line total, the seller’s discount as its discount, TikTok’s as its platform discount', async () => {
    const o = byNo(await parse(fixture('tiktok-orders-us.csv'), { defaultCurrency: 'USD' }), '576543210987654321');
    expect(
      o.lines.map((l) => [l.lineKey, l.quantity, l.unitPrice, l.lineTotal, l.discount, l.platformDiscount ?? 0]),
    ).toEqual([
      ['SKU-MUG-01#1', 2, 1299, 2598, 100, 200],
      ['SKU-CASE-61#1', 1, 999, 999, 0, 0],
    ]);
    expect(o).toMatchObject({ taxOnTop: 288, shipping: 0, fulfilment: 'self', buyerCountry: 'US' }); // Taxes counted once
    // Order Amount 35.85 − Taxes 2.88 + the 2.00 TikTok paid: the seller's sale (issue 15)
    expect(orderTotals(o).gross).toBe(3585 - 288 + 200);
  });

  it('matches each order amount to the minor unit and keeps cancelled orders', async () => {
    const r = await parse(fixture('tiktok-orders-us.csv'), { defaultCurrency: 'USD' });
    // what the buyer paid: the sale + taxes on top − what TikTok paid
    const amount = (no: string) => {
      const o = byNo(r, no);
      return orderTotals(o).gross + o.taxOnTop - o.lines.reduce((t, l) => t + (l.platformDiscount ?? 0), 0);
    };
    expect(amount('576543210987654399')).toBe(1698);
    expect(byNo(r, '576543210987654399').platformStatus).toBe('Cancelled');
    expect(amount('576600000000000001')).toBe(1944);
    expect(byNo(r, '576600000000000001').fulfilment).toBe('platform');
    expect(amount('576600000000000002')).toBe(4859);
    expect(amount('576600000000000003')).toBe(1600);
    expect(byNo(r, '576600000000000003').refunded).toBe(800);
  });

  it('rejects an id Excel turned into 5.76543E+17 instead of importing a wrong number', async () => {
    const text =
      'Order ID,Order Status,Created Time,Seller SKU,Quantity,SKU Subtotal After Discount\n' +
      '5.76543E+17,Completed,03/05/2026 2:02:05 PM,SKU-1,1,9.99\n576543210987654321,Completed,03/05/2026 2:02:05 PM,SKU-1,1,9.99\n';
    const r = await parse(utf8(text), { defaultCurrency: 'USD' });
    expect(r.orders.map((o) => o.orderNo)).toEqual(['576543210987654321']);
    expect(r.rejected).toEqual([
      {
        row: 2,
        column: 'Order ID',
        code: 'import.row.orderNoMangled',
        params: { column: 'Order ID', value: '5.76543E+17' },
      },
    ]);
  });

  it('checks each order against its own Order Amount and warns with both sums when they differ', async () => {
    const clean = await parse(fixture('tiktok-orders-us.csv'), { defaultCurrency: 'USD' });
    expect(clean.warnings).toEqual([]);
    // the same export with one order's amount changed after it was placed (48.59 stated as 50.59)
    const text = new TextDecoder().decode(fixture('tiktok-orders-us.csv'));
    const edited = text
      .split('\n')
      .map((line) => (line.startsWith('576600000000000002,') ? line.replace(',48.59,', ',50.59,') : line))
      .join('\n');
    expect(edited).not.toBe(text);
    const r = await parse(utf8(edited), { defaultCurrency: 'USD' });
    expect(r.warnings).toEqual([
      expect.objectContaining({
        orderNo: '576600000000000002',
        code: 'import.order.totalMismatch',
        // Order Amount + the 5.00 TikTok paid, against the parts
        params: expect.objectContaining({ stated: '55.59', computed: '53.59', difference: '2.00', currency: 'USD' }),
      }),
    ]);
    // the order is kept whole, with the total its file states (plus what TikTok paid)
    expect(byNo(r, '576600000000000002').statedTotal).toBe(5559);
  });
});
