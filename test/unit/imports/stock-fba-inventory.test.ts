import { describe, expect, it } from 'vitest';
import { stockFileError as fileError, stockFixture as fixture, utf8 } from './import-test-kit.ts';
import { parseFbaInventory } from '../../../src-main/imports/stock-fba-inventory.ts';

describe('FBA Manage Inventory report', () => {
  it('reads the TSV report with fulfillable, unsellable, reserved, inbound and total per SKU', async () => {
    const r = await parseFbaInventory(fixture('fba-inventory-us.txt'));
    expect([r.rowCount, r.rejected]).toEqual([3, []]);
    expect(r.rows).toEqual([
      {
        row: 2,
        sku: 'MUG-350-WH',
        fnsku: 'X001ABCDEF',
        asin: 'B0C1234567',
        fulfillable: 130,
        unsellable: 2,
        reserved: 11,
        inWarehouse: 143,
        inbound: 598,
        total: 741,
      },
      {
        row: 3,
        sku: 'SPOON-SS',
        fnsku: 'X001SPOON1',
        asin: 'B0C7654321',
        fulfillable: 0,
        unsellable: 0,
        reserved: 0,
        inWarehouse: 0,
        inbound: 0,
        total: 0,
      },
      // a merchant-fulfilled listing: blank FBA cells read as 0
      {
        row: 4,
        sku: 'LAMP-BR',
        fnsku: 'X00LAMPBR9',
        asin: 'B0CLAMP999',
        fulfillable: 0,
        unsellable: 0,
        reserved: 0,
        inWarehouse: 0,
        inbound: 0,
        total: 0,
      },
    ]);
  });

  it('tolerates a reduced column set and computes the total from what is there', async () => {
    const r = await parseFbaInventory(
      utf8(
        'seller-sku\tasin\tafn-fulfillable-quantity\tafn-reserved-quantity\tafn-inbound-shipped-quantity\nA-1\tB01\t5\t2\t10\n',
      ),
    );
    expect(r.rows).toEqual([
      {
        row: 2,
        sku: 'A-1',
        fnsku: null,
        asin: 'B01',
        fulfillable: 5,
        unsellable: null,
        reserved: 2,
        inWarehouse: null,
        inbound: 10,
        total: 17,
      },
    ]);
    const onlyTotal = await parseFbaInventory(utf8('sku\tafn-total-quantity\nA-1\t9\n'));
    expect(onlyTotal.rows[0]).toMatchObject({ fulfillable: null, inbound: null, total: 9 });
  });

  it('rejects rows with a bad quantity or no SKU, with row and column', async () => {
    const r = await parseFbaInventory(
      utf8('sku\tafn-fulfillable-quantity\tafn-unsellable-quantity\nA-1\t-1\t0\n\t3\t0\nA-3\t3\tx\nA-4\t1.0\t0\n'),
    );
    expect(r.rejected).toEqual([
      {
        row: 2,
        column: 'afn-fulfillable-quantity',
        code: 'stock.row.badQuantity',
        params: { column: 'afn-fulfillable-quantity', value: '-1' },
      },
      { row: 3, column: 'sku', code: 'stock.row.missingValue', params: { column: 'sku' } },
      {
        row: 4,
        column: 'afn-unsellable-quantity',
        code: 'stock.row.badQuantity',
        params: { column: 'afn-unsellable-quantity', value: 'x' },
      },
    ]);
    expect(r.rows.map((x) => [x.row, x.fulfillable])).toEqual([[5, 1]]);
    expect(r.rowCount).toBe(4);
  });

  it('throws import.file.missingColumns without a SKU or any FBA quantity column', async () => {
    expect(await fileError(parseFbaInventory(utf8('asin\tafn-total-quantity\nB01\t1\n')))).toEqual([
      'import.file.missingColumns',
      { source: 'fba-inventory', columns: 'sku' },
    ]);
    expect(await fileError(parseFbaInventory(utf8('sku\tasin\tmfn-fulfillable-quantity\nA\tB01\t1\n')))).toEqual([
      'import.file.missingColumns',
      { source: 'fba-inventory', columns: 'afn-fulfillable-quantity' },
    ]);
    expect(await fileError(parseFbaInventory(utf8('sku\tafn-total-quantity\n')))).toEqual([
      'import.file.headerOnly',
      { columns: 2 },
    ]);
    expect(await fileError(parseFbaInventory(new Uint8Array(0)))).toEqual(['import.file.empty', {}]);
  });
});
