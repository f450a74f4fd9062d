/** The waybill file parser: encodings, Chinese and English headers, coded rejected rows. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseWaybills } from '../../../src-main/imports/waybills.ts';

/** GB18030 bytes of `text` (GBK two-byte range), built by decoding every two-byte sequence: Node has no GB18030 encoder. */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = trail === 0x7f ? '' : decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      return bytes;
    }),
  );
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseWaybills', () => {
  it('reads a GB18030 CSV with Chinese headers (Excel’s default in China)', async () => {
    const bytes = gb18030(
      '订单号,物流单号,物流企业代码,物流企业名称,出口日期,毛重（克）,件数\r\nWEB-0001,SF1234567890,5314960XYZ,顺丰速运,2026/3/5,350,1\r\nWEB-0002,SF1234567891,,,,,\r\n',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await parseWaybills(bytes);
    expect(r.rejected).toEqual([]);
    expect(r.rowCount).toBe(2);
    expect(r.rows).toEqual([
      {
        row: 2,
        orderNo: 'WEB-0001',
        logisticsNo: 'SF1234567890',
        logisticsCode: '5314960XYZ',
        logisticsName: '顺丰速运',
        exportDate: '2026-03-05',
        grossWeightGrams: 350,
        packNo: 1,
      },
      {
        row: 3,
        orderNo: 'WEB-0002',
        logisticsNo: 'SF1234567891',
        logisticsCode: null,
        logisticsName: null,
        exportDate: null,
        grossWeightGrams: null,
        packNo: null,
      },
    ]);
  });

  it('rejects a bad date, a logisticsNo over 32 characters, a bad weight, a blank waybill and a repeated order, naming row and column', async () => {
    const long = 'X'.repeat(33);
    const r = await parseWaybills(
      utf8(
        [
          'Order No,Tracking Number,Export Date,Gross Weight g,Packages',
          'A-1,T1,2026-02-30,100,1',
          `A-2,${long},2026-03-01,100,1`,
          'A-3,T3,2026-03-01,1.5kg,1',
          'A-4,,2026-03-01,100,1',
          'A-5,T5,2026-03-01,100,0',
          'A-6,T6,2026-03-01,100,2',
          'A-6,T7,2026-03-01,100,2',
          `A-8,${'Y'.repeat(32)},,,`,
        ].join('\n'),
      ),
    );
    expect(r.rejected).toEqual([
      {
        row: 2,
        column: 'Export Date',
        code: 'import.row.badDate',
        params: { column: 'Export Date', value: '2026-02-30' },
      },
      {
        row: 3,
        column: 'Tracking Number',
        code: 'customs.waybill.tooLong',
        params: { column: 'Tracking Number', value: long, max: 32 },
      },
      {
        row: 4,
        column: 'Gross Weight g',
        code: 'import.row.badQuantity',
        params: { column: 'Gross Weight g', value: '1.5kg' },
      },
      { row: 5, column: 'Tracking Number', code: 'import.row.missingValue', params: { column: 'Tracking Number' } },
      { row: 6, column: 'Packages', code: 'import.row.badQuantity', params: { column: 'Packages', value: '0' } },
      { row: 8, column: 'Order No', code: 'import.row.duplicateOrder', params: { column: 'Order No', orderNo: 'A-6' } },
    ]);
    expect(r.rows.map((w) => [w.row, w.orderNo, w.logisticsNo.length])).toEqual([
      [7, 'A-6', 2],
      [9, 'A-8', 32],
    ]);
  });

  it('reads XLSX with 运单号 / 订单编号 headers and refuses a file without a waybill column', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('运单');
    sheet.addRow(['订单编号', '运单号', '件数']);
    sheet.addRow(['WEB-0009', 'YT0000000009', 3]);
    const r = await parseWaybills(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.rows).toMatchObject([{ row: 2, orderNo: 'WEB-0009', logisticsNo: 'YT0000000009', packNo: 3 }]);
    await expect(parseWaybills(utf8('订单号,金额\nA,1\n'))).rejects.toMatchObject({
      code: 'import.file.missingColumns',
      params: { source: 'waybills' },
    });
  });
});
