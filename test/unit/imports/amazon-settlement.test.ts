import { describe, expect, it } from 'vitest';
import { parseSettlementTotals } from '../../../src-main/imports/amazon-settlement.ts';
import { parsePayout } from '../../../src-main/imports/payouts/parse-payout.ts';
import { readTable } from '../../../src-main/imports/read-table.ts';
import { byNo, fileError, fixture, parse, utf8 } from './import-test-kit.ts';

describe('Amazon settlement flat file V2', () => {
  it('reads the totals row and Σ amount of the transactions equals total-amount exactly', async () => {
    const t = parseSettlementTotals(await readTable(fixture('amazon-settlement-de.txt')));
    expect(t).toMatchObject({
      settlementId: '12345678901',
      currency: 'EUR',
      start: '2026-03-01T00:00:00.000+00:00',
      end: '2026-03-15T00:00:00.000+00:00',
      depositDate: '2026-03-17T00:00:00.000+00:00',
    });
    expect(t.rejected).toEqual([]);
    expect(t.rows).toHaveLength(19);
    // 29.99 − 3.22 − 4.50 + 15.00 + 2.99 − 2.70 − 2.61 − 0.50 + 1049.90 − 5.00 − 157.49 − 6.85
    // − 29.99 + 4.50 − 0.90 + 9.99 − 1.50 − 1.20 − 39.00 = 856.91 (written 856,91)
    expect(t.totalAmount).toBe(85691);
    expect(t.sumOfAmounts).toBe(t.totalAmount);
    expect(t.rows[0]).toMatchObject({
      row: 3,
      transactionType: 'Order',
      orderId: '302-1111111-1111111',
      amountType: 'ItemPrice',
      amountDescription: 'Principal',
      amount: 2999,
      postedAt: '2026-03-02T10:15:00.000+00:00',
      marketplace: 'Amazon.de',
      sku: 'SKU-MUG-01',
      fulfilmentId: 'AFN',
    });
    expect(t.rows.at(-1)).toMatchObject({
      transactionType: 'other-transaction',
      orderId: null,
      amountDescription: 'Subscription Fee',
      amount: -3900,
    });
  });

  it('gives orders their fees as positive costs and refunds from Refund principal', async () => {
    const r = await parse(fixture('amazon-settlement-de.txt'));
    expect(r.source).toBe('amazon-settlement');
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => o.orderNo)).toEqual([
      '302-1111111-1111111',
      '302-2222222-2222222',
      '302-3333333-3333333',
      '302-4444444-4444444',
    ]);
    const refunded = byNo(r, '302-1111111-1111111');
    expect(refunded).toMatchObject({
      platform: 'amazon',
      platformStatus: 'Shipped',
      currency: 'EUR',
      salesChannel: 'Amazon.de',
      shopName: 'Amazon.de',
      fulfilment: 'platform',
      lines: [],
      refunded: 2999,
      orderedAt: '2026-03-02T10:15:00.000+00:00',
    });
    expect(refunded.fees.map((f) => [f.type, f.description, f.amount, f.sourceRow])).toEqual([
      ['fulfilment', 'FBAPerUnitFulfillmentFee', 322, 4],
      ['commission', 'Commission', 450, 5],
      ['commission', 'Commission', -450, 16], // given back with the refund
      ['other', 'RefundCommission', 90, 17],
    ]);
    expect(byNo(r, '302-2222222-2222222').fees.map((f) => [f.type, f.amount])).toEqual([
      ['commission', 270],
      ['fulfilment', 261],
      ['shipping', 50],
    ]);
    expect(byNo(r, '302-3333333-3333333')).toMatchObject({ salesChannel: 'Amazon.fr', refunded: 0 });
    expect(byNo(r, '302-3333333-3333333').fees.map((f) => f.amount)).toEqual([15749, 685]);
    expect(byNo(r, '302-4444444-4444444')).toMatchObject({ fulfilment: 'self' });
  });

  it('reads a US file with dot decimals and "UTC" times', async () => {
    const h =
      'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmarketplace-name\tamount-type\tamount-description\tamount\tposted-date-time';
    const text = [
      h,
      '99\t2026-03-01 00:00:00 UTC\t2026-03-15 00:00:00 UTC\t2026-03-17 00:00:00 UTC\t7.65\tUSD\t\t\t\t\t\t\t',
      '99\t\t\t\t\t\tOrder\t111-1\tAmazon.com\tItemPrice\tPrincipal\t10.00\t2026-03-02 10:00:00 UTC',
      '99\t\t\t\t\t\tOrder\t111-1\tAmazon.com\tItemFees\tCommission\t-1.50\t2026-03-02 10:00:00 UTC',
      '99\t\t\t\t\t\tOrder\t111-1\tAmazon.com\tItemFees\tFBAPerUnitFulfillmentFee\t-0.85\t2026-03-02 10:00:00 UTC',
      '',
    ].join('\n');
    const t = parseSettlementTotals(await readTable(utf8(text)));
    expect([t.totalAmount, t.sumOfAmounts, t.currency]).toEqual([765, 765, 'USD']);
    const r = await parse(utf8(text));
    expect(r.orders[0]?.fees.map((f) => [f.type, f.amount])).toEqual([
      ['commission', 150],
      ['fulfilment', 85],
    ]);
  });

  it('refuses a settlement file whose first row is not the totals row', async () => {
    const text =
      'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\n' +
      '99\t\t\t\t\t\tOrder\t111-1\tItemPrice\tPrincipal\t10.00\n';
    const e = await fileError(utf8(text));
    expect(e.code).toBe('import.file.badSettlementTotals');
    expect(e.params).toMatchObject({ row: 2, column: 'total-amount' });
  });
});

