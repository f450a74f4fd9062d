/**
 * Issue 14 (points 8, 9, 11): a stock file imports whole or not at all, imports once however often
 * it is given, and carries the head-haul shipments its transfers name. Fixtures are written the
 * way a seller fills the downloadable template (English headers, CRLF, optional columns added).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { Shipment, StockImportSummary, StockPosition, Warehouse } from '../../../../src-main/api/contract.ts';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import { errorOf, ok } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const HEADER = 'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason';
const file = (header: string, ...rows: string[]) =>
  Buffer.from([header, ...rows, ''].join('\r\n'), 'utf8').toString('base64');

async function workspace() {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  const d = t.dispatch;
  for (const itemNo of ['MUG-01', 'CUP-02'])
    await ok(d, 'stock.skus.save', {
      itemNo,
      goodsName: itemNo,
      gmodel: '',
      hsCode: '6912001000',
      unit: '007',
      legalUnit: '011',
    });
  await ok<Warehouse>(d, 'stock.warehouses.save', { code: 'SZ', name: '深圳仓', kind: 'domestic', country: 'CN' });
  await ok<Warehouse>(d, 'stock.warehouses.save', {
    code: 'US-OWN',
    name: 'LA 自营海外仓',
    kind: 'overseasOwn',
    country: 'US',
  });
  await ok<Warehouse>(d, 'stock.warehouses.save', { code: 'YW', name: '义乌仓', kind: 'domestic', country: 'CN' });
  return { ...t, d };
}

const importMoves = (d: Dispatch, content: string, extra: Record<string, unknown> = {}) =>
  ok<StockImportSummary>(d, 'stock.import', {
    fileName: 'moves.csv',
    contentBase64: content,
    source: 'stock-moves',
    ...extra,
  });

/** Every row of the stock tables, ids included: a re-import must leave them byte for byte the same. */
function businessTables(ws: Workspace): unknown {
  const tables = [
    'skus',
    'warehouses',
    'stock_moves',
    'stock_layers',
    'stock_move_takes',
    'stock_balances',
    'shipments',
    'shipment_lines',
    'shipment_costs',
  ];
  return Object.fromEntries(tables.map((t) => [t, ws.read.prepare(`SELECT * FROM ${t}`).all()]));
}

const onHand = async (d: Dispatch, asOf = '2026-12-31') =>
  (await ok<{ items: StockPosition[] }>(d, 'stock.onHand', { asOf })).items.map((i) => [
    i.sku,
    i.warehouse,
    i.quantity,
  ]);

describe('stock-moves: idempotent', () => {
  it('re-importing the same file changes nothing: 500 on hand stays 500 and it says the rows were unchanged', async () => {
    const { d, ws } = await workspace();
    const content = file(
      HEADER,
      '2026-03-01,purchase,MUG-01,SZ,,600,12.00,,CNY,PO-2026-031,',
      '2026-03-02,sale,MUG-01,SZ,,100,,,,ORD-1,',
      '2026-03-03,purchase,CUP-02,SZ,,50,5.00,,CNY,PO-2026-032,',
      '2026-03-03,purchase,CUP-02,SZ,,50,5.00,,CNY,PO-2026-032,',
    );
    const first = await importMoves(d, content);
    expect(first).toMatchObject({ rows: 4, posted: 4, unchanged: 0, committed: true, rejected: [] });
    expect(await onHand(d)).toEqual([
      ['CUP-02', 'SZ', 100],
      ['MUG-01', 'SZ', 500],
    ]);
    const before = businessTables(ws);
    const second = await importMoves(d, content);
    expect(second).toMatchObject({ rows: 4, posted: 0, unchanged: 4, rejected: [] });
    expect(await onHand(d)).toEqual([
      ['CUP-02', 'SZ', 100],
      ['MUG-01', 'SZ', 500],
    ]);
    expect(businessTables(ws)).toEqual(before);
  });

  it('an overlapping later export posts only its new rows; two genuine identical rows stay two', async () => {
    const { d } = await workspace();
    const a = file(
      HEADER,
      '2026-03-01,purchase,MUG-01,SZ,,600,12.00,,CNY,PO-1,',
      '2026-03-02,sale,MUG-01,SZ,,1,,,,,',
      '2026-03-02,sale,MUG-01,SZ,,1,,,,,',
    );
    const b = file(
      HEADER,
      '2026-03-02,sale,MUG-01,SZ,,1,,,,,',
      '2026-03-02,sale,MUG-01,SZ,,1,,,,,',
      '2026-03-02,sale,MUG-01,SZ,,1,,,,,',
      '2026-03-04,sale,MUG-01,SZ,,10,,,,,',
    );
    await importMoves(d, a);
    const s = await importMoves(d, b);
    expect(s).toMatchObject({ rows: 4, posted: 2, unchanged: 2 });
    expect(await onHand(d)).toEqual([['MUG-01', 'SZ', 600 - 3 - 10]]);
  });
});

