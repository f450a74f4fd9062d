/**
 * Issue 15, point 8: a park service centre sets up warehouses in bulk from a file (code, name, kind,
 * country, address; Chinese headers and kind names too) — all or nothing, idempotent, with a preview;
 * overseas warehouses need a country, transit warehouses cannot be listed, a code given twice is refused.
 */
import { describe, expect, it, afterEach } from 'vitest';
import type { Warehouse, WarehouseImportResult } from '../../../../src-main/api/contract.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { ok } from '../../../helpers/dispatch.ts';
import { openTestWorkspace } from '../../../helpers/workspace.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const file = (text: string) => ({
  fileName: 'warehouses.csv',
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

describe('stock.warehouses.import', () => {
  it('creates warehouses from Chinese headers and kind names; the same file again changes nothing; a change updates', async () => {
    const t = await openTestWorkspace();
    opened.push(t.ws);
    const d = t.dispatch;
    const csv = [
      '\uFEFF仓库代码,仓库名称,仓库类型,国家,地址',
      'SZ-01,深圳龙华仓,国内仓,CN,深圳市龙华区民治街道 1 号',
      'US-LA1,洛杉矶海外仓,海外仓,US,"1200 E Carson St, Carson, CA"',
      'FBA-US,亚马逊美国 FBA,平台仓,美国,',
    ].join('\r\n');
    const preview = await ok<WarehouseImportResult>(d, 'stock.warehouses.import', { ...file(csv), dryRun: true });
    expect(preview).toMatchObject({ rows: 3, created: 3, rejected: [], dryRun: true });
    expect(await ok<Warehouse[]>(d, 'stock.warehouses.list', {})).toEqual([]);
    expect(await ok<WarehouseImportResult>(d, 'stock.warehouses.import', file(csv))).toMatchObject({
      created: 3,
      dryRun: false,
    });
    const list = await ok<Warehouse[]>(d, 'stock.warehouses.list', {});
    expect(list.map((w) => [w.code, w.kind, w.country])).toEqual([
      ['FBA-US', 'platform', 'US'],
      ['SZ-01', 'domestic', 'CN'],
      ['US-LA1', 'overseasOwn', 'US'],
    ]);
    expect(t.ws.read.prepare("SELECT address FROM warehouses WHERE code = 'US-LA1'").pluck().get()).toBe(
      '1200 E Carson St, Carson, CA',
    );
    expect(await ok<WarehouseImportResult>(d, 'stock.warehouses.import', file(csv))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    const renamed = csv.replace('洛杉矶海外仓', '洛杉矶自营仓');
    expect(await ok<WarehouseImportResult>(d, 'stock.warehouses.import', file(renamed))).toMatchObject({
      updated: 1,
      unchanged: 2,
    });
  });

  it('one bad row saves nothing: unknown kind, overseas without country, transit, a code twice', async () => {
    const t = await openTestWorkspace();
    opened.push(t.ws);
    const csv = [
      'code,name,kind,country,address',
      'SZ-01,Shenzhen,domestic,CN,',
      'X-1,Somewhere,cellar,CN,',
      'US-2,LA public,overseasPublic,,',
      'T-1,On the water,transit,,',
      'SZ-01,Shenzhen again,domestic,CN,',
    ].join('\n');
    const r = await ok<WarehouseImportResult>(t.dispatch, 'stock.warehouses.import', file(csv));
    expect(r.rejected.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'kind', 'stock.row.badWarehouseKind'],
      [4, 'country', 'stock.warehouse.countryRequired'],
      [5, 'kind', 'stock.warehouse.transitFixed'],
      [6, 'code', 'stock.warehouse.duplicate'],
    ]);
    expect(r.dryRun).toBe(true);
    expect(await ok<Warehouse[]>(t.dispatch, 'stock.warehouses.list', {})).toEqual([]);
  });
});
