import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src-main/imports/read-table.ts';
import { parseDateTime } from '../../../src-main/imports/parse-dates.ts';
import { parse, thrown, utf8 } from './import-test-kit.ts';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe('reading text files', () => {
  it('detects tab, comma and semicolon delimiters from the header line', async () => {
    expect((await readTable(utf8('a\tb,c\n1\t2,3\n'))).delimiter).toBe('\t');
    expect((await readTable(utf8('a,b;c\n1,2;3\n'))).delimiter).toBe(',');
    const semi = await readTable(utf8('订单号;数量;单价\nA1;2;"1,50"\n'));
    expect([semi.delimiter, semi.rows[0]]).toEqual([';', ['A1', '2', '1,50']]);
  });

  it('does not count delimiters inside quoted headers', async () => {
    const t = await readTable(utf8('"Total, incl. tax";Name\n1;x\n'));
    expect([t.delimiter, t.headers]).toEqual([';', ['Total, incl. tax', 'Name']]);
  });

  it('reads UTF-16LE and UTF-16BE files with a BOM (Excel "Unicode text")', async () => {
    const text = '订单号\t数量\r\nA1\t2\r\n';
    for (const [be, name] of [
      [false, 'utf-16le'],
      [true, 'utf-16be'],
    ] as const) {
      const t = await readTable(utf16(text, be));
      expect([t.encoding, t.headers, t.rows]).toEqual([name, ['订单号', '数量'], [['A1', '2']]]);
    }
  });

  it('decodes GB18030 bytes written by hand (GBK 中文 = D6 D0 CE C4)', async () => {
    const bytes = new Uint8Array([...utf8('name,qty\r\n'), 0xd6, 0xd0, 0xce, 0xc4, ...utf8(',1\r\n')]);
    const t = await readTable(bytes);
    expect([t.encoding, t.rows]).toEqual(['gb18030', [['中文', '1']]]);
  });

  it('normalises headers for matching but keeps the originals for display', async () => {
    const t = await readTable(utf8('\uFEFF Order  ID ,Actual shipping fee ,数量（件）\n1,2,3\n'));
    expect(t.headers).toEqual([' Order  ID ', 'Actual shipping fee ', '数量（件）']);
    expect(t.keys).toEqual(['order id', 'actual shipping fee', '数量(件)']);
  });

  it('numbers rows as the file does, skipping blank lines without renumbering', async () => {
    const t = await readTable(utf8('a,b\n1,2\n\n,\n3,"x\ny"\n5,6'));
    expect(t.rows).toEqual([
      ['1', '2'],
      ['3', 'x\ny'],
      ['5', '6'],
    ]);
    expect(t.rowNumbers).toEqual([2, 5, 6]);
  });

  it('accepts a trailing delimiter on every line and ignores empty trailing headers', async () => {
    const t = await readTable(utf8('a,b,\n1,2,\n3,4\n'));
    expect([t.headers, t.rows, t.rowErrors]).toEqual([
      ['a', 'b'],
      [
        ['1', '2', ''],
        ['3', '4'],
      ],
      [null, null],
    ]);
  });

  it('reads an Amazon TSV whose product name opens with a quote without swallowing later rows', async () => {
    const t = await readTable(utf8('id\tname\tqty\n1\t"Best" mug\t2\n2\tPhone 6.1" case\t1\n'));
    expect(t.rows).toEqual([
      ['1', '"Best" mug', '2'],
      ['2', 'Phone 6.1" case', '1'],
    ]);
    expect(t.rowErrors).toEqual([null, null]);
  });
});

describe('reading XLSX', () => {
  async function sheet(rows: ExcelJS.CellValue[][], configure?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const r of rows) ws.addRow(r);
    configure?.(ws);
    wb.addWorksheet('ignored').addRow(['not', 'read']);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet with numbers as exact decimal text, without float artefacts', async () => {
    const t = await readTable(
      await sheet([
        ['Order ID', 'Price', 'Qty', 'Big', 'Tiny'],
        ['240305A', 0.1 + 0.2, 3, 123456789012345, 0.0000001],
        ['240305B', 12.3000000001, 2.5, -42, 1e21],
      ]),
    );
    expect([t.encoding, t.delimiter]).toEqual(['xlsx', null]);
    expect(t.rows).toEqual([
      ['240305A', '0.3', '3', '123456789012345', '0.0000001'],
      ['240305B', '12.3000000001', '2.5', '-42', '1E+21'],
    ]);
  });

  it('rejects an 18-digit order id stored as a number instead of importing changed digits', async () => {
    const bytes = await sheet([
      ['Order ID', 'Order Status', 'Created Time', 'Seller SKU', 'Quantity', 'SKU Subtotal After Discount'],
      [576543210987654321, 'Completed', '03/05/2026 2:02:05 PM', 'S-1', 1, 9.99],
    ]);
    const r = await parse(bytes, { defaultCurrency: 'USD' });
    expect(r.orders).toEqual([]);
    expect(r.rejected).toEqual([
      {
        row: 2,
        column: 'Order ID',
        code: 'import.row.orderNoMangled',
        params: { column: 'Order ID', value: '5.76543210987654E+17' },
      },
    ]);
  });

  it('turns date cells into local ISO text that is then read in the shop zone', async () => {
    const t = await readTable(
      await sheet([['Created'], [new Date(Date.UTC(2026, 2, 5, 14, 2, 0))]], (ws) => {
        ws.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
      }),
    );
    expect(t.rows[0]).toEqual(['2026-03-05T14:02:00']);
    expect(parseDateTime(t.rows[0]?.[0] ?? '', 'Asia/Shanghai')).toBe('2026-03-05T14:02:00.000+08:00');
  });

  it('keeps a serial date in a General cell as its number, which the date reader understands', async () => {
    const t = await readTable(await sheet([['Created'], [46086.5847]]));
    expect(t.rows[0]).toEqual(['46086.5847']);
    expect(parseDateTime('46086.5847', 'Asia/Shanghai')).toBe('2026-03-05T14:01:58.000+08:00');
  });

  it('reads formula results, rich text, hyperlinks, booleans and errors as text, and keeps "=…" strings', async () => {
    const t = await readTable(
      await sheet([
        ['a', 'b', 'c', 'd', 'e', 'f'],
        [
          { formula: 'A1&"x"', result: 'ax' },
          { richText: [{ text: '陶瓷' }, { text: '马克杯' }] },
          { text: 'shop', hyperlink: 'https://example.invalid' },
          true,
          { error: '#N/A' },
          '=HYPERLINK("http://x","y")',
        ],
      ]),
    );
    expect(t.rows[0]).toEqual(['ax', '陶瓷马克杯', 'shop', 'TRUE', '#N/A', '=HYPERLINK("http://x","y")']);
  });

  it('pads short rows and rejects a row with values beyond the header', async () => {
    const t = await readTable(await sheet([['a', 'b', 'c'], ['1'], ['2', '3', '4', '5']]));
    expect(t.rows[0]).toEqual(['1', '', '']);
    expect(t.rowErrors).toEqual([
      null,
      { row: 3, column: null, code: 'import.row.columnCount', params: { expected: 3, actual: 4 } },
    ]);
  });
});

