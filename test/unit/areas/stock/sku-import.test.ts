/**
 * Issue 15, point 8: a SKU customs-data file (as a seller's ERP exports it: UTF-8 with BOM, Chinese
 * or English headers, units as codes or names, weights in kg) creates and updates SKUs by item no,
 * all or nothing; the same file again changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SkuRecord } from '../../../../src-main/api/contract.ts';
import type { SkuImportResult } from '../../../../src-main/areas/stock/contract.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { errorOf, ok } from '../../../helpers/dispatch.ts';
import { openTestWorkspace } from '../../../helpers/workspace.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});
const b64 = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64');

const ENGLISH = [
  'sku,goods_name,hs_code,declaration_elements,unit,legal_unit1,legal_qty1_per_unit,legal_unit2,legal_qty2_per_unit,net_weight_kg,gross_weight_kg,origin_country,barcode,item_record_no,supervision_conditions,export_duty_rate',
  'LED-SET,LED灯带,9405409000,1|0|照明用|无品牌|5米,套,个,3,千克,0.4,0.4,0.45,cn,6901234567892,,,',
  'MUG-01,陶瓷杯,6912001000,0|0|陶瓷|无品牌|MUG-01,007,035,,,,0.35,0.4,CN,,,,0',
].join('\r\n');

describe('stock.skus.import', () => {
  it('creates SKUs with legal quantities from English headers; the same file again is unchanged', async () => {
    const { ws, dispatch: d } = await openTestWorkspace();
    opened.push(ws);
    const r = await ok<SkuImportResult>(d, 'stock.skus.import', { fileName: 'skus.csv', contentBase64: b64(ENGLISH) });
    expect(r).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: [], dryRun: false });
    const skus = await ok<SkuRecord[]>(d, 'stock.skus.list', {});
    expect(
      skus.map((s) => [
        s.itemNo,
        s.unit,
        s.legalUnit,
        s.legalQty1PerUnit,
        s.secondLegalUnit,
        s.legalQty2PerUnit,
        s.weightGrams,
        s.origin,
      ]),
    ).toEqual([
      ['LED-SET', '006', '007', '3', '035', '0.4', 400, 'CN'],
      ['MUG-01', '007', '035', null, null, null, 350, 'CN'],
    ]);
    expect(
      await ok<SkuImportResult>(d, 'stock.skus.import', { fileName: 'skus.csv', contentBase64: b64(ENGLISH) }),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('reads Chinese headers and updates by item no; one bad row saves nothing and names its column', async () => {
    const { ws, dispatch: d } = await openTestWorkspace();
    opened.push(ws);
    await ok(d, 'stock.skus.import', { fileName: 'skus.csv', contentBase64: b64(ENGLISH) });
    const chinese = [
      '商品货号,商品名称,商品编码,申报要素,计量单位,法定第一单位,法定第一数量换算,净重(千克),毛重(千克),监管条件,出口关税税率',
      'MUG-01,陶瓷马克杯,6912001000,0|0|陶瓷|无品牌|MUG-01,个,千克,,0.36,0.4,,',
      'BAT-1,锂电池,850760009,0|0|锂电|无品牌|BAT-1,个,个,,0.12,0.15,A,',
    ].join('\n');
    const bad = await ok<SkuImportResult>(d, 'stock.skus.import', {
      fileName: 'skus.csv',
      contentBase64: b64(chinese),
    });
    expect(bad).toMatchObject({
      rows: 2,
      dryRun: true,
      rejected: [{ row: 3, column: 'hs_code', code: 'stock.sku.hsCode.length' }],
    });
    expect((await ok<SkuRecord[]>(d, 'stock.skus.list', {})).find((s) => s.itemNo === 'MUG-01')?.goodsName).toBe(
      '陶瓷杯',
    );
    const fixed = chinese.replace('850760009', '8507600090');
    expect(
      await ok<SkuImportResult>(d, 'stock.skus.import', { fileName: 'skus.csv', contentBase64: b64(fixed) }),
    ).toMatchObject({ created: 1, updated: 1, rejected: [] });
    const skus = await ok<SkuRecord[]>(d, 'stock.skus.list', {});
    expect(skus.map((s) => [s.itemNo, s.goodsName, s.weightGrams, s.supervisionConditions])).toEqual([
      ['BAT-1', '锂电池', 120, 'A'],
      ['LED-SET', 'LED灯带', 400, null],
      ['MUG-01', '陶瓷马克杯', 360, null],
    ]);
    expect(
      (await errorOf(d, 'stock.skus.import', { fileName: 'x.csv', contentBase64: b64('name,value\nA,1\n') })).code,
    ).toBe('import.file.missingColumns');
  });

  it('keeps the 1210 account-book number (emsNo) per bonded warehouse', async () => {
    const { ws, dispatch: d } = await openTestWorkspace();
    opened.push(ws);
    const w = await ok<{ id: number; emsNo?: string | null }>(d, 'stock.warehouses.save', {
      code: 'BW1',
      name: '综保区仓',
      kind: 'domestic',
      country: 'CN',
      emsNo: 'T5314W000123',
    });
    expect(w.emsNo).toBe('T5314W000123');
    const renamed = await ok<{ emsNo?: string | null; name: string }>(d, 'stock.warehouses.save', {
      id: w.id,
      code: 'BW1',
      name: '综保区一号仓',
      kind: 'domestic',
      country: 'CN',
    });
    expect([renamed.name, renamed.emsNo]).toEqual(['综保区一号仓', 'T5314W000123']);
  });
});
