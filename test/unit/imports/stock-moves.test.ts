import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { stockFileError as fileError, stockFixture as fixture, utf8 } from './import-test-kit.ts';
import { encodeGb18030 } from '../../../src-main/imports/demo/encode-gb18030.ts';
import {
  STOCK_MOVES_TEMPLATE,
  STOCK_MOVES_TEMPLATE_ZH,
  type StockMovesOptions,
  parseStockMoves,
} from '../../../src-main/imports/stock-moves.ts';

const HEADER = 'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason';
const HEADER_ZH = '日期,类型,SKU,仓库,目标仓库,数量,单位成本,金额,币种,单号,原因';
const csv = (...rows: string[]) => utf8([HEADER, ...rows].join('\r\n'));

/** The one RowError of a one-data-row file (row 2). */
async function rowError(row: string, options?: StockMovesOptions) {
  const r = await parseStockMoves(csv(row), options);
  expect(r.rows).toEqual([]);
  expect(r.rejected).toHaveLength(1);
  return r.rejected[0];
}

const err = (column: string, code: string, value?: string) => ({
  row: 2,
  column,
  code,
  params: value === undefined ? { column } : { column, value },
});

describe('stock-moves template, UTF-8', () => {
  it('reads every move type with dates, decimals and currencies as written', async () => {
    const r = await parseStockMoves(fixture('stock-moves-utf8.csv'));
    expect([r.rowCount, r.rejected]).toEqual([10, []]);
    expect(r.rows[0]).toEqual({
      row: 2,
      date: '2026-03-01',
      type: 'purchase',
      sku: 'MUG-350-WH',
      warehouse: 'SZ-01',
      toWarehouse: null,
      quantity: 600,
      unitCost: '12.50',
      unitCostMinor: 1250,
      amount: '7500.00',
      amountMinor: 750000,
      currency: 'CNY',
      reference: 'INV-20260301-01',
      reason: null,
      shipment: null,
      warehouseKind: null,
      warehouseCountry: null,
      naturalKey: expect.stringMatching(/^[0-9a-f]{32}#1$/),
    });
    // 2026/3/2, quoted "1,013.25" kept as written, 人民币 → CNY
    expect(r.rows[1]).toMatchObject({
      row: 3,
      date: '2026-03-02',
      unitCost: '1,013.25',
      unitCostMinor: 101325,
      amount: null,
      amountMinor: null,
      currency: 'CNY',
    });
    // the day as written, not shifted by the offset
    expect(r.rows[2]).toMatchObject({
      row: 4,
      date: '2026-03-05',
      type: 'transfer',
      toWarehouse: 'IN-TRANSIT-BN0001',
      quantity: 600,
      reference: 'BN9810-0001',
      currency: null,
    });
    expect(r.rows[3]).toEqual({
      row: 5,
      date: '2026-03-06',
      type: 'landed_cost',
      sku: null,
      warehouse: null,
      toWarehouse: null,
      quantity: null,
      unitCost: null,
      unitCostMinor: null,
      amount: '3,600.00',
      amountMinor: 360000,
      currency: 'CNY',
      reference: 'BN9810-0001',
      reason: 'head-haul sea freight',
      warehouseKind: null,
      warehouseCountry: null,
      naturalKey: expect.stringMatching(/#1$/),
    });
    expect(r.rows.slice(4, 8).map((m) => [m.row, m.type, m.warehouse, m.quantity, m.reason])).toEqual([
      [6, 'sale', 'FBA-US', 450, null],
      [7, 'return', 'FBA-US', 10, 'customer return'],
      [8, 'count', 'FBA-US', 0, 'stock count'],
      [9, 'writeoff', 'SZ-01', 2, 'damaged in transit'],
    ]);
    expect(r.rows[8]).toMatchObject({ type: 'purchase', unitCost: '0.85', unitCostMinor: 85, currency: 'USD' });
    expect(r.rows[9]).toMatchObject({
      row: 11,
      type: 'landed_cost',
      amount: '120000',
      amountMinor: 120000,
      currency: 'JPY',
    });
  });

  it('parses the downloadable templates cleanly', async () => {
    for (const template of [STOCK_MOVES_TEMPLATE, STOCK_MOVES_TEMPLATE_ZH]) {
      const r = await parseStockMoves(utf8(template));
      expect([r.rowCount, r.rejected]).toEqual([2, []]);
      expect(
        r.rows.map((m) => [m.type, m.sku, m.warehouse, m.toWarehouse, m.quantity, m.unitCostMinor, m.currency]),
      ).toEqual([
        ['purchase', 'MUG-350-WH', 'SZ-01', null, 1000, 1250, 'CNY'],
        ['transfer', 'MUG-350-WH', 'SZ-01', 'FBA-US', 600, null, null],
      ]);
    }
    expect(STOCK_MOVES_TEMPLATE.split('\r\n')[0]).toBe(HEADER);
    expect(STOCK_MOVES_TEMPLATE_ZH.split('\r\n')[0]).toBe(`\uFEFF${HEADER_ZH}`);
  });

  it('reads an XLSX of the template with real date cells and number cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('moves');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      new Date(Date.UTC(2026, 2, 5)),
      'purchase',
      'MUG-350-WH',
      'SZ-01',
      null,
      1000,
      12.5,
      null,
      'CNY',
      'PO-1',
      null,
    ]);
    const r = await parseStockMoves(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.rejected).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      row: 2,
      date: '2026-03-05',
      quantity: 1000,
      unitCost: '12.5',
      unitCostMinor: 1250,
    });
  });
});

