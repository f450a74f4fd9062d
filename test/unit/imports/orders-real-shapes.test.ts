/**
 * Order files in the shapes real exports have (issue 14): Amazon multi-channel and Pending rows
 * with empty currency and prices, status words no table holds, Shopify payment states, ZAR and
 * BDT stores with blank Currency on extra item rows, an order whose Total differs from its parts,
 * the Amazon Order Report, and a file whose every row is rejected. Nothing may be lost: every
 * row of each file is an imported order's row or a rejected row.
 */
import { describe, expect, it } from 'vitest';
import { orderTotals, saleExclusion, statusFromPlatform } from '../../../src-main/core/orders/sale-rule.ts';
import type { ImportedOrder, ParsedImport } from '../../../src-main/core/orders/order.ts';
import { byNo, fixture, parse } from './import-test-kit.ts';

function accountedFor(r: ParsedImport): void {
  const imported = r.orders.reduce((n, o) => n + o.sourceRows.length, 0);
  expect(new Set(r.rejected.map((e) => e.row)).size).toBe(r.rejected.length);
  expect(imported + r.rejected.length + r.rowsSkipped).toBe(r.rowCount);
  expect({ imported: r.rowsImported, rejected: r.rowsRejected }).toEqual({ imported, rejected: r.rejected.length });
}

const exclusionOf = (o: ImportedOrder) =>
  saleExclusion({ ...o, amountsKnown: orderTotals(o).amountsKnown }, statusFromPlatform(o.platform, o.platformStatus));

describe('Amazon All Orders with multi-channel and Pending rows', () => {
  it('keeps every order, with its amounts unknown (null, never 0) where the file states none', async () => {
    const r = await parse(fixture('amazon-all-orders-mcf-pending.txt'));
    expect(r.source).toBe('amazon-orders');
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => o.orderNo)).toEqual([
      '113-1000001-0000001',
      '113-1000002-0000002',
      '026-1000003-0000003',
      'S01-1000004-0000004',
      'S01-1000005-0000005',
      '113-1000006-0000006',
    ]);
    accountedFor(r);

    const pendingUs = byNo(r, '113-1000002-0000002');
    expect(pendingUs).toMatchObject({ platformStatus: 'Pending', currency: 'USD' });
    expect(pendingUs.lines.map((l) => [l.sku, l.quantity, l.lineTotal])).toEqual([['SKU-MUG-01', 2, null]]);
    expect(orderTotals(pendingUs)).toMatchObject({ amountsKnown: false, units: 2 });
    expect(exclusionOf(pendingUs)).toBe('pending');

    expect(byNo(r, '026-1000003-0000003')).toMatchObject({ currency: 'GBP', platformStatus: 'Pending' });

    const mcf = byNo(r, 'S01-1000004-0000004');
    expect(mcf).toMatchObject({
      salesChannel: 'Non-Amazon',
      currency: null,
      channelOrderNo: '#1058',
      fulfilment: 'platform',
    });
    expect(mcf.lines.map((l) => [l.sku, l.quantity, l.lineTotal])).toEqual([
      ['SKU-MUG-01', 1, null],
      ['SKU-LAMP-01', 2, null],
    ]);
    expect(exclusionOf(mcf)).toBe('otherChannel');

    const sale = byNo(r, '113-1000006-0000006');
    expect(orderTotals(sale)).toMatchObject({ amountsKnown: true, gross: 3000 + 3998 - 300 + 499 });
    expect(exclusionOf(sale)).toBeNull();
  });
});

describe('Chinese ERP export (GB18030) with status words no table used to know', () => {
  it('imports every order; an unknown word is kept as written with status unknown', async () => {
    const r = await parse(fixture('erp-orders-status-words-gb18030.csv'));
    expect(r).toMatchObject({ source: 'generic', encoding: 'gb18030', rejected: [] });
    expect(r.orders).toHaveLength(13);
    accountedFor(r);
    const status = (no: string) => statusFromPlatform('erp', byNo(r, no).platformStatus);
    expect(byNo(r, 'ERP2026040103').platformStatus).toBe('已核销');
    expect(status('ERP2026040103')).toBe('unknown');
    expect(status('ERP2026040105')).toBe('unknown');
    expect(status('ERP2026040102')).toBe('refunding');
    expect(status('ERP2026040106')).toBe('delivered');
    expect(exclusionOf(byNo(r, 'ERP2026040104'))).toBe('unknownStatus');
    expect(r.unknownStatuses).toEqual({ 已核销: 2, 售后处理中: 1 });
  });
});

