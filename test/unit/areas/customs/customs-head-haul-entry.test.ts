/**
 * Issue 15, point 1 (head-haul declarations): the stock file's optional `declared_unit_value`
 * column on transfer rows is the 9810 declared unit value (CNY) of the shipment line — it wins over
 * cost plus markup; on other rows it is refused — and the 报关单 number (entryId) and line numbers the
 * broker gets back are recorded against the shipment, then carried by the sale → declaration links.
 * Hand-worked: 500 cups declared at 3.80 (cost 4.50) + 100 LED at cost 20.00 = 1,900 + 2,000 = CNY 3,900.00.
 */
import { describe, expect, it } from 'vitest';
import type { SkuRecord, StockImportSummary, Warehouse } from '../../../../src-main/api/contract.ts';
import type { HeadHaulEntry, HeadHaulLinks, HeadHaulResult } from '../../../../src-main/api/contract.ts';
import { customsWorkspace, errorOf, ok } from './customs-fixtures.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function setup() {
  const t = await customsWorkspace();
  const { d } = t;
  await ok<SkuRecord>(d, 'stock.skus.save', {
    itemNo: 'LED-1',
    goodsName: 'LED灯带',
    gmodel: '1|0|照明用|无品牌|5米',
    hsCode: '9405409000',
    unit: '007',
    legalUnit: '007',
    weightGrams: 80,
  });
  await ok<Warehouse>(d, 'stock.warehouses.save', { code: 'SZ', name: '深圳仓', kind: 'domestic', country: 'CN' });
  await ok<Warehouse>(d, 'stock.warehouses.save', {
    code: 'US1',
    name: '洛杉矶自营仓 LA-1',
    kind: 'overseasOwn',
    country: 'US',
  });
  const file = (rows: string[]) =>
    b64(
      [
        'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason,declared_unit_value',
        ...rows,
      ].join('\r\n'),
    );
  const importRows = (rows: string[]) =>
    ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'moves.csv',
      contentBase64: file(rows),
      source: 'stock-moves',
    });
  return { ...t, importRows, file };
}

describe('head-haul declared values and the broker’s entryId (issue 15, point 1)', () => {
  it('declared_unit_value on transfer rows is the declared price; cost plus markup only where it is blank', async () => {
    const { d, importRows } = await setup();
    const r = await importRows([
      '2026-03-01,purchase,CUP-1,SZ,,600,4.50,,CNY,INV-1,,',
      '2026-03-01,purchase,LED-1,SZ,,100,20.00,,CNY,INV-2,,',
      '2026-03-05,transfer,CUP-1,SZ,US1,500,,,,BN-V-1,,3.80',
      '2026-03-05,transfer,LED-1,SZ,US1,100,,,,BN-V-1,,',
    ]);
    expect(r.rejected).toEqual([]);
    const h = await ok<HeadHaulResult>(d, 'customs.headHaul.build', { bookingNoteNo: 'BN-V-1', dryRun: true });
    expect([h.route, h.totalCny]).toEqual(['list', 390_000]);
  });

  it('refuses declared_unit_value on a row that is not a transfer', async () => {
    const { d, file } = await setup();
    const r = await ok<StockImportSummary>(d, 'stock.import', {
      fileName: 'moves.csv',
      contentBase64: file(['2026-03-01,purchase,CUP-1,SZ,,600,4.50,,CNY,INV-1,,3.80']),
      source: 'stock-moves',
      dryRun: true,
    });
    expect(r.rejected.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'declared_unit_value', 'stock.row.declaredValueNotTransfer'],
    ]);
  });

  it('records the broker’s entryId and line numbers against a declared shipment; idempotent; another number is refused; links carry them', async () => {
    const { d, importRows } = await setup();
    await importRows([
      '2026-03-01,purchase,CUP-1,SZ,,1000,6.00,,CNY,INV-1,,',
      '2026-03-05,transfer,CUP-1,SZ,US1,1000,,,,BN-E-1,,',
    ]);
    const entry = { bookingNoteNo: 'BN-E-1', entryId: '531420261000012345' };
    expect((await errorOf(d, 'customs.headHaul.recordEntry', entry)).code).toBe('customs.headHaul.notDeclared');
    const h = await ok<HeadHaulResult>(d, 'customs.headHaul.build', { bookingNoteNo: 'BN-E-1' });
    expect(h.route).toBe('declarationForm'); // 1,000 × 6.00 = CNY 6,000 > 5,000
    const r = await ok<HeadHaulEntry>(d, 'customs.headHaul.recordEntry', entry);
    expect(r).toEqual({
      shipment: 'BN-E-1',
      entryId: entry.entryId,
      lines: [{ gnum: 1, gseqno: 1 }],
      unchanged: false,
    });
    expect((await ok<HeadHaulEntry>(d, 'customs.headHaul.recordEntry', entry)).unchanged).toBe(true);
    const conflict = await errorOf(d, 'customs.headHaul.recordEntry', { ...entry, entryId: '531420261000099999' });
    expect([conflict.code, conflict.params]).toEqual([
      'customs.headHaul.entryConflict',
      { shipment: 'BN-E-1', entryId: entry.entryId, given: '531420261000099999' },
    ]);
    expect((await errorOf(d, 'customs.headHaul.recordEntry', { ...entry, lines: [{ gnum: 2, gseqno: 1 }] })).code).toBe(
      'customs.headHaul.badLine',
    );
    const links = await ok<HeadHaulLinks>(d, 'customs.headHaul.links', {});
    expect(links.lines.map((l) => [l.shipment, l.gnum, l.entryId, l.gseqno])).toEqual([
      ['BN-E-1', 1, entry.entryId, 1],
    ]);
  });
});