describe('stock-moves template, Chinese headers in GB18030', () => {
  it('reads the fixture: Chinese headers, type names, currency names and SKUs', async () => {
    const bytes = fixture('stock-moves-gb18030.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await parseStockMoves(bytes);
    expect([r.rowCount, r.rejected]).toEqual([5, []]);
    expect(
      r.rows.map((m) => [
        m.row,
        m.date,
        m.type,
        m.sku,
        m.warehouse,
        m.toWarehouse,
        m.quantity,
        m.unitCostMinor,
        m.amountMinor,
        m.currency,
        m.reason,
      ]),
    ).toEqual([
      [2, '2026-03-01', 'purchase', '杯子-白-350', '深圳仓', null, 1000, 1250, 1250000, 'CNY', null],
      [3, '2026-03-05', 'transfer', '杯子-白-350', '深圳仓', '头程在途-BN0001', 600, null, null, null, '海运头程'],
      [4, '2026-03-06', 'landed_cost', null, null, null, null, null, 360000, 'CNY', '海运费'],
      [5, '2026-03-31', 'count', '杯子-白-350', '美西海外仓', null, 598, null, null, null, '盘亏2件（破损）'],
      [6, '2026-03-31', 'writeoff', '杯子-白-350', '美西海外仓', null, 2, null, null, null, '运输破损'],
    ]);
  });

  it('names the Chinese header in a row error', async () => {
    const bytes = encodeGb18030([HEADER_ZH, '2026/3/1,销售,杯子,深圳仓,,-3,,,,,'].join('\r\n'));
    const r = await parseStockMoves(bytes);
    expect(r.rejected).toEqual([
      { row: 2, column: '数量', code: 'stock.row.badQuantity', params: { column: '数量', value: '-3' } },
    ]);
  });
});

describe('stock-moves row errors', () => {
  it('stock.row.badType', async () => {
    expect(await rowError('2026-03-01,move,SKU,WH,,1,,,,,')).toEqual(err('type', 'stock.row.badType', 'move'));
    expect(await rowError('2026-03-01,入库,SKU,WH,,1,,,,,')).toEqual(err('type', 'stock.row.badType', '入库'));
  });

  it('stock.row.badDate: not a day, not year-first, not a real date', async () => {
    for (const d of ['tomorrow', '03/05/2026', '2026-02-30', '2026-13-01', '46086']) {
      expect(await rowError(`${d},sale,SKU,WH,,1,,,,,`)).toEqual(err('date', 'stock.row.badDate', d));
    }
  });

  it('stock.row.badQuantity: negative, fractional, text, zero outside counts', async () => {
    for (const q of ['-5', '1.5', 'abc', '0', '1e3']) {
      expect(await rowError(`2026-03-01,sale,SKU,WH,,${q},,,,,`)).toEqual(err('quantity', 'stock.row.badQuantity', q));
    }
    expect(await rowError('2026-03-01,count,SKU,WH,,-1,,,,,')).toEqual(err('quantity', 'stock.row.badQuantity', '-1'));
    expect(await rowError('2026-03-01,landed_cost,,,,-1,,10.00,CNY,BN1,')).toEqual(
      err('quantity', 'stock.row.badQuantity', '-1'),
    );
    const ok = await parseStockMoves(
      csv(
        '2026-03-01,count,SKU,WH,,0,,,,,',
        '2026-03-01,sale,SKU,WH,,12.0,,,,,',
        '2026-03-01,purchase,SKU,WH,,"1,200",1.00,,CNY,,',
      ),
    );
    expect([ok.rejected, ok.rows.map((m) => m.quantity)]).toEqual([[], [0, 12, 1200]]);
  });

  it('stock.row.missingValue for the columns every item move needs', async () => {
    expect(await rowError(',sale,SKU,WH,,1,,,,,')).toEqual(err('date', 'stock.row.missingValue'));
    expect(await rowError('2026-03-01,,SKU,WH,,1,,,,,')).toEqual(err('type', 'stock.row.missingValue'));
    expect(await rowError('2026-03-01,sale,,WH,,1,,,,,')).toEqual(err('sku', 'stock.row.missingValue'));
    expect(await rowError('2026-03-01,sale,SKU,,,1,,,,,')).toEqual(err('warehouse', 'stock.row.missingValue'));
    expect(await rowError('2026-03-01,sale,SKU,WH,,,,,,,')).toEqual(err('quantity', 'stock.row.missingValue'));
  });

  it('stock.row.missingValue for what a type needs', async () => {
    expect(await rowError('2026-03-01,purchase,SKU,WH,,10,,100.00,CNY,INV-1,')).toEqual(
      err('unit_cost', 'stock.row.missingValue'),
    );
    expect(await rowError('2026-03-01,transfer,SKU,WH,,10,,,,BN1,')).toEqual(
      err('to_warehouse', 'stock.row.missingValue'),
    );
    expect(await rowError('2026-03-01,landed_cost,,,,,,,CNY,BN1,')).toEqual(err('amount', 'stock.row.missingValue'));
    expect(await rowError('2026-03-01,landed_cost,,,,,,10.00,CNY,,')).toEqual(
      err('reference', 'stock.row.missingValue'),
    );
    // an amount needs a currency: the row's, or the caller's default
    expect(await rowError('2026-03-01,purchase,SKU,WH,,10,1.00,,,INV-1,')).toEqual(
      err('currency', 'stock.row.missingValue'),
    );
    expect(await rowError('2026-03-01,landed_cost,,,,,,10.00,,BN1,')).toEqual(
      err('currency', 'stock.row.missingValue'),
    );
    const withDefault = await parseStockMoves(
      csv('2026-03-01,purchase,SKU,WH,,10,1.00,,,INV-1,', '2026-03-01,sale,SKU,WH,,1,,,,,'),
      { defaultCurrency: 'CNY' },
    );
    expect(withDefault.rows.map((m) => [m.unitCostMinor, m.currency])).toEqual([
      [100, 'CNY'],
      [null, null],
    ]);
    // writeoff and count need no reason
    const noReason = await parseStockMoves(
      csv('2026-03-01,writeoff,SKU,WH,,1,,,,,', '2026-03-01,count,SKU,WH,,5,,,,,'),
    );
    expect([noReason.rejected, noReason.rows.map((m) => m.reason)]).toEqual([[], [null, null]]);
  });

  it('stock.row.missingValue names the template column when the file leaves it out', async () => {
    const r = await parseStockMoves(
      utf8(
        'date,type,sku,warehouse,quantity\r\n2026-03-01,purchase,SKU,WH,1\r\n2026-03-01,transfer,SKU,WH,1\r\n2026-03-01,sale,SKU,WH,1\r\n',
      ),
    );
    expect(r.rejected).toEqual([
      { row: 2, column: 'unit_cost', code: 'stock.row.missingValue', params: { column: 'unit_cost' } },
      { row: 3, column: 'to_warehouse', code: 'stock.row.missingValue', params: { column: 'to_warehouse' } },
    ]);
    expect(r.rows).toHaveLength(1);
  });

  it('stock.row.sameWarehouse for a transfer to where it already is', async () => {
    expect(await rowError('2026-03-01,transfer,SKU,WH,WH,1,,,,,')).toEqual(
      err('to_warehouse', 'stock.row.sameWarehouse', 'WH'),
    );
  });

  it('stock.row.badAmount: not a decimal, too many decimals for the currency, negative', async () => {
    expect(await rowError('2026-03-01,purchase,SKU,WH,,1,12.505,,CNY,,')).toEqual(
      err('unit_cost', 'stock.row.badAmount', '12.505'),
    );
    expect(await rowError('2026-03-01,purchase,SKU,WH,,1,1.5,,JPY,,')).toEqual(
      err('unit_cost', 'stock.row.badAmount', '1.5'),
    );
    expect(await rowError('2026-03-01,purchase,SKU,WH,,1,-3.00,,CNY,,')).toEqual(
      err('unit_cost', 'stock.row.badAmount', '-3.00'),
    );
    expect(await rowError('2026-03-01,purchase,SKU,WH,,1,1.00,12.3.4,CNY,,')).toEqual(
      err('amount', 'stock.row.badAmount', '12.3.4'),
    );
    expect(await rowError('2026-03-01,landed_cost,,,,,,¥300,CNY,BN1,')).toEqual(
      err('amount', 'stock.row.badAmount', '¥300'),
    );
    const yen = await parseStockMoves(csv('2026-03-01,purchase,SKU,WH,,1,1200.00,,JPY,,'));
    expect(yen.rows[0]).toMatchObject({ unitCost: '1200.00', unitCostMinor: 1200 });
  });

  it('stock.row.badCurrency', async () => {
    expect(await rowError('2026-03-01,purchase,SKU,WH,,1,1.00,,XYZ,,')).toEqual(
      err('currency', 'stock.row.badCurrency', 'XYZ'),
    );
    expect(await rowError('2026-03-01,sale,SKU,WH,,1,,,$,,')).toEqual(err('currency', 'stock.row.badCurrency', '$'));
  });

  it('keeps read errors of readTable and the other rows', async () => {
    const r = await parseStockMoves(csv('2026-03-01,sale,SKU,WH,,1,,,,,', '2026-03-01,sale,SKU,WH,,1', ''));
    expect(r.rows).toHaveLength(1);
    expect(r.rejected).toEqual([
      { row: 3, column: null, code: 'import.row.columnCount', params: { expected: 11, actual: 6 } },
    ]);
    expect(r.rowCount).toBe(2);
  });
});

describe('stock-moves file errors', () => {
  it('throws the import.file.* codes', async () => {
    expect(await fileError(parseStockMoves(new Uint8Array(0)))).toEqual(['import.file.empty', {}]);
    expect(await fileError(parseStockMoves(utf8(`${HEADER}\r\n`)))).toEqual([
      'import.file.headerOnly',
      { columns: 11 },
    ]);
    expect(await fileError(parseStockMoves(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])))).toEqual([
      'import.file.binary',
      {},
    ]);
    expect(await fileError(parseStockMoves(utf8('date,sku,qty\r\n2026-03-01,SKU,1\r\n')))).toEqual([
      'import.file.missingColumns',
      { source: 'stock-moves', columns: 'type, warehouse, quantity' },
    ]);
  });
});