describe('stock-moves: all or nothing', () => {
  const withBadRow = file(
    HEADER,
    '2026-03-01,purchase,MUG-01,SZ,,600,12.00,,CNY,PO-1,',
    '2026-03-02,sale,MUG-01,SZ,,100,,,,,',
    '2026-03-02,sale,NO-SUCH-SKU,SZ,,1,,,,,',
  );

  it('writes nothing when one row is rejected, and lists it with its value', async () => {
    const { d, ws } = await workspace();
    const before = businessTables(ws);
    const s = await importMoves(d, withBadRow);
    expect(s).toMatchObject({ rows: 3, posted: 2, committed: false });
    expect(s.rejected.map((r) => [r.row, r.column, r.code, r.params.sku])).toEqual([
      [4, 'sku', 'stock.sku.unknown', 'NO-SUCH-SKU'],
    ]);
    expect(businessTables(ws)).toEqual(before);
  });

  it('posts the valid rows only when asked to explicitly', async () => {
    const { d } = await workspace();
    const s = await importMoves(d, withBadRow, { acceptValidRows: true });
    expect(s).toMatchObject({ posted: 2, committed: true });
    expect(await onHand(d)).toEqual([['MUG-01', 'SZ', 500]]);
  });
});

describe('stock-moves: files that carry their shipments', () => {
  const SHIP_HEADER = `${HEADER},carrier,cartons,basis,eta`;
  const shipped = file(
    SHIP_HEADER,
    '2026-03-01,purchase,MUG-01,SZ,,500,12.00,,CNY,PO-1,,,,,',
    '2026-03-01,purchase,CUP-02,SZ,,300,5.00,,CNY,PO-2,,,,,',
    '2026-03-05,transfer,MUG-01,SZ,US-OWN,300,,,,SHIP-01,,COSCO,24,value,2026-04-02',
    '2026-03-05,transfer,CUP-02,SZ,US-OWN,200,,,,SHIP-01,,COSCO,24,value,2026-04-02',
    '2026-03-06,landed_cost,,,,,,1000.00,CNY,SHIP-01,freight,,,,',
    '2026-03-07,transfer,MUG-01,SZ,YW,10,,,,TR-88,,,,,',
  );

  it('creates the head-haul shipment, receives it at the destination, and splits its landed cost exact to the fen', async () => {
    const { d } = await workspace();
    const s = await importMoves(d, shipped);
    expect(s).toMatchObject({ rows: 6, posted: 6, committed: true, rejected: [], created: { shipments: 1 } });
    const [ship] = await ok<Shipment[]>(d, 'stock.shipments.list', {});
    expect(ship).toMatchObject({
      bookingNoteNo: 'SHIP-01',
      carrier: 'COSCO',
      cartons: 24,
      shipDate: '2026-03-05',
      eta: '2026-04-02',
      from: 'SZ',
      to: 'US-OWN',
      status: 'received',
      allocationBasis: 'value',
    });
    // by value: 3,600.00 and 1,000.00 dispatched → 782.61 and 217.39 of the 1,000.00 freight
    expect(ship!.lines.map((l) => [l.sku, l.shipped, l.received, l.landedCost])).toEqual([
      ['MUG-01', 300, 300, 78261],
      ['CUP-02', 200, 200, 21739],
    ]);
    const v = await ok<{ items: StockPosition[]; total: { value: number } }>(d, 'stock.valuation', {
      asOf: '2026-03-31',
    });
    expect(v.items.map((i) => [i.sku, i.warehouse, i.quantity, i.value])).toEqual(
      expect.arrayContaining([
        ['MUG-01', 'SZ', 190, 228000],
        ['MUG-01', 'US-OWN', 300, 438261],
        ['CUP-02', 'SZ', 100, 50000],
        ['CUP-02', 'US-OWN', 200, 121739],
        ['MUG-01', 'YW', 10, 12000],
      ]),
    );
    expect(v.total.value).toBe(600000 + 150000 + 100000);
    // the domestic transfer with a reference stays a plain transfer
    expect((await ok<Shipment[]>(d, 'stock.shipments.list', {})).map((x) => x.bookingNoteNo)).toEqual(['SHIP-01']);
  });

  it('leaves the goods in transit when received_date is blank, and receives them on the date written', async () => {
    const { d } = await workspace();
    const h = `${HEADER},received_date`;
    await importMoves(
      d,
      file(
        h,
        '2026-03-01,purchase,MUG-01,SZ,,500,12.00,,CNY,PO-1,,',
        '2026-03-05,transfer,MUG-01,SZ,US-OWN,300,,,,SHIP-02,,',
        '2026-03-05,transfer,MUG-01,SZ,US-OWN,1,,,,SHIP-03,,',
      ),
    );
    const ships = await ok<Shipment[]>(d, 'stock.shipments.list', {});
    expect(ships.map((x) => [x.bookingNoteNo, x.status]).sort()).toEqual([
      ['SHIP-02', 'inTransit'],
      ['SHIP-03', 'inTransit'],
    ]);
    expect(await onHand(d, '2026-03-31')).toEqual(expect.arrayContaining([['MUG-01', 'TRANSIT-SHIP-02', 300]]));
    await importMoves(d, file(h, '2026-03-05,transfer,MUG-01,SZ,US-OWN,1,,,,SHIP-04,,2026-03-20'));
    const four = (await ok<Shipment[]>(d, 'stock.shipments.list', {})).find((x) => x.bookingNoteNo === 'SHIP-04');
    expect(four?.status).toBe('received');
  });

  it('a later export that writes the received date receives the shipment left in transit, once', async () => {
    const { d, ws } = await workspace();
    const h = `${HEADER},received_date`;
    await importMoves(
      d,
      file(
        h,
        '2026-03-01,purchase,MUG-01,SZ,,500,12.00,,CNY,PO-1,,',
        '2026-03-05,transfer,MUG-01,SZ,US-OWN,300,,,,SHIP-05,,',
      ),
    );
    const later = file(
      h,
      '2026-03-01,purchase,MUG-01,SZ,,500,12.00,,CNY,PO-1,,',
      '2026-03-05,transfer,MUG-01,SZ,US-OWN,300,,,,SHIP-05,,2026-04-01',
    );
    const s = await importMoves(d, later);
    expect(s).toMatchObject({ rows: 2, posted: 1, unchanged: 1, rejected: [] });
    const ship = (await ok<Shipment[]>(d, 'stock.shipments.list', {})).find((x) => x.bookingNoteNo === 'SHIP-05');
    expect(ship).toMatchObject({
      status: 'received',
      lines: [expect.objectContaining({ shipped: 300, received: 300 })],
    });
    expect(await onHand(d, '2026-04-30')).toEqual(expect.arrayContaining([['MUG-01', 'US-OWN', 300]]));
    const before = businessTables(ws);
    expect(await importMoves(d, later)).toMatchObject({ posted: 0, unchanged: 2 });
    expect(businessTables(ws)).toEqual(before);
  });

  it('re-importing a file that created a shipment changes nothing', async () => {
    const { d, ws } = await workspace();
    await importMoves(d, shipped);
    const before = businessTables(ws);
    const again = await importMoves(d, shipped);
    expect(again).toMatchObject({ posted: 0, unchanged: 6, rejected: [] });
    expect(businessTables(ws)).toEqual(before);
  });

  it('--create-missing takes warehouse kind and country from the file, and refuses naming the codes when it cannot tell', async () => {
    const { d } = await workspace();
    const h = `${HEADER},warehouse_kind,warehouse_country`;
    const e = await errorOf(d, 'stock.import', {
      fileName: 'm.csv',
      source: 'stock-moves',
      createMissing: true,
      contentBase64: file(
        h,
        '2026-03-01,purchase,MUG-01,HZ,,10,1.00,,CNY,,,,',
        '2026-03-02,transfer,MUG-01,HZ,DE-FBA,5,,,,S-9,,,',
      ),
    });
    expect(e).toMatchObject({ code: 'stock.warehouseKindUnknown', params: { warehouses: 'HZ, DE-FBA' } });
    const s = await importMoves(
      d,
      file(
        h,
        '2026-03-01,purchase,MUG-01,HZ,,10,1.00,,CNY,,,domestic,CN',
        '2026-03-02,transfer,MUG-01,HZ,DE-FBA,5,,,,S-9,,platform,DE',
      ),
      { createMissing: true },
    );
    expect(s).toMatchObject({ committed: true, created: { warehouses: 2, shipments: 1 } });
    const whs = await ok<Warehouse[]>(d, 'stock.warehouses.list', {});
    expect(
      whs
        .filter((w) => ['HZ', 'DE-FBA'].includes(w.code))
        .map((w) => [w.code, w.kind, w.country])
        .sort(),
    ).toEqual([
      ['DE-FBA', 'platform', 'DE'],
      ['HZ', 'domestic', 'CN'],
    ]);
    // the UI asks and passes the answers
    const asked = await importMoves(d, file(HEADER, '2026-03-03,purchase,MUG-01,JP-3PL,,1,1.00,,CNY,,'), {
      createMissing: true,
      warehouseKinds: { 'JP-3PL': { kind: 'overseasPublic', country: 'JP' } },
    });
    expect(asked).toMatchObject({ committed: true, created: { warehouses: 1 } });
  });
});