describe('Amazon flat files and files cut short (issue 14, point 10)', () => {
  const HEADER = [
    'amazon-order-id',
    'merchant-order-id',
    'purchase-date',
    'order-status',
    'product-name',
    'sku',
    'quantity',
    'currency',
    'item-price',
  ];
  const line = (i: number): string =>
    [
      `114-${String(i).padStart(7, '0')}-1234567`,
      '',
      '2026-03-05T10:00:00+00:00',
      'Shipped',
      `"Premium" Mug No. ${i}, 12" tall`,
      `SKU-${i % 7}`,
      '1',
      'USD',
      '12.99',
    ].join('\t');

  it('reads an Amazon TSV without quote handling: 556 rows whose names open with a quote and a short last line all come through', async () => {
    const lines = [
      HEADER.join('\t'),
      ...Array.from({ length: 556 }, (_, i) => line(i)),
      '114-9999999-1234567\t\t2026-03-05',
    ];
    const t = await readTable(utf8(lines.join('\n') + '\n'));
    expect(t.rows).toHaveLength(557);
    expect(t.rows[0]?.[4]).toBe('"Premium" Mug No. 0, 12" tall');
    expect(t.rowErrors.filter((e) => e === null)).toHaveLength(556);
    expect(t.rowErrors[556]).toEqual({
      row: 558,
      column: null,
      code: 'import.row.columnCount',
      params: { expected: 9, actual: 3 },
    });
  });

  it('says a file that ends inside a UTF-8 character is truncated, naming the last good row', async () => {
    const full = utf8('订单号,商品名称,数量\nA1,杯子,2\nA2,勺子,1\n');
    const cut = full.subarray(0, full.length - 6); // inside 子 of row 3
    const e = await thrown(readTable(cut));
    expect([e.code, e.params]).toEqual(['import.file.truncated', { lastGoodRow: 2 }]);
  });

  it('says a file whose last line stops short without a line end is truncated', async () => {
    const e = await thrown(readTable(utf8('a,b,c\n1,2,3\n4,5')));
    expect([e.code, e.params]).toEqual(['import.file.truncated', { lastGoodRow: 2 }]);
    const ok = await readTable(utf8('a,b,c\n1,2,3\n4,5,6'));
    expect(ok.rows).toHaveLength(2);
  });
});

describe('an Amazon All Orders report read whole (issue 14, point 10)', () => {
  const HEADER =
    'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tis-business-order\tpurchase-order-number\tprice-designation';
  const order = (i: number): string =>
    [
      `113-${String(1_000_000 + i)}-${String(2_000_000 + i)}`,
      '',
      '2026-03-05T14:02:00+00:00',
      '2026-03-06T09:00:00+00:00',
      'Shipped',
      'Amazon',
      'Amazon.com',
      '',
      '',
      'Expedited',
      `"Premium" Ceramic Mug 350ml, ${i % 3 === 0 ? '12" tall' : 'white'}`,
      `SKU-MUG-0${i % 5}`,
      `B0MUG0000${i % 5}`,
      'Shipped',
      '1',
      'USD',
      '12.99',
      '1.04',
      '0.00',
      '0.00',
      '',
      '',
      '0.00',
      '0.00',
      'SEATTLE',
      'WA',
      '98101',
      'US',
      '',
      'false',
      '',
      '',
    ].join('\t');

  it('imports all 556 orders whose names open with a quote, rejects only the short last line, and every row is accounted for', async () => {
    const text = [
      HEADER,
      ...Array.from({ length: 556 }, (_, i) => order(i)),
      '113-9999999-9999999\t\t2026-03-05T14:02:00+00:00\tShipped',
      '',
    ].join('\n');
    const r = await parse(utf8(text));
    expect(r.source).toBe('amazon-orders');
    expect(r.orders).toHaveLength(556);
    expect(r.orders[3]?.lines[0]?.itemName).toBe('"Premium" Ceramic Mug 350ml, 12" tall');
    expect(r.rejected.map((e) => [e.row, e.code])).toEqual([[558, 'import.row.columnCount']]);
    expect(r.orders.length + r.rejected.length).toBe(r.rowCount);
  });
});
