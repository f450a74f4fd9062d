import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { orderTotals, saleExclusion, statusFromPlatform } from '../../../src-main/core/orders/sale-rule.ts';
import { byNo, fileError, fixture, parse, utf8 } from './import-test-kit.ts';

const NUMERIC = new Set([
  'Deal Price',
  'Quantity',
  'Total Amount',
  'Commission Fee',
  'Service Fee',
  'Transaction Fee',
  'Estimated Shipping Fee',
  'Shopee Voucher',
  'Seller Voucher',
  'Buyer Paid Shipping Fee',
]);

/** The CSV fixture written as the XLSX Shopee exports: numbers as number cells, creation dates as date cells. */
async function shopeeXlsx(): Promise<Uint8Array> {
  const text = new TextDecoder().decode(fixture('shopee-orders-my.csv'));
  const [header = [], ...rows] = Papa.parse<string[]>(text.trim(), { delimiter: ',' }).data;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('orders');
  ws.addRow(header);
  for (const r of rows) {
    ws.addRow(
      r.map((cell, i) => {
        const h = header[i] ?? '';
        if (h === 'Order Creation Date') return new Date(`${cell.replace(' ', 'T')}:00Z`);
        return NUMERIC.has(h) && cell !== '' ? Number(cell) : cell;
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('Shopee order export', () => {
  it('imports the CSV export with per-item rows grouped and the shop currency', async () => {
    const r = await parse(fixture('shopee-orders-my.csv'), { defaultCurrency: 'MYR', timeZone: 'Asia/Kuala_Lumpur' });
    expect(r).toMatchObject({ source: 'shopee', encoding: 'utf-8-bom', rowCount: 6, rejected: [] });
    expect(r.orders.map((o) => [o.orderNo, o.platformStatus, o.sourceRows])).toEqual([
      ['240305ABCD0001', 'Completed', [2, 3]],
      ['240305ABCD0002', 'Cancelled', [4]],
      ['240306ABCD0003', 'To ship', [5]],
      ['240306ABCD0004', 'Shipping', [6]],
      ['240307ABCD0005', 'Unpaid', [7]],
    ]);
  });

  it('computes lines as Deal Price × Quantity and counts order-level fees, voucher and shipping once', async () => {
    const o = byNo(await parse(fixture('shopee-orders-my.csv'), { defaultCurrency: 'MYR' }), '240305ABCD0001');
    expect(o).toMatchObject({
      platform: 'shopee',
      currency: 'MYR',
      orderedAt: '2026-03-05T14:02:00.000+08:00',
      shipping: 490,
      discount: 200,
    });
    expect(o.lines.map((l) => [l.lineKey, l.itemName, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      ['SKU-MUG-01#1', 'Ceramic Mug 350ml', 2, 2590, 5180],
      ['SKU-CASE-61#1', 'Phone Case 6.1"', 1, 1290, 1290],
    ]);
    expect(o.fees.map((f) => [f.type, f.description, f.amount])).toEqual([
      ['commission', 'Commission Fee', 311],
      ['other', 'Service Fee', 155],
      ['other', 'Transaction Fee', 137],
    ]);
    // Total Amount 64.60 is what the buyer paid after Shopee's own voucher (3.00), which Shopee funds
    expect(orderTotals(o).gross).toBe(6460 + 300);
  });

  it('matches Total Amount for the other orders and keeps cancelled and unpaid ones with their status', async () => {
    const r = await parse(fixture('shopee-orders-my.csv'), { defaultCurrency: 'MYR' });
    expect(orderTotals(byNo(r, '240305ABCD0002')).gross).toBe(3080);
    expect(orderTotals(byNo(r, '240306ABCD0003')).gross).toBe(2970);
    expect(orderTotals(byNo(r, '240306ABCD0004')).gross).toBe(9390);
    expect(orderTotals(byNo(r, '240307ABCD0005')).gross).toBe(3590);
    expect(byNo(r, '240306ABCD0004').lines[0]?.sku).toBe('LAMP-BRASS'); // parent SKU when the variation has none
    const statuses = r.orders.map((o) => saleExclusion(o, statusFromPlatform('shopee', o.platformStatus)));
    expect(statuses).toEqual([null, 'cancelled', null, null, 'unpaid']);
  });

  it('imports the same orders from the XLSX export as from the CSV', async () => {
    const fromCsv = await parse(fixture('shopee-orders-my.csv'), { defaultCurrency: 'MYR' });
    const fromXlsx = await parse(await shopeeXlsx(), { defaultCurrency: 'MYR', fileName: 'Order.all.xlsx' });
    expect(fromXlsx).toMatchObject({ source: 'shopee', encoding: 'xlsx', delimiter: null, rejected: [] });
    expect(fromXlsx.orders).toEqual(fromCsv.orders);
  });

  it('takes the currency from a header unit such as "(RM)" when the shop has none', async () => {
    const text =
      'Order ID,Order Status,Order Creation Date,Product Name,SKU Reference No.,Deal Price (RM),Quantity\n' +
      '240308X1,Completed,2026-03-08 10:00,Mug,SKU-1,19.90,1\n';
    const r = await parse(utf8(text));
    expect(r.orders[0]).toMatchObject({ currency: 'MYR' });
    expect(r.orders[0]?.lines[0]?.lineTotal).toBe(1990);
  });

  it('refuses a Shopee file without any currency', async () => {
    const text =
      'Order ID,Order Status,Order Creation Date,SKU Reference No.,Deal Price,Quantity\n240308X1,Completed,2026-03-08 10:00,SKU-1,19.90,1\n';
    const e = await fileError(utf8(text));
    expect([e.code, e.params]).toEqual(['import.file.noCurrency', { source: 'shopee' }]);
  });
  it('checks each order against its Total Amount plus what Shopee paid, and warns with both sums when they differ', async () => {
    // Total Amount is what the buyer paid: 25.90 × 2 + 12.90 − 2.00 seller voucher − 3.00 Shopee voucher + 4.90 = 64.60
    const clean = await parse(fixture('shopee-orders-my.csv'), { defaultCurrency: 'MYR' });
    expect(clean.warnings).toEqual([]);
    expect(byNo(clean, '240305ABCD0001').statedTotal).toBe(6760); // 64.60 + the 3.00 Shopee paid
    const text = new TextDecoder().decode(fixture('shopee-orders-my.csv'));
    // the buyer was charged 5.00 more on the lamp order than its parts (an edit after it was placed)
    const edited = text.replace(',89.00,1,93.90,', ',89.00,1,98.90,');
    expect(edited).not.toBe(text);
    const r = await parse(utf8(edited), { defaultCurrency: 'MYR' });
    expect(r.warnings).toEqual([
      expect.objectContaining({
        orderNo: '240306ABCD0004',
        code: 'import.order.totalMismatch',
        params: expect.objectContaining({ stated: '98.90', computed: '93.90', difference: '5.00', currency: 'MYR' }),
      }),
    ]);
    expect(r.orders).toHaveLength(5); // the order is kept, with the total its file states
    expect(byNo(r, '240306ABCD0004').statedTotal).toBe(9890);
  });

  it('has no total to check when the export has no Total Amount column', async () => {
    const text =
      'Order ID,Order Status,Order Creation Date,SKU Reference No.,Deal Price,Quantity\n' +
      'A1,Completed,2026-03-05 14:02,SKU-1,10.00,1\n';
    const r = await parse(utf8(text), { defaultCurrency: 'MYR' });
    expect(r.warnings).toEqual([]);
    expect(byNo(r, 'A1').statedTotal ?? null).toBeNull();
  });
});
