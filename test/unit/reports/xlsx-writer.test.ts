/** renderXlsx: workbooks read back with exceljs (sheets, typed values, formats, frozen header). */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src-main/reports/report-document.ts';
import { renderXlsx, sheetNameFor } from '../../../src-main/reports/xlsx-writer.ts';
import { sampleDocument } from './report-fixtures.ts';

async function readBack(doc: ReportDocument): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
  return workbook;
}

describe('renderXlsx', () => {
  it('writes a summary sheet and one sanitised sheet per table', async () => {
    const wb = await readBack(sampleDocument('zh-CN'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['摘要', 'Netting_ summary_2026_03', '结算明细']);
    const summary = wb.getWorksheet('摘要')!;
    expect(summary.getCell('A1').value).toBe('结汇证据包 — 亚马逊美国站');
    expect(summary.getCell('A1').font?.bold).toBe(true);
    const pairs = summary.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : []));
    expect(pairs).toContainEqual(['公司', '株洲示例跨境贸易有限公司']);
    expect(wb.created?.toISOString()).toBe('2026-03-20T08:00:00.000Z');
  });

  it('writes money as numbers with the currency decimals, rates as exact text, dates as dates', async () => {
    const wb = await readBack(sampleDocument('en', 4));
    const netting = wb.worksheets[1]!;
    expect(netting.getCell('B1').value).toBe('金额 (USD)');
    expect(netting.getCell('B2').value).toBe(1234.56);
    expect(netting.getCell('B2').numFmt).toBe('#,##0.00');
    expect(netting.getCell('B3').value).toBe(-20);
    expect(netting.getCell('A5').value).toBe('净额');
    expect(netting.getCell('A5').font?.bold).toBe(true);
    expect(netting.getCell('B5').value).toBe(1214.56);
    expect(netting.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(netting.getCell('A1').font?.bold).toBe(true);

    const detail = wb.worksheets[2]!;
    expect(detail.getRow(1).values).toEqual([undefined, '#', '订单号', '说明', '金额 (USD)', '汇率', '日期']);
    expect(detail.getCell('A2').value).toBe(1);
    expect(detail.getCell('E2').value).toBe('7.105600');
    expect(detail.getCell('E2').type).toBe(ExcelJS.ValueType.String);
    expect((detail.getCell('F2').value as Date).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(detail.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    expect(detail.getCell('D6').value).toBe(40.06); // totals: Σ 1000..1003 minor
  });

  it('keeps a formula-looking text as a plain string cell', async () => {
    const wb = await readBack(sampleDocument());
    const cell = wb.worksheets[1]!.getCell('A4');
    expect(cell.value).toBe("=cmd|' /C calc'!A0");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe('@');
  });

  it('adds a currency column when a money column mixes currencies, and JPY has no decimals', async () => {
    const base = sampleDocument();
    const wb = await readBack({
      ...base,
      tables: [
        {
          heading: 'mixed',
          columns: [
            { key: 'k', label: 'Item' },
            { key: 'v', label: 'Amount' },
          ],
          rows: [
            { k: 'a', v: { kind: 'money', minor: 1200, currency: 'JPY' } },
            { k: 'b', v: { kind: 'money', minor: 5, currency: 'EUR' } },
          ],
        },
      ],
    });
    const sheet = wb.worksheets[1]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Item', 'Amount', 'Amount · 币种']);
    expect([sheet.getCell('B2').value, sheet.getCell('B2').numFmt, sheet.getCell('C2').value]).toEqual([
      1200,
      '#,##0',
      'JPY',
    ]);
    expect([sheet.getCell('B3').value, sheet.getCell('B3').numFmt, sheet.getCell('C3').value]).toEqual([
      0.05,
      '#,##0.00',
      'EUR',
    ]);
  });

  it('makes sheet names valid and unique within 31 characters', () => {
    const taken = new Set<string>();
    const long = '跨境电商结算期间明细表'.repeat(4);
    const a = sheetNameFor(long, taken);
    const b = sheetNameFor(long, taken);
    expect([...a]).toHaveLength(31);
    expect(b).toMatch(/ \(2\)$/);
    expect([...b].length).toBeLessThanOrEqual(31);
    expect(sheetNameFor("'a/b'", taken)).toBe('a_b');
    expect(sheetNameFor('A_B', taken)).toBe('A_B (2)');
  });
});
