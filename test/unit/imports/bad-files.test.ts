import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileError, parse, utf8 } from './import-test-kit.ts';

const HEADER = '订单号,订单状态,下单时间,SKU,商品名称,数量,单价,币种,运费,买家国家';
const GOOD = [
  'E1,已发货,2026/3/5 14:02,SKU-A,杯子,2,12.50,USD,5.00,美国',
  'E1,已发货,2026/3/5 14:02,SKU-B,勺子,1,3.20,USD,5.00,美国',
  'E2,已发货,2026/3/5 15:00,SKU-A,杯子,1,12.50,USD,0,英国',
];
const csv = (...rows: string[]) => utf8([HEADER, ...rows].join('\r\n'));

describe('files that cannot be imported at all', () => {
  it('rejects an empty file and one holding only whitespace', async () => {
    expect((await fileError(new Uint8Array(0))).code).toBe('import.file.empty');
    expect((await fileError(utf8('  \r\n\t\n  '))).code).toBe('import.file.empty');
    expect((await fileError(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]))).code).toBe('import.file.empty');
  });

  it('rejects a file with a header and no data rows', async () => {
    const e = await fileError(utf8(`${HEADER}\r\n\r\n`));
    expect([e.code, e.params]).toEqual(['import.file.headerOnly', { columns: 10 }]);
  });

  it('rejects binary data named .csv', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect((await fileError(png, { fileName: 'orders.csv' })).code).toBe('import.file.binary');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256 || 0x80); // no NUL, not UTF-8, not GB18030
    expect((await fileError(noise, { fileName: 'orders.csv' })).code).toBe('import.file.binary');
    const controls = utf8('a,b\n' + '\u0001\u0002\u0003x,y\n'.repeat(50));
    expect((await fileError(controls)).code).toBe('import.file.binary');
  });

  it('rejects a ZIP that is not a workbook', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0x41)]);
    expect((await fileError(zip, { fileName: 'orders.csv' })).code).toBe('import.file.binary');
  });

  it('rejects an XLSX whose first sheet is empty or has only a header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('empty');
    expect((await fileError(new Uint8Array(await wb.xlsx.writeBuffer()))).code).toBe('import.file.empty');
    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet('orders').addRow(HEADER.split(','));
    expect((await fileError(new Uint8Array(await wb2.xlsx.writeBuffer()))).code).toBe('import.file.headerOnly');
  });

  it('names the headers when the source cannot be recognised', async () => {
    const e = await fileError(utf8('foo,bar,baz\n1,2,3\n'));
    expect([e.code, e.params]).toEqual(['import.file.unknownSource', { headers: 'foo, bar, baz' }]);
  });

  it('lists the missing columns when a file is forced to the wrong source', async () => {
    const e = await fileError(csv(...GOOD), { source: 'amazon-orders' });
    expect(e.code).toBe('import.file.missingColumns');
    expect(e.params).toEqual({
      source: 'amazon-orders',
      columns: 'amazon-order-id, purchase-date, order-status, quantity, item-price',
    });
  });

  it('refuses a time zone that is not an IANA zone', async () => {
    const e = await fileError(csv(...GOOD), { timeZone: 'Mars/Olympus' });
    expect([e.code, e.params]).toEqual(['import.options.badTimeZone', { timeZone: 'Mars/Olympus' }]);
  });

  it('refuses a TikTok file when neither the file nor the shop gives a currency', async () => {
    const e = await fileError(
      utf8(
        'Order ID,Order Status,Created Time,Seller SKU,Quantity,SKU Subtotal After Discount\n1,Completed,03/05/2026 2:02 PM,S,1,1.00\n',
      ),
    );
    expect([e.code, e.params]).toEqual(['import.file.noCurrency', { source: 'tiktok' }]);
  });
});