describe('stock-moves shipment columns and natural keys (issue 14, points 8 and 11)', () => {
  const WIDE = `${HEADER},carrier,cartons,basis,eta,received_date,warehouse_kind,warehouse_country`;
  const wide = (...rows: string[]) => utf8([WIDE, ...rows, ''].join('\r\n'));

  it('reads carrier, cartons, basis, eta, received date and the warehouse kind and country of a transfer', async () => {
    const r = await parseStockMoves(
      wide(
        '2026-03-10,transfer,MUG,SZ,US-OWN,600,,,,SHIP-01,,Matson,12,weight,2026-04-01,2026-04-03,海外仓,美国',
        '2026-03-10,transfer,CUP,SZ,US-OWN,100,,,,SHIP-01,,Matson,12,,,,overseasOwn,US',
        '2026-03-01,purchase,MUG,SZ,,600,12.00,,CNY,PO-1,,,,,,,domestic,CN',
      ),
    );
    expect(r.rejected).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      type: 'transfer',
      reference: 'SHIP-01',
      shipment: { carrier: 'Matson', cartons: 12, basis: 'weight', eta: '2026-04-01', receivedDate: '2026-04-03' },
      warehouseKind: 'overseasOwn',
      warehouseCountry: 'US',
    });
    // blank received_date in a file that has the column: the goods stay in transit
    expect(r.rows[1]).toMatchObject({
      shipment: { carrier: 'Matson', cartons: 12, basis: 'value', eta: null, receivedDate: null },
    });
    expect(r.rows[2]).toMatchObject({ warehouseKind: 'domestic', warehouseCountry: 'CN' });
  });

  it('lets goods arrive on the row date when the file has no received_date column', async () => {
    const r = await parseStockMoves(csv('2026-03-10,transfer,MUG,SZ,US-OWN,600,,,,SHIP-01,', ''));
    expect(r.rows[0]).toMatchObject({
      shipment: { carrier: null, cartons: null, basis: 'value', eta: null, receivedDate: '2026-03-10' },
      warehouseKind: null,
      warehouseCountry: null,
    });
  });

  it('rejects an unknown kind, country or basis, and a received date before the row date, naming the value', async () => {
    const r = await parseStockMoves(
      wide(
        '2026-03-10,transfer,MUG,SZ,US,1,,,,S1,,,,,,,moon,US',
        '2026-03-10,transfer,MUG,SZ,US,1,,,,S1,,,,,,,domestic,Atlantis',
        '2026-03-10,transfer,MUG,SZ,US,1,,,,S1,,,,by-colour,,,,',
        '2026-03-10,transfer,MUG,SZ,US,1,,,,S1,,,,,,2026-03-09,,',
        '2026-03-10,transfer,MUG,SZ,US,1,,,,S1,,,-2,,,,,',
      ),
    );
    expect(r.rows).toEqual([]);
    expect(r.rejected.map((e) => [e.row, e.column, e.code, e.params.value])).toEqual([
      [2, 'warehouse_kind', 'stock.row.badWarehouseKind', 'moon'],
      [3, 'warehouse_country', 'stock.row.badCountry', 'Atlantis'],
      [4, 'basis', 'stock.row.badBasis', 'by-colour'],
      [5, 'received_date', 'stock.row.receivedBeforeShipped', '2026-03-09'],
      [6, 'cartons', 'stock.row.badQuantity', '-2'],
    ]);
  });

  it('gives every row a natural key of its fields and its occurrence among identical rows', async () => {
    const row = '2026-03-01,purchase,MUG,SZ,,10,12.00,,CNY,PO-1,';
    const a = await parseStockMoves(
      csv(row, '2026-03-01,purchase,MUG,SZ,,10,12.0,,CNY,PO-1,', '2026-03-02,sale,MUG,SZ,,1,,,,,', row, ''),
    );
    const keys = a.rows.map((r) => r.naturalKey);
    expect(new Set(keys).size).toBe(4);
    // 12.00 and 12.0 are the same amount: rows 2 and 3 are identical, so are rows 2, 3 and 5
    expect(keys[0]!.endsWith('#1')).toBe(true);
    expect(keys[1]!.endsWith('#2')).toBe(true);
    expect(keys[3]!.endsWith('#3')).toBe(true);
    expect(keys[0]!.slice(0, -2)).toBe(keys[1]!.slice(0, -2));
    // a later export holding the same rows in another order gives the same keys
    const b = await parseStockMoves(csv('2026-03-02,sale,MUG,SZ,,1,,,,,', row, row, row, ''));
    expect(new Set(b.rows.map((r) => r.naturalKey))).toEqual(new Set(keys));
  });

  it('accounts for every row when a field opens with a quote and one line is malformed', async () => {
    const r = await parseStockMoves(
      csv(
        '2026-03-01,purchase,MUG,SZ,,10,12.00,,CNY,"PO ""A"", B",',
        '2026-03-01,purchase,MUG,SZ',
        '2026-03-01,sale,MUG,SZ,,1,,,,"""Best"" buyer",',
        '',
      ),
    );
    expect(r.rows.map((x) => x.reference)).toEqual(['PO "A", B', '"Best" buyer']);
    expect(r.rejected.map((e) => e.code)).toEqual(['import.row.columnCount']);
    expect(r.rows.length + r.rejected.length).toBe(r.rowCount);
  });
});