describe('Shopify payment states', () => {
  it('counts every order that is not voided: sales equal the non-voided orders to the cent', async () => {
    const r = await parse(fixture('shopify-orders-payment-statuses.csv'));
    expect(r.rejected).toEqual([]);
    accountedFor(r);
    const counted = r.orders.filter((o) => exclusionOf(o) === null);
    expect(counted.map((o) => o.orderNo)).toEqual(['#3001', '#3002', '#3003', '#3005', '#3006', '#3007', '#3008']);
    const sales = counted.reduce((s, o) => s + orderTotals(o).gross, 0);
    // 30.00 + 30.00 + 17.49 + 8.00 + 37.50 + 30.00 + 42.50: every Total but the voided #3004
    expect(sales).toBe(3000 + 3000 + 1749 + 800 + 3750 + 3000 + 4250);
    expect(exclusionOf(byNo(r, '#3004'))).toBe('cancelled');
  });
});

describe('Shopify stores in currencies beyond the old list', () => {
  it('imports a South African (ZAR) export whole, extra item rows taking the order’s currency', async () => {
    const r = await parse(fixture('shopify-orders-zar.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.currency, orderTotals(o).gross])).toEqual([
      ['#1001', 'ZAR', 84800],
      ['#1002', 'ZAR', 29995],
      ['#1003', 'ZAR', 99700],
    ]);
    accountedFor(r);
  });

  it('imports a Bangladeshi (BDT) cash-on-delivery export whole, every order pending and counted', async () => {
    const r = await parse(fixture('shopify-orders-bdt.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => [o.orderNo, o.currency, o.platformStatus, orderTotals(o).gross])).toEqual([
      ['#1101', 'BDT', 'pending', 257000],
      ['#1102', 'BDT', 'pending', 105000],
      ['#1103', 'BDT', 'pending', 382000],
    ]);
    expect(r.orders.every((o) => exclusionOf(o) === null)).toBe(true);
    accountedFor(r);
  });
});

describe('A total that does not add up', () => {
  it('warns with both sums and keeps the file’s total with the order', async () => {
    const r = await parse(fixture('shopify-order-total-mismatch.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([
      {
        row: 2,
        orderNo: '#5012',
        code: 'import.order.totalMismatch',
        params: { orderNo: '#5012', currency: 'CAD', stated: '220.06', computed: '210.07', difference: '9.99' },
      },
    ]);
    expect(byNo(r, '#5012').statedTotal).toBe(22006);
    expect(byNo(r, '#5013').statedTotal).toBe(3390);
  });
});

describe('Amazon Order Report (seller-fulfilled orders)', () => {
  it('is recognised as Amazon orders and imports each order with its items, promotions and taxes on top', async () => {
    const r = await parse(fixture('amazon-order-report-us.txt'));
    expect(r.source).toBe('amazon-orders');
    expect(r.rejected).toEqual([]);
    accountedFor(r);
    const a = byNo(r, '114-2000001-0000001');
    expect(a).toMatchObject({
      platform: 'amazon',
      platformStatus: 'Unshipped',
      currency: 'USD',
      fulfilment: 'self',
      salesChannel: 'Amazon.com',
      buyerCountry: 'US',
    });
    expect(a.lines.map((l) => [l.lineKey, l.sku, l.quantity, l.lineTotal, l.taxOnTop, l.shipping, l.discount])).toEqual(
      [
        ['SKU-MUG-01#1', 'SKU-MUG-01', 2, 3998, 320, 599, 200],
        ['SKU-LAMP-01#1', 'SKU-LAMP-01', 1, 3000, 240, 0, 0],
      ],
    );
    expect(exclusionOf(a)).toBeNull();
    const b = byNo(r, '114-2000002-0000002');
    expect(b.sourceRows).toEqual([4, 5]);
    expect(orderTotals(b)).toMatchObject({ goods: 1299, discount: 100, shipping: 399, gross: 1299 - 100 + 399 });
  });
});

describe('A file with every row rejected', () => {
  it('rejects every row and names each value and order: the unknown code, the bad date, the item rows of a bad order', async () => {
    const r = await parse(fixture('shopify-orders-all-rejected.csv'));
    expect(r.orders).toEqual([]);
    expect(r.rejected).toEqual([
      { row: 2, column: 'Currency', code: 'import.row.badCurrency', params: { column: 'Currency', value: 'ZZD' } },
      { row: 3, column: null, code: 'import.row.orderHasErrors', params: { orderNo: '#7001' } },
      {
        row: 4,
        column: 'Created at',
        code: 'import.row.badDate',
        params: { column: 'Created at', value: '31/31/2026 10:00' },
      },
    ]);
    expect(r.rejectedOrderNos).toEqual({ 2: '#7001', 3: '#7001', 4: '#7002' });
    accountedFor(r);
  });
});
