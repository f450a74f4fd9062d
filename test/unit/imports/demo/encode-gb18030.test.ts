import { describe, it, expect } from 'vitest';
import {
  COUNTRY_ZH,
  DEMO_ERP_SHOPS,
  DEMO_PRODUCTS,
  INJECTION_NAME,
} from '../../../../src-main/imports/demo/demo-catalog.ts';
import { encodeGb18030 } from '../../../../src-main/imports/demo/encode-gb18030.ts';

const gb = new TextDecoder('gb18030');

describe('encodeGb18030', () => {
  it('encodes known words to their GBK bytes', () => {
    expect(Buffer.from(encodeGb18030('美国')).toString('hex')).toBe('c3c0b9fa');
    expect(Buffer.from(encodeGb18030('订单号,A\r\n')).toString('hex')).toBe('b6a9b5a5bac52c410d0a');
  });

  it('round-trips every text the demo ERP file can hold through TextDecoder("gb18030")', () => {
    const texts = [
      '订单号,订单状态,下单时间,店铺,SKU,商品名称,数量,单价,币种,运费,买家国家',
      '已发货 已完成 待发货 已付款 已取消 未付款',
      ...Object.values(COUNTRY_ZH),
      ...DEMO_ERP_SHOPS.map((s) => s.name),
      INJECTION_NAME,
      ...DEMO_PRODUCTS.flatMap((p) => [p.zh, p.en, `${p.zh} ${p.en}`, `${p.zh}，"爆款"`]),
    ];
    for (const t of texts) expect(gb.decode(encodeGb18030(t))).toBe(t);
  });

  it('round-trips the whole CJK Unified Ideographs block', () => {
    let all = '';
    for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
    expect(gb.decode(encodeGb18030(all))).toBe(all);
  });

  it('refuses characters outside the two-byte area instead of writing garbage', () => {
    expect(() => encodeGb18030('😀')).toThrow(RangeError);
  });
});
