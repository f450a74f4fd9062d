/**
 * XLSX expansion limits (issue 16, point 1): a small workbook holding one giant shared string
 * (the probe's 0.5 MB file with a 500 MiB string, scaled down to 20 MiB here) is refused as
 * import.file.compressedTooMuch before exceljs inflates it; an ordinary workbook is read.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src-main/imports/read-table.ts';
import { checkZipExpansion, zipEntrySizes } from '../../../src-main/imports/zip-expansion.ts';

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Orders');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('zip expansion limits', () => {
  it('refuses a workbook whose shared string inflates a thousandfold, before reading it', async () => {
    const bytes = await workbook([
      ['订单号', '备注'],
      ['A-1', 'x'.repeat(20 * 1024 * 1024)],
    ]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const sizes = zipEntrySizes(bytes)!;
    expect(sizes.find((e) => e.name === 'xl/sharedStrings.xml')!.uncompressed).toBeGreaterThan(20 * 1024 * 1024);
    expect(() => checkZipExpansion(bytes)).toThrow(
      expect.objectContaining({
        code: 'import.file.compressedTooMuch',
        params: expect.objectContaining({ part: 'xl/sharedStrings.xml' }),
      }),
    );
    await expect(readTable(bytes)).rejects.toMatchObject({ code: 'import.file.compressedTooMuch' });
  }, 60_000);

  it('reads an ordinary workbook', async () => {
    const bytes = await workbook([
      ['订单号', '数量'],
      ['A-1', '2'],
    ]);
    expect(() => checkZipExpansion(bytes)).not.toThrow();
    expect((await readTable(bytes)).rows).toEqual([['A-1', '2']]);
  });
});