describe('bad rows reject their whole order and nothing else', () => {
  it('refuses a file cut off mid-row at its end as truncated, naming the last good row (issue 14)', async () => {
    const e = await fileError(csv(...GOOD, 'E3,已发货,2026/3/5 16:00,SKU-A,杯子,1'));
    expect([e.code, e.params]).toEqual(['import.file.truncated', { lastGoodRow: 4 }]);
  });

  it('rejects a short last row that ends its line, and the earlier rows of its order', async () => {
    const r = await parse(utf8([HEADER, ...GOOD, 'E2,已发货,2026/3/5 15:00,SKU-C,碟子', ''].join('\r\n')));
    expect(r.orders.map((o) => o.orderNo)).toEqual(['E1']);
    expect(r.rejected.map((e) => [e.row, e.code, e.params])).toEqual([
      [4, 'import.row.orderHasErrors', { orderNo: 'E2' }],
      [5, 'import.row.columnCount', { expected: 10, actual: 5 }],
    ]);
  });

  it('refuses a file whose last quote is never closed as truncated (issue 14)', async () => {
    const e = await fileError(csv(...GOOD, 'E2,已发货,2026/3/5 15:00,SKU-C,"碟子'));
    expect([e.code, e.params]).toEqual(['import.file.truncated', { lastGoodRow: 4 }]);
  });

  it('rejects a complete-looking last row whose final quoted field is not closed', async () => {
    const r = await parse(csv(...GOOD, 'E3,已发货,2026/3/5 16:00,SKU-A,杯子,1,12.50,USD,0,"美国'));
    expect(r.rejected).toEqual([
      { row: 5, column: '买家国家', code: 'import.row.unterminatedQuote', params: { column: '买家国家' } },
    ]);
    expect(r.orders).toHaveLength(2);
  });

  it('rejects a row with a field over 10,000 characters and accepts one of exactly 10,000', async () => {
    const r = await parse(
      csv(
        ...GOOD,
        `E3,已发货,2026/3/5 16:00,SKU-A,${'长'.repeat(10_001)},1,1.00,USD,0,美国`,
        `E4,已发货,2026/3/5 16:00,SKU-A,${'x'.repeat(10_000)},1,1.00,USD,0,美国`,
      ),
    );
    expect(r.orders.map((o) => o.orderNo)).toEqual(['E1', 'E2', 'E4']);
    expect(r.rejected).toEqual([
      { row: 5, column: '商品名称', code: 'import.row.fieldTooLong', params: { column: '商品名称', length: 10_001 } },
    ]);
  });

  it('rejects invalid dates with the column and the text', async () => {
    const r = await parse(
      csv(
        GOOD[0]!,
        'E1,已发货,2026/13/45 14:02,SKU-B,勺子,1,3.20,USD,5.00,美国',
        GOOD[2]!,
        'E5,已发货,2026-02-30 10:00,SKU-A,杯子,1,1.00,USD,0,美国',
        'E6,已发货,昨天,SKU-A,杯子,1,1.00,USD,0,美国',
      ),
    );
    expect(r.orders.map((o) => o.orderNo)).toEqual(['E2']);
    expect(r.rejected).toEqual([
      { row: 2, column: null, code: 'import.row.orderHasErrors', params: { orderNo: 'E1' } },
      {
        row: 3,
        column: '下单时间',
        code: 'import.row.badDate',
        params: { column: '下单时间', value: '2026/13/45 14:02' },
      },
      {
        row: 5,
        column: '下单时间',
        code: 'import.row.badDate',
        params: { column: '下单时间', value: '2026-02-30 10:00' },
      },
      { row: 6, column: '下单时间', code: 'import.row.badDate', params: { column: '下单时间', value: '昨天' } },
    ]);
  });

  it('rejects negative, zero and fractional quantities', async () => {
    const r = await parse(
      csv(
        ...GOOD,
        'E3,已发货,2026/3/5,SKU-A,杯子,-1,1.00,USD,0,美国',
        'E4,已发货,2026/3/5,SKU-A,杯子,0,1.00,USD,0,美国',
        'E5,已发货,2026/3/5,SKU-A,杯子,1.5,1.00,USD,0,美国',
      ),
    );
    expect(r.orders).toHaveLength(2);
    expect(r.rejected.map((e) => [e.row, e.code, e.params['value']])).toEqual([
      [5, 'import.row.badQuantity', '-1'],
      [6, 'import.row.badQuantity', '0'],
      [7, 'import.row.badQuantity', '1.5'],
    ]);
    expect(r.rejected[0]).toMatchObject({ column: '数量', params: { column: '数量' } });
  });

  it('rejects a row with the wrong column count while the good rows are still parsed', async () => {
    const r = await parse(csv(GOOD[0]!, 'E1,已发货,2026/3/5 14:02,SKU-B,勺子, 大号,1,3.20,USD,5.00,美国', GOOD[2]!));
    expect(r.orders.map((o) => o.orderNo)).toEqual(['E2']);
    expect(r.rowCount).toBe(3);
    expect(r.rejected).toEqual([
      { row: 2, column: null, code: 'import.row.orderHasErrors', params: { orderNo: 'E1' } },
      { row: 3, column: null, code: 'import.row.columnCount', params: { expected: 10, actual: 11 } },
    ]);
  });

  it('rejects bad amounts, currencies, countries and missing order numbers, each with its code; keeps an unknown status word', async () => {
    const r = await parse(
      csv(
        'E3,已发货,2026/3/5,SKU-A,杯子,1,12.345,USD,0,美国',
        'E4,已发货,2026/3/5,SKU-A,杯子,1,1980.5,JPY,0,日本',
        'E5,已发货,2026/3/5,SKU-A,杯子,1,1.00,XYZ,0,美国',
        'E6,已发货,2026/3/5,SKU-A,杯子,1,1.00,USD,0,火星',
        'E7,待确认收货地址,2026/3/5,SKU-A,杯子,1,1.00,USD,0,美国',
        ',已发货,2026/3/5,SKU-A,杯子,1,1.00,USD,0,美国',
        'E8,已发货,2026/3/5,SKU-A,杯子,1,1.00,USD,0,美国',
        'E8,已发货,2026/3/5,SKU-B,勺子,1,1.00,EUR,0,美国',
      ),
    );
    // a status word no table knows never drops the order: it is kept as written (status unknown)
    expect(r.orders.map((o) => [o.orderNo, o.platformStatus])).toEqual([['E7', '待确认收货地址']]);
    expect(r.rejected).toEqual([
      { row: 2, column: '单价', code: 'import.row.badAmount', params: { column: '单价', value: '12.345' } },
      { row: 3, column: '单价', code: 'import.row.badAmount', params: { column: '单价', value: '1980.5' } },
      { row: 4, column: '币种', code: 'import.row.badCurrency', params: { column: '币种', value: 'XYZ' } },
      { row: 5, column: '买家国家', code: 'import.row.badCountry', params: { column: '买家国家', value: '火星' } },
      { row: 7, column: '订单号', code: 'import.row.missingValue', params: { column: '订单号' } },
      { row: 8, column: null, code: 'import.row.orderHasErrors', params: { orderNo: 'E8' } },
      {
        row: 9,
        column: '币种',
        code: 'import.row.currencyMismatch',
        params: { column: '币种', value: 'EUR', expected: 'USD' },
      },
    ]);
  });

  it('rejects an order whose amounts overflow the safe integer range instead of rounding them', async () => {
    const r = await parse(csv(...GOOD, 'E3,已发货,2026/3/5,SKU-A,杯子,999999999999999,99999.99,USD,0,美国'));
    expect(r.orders).toHaveLength(2);
    expect(r.rejected).toEqual([
      { row: 5, column: null, code: 'import.row.amountOutOfRange', params: { orderNo: 'E3' } },
    ]);
  });

  it('stores a formula-like product name exactly as text', async () => {
    const r = await parse(csv('E9,已发货,2026/3/5,SKU-A,"=HYPERLINK(""http://x"",""y"")",1,1.00,USD,0,美国'));
    expect(r.orders[0]?.lines[0]?.itemName).toBe('=HYPERLINK("http://x","y")');
  });
});
