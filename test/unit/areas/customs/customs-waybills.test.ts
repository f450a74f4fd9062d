/** customs.shipping.import: a carrier's waybill file saved all-or-nothing, then the pre-check passes. */
import { describe, expect, it } from 'vitest';
import type { CustomsPrecheckResult, CustomsShipping, WaybillImportResult } from '../../../../src-main/api/contract.ts';
import { customsWorkspace, ok } from './customs-fixtures.ts';

const file = (csv: string) => ({
  fileName: 'waybills.csv',
  contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
});

describe('customs.shipping.import', () => {
  it('writes nothing when a row is bad or an order unknown, saves all rows otherwise, and the pre-check stops asking for logisticsNo', async () => {
    const { d, ws, order } = await customsWorkspace();
    const a = await order({}, null);
    const b = await order({}, { logisticsNo: null, grossWeightGrams: 800 });
    const commands = () =>
      ws.read.prepare("SELECT count(*) FROM command_log WHERE command = 'customs.shipping.import'").pluck().get();
    const stored = () =>
      ws.read.prepare('SELECT count(*) FROM customs_shipping WHERE logistics_no IS NOT NULL').pluck().get();
    const before = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    expect(before.findings.filter((f) => f.code === 'precheck.logisticsNo.missing').map((f) => f.orderNo)).toEqual([
      a.orderNo,
      b.orderNo,
    ]);

    const header = '订单号,运单号,物流企业名称,出口日期\n';
    const badRow = await ok<WaybillImportResult>(
      d,
      'customs.shipping.import',
      file(`${header}${a.orderNo},SF1,顺丰,2026-03-04\n${b.orderNo},SF2,顺丰,2026-13-01\n`),
    );
    expect(badRow).toMatchObject({ rows: 2, matched: 1, saved: 0, unknownOrders: [] });
    expect(badRow.rejected).toEqual([
      { row: 3, column: '出口日期', code: 'import.row.badDate', params: { column: '出口日期', value: '2026-13-01' } },
    ]);
    const unknown = await ok<WaybillImportResult>(
      d,
      'customs.shipping.import',
      file(`${header}${a.orderNo},SF1,顺丰,2026-03-04\nNOPE-1,SF9,,\n`),
    );
    expect(unknown).toMatchObject({ rows: 2, matched: 1, saved: 0, unknownOrders: ['NOPE-1'], rejected: [] });
    expect([stored(), commands()]).toEqual([0, 0]);

    const good = file(`${header}${a.orderNo},SF1,顺丰,2026-03-04\n${b.orderNo},SF2,,\n`);
    expect(await ok<WaybillImportResult>(d, 'customs.shipping.import', { ...good, dryRun: true })).toMatchObject({
      matched: 2,
      saved: 0,
    });
    expect([stored(), commands()]).toEqual([0, 0]);
    expect(await ok<WaybillImportResult>(d, 'customs.shipping.import', good)).toEqual({
      rows: 2,
      matched: 2,
      saved: 2,
      unchanged: 0,
      unknownOrders: [],
      rejected: [],
    });
    expect([stored(), commands()]).toEqual([2, 1]);
    // issue 14: the same file again changes nothing and says so
    const table = () => ws.read.prepare('SELECT * FROM customs_shipping ORDER BY order_id').all();
    const snapshot = table();
    expect(await ok<WaybillImportResult>(d, 'customs.shipping.import', good)).toEqual({
      rows: 2,
      matched: 2,
      saved: 0,
      unchanged: 2,
      unknownOrders: [],
      rejected: [],
    });
    expect([table(), commands()]).toEqual([snapshot, 1]);
    expect(await ok<CustomsShipping>(d, 'customs.shipping.get', { orderId: a.id })).toMatchObject({
      logisticsNo: 'SF1',
      logisticsName: '顺丰',
      exportDate: '2026-03-04',
    });
    // Blank cells keep what was stored.
    expect(await ok<CustomsShipping>(d, 'customs.shipping.get', { orderId: b.id })).toMatchObject({
      logisticsNo: 'SF2',
      grossWeightGrams: 800,
      exportDate: '2026-03-03',
    });
    const after = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    expect(after.findings.filter((f) => f.code === 'precheck.logisticsNo.missing')).toEqual([]);
  });

  it('saves the valid rows of a file with a bad row only when the user accepts them explicitly (issue 14)', async () => {
    const { d, order } = await customsWorkspace();
    const a = await order({}, null);
    const b = await order({}, null);
    const bad = file(`订单号,运单号,出口日期\n${a.orderNo},SF1,2026-03-04\n${b.orderNo},SF2,2026-13-01\nNOPE-3,SF3,\n`);
    expect(await ok<WaybillImportResult>(d, 'customs.shipping.import', bad)).toMatchObject({
      rows: 3,
      saved: 0,
      unknownOrders: ['NOPE-3'],
    });
    const kept = await ok<WaybillImportResult>(d, 'customs.shipping.import', { ...bad, acceptValidRows: true });
    expect(kept).toMatchObject({ rows: 3, matched: 1, saved: 1, unknownOrders: ['NOPE-3'] });
    expect(kept.rejected.map((r) => [r.row, r.code])).toEqual([[3, 'import.row.badDate']]);
    expect(await ok<CustomsShipping>(d, 'customs.shipping.get', { orderId: a.id })).toMatchObject({
      logisticsNo: 'SF1',
    });
  });

  it('accounts for every row when a cell opens with a quote and a line is malformed', async () => {
    const { d, order } = await customsWorkspace();
    const a = await order({}, null);
    const r = await ok<WaybillImportResult>(
      d,
      'customs.shipping.import',
      file(`订单号,运单号,物流企业名称\n${a.orderNo},SF1,"""顺丰"" 速运"\n${a.orderNo}-X,SF2\n`),
    );
    expect(r.rejected.map((e) => [e.row, e.code])).toEqual([[3, 'import.row.columnCount']]);
    expect(r.matched + r.unknownOrders.length + r.rejected.length).toBe(r.rows);
  });
});
