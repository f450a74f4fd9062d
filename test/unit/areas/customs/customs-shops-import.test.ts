/**
 * Issue 15, point 8: shops with their platform's customs code from a file (shop, platform, site,
 * currency, time_zone, ebp_code, ebp_name; Chinese headers too), all or nothing, idempotent; the
 * shop's orders then declare its platform.
 */
import { describe, expect, it } from 'vitest';
import type { CustomsShop, ShopImportResult } from '../../../../src-main/api/contract.ts';
import { customsWorkspace, ok } from './customs-fixtures.ts';

const file = (text: string) => ({ fileName: 'shops.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') });

describe('customs.shops.import', () => {
  it('creates shops with their customs platform; the same file again changes nothing', async () => {
    const { d } = await customsWorkspace();
    const csv = [
      '店铺,平台,站点,币种,时区,电商平台代码,电商平台名称',
      'Amazon.co.uk,亚马逊,amazon.co.uk,GBP,Europe/London,无,Amazon',
      'Shopee MY,虾皮,shopee.com.my,MYR,Asia/Kuala_Lumpur,,',
      'AE 店,erp,,USD,Asia/Shanghai,3301968SMT,全球速卖通',
    ].join('\n');
    expect(await ok<ShopImportResult>(d, 'customs.shops.import', { ...file(csv), dryRun: true })).toMatchObject({
      created: 3,
      dryRun: true,
    });
    expect(await ok<ShopImportResult>(d, 'customs.shops.import', file(csv))).toMatchObject({
      created: 3,
      dryRun: false,
    });
    const shops = await ok<CustomsShop[]>(d, 'customs.shops.list', {});
    const ae = shops.find((s) => s.name === 'AE 店');
    expect(ae?.declared).toEqual({ ebpCode: '3301968SMT', ebpName: '全球速卖通' });
    expect(await ok<ShopImportResult>(d, 'customs.shops.import', file(csv))).toMatchObject({
      created: 0,
      unchanged: 3,
    });
  });

  it('a bad row saves nothing: unknown platform, bad time zone, bad customs code, code without name', async () => {
    const { d } = await customsWorkspace();
    const csv = [
      'shop,platform,site,currency,time_zone,ebp_code,ebp_name',
      'A,wish,,USD,Asia/Shanghai,,',
      'B,manual,,USD,Mars/Base,,',
      'C,manual,,USD,Asia/Shanghai,abc,Some',
      'D,manual,,USD,Asia/Shanghai,无,',
      'E,manual,,USD,Asia/Shanghai,,',
    ].join('\n');
    const r = await ok<ShopImportResult>(d, 'customs.shops.import', file(csv));
    expect(r.rejected.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'platform', 'shops.row.badPlatform'],
      [3, 'time_zone', 'shops.badTimeZone'],
      [4, 'ebp_code', 'customs.ebpCode.invalid'],
      [5, 'ebp_name', 'shops.row.ebpIncomplete'],
    ]);
    expect(r.dryRun).toBe(true);
    expect((await ok<CustomsShop[]>(d, 'customs.shops.list', {})).map((s) => s.name)).toEqual(['Web shop']);
  });
});
