import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { stockFileError as fileError, stockFixture as fixture, utf8 } from './import-test-kit.ts';
import { encodeGb18030 } from '../../../src-main/imports/demo/encode-gb18030.ts';
import { parseStockCount } from '../../../src-main/imports/stock-count.ts';



describe('3PL stock list', () => {
  it('reads a Chinese UTF-8-BOM export: 商品编码, 仓库, 可用库存 (not 锁定库存), 日期', async () => {
    const r = await parseStockCount(fixture('stock-count-3pl.csv'));
    expect([r.rowCount, r.rejected]).toEqual([3, []]);
    expect(r.rows).toEqual([
      { row: 2, sku: 'MUG-350-WH', warehouse: 'LA-01 美西仓', quantity: 488, date: '2026-03-31' },
      { row: 3, sku: 'SPOON-SS', warehouse: 'LA-01 美西仓', quantity: 4990, date: '2026-03-31' },
      { row: 4, sku: 'LAMP-BR', warehouse: 'NJ-02 美东仓', quantity: 0, date: null },
    ]);
  });

  it('reads a GB18030 export with 数量 and no warehouse or date', async () => {
    const r = await parseStockCount(encodeGb18030('SKU,品名,数量\r\n杯子-白-350,陶瓷杯,12\r\n'));
    expect(r.rows).toEqual([{ row: 2, sku: '杯子-白-350', warehouse: null, quantity: 12, date: null }]);
  });

  it('reads an English XLSX, preferring Available over On hand, with day-first dates when the column proves it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inventory');
    ws.addRow(['Warehouse', 'SKU', 'On hand', 'Available', 'Date']);
    ws.addRow(['NJ-02', 'MUG-350-WH', 20, 18, '31/03/2026']);
    ws.addRow(['NJ-02', 'LAMP-BR', 3, 3, '01/04/2026']);
    ws.addRow(['NJ-02', 'SPOON-SS', 9, 9, new Date(Date.UTC(2026, 3, 2))]);
    const r = await parseStockCount(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.rejected).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.sku, x.warehouse, x.quantity, x.date])).toEqual([
      [2, 'MUG-350-WH', 'NJ-02', 18, '2026-03-31'],
      [3, 'LAMP-BR', 'NJ-02', 3, '2026-04-01'],
      [4, 'SPOON-SS', 'NJ-02', 9, '2026-04-02'],
    ]);
  });

  it('rejects bad rows with their code, row and column', async () => {
    const r = await parseStockCount(utf8('SKU,Warehouse,Quantity,Date\r\nA,W,-2,\r\n,W,1,\r\nC,W,1.5,\r\nD,W,3,someday\r\nE,W,,\r\nF,,0,2026-04-31\r\nG,,7,2026-04-30\r\n'));
    expect(r.rejected).toEqual([
      { row: 2, column: 'Quantity', code: 'stock.row.badQuantity', params: { column: 'Quantity', value: '-2' } },
      { row: 3, column: 'SKU', code: 'stock.row.missingValue', params: { column: 'SKU' } },
      { row: 4, column: 'Quantity', code: 'stock.row.badQuantity', params: { column: 'Quantity', value: '1.5' } },
      { row: 5, column: 'Date', code: 'stock.row.badDate', params: { column: 'Date', value: 'someday' } },
      { row: 6, column: 'Quantity', code: 'stock.row.missingValue', params: { column: 'Quantity' } },
      { row: 7, column: 'Date', code: 'stock.row.badDate', params: { column: 'Date', value: '2026-04-31' } },
    ]);
    expect(r.rows).toEqual([{ row: 8, sku: 'G', warehouse: null, quantity: 7, date: '2026-04-30' }]);
    expect(r.rowCount).toBe(7);
  });

  it('throws import.file.missingColumns naming what it needs', async () => {
    expect(await fileError(parseStockCount(utf8('仓库,品名\r\nW,杯子\r\n')))).toEqual(
      ['import.file.missingColumns', { source: 'stock-count', columns: 'sku, 可用数量' }],
    );
    expect(await fileError(parseStockCount(utf8('SKU,数量\r\n')))).toEqual(['import.file.headerOnly', { columns: 2 }]);
  });
});