describe('Amazon settlement "Flat File", old layout (issue 14, point 6)', () => {
  const files = [
    { name: 'amazon-settlement-flat-ca-1.txt', id: '13459876021', rows: 1244, total: 1_001_564, deposit: '2021-03-20' },
    { name: 'amazon-settlement-flat-ca-2.txt', id: '13512334081', rows: 729, total: 463_023, deposit: '2021-04-03' },
  ];

  it.each(files)('$name: every row is a transaction and the amounts net to total-amount exactly', async (f) => {
    const t = parseSettlementTotals(await readTable(fixture(f.name)));
    expect(t).toMatchObject({ settlementId: f.id, currency: 'CAD', totalAmount: f.total, rejected: [] });
    expect(t.sumOfAmounts).toBe(f.total);
    expect(new Set(t.rows.map((r) => r.row)).size).toBe(f.rows);
    const p = await parsePayout(fixture(f.name), { source: 'auto' });
    expect(p).toMatchObject({
      source: 'amazon-settlement',
      settlementId: f.id,
      currency: 'CAD',
      deposit: f.total,
      sumOfLines: f.total,
      depositDate: f.deposit,
      rejected: [],
    });
  });

  it('names each amount column as V2 would (amount type and description) so netting sorts them', async () => {
    const t = parseSettlementTotals(await readTable(fixture('amazon-settlement-flat-ca-1.txt')));
    const first = t.rows
      .filter((r) => r.row <= 7)
      .map((r) => [r.row, r.transactionType, r.amountType, r.amountDescription]);
    expect(first).toEqual([
      [3, 'Order', 'ItemPrice', 'Principal'],
      [4, 'Order', 'ItemPrice', 'Tax'],
      [5, 'Order', 'ItemFees', 'MarketplaceFacilitatorTax-Principal'],
      [6, 'Order', 'ItemFees', 'FBAPerUnitFulfillmentFee'],
      [7, 'Order', 'ItemFees', 'Commission'],
    ]);
    const kinds = new Set(t.rows.map((r) => `${r.amountType}/${r.amountDescription}`));
    for (const k of [
      'ShipmentFees/ShippingChargeback',
      'OrderFees/Fixed closing fee',
      'Promotion/Principal',
      'DirectPayment/StorefrontCredit',
      'MiscFee/Chargeback Refund',
      'OtherFees/FBA Inbound Transportation Fee',
      'other-transaction/Current Reserve Amount',
    ])
      expect(kinds).toContain(k);
  });

  it('is recognised as an Amazon settlement by the orders import, whose orders carry fees and refunds', async () => {
    const r = await parse(fixture('amazon-settlement-flat-ca-2.txt'));
    expect(r.source).toBe('amazon-settlement');
    expect(r.rejected).toEqual([]);
    const order = r.orders[0]!;
    expect(order).toMatchObject({
      platform: 'amazon',
      currency: 'CAD',
      salesChannel: 'Amazon.ca',
      fulfilment: 'platform',
    });
    expect(order.fees.map((f) => f.type)).toEqual(expect.arrayContaining(['commission', 'fulfilment']));
    expect(r.orders.some((o) => o.refunded > 0)).toBe(true);
  });

  it('reads a sku opening with a quote as text and rejects a short line without losing the rest', async () => {
    const text = new TextDecoder().decode(fixture('amazon-settlement-flat-ca-2.txt')).split('\r\n');
    text[2] = text[2]!
      .replace('\tMUG-350-WH\t', '\t"Sunrise" MUG\t')
      .replace('\tBOTTLE-750\t', '\t"Sunrise" MUG\t')
      .replace('\tLUNCHBOX-2T\t', '\t"Sunrise" MUG\t')
      .replace('\tTEA-INFUSER\t', '\t"Sunrise" MUG\t')
      .replace('\tCUP-LID-6\t', '\t"Sunrise" MUG\t')
      .replace('\tMUG-350-BK\t', '\t"Sunrise" MUG\t');
    text.splice(10, 0, '13512334081\t\t\t\t\t\tOrder\t702-1');
    const t = parseSettlementTotals(await readTable(utf8(text.join('\r\n'))));
    expect(t.rows.find((r) => r.row === 3)?.sku).toBe('"Sunrise" MUG');
    expect(t.rejected).toEqual([
      { row: 11, column: null, code: 'import.row.columnCount', params: { expected: 36, actual: 8 } },
    ]);
    expect(new Set(t.rows.map((r) => r.row)).size + t.rejected.length).toBe(730);
  });
});
