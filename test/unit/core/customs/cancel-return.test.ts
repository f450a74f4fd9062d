/**
 * Issue 15, point 5 in the core: a list is withdrawn with a CEB605 cancellation (reason required);
 * a customer return (退运) is a CEB213 with tradeMode 9661 (1261 for 1210) against the original
 * invtNo, quantities not above the original (legal quantities in proportion, exact), and only
 * within the return window (exported 2023-01-30…2025-12-31 or 2026-01-01…2027-12-31, returned
 * within 6 months; domain.md §7.4, §11). Every message validates against the 2022 XSD.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCeb213Message,
  buildCeb605Message,
  returnWindowOpen,
  type ReturnApplication,
} from '../../../../src-main/core/customs/index.ts';
import { validateCebMany } from '../../../../src-main/sync/validate-ceb.ts';
import { context, texts } from './ceb-fixtures.ts';

function codeOf(fn: () => unknown): { code: string; params: unknown } {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code: string }).code, params: (e as { params: unknown }).params };
  }
  throw new Error('expected a DomainError');
}

const RETURN: ReturnApplication = {
  coElNo: 'RT-0001',
  returnDate: '2026-05-20',
  reason: '买家退货',
  country: 'US',
  billNo: 'MAWB-1',
  trafMode: '5',
  trafName: 'CA988',
  voyageNo: 'CA988',
  logisticsNo: 'RT-SF0001',
  original: {
    invtNo: '53142026E000000001',
    tradeMode: '9610',
    ieDate: '2026-03-03',
    ebpCode: '无',
    ebpName: 'Amazon',
    logisticsCode: '5314960XYZ',
    logisticsName: '顺丰速运',
    lines: [
      {
        gnum: 1,
        gcode: '3924100000',
        gname: '塑料收纳盒',
        gmodel: '0|0|塑料|无品牌|BOX-01',
        qty: '4.00000',
        qty1: '1.00000',
        unit: '007',
        unit1: '035',
      },
    ],
  },
  lines: [{ gnum: 1, qty: 1 }],
};

describe('CEB605 cancellation and CEB213 return (point 5)', () => {
  it('withdraws a list with its reason; no reason is refused', async () => {
    const m = buildCeb605Message(
      [{ copNo: 'WEB-0001', invtNo: '53142026E000000001', reason: '订单取消，撤回清单' }],
      context(),
    );
    expect(m.type).toBe('CEB605');
    expect(texts(m.xml, 'invtNo')).toEqual(['53142026E000000001']);
    expect(texts(m.xml, 'reason')).toEqual(['订单取消，撤回清单']);
    expect((await validateCebMany([m.xml]))[0]!.errors).toEqual([]);
    expect(
      codeOf(() => buildCeb605Message([{ copNo: 'WEB-0001', invtNo: '53142026E000000001', reason: ' ' }], context())),
    ).toEqual({ code: 'customs.field.required', params: { field: 'reason' } });
  });

  it('a return of 1 of 4 boxes: 9661 against the original invtNo, qty1 in proportion (0.25 kg)', async () => {
    const m = buildCeb213Message([RETURN], context());
    expect(m.type).toBe('CEB213');
    expect(texts(m.xml, 'tradeMode')).toEqual(['9661']);
    expect(texts(m.xml, 'invtNo')).toEqual(['53142026E000000001']);
    expect(texts(m.xml, 'ieFlag')).toEqual(['I']);
    expect(texts(m.xml, 'country')).toEqual(['502']);
    expect(texts(m.xml, 'qty')).toEqual(['1.00000']);
    expect(texts(m.xml, 'qty1')).toEqual(['0.25000']);
    expect((await validateCebMany([m.xml]))[0]!.errors).toEqual([]);
    expect(
      texts(
        buildCeb213Message([{ ...RETURN, original: { ...RETURN.original, tradeMode: '1210' } }], context()).xml,
        'tradeMode',
      ),
    ).toEqual(['1261']);
  });

  it('refuses more than was exported and a return outside the window', () => {
    expect(codeOf(() => buildCeb213Message([{ ...RETURN, lines: [{ gnum: 1, qty: 5 }] }], context()))).toEqual({
      code: 'customs.return.overQuantity',
      params: { invtNo: '53142026E000000001', gnum: 1, qty: '5', original: '4.00000' },
    });
    expect(codeOf(() => buildCeb213Message([{ ...RETURN, returnDate: '2026-09-04' }], context()))).toEqual({
      code: 'customs.return.outsideWindow',
      params: { invtNo: '53142026E000000001', exportDate: '2026-03-03', returnDate: '2026-09-04' },
    });
    expect(returnWindowOpen('2026-03-03', '2026-09-03')).toBe(true);
    expect(returnWindowOpen('2023-01-29', '2023-02-01')).toBe(false);
    expect(returnWindowOpen('2025-12-31', '2026-06-30')).toBe(true);
    expect(returnWindowOpen('2028-01-02', '2028-01-03')).toBe(false);
  });
});
