import { describe, expect, it } from 'vitest';
import { orderTotals, saleExclusion, statusFromPlatform } from '../../../src-main/core/orders/sale-rule.ts';
import type { ColumnMapping } from '../../../src-main/core/orders/order.ts';
import { proposeMapping } from '../../../src-main/imports/header-dictionary.ts';
import { byNo, fixture, parse, utf8 } from './import-test-kit.ts';

const ERP_HEADERS = ['订单号', '订单状态', '下单时间', 'SKU', '商品名称', '数量', '单价', '币种', '运费', '买家国家'];

describe('Chinese ERP export through the generic importer', () => {
  it('auto-detects a GB18030 + CRLF file as generic with a proposed mapping and no mapping given', async () => {
    const r = await parse(fixture('erp-orders-gb18030.csv'));
    expect(r).toMatchObject({
      source: 'generic',
      encoding: 'gb18030',
      delimiter: ',',
      rowCount: 6,
      unmappedRequired: [],
      rejected: [],
    });
    expect(r.headers).toEqual(ERP_HEADERS);
    expect(r.mapping).toEqual({
      orderNo: '订单号',
      orderedAt: '下单时间',
      status: '订单状态',
      sku: 'SKU',
      itemName: '商品名称',
      quantity: '数量',
      unitPrice: '单价',
      lineTotal: null,
      currency: '币种',
      shipping: '运费',
      discount: null,
      tax: null,
      buyerCountry: '买家国家',
      shopName: null,
      fulfilment: null,
      orderTotal: null,
    });
  });

  it('reads Chinese text correctly, including a character outside GBK (𠮷)', async () => {
    const r = await parse(fixture('erp-orders-gb18030.csv'));
    const o = byNo(r, 'ERP20260305001');
    expect(o.lines.map((l) => [l.lineKey, l.sku, l.itemName])).toEqual([
      ['SKU-杯子-01#1', 'SKU-杯子-01', '陶瓷马克杯 350毫升（白色）'],
      ['SKU-勺子#1', 'SKU-勺子', '不锈钢搅拌勺'],
    ]);
    expect(byNo(r, 'ERP20260306003').lines[0]?.itemName).toBe('北欧风台灯, 黄铜色');
    expect(byNo(r, 'ERP20260306004').lines[0]?.itemName).toBe('𠮷祥纯棉茶巾');
  });

  it('counts 运费 repeated on each row of an order once', async () => {
    const o = byNo(await parse(fixture('erp-orders-gb18030.csv')), 'ERP20260305001');
    expect(o).toMatchObject({
      platform: 'erp',
      platformStatus: '已发货',
      currency: 'USD',
      buyerCountry: 'US',
      shipping: 500,
      orderedAt: '2026-03-05T14:02:00.000+08:00',
    });
    expect(o.lines.map((l) => [l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [2, 1250, 2500],
      [1, 320, 320],
    ]);
    expect(orderTotals(o).gross).toBe(2 * 1250 + 320 + 500); // 5.00 freight once, not twice
  });

  it('keeps 已取消 and 未付款 orders with their status for the core to exclude', async () => {
    const r = await parse(fixture('erp-orders-gb18030.csv'));
    const excl = (no: string) => {
      const o = byNo(r, no);
      return saleExclusion(o, statusFromPlatform('erp', o.platformStatus));
    };
    expect(byNo(r, 'ERP20260305002')).toMatchObject({
      platformStatus: '已取消',
      currency: 'GBP',
      buyerCountry: 'GB',
      shipping: 350,
    });
    expect(excl('ERP20260305002')).toBe('cancelled');
    expect(byNo(r, 'ERP20260306003')).toMatchObject({ platformStatus: '未付款', currency: 'EUR', buyerCountry: 'DE' });
    expect(excl('ERP20260306003')).toBe('unpaid');
    expect(excl('ERP20260305001')).toBeNull();
  });

  it('reads yen without decimals, lower-case currency codes and ISO country codes', async () => {
    const r = await parse(fixture('erp-orders-gb18030.csv'));
    expect(byNo(r, 'ERP20260306004')).toMatchObject({
      currency: 'JPY',
      buyerCountry: 'JP',
      orderedAt: '2026-03-06T20:45:30.000+08:00',
    });
    expect(orderTotals(byNo(r, 'ERP20260306004')).gross).toBe(3 * 1980);
    expect(byNo(r, 'ERP20260307005')).toMatchObject({ currency: 'USD', buyerCountry: 'CA', platformStatus: '待发货' });
  });

  it('imports the UTF-8 with BOM copy of the file to exactly the same orders', async () => {
    const bom = await parse(fixture('erp-orders-utf8-bom.csv'));
    const gbk = await parse(fixture('erp-orders-gb18030.csv'));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.headers[0]).toBe('订单号');
    expect(bom.orders).toEqual(gbk.orders);
  });

  it('returns the unmapped required fields, and no orders, when headers are not recognised', async () => {
    const text = '单据编号,日期,货品,件数,价格\nA1,2026-03-05,SKU-1,1,9.90\n';
    const r = await parse(utf8(text), { source: 'generic' });
    expect(r).toMatchObject({ source: 'generic', orders: [], rejected: [] });
    expect(r.unmappedRequired).toEqual(['orderNo', 'orderedAt', 'sku', 'quantity', 'unitPrice', 'currency']);
  });

  it('uses the mapping the user corrected, and the shop currency when the file has none', async () => {
    const text =
      '单据编号,日期,货品,件数,价格,店\nA1,2026-03-05,SKU-1,2,9.90,我的店\nA1,2026-03-05,SKU-2,1,1.00,我的店\n';
    const mapping = {
      ...proposeMapping(['单据编号', '日期', '货品', '件数', '价格', '店']),
      orderNo: '单据编号',
      orderedAt: '日期',
      sku: '货品',
      quantity: '件数',
      unitPrice: '价格',
      shopName: '店',
    };
    const r = await parse(utf8(text), { source: 'auto', mapping, defaultCurrency: 'CNY' });
    expect(r).toMatchObject({ source: 'generic', unmappedRequired: [], rejected: [] });
    expect(r.orders[0]).toMatchObject({
      orderNo: 'A1',
      currency: 'CNY',
      shopName: '我的店',
      platformStatus: 'paid',
      orderedAt: '2026-03-05T00:00:00.000+08:00',
    });
    expect(orderTotals(r.orders[0]!).gross).toBe(2 * 990 + 100);
  });

  it('proposes a mapping from English headers and units in parentheses', () => {
    const m = proposeMapping([
      'Order No.',
      'Order Date',
      'Status',
      'SKU',
      'Product Name',
      'Qty',
      'Unit Price',
      'Line Total',
      'Currency',
      'Shipping (USD)',
      'Discount',
      'Tax',
      'Country',
      'Store',
      'Fulfillment',
    ]);
    expect(m).toEqual({
      orderNo: 'Order No.',
      orderedAt: 'Order Date',
      status: 'Status',
      sku: 'SKU',
      itemName: 'Product Name',
      quantity: 'Qty',
      unitPrice: 'Unit Price',
      lineTotal: 'Line Total',
      currency: 'Currency',
      shipping: 'Shipping (USD)',
      discount: 'Discount',
      tax: 'Tax',
      buyerCountry: 'Country',
      shopName: 'Store',
      fulfilment: 'Fulfillment',
      orderTotal: null,
    });
  });

  it('checks each order against the total the ERP states (订单金额) and warns with both sums when they differ', async () => {
    const text = [
      '订单编号,付款时间,商品编码,数量,单价,货币,运费,优惠,订单金额',
      'C1,2026-03-05 10:00:00,S1,2,10.00,USD,3.00,1.00,25.00', // 20.00 − 1.00 + 3.00 = 22.00, stated 25.00
      'C1,2026-03-05 10:00:00,S2,1,5.00,USD,3.00,1.00,25.00', // + 5.00 = 27.00
      'C2,2026-03-05 11:00:00,S1,1,10.00,USD,0,0,10.00',
    ].join('\n');
    const r = await parse(utf8(text));
    expect(r.mapping?.orderTotal).toBe('订单金额');
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        orderNo: 'C1',
        code: 'import.order.totalMismatch',
        params: expect.objectContaining({ stated: '25.00', computed: '27.00', difference: '-2.00', currency: 'USD' }),
      }),
    ]);
    expect(byNo(r, 'C1').statedTotal).toBe(2500); // kept with the order, never dropped
    expect(r.orders).toHaveLength(2);
  });

  it('reads a mapping saved before the order total existed (no orderTotal key) as "no total column"', async () => {
    const text = '订单号,下单时间,SKU,数量,单价,币种,订单金额\nD1,2026-03-05,S1,1,9.90,USD,99.00\n';
    const { orderTotal: _dropped, ...older } = proposeMapping(['订单号', '下单时间', 'SKU', '数量', '单价', '币种']);
    const r = await parse(utf8(text), { source: 'generic', mapping: older as ColumnMapping });
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(byNo(r, 'D1').statedTotal ?? null).toBeNull();
  });

  it('reads line totals, per-order discount and tax, fulfilment words and Chinese currency names', async () => {
    const text = [
      '订单编号,付款时间,商品编码,品名,数量,单价,小计,货币,运费,优惠,税费,收货国家,店铺,发货方式',
      'B1,2026-03-05 10:00:00,S1,杯,2,10.00,18.00,美元,3.00,1.00,0.50,美国,店A,海外仓',
      'B1,2026-03-05 10:00:00,S2,盘,1,5.00,5.00,美元,3.00,1.00,0.50,美国,店A,海外仓',
      'B2,2026-03-05 11:00:00,S1,杯,1,10.00,10.00,人民币,0,0,0,英国,店A,FBA',
    ].join('\r\n');
    const r = await parse(utf8(text));
    expect(r.rejected).toEqual([]);
    expect(byNo(r, 'B1')).toMatchObject({
      currency: 'USD',
      shipping: 300,
      discount: 100,
      taxOnTop: 50,
      fulfilment: 'overseas',
      shopName: '店A',
    });
    expect(byNo(r, 'B1').lines.map((l) => l.lineTotal)).toEqual([1800, 500]);
    expect(orderTotals(byNo(r, 'B1')).gross).toBe(1800 + 500 - 100 + 300);
    expect(byNo(r, 'B2')).toMatchObject({ currency: 'CNY', buyerCountry: 'GB', fulfilment: 'platform' });
  });

  it('reports progress about every 1000 rows', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `P${i},已发货,2026-03-05 10:00,SKU-${i % 7},1,9.99,USD`);
    const calls: [number, number][] = [];
    const r = await parse(utf8(['订单号,订单状态,下单时间,SKU,数量,单价,币种', ...rows].join('\n')), {
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(r.orders).toHaveLength(2500);
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});
