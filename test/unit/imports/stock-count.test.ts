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
    const r = await parseStockCount(
      utf8(
        'SKU,Warehouse,Quantity,Date\r\nA,W,-2,\r\n,W,1,\r\nC,W,1.5,\r\nD,W,3,someday\r\nE,W,,\r\nF,,0,2026-04-31\r\nG,,7,2026-04-30\r\n',
      ),
    );
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
    expect(await fileError(parseStockCount(utf8('仓库,品名\r\nW,杯子\r\n')))).toEqual([
      'import.file.missingColumns',
      { source: 'stock-count', columns: 'sku, 可用数量' },
    ]);
    expect(await fileError(parseStockCount(utf8('SKU,数量\r\n')))).toEqual(['import.file.headerOnly', { columns: 2 }]);
  });
});

describe('3PL stock list and FBA report: every row accounted for (issue 14, point 10)', () => {
  it('reads a warehouse name opening with a quote and rejects only a malformed line', async () => {
    const r = await parseStockCount(utf8('SKU,Qty,Warehouse\r\nMUG-01,9,"""LA"" west"\r\nCUP-02,3\r\nPOT-03,4,NJ\r\n'));
    expect(r.rows.map((x) => [x.sku, x.warehouse])).toEqual([
      ['MUG-01', '"LA" west'],
      ['POT-03', 'NJ'],
    ]);
    expect(r.rejected.map((e) => [e.row, e.code])).toEqual([[3, 'import.row.columnCount']]);
    expect(r.rows.length + r.rejected.length).toBe(r.rowCount);
  });

  it('reads an FBA report (Amazon TSV, no quoting) whose product name opens with a quote', async () => {
    const { parseFbaInventory } = await import('../../../src-main/imports/stock-fba-inventory.ts');
    const head =
      'sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\tafn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity';
    const r = await parseFbaInventory(
      utf8(
        [
          head,
          'MUG-01\tX001\tB001\t"Best" mug, 12" tall\tNew\t12.99\tNo\t\tYes\t7\t5\t1\t1\t7',
          'CUP-02\tX002\tB002\t"Sunrise" cup\tNew',
          'POT-03\tX003\tB003\tTea pot\tNew\t30.00\tNo\t\tYes\t2\t2\t0\t0\t2',
          '',
        ].join('\r\n'),
      ),
    );
    expect(r.rows.map((x) => [x.sku, x.inWarehouse])).toEqual([
      ['MUG-01', 7],
      ['POT-03', 2],
    ]);
    expect(r.rejected.map((e) => [e.row, e.code])).toEqual([[3, 'import.row.columnCount']]);
    expect(r.rows.length + r.rejected.length).toBe(r.rowCount);
  });
});