describe('stock counts and the FBA report: idempotent', () => {
  it('a 3PL count imported twice posts its differences once', async () => {
    const { d, ws } = await workspace();
    await importMoves(d, file(HEADER, '2026-03-01,purchase,MUG-01,US-OWN,,10,1.00,,CNY,,'));
    const count = Buffer.from('SKU,Qty,Warehouse,Date\r\nMUG-01,9,US-OWN,2026-03-10\r\n').toString('base64');
    const first = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: '3pl.csv',
      contentBase64: count,
      source: 'stock-count',
    });
    expect(first).toMatchObject({ posted: 1, unchanged: 0 });
    await importMoves(d, file(HEADER, '2026-03-11,sale,MUG-01,US-OWN,,2,,,,,'));
    const before = businessTables(ws);
    const second = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: '3pl.csv',
      contentBase64: count,
      source: 'stock-count',
    });
    expect(second).toMatchObject({ posted: 0, unchanged: 1 });
    expect(businessTables(ws)).toEqual(before);
    expect(await onHand(d)).toEqual([['MUG-01', 'US-OWN', 7]]);
  });

  it('an FBA inventory report never writes and says each row is unchanged the second time', async () => {
    const { d, ws } = await workspace();
    await ok<Warehouse>(d, 'stock.warehouses.save', { code: 'FBA-US', name: 'FBA', kind: 'platform', country: 'US' });
    const fba = Buffer.from(
      'sku\tfnsku\tasin\tproduct-name\tcondition\tafn-fulfillable-quantity\tafn-warehouse-quantity\r\nMUG-01\tX001\tB001\t"Best" mug\tNew\t3\t3\r\n',
    ).toString('base64');
    const before = businessTables(ws);
    const a = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'fba.txt',
      contentBase64: fba,
      source: 'fba-inventory',
    });
    const b = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'fba.txt',
      contentBase64: fba,
      source: 'fba-inventory',
    });
    expect([a.posted, b.posted, b.unchanged, b.rows]).toEqual([0, 0, 1, 1]);
    expect(businessTables(ws)).toEqual(before);
  });
});

describe('stock-moves: shipment rows that disagree', () => {
  it('rejects the rows of a new shipment whose date or route differs from its first row, naming that row', async () => {
    const { d } = await workspace();
    const s = await importMoves(
      d,
      file(
        HEADER,
        '2026-03-01,purchase,MUG-01,SZ,,500,12.00,,CNY,PO-1,',
        '2026-03-05,transfer,MUG-01,SZ,US-OWN,100,,,,SHIP-07,',
        '2026-03-06,transfer,MUG-01,SZ,US-OWN,100,,,,SHIP-07,',
      ),
    );
    expect(s).toMatchObject({ committed: false });
    expect(s.rejected.map((r) => [r.row, r.column, r.code, r.params])).toEqual([
      [4, 'date', 'stock.shipment.rowsDiffer', { reference: 'SHIP-07', row: 3 }],
    ]);
  });
});
