/**
 * Bounded reading (issue 16, point 1): XLSX is streamed and every inflated part metered, so a
 * workbook holding one huge shared string is refused after at most 1 MiB of it — also when the
 * archive's central directory understates the size (the stated-size check cannot see it) —
 * and a file over the row limit is refused, XLSX and CSV alike, as coded errors.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { READ_LIMITS, readTable } from '../../../src-main/imports/read-table.ts';
import { checkZipExpansion } from '../../../src-main/imports/zip-expansion.ts';

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Orders');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Rewrites every central-directory entry's uncompressed size to 1,000 bytes (a lying archive). */
function understateSizes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
  return out;
}

const huge = 12 * 1024 * 1024; // under the stated-size ratio check (16 MiB), over the 1 MiB cell limit

describe('bounded reading of XLSX', () => {
  it('refuses a small workbook with one huge shared string as import.file.tooLarge, quickly', async () => {
    const bytes = await workbook([
      ['订单号', '备注'],
      ['A-1', 'x'.repeat(huge)],
    ]);
    expect(bytes.length).toBeLessThan(512 * 1024);
    expect(() => checkZipExpansion(bytes)).not.toThrow();
    const started = performance.now();
    const before = process.memoryUsage().arrayBuffers;
    await expect(readTable(bytes)).rejects.toMatchObject({
      code: 'import.file.tooLarge',
      params: { part: 'xl/sharedStrings.xml', maxBytes: 1024 * 1024 },
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(huge);
  }, 30_000);

  it('refuses the huge shared string also when the archive understates its size', async () => {
    const honest = await workbook([
      ['订单号', '备注'],
      ['A-1', 'x'.repeat(40 * 1024 * 1024)],
    ]);
    expect(() => checkZipExpansion(honest)).toThrow(expect.objectContaining({ code: 'import.file.compressedTooMuch' }));
    const lying = understateSizes(honest);
    expect(() => checkZipExpansion(lying)).not.toThrow();
    await expect(readTable(lying)).rejects.toMatchObject({ code: 'import.file.tooLarge' });
  }, 60_000);

  it('refuses a rich-text shared string split into many small runs once the string passes the cell limit', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Orders');
    sheet.addRow(['订单号', '备注']);
    const run = 'y'.repeat(64 * 1024);
    sheet.addRow(['A-1', { richText: Array.from({ length: 40 }, () => ({ text: run })) }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readTable(bytes)).rejects.toMatchObject({ code: 'import.file.tooLarge' });
  }, 30_000);

  it('refuses a part that inflates past the part limit as import.file.compressedTooMuch', async () => {
    const rows = [['订单号', '备注'], ...Array.from({ length: 2000 }, (_, i) => [`A-${i}`, `note ${i} `.repeat(20)])];
    const bytes = await workbook(rows);
    await expect(readTable(bytes, { ...READ_LIMITS, maxPartBytes: 64 * 1024 })).rejects.toMatchObject({
      code: 'import.file.compressedTooMuch',
      params: { maxBytes: 64 * 1024 },
    });
    expect((await readTable(bytes)).rows).toHaveLength(2000);
  }, 30_000);

  it('streams a worksheet larger than the limit for parts held whole (a 1M-row sheet is about 1 GB of XML)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Orders');
    sheet.addRow(['订单号', '数量']);
    for (let i = 0; i < 3000; i++) sheet.addRow([100000 + i, 1 + (i % 5)]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const limits = { ...READ_LIMITS, maxPartBytes: 32 * 1024 };
    expect((await readTable(bytes, limits)).rows).toHaveLength(3000);
    await expect(readTable(bytes, { ...limits, maxSheetBytes: 32 * 1024 })).rejects.toMatchObject({
      code: 'import.file.compressedTooMuch',
      params: { part: 'xl/worksheets/sheet1.xml' },
    });
  });

  it('refuses a workbook with more rows than the limit as import.file.tooManyRows', async () => {
    const bytes = await workbook([['订单号', '数量'], ...Array.from({ length: 30 }, (_, i) => [`A-${i}`, '1'])]);
    await expect(readTable(bytes, { ...READ_LIMITS, maxRows: 20 })).rejects.toMatchObject({
      code: 'import.file.tooManyRows',
      params: { maxRows: 20 },
    });
    expect((await readTable(bytes, { ...READ_LIMITS, maxRows: 31 })).rows).toHaveLength(30);
  });
});

describe('bounded reading of CSV and TSV', () => {
  const lines = (n: number, delimiter: string) =>
    ['order_no', 'qty', 'note'].join(delimiter) +
    '\n' +
    Array.from({ length: n }, (_, i) => [`A-${i}`, '1', `"x${i}"`].join(delimiter)).join('\n') +
    '\n';

  it('refuses a CSV with more rows than the limit, and reads one within it', async () => {
    const bytes = new TextEncoder().encode(lines(30, ','));
    await expect(readTable(bytes, { ...READ_LIMITS, maxRows: 20 })).rejects.toMatchObject({
      code: 'import.file.tooManyRows',
    });
    const t = await readTable(bytes, { ...READ_LIMITS, maxRows: 40 });
    expect(t.rows).toHaveLength(30);
    expect(t.rows[29]).toEqual(['A-29', '1', 'x29']);
  });

  it('refuses an Amazon-style TSV (split without quotes) with more rows than the limit', async () => {
    const tsv =
      'amazon-order-id\tmerchant-order-id\tpurchase-date\n' +
      Array.from({ length: 30 }, (_, i) => `111-${i}\t\t2026-03-01T00:00:00+00:00`).join('\n') +
      '\n';
    const bytes = new TextEncoder().encode(tsv);
    await expect(readTable(bytes, { ...READ_LIMITS, maxRows: 20 })).rejects.toMatchObject({
      code: 'import.file.tooManyRows',
    });
    expect((await readTable(bytes)).rows).toHaveLength(30);
  });
});
