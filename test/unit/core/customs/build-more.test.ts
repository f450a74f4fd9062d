import { describe, expect, it } from 'vitest';
import {
  buildCeb403Messages,
  buildCeb505Messages,
  buildCeb701Message,
} from '../../../../src-main/core/customs/index.ts';
import type { DomainError } from '../../../../src-main/core/domain-error.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import { validateCebMany } from '../../../../src-main/sync/validate-ceb.ts';
import { context, line, order, SETTINGS, SKU, texts } from './ceb-fixtures.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  throw new Error('expected a DomainError');
}

describe('CEB403, CEB505, CEB701 builders', () => {
  const o = order({ freight: 500 as Minor, paidAt: '2025-03-01T01:00:00Z', note: 'A & B <c>' });
  const ctx = context({ settings: { ...SETTINGS, payName: 'Amazon Payments' } });

  it('CEB403: charge = goods value + freight unless given, accountingDate in China time', () => {
    const xml = buildCeb403Messages([o], ctx)[0]!.xml;
    expect(texts(xml, 'charge')).toEqual(['44.98000']);
    expect(texts(xml, 'accountingDate')).toEqual(['20250301090000']);
    expect(texts(xml, 'payName')).toEqual(['Amazon Payments']);
    expect(texts(xml, 'note')).toEqual(['A &amp; B &lt;c&gt;']);
    expect(texts(buildCeb403Messages([{ ...o, charge: 5000 as Minor }], ctx)[0]!.xml, 'charge')).toEqual(['50.00000']);
  });

  it('CEB505: waybill keyed by logisticsNo, gross weight in kg, goods names cut to 200 characters', () => {
    const many = order({
      lines: Array.from({ length: 30 }, (_, i) =>
        line({ sku: { ...SKU, itemNo: `I${i}`, goodsName: `很长的商品名称${i}号` } }),
      ),
    });
    const [m] = buildCeb505Messages([o, many], ctx);
    expect(texts(m!.xml, 'logisticsNo')).toEqual(['SF1234567890', 'SF1234567890']);
    expect(texts(m!.xml, 'grossWeight')[0]).toBe('0.50000');
    expect([...texts(m!.xml, 'goodsInfo')[1]!].length).toBe(200);
  });

  it('CEB701 by list numbers and by period; flags are enums', () => {
    const byList = buildCeb701Message(
      { copNo: 'SUM-1', invtNos: ['53142025E000000001', '53142025E000000002'], summaryFlag: '1', itemNameFlag: '1' },
      ctx,
    );
    expect(texts(byList.xml, 'invtNo')).toHaveLength(2);
    const byPeriod = buildCeb701Message(
      { copNo: 'SUM-2', startDate: '2025-03-01', endDate: '2025-03-31', summaryFlag: '2', itemNameFlag: '0' },
      ctx,
    );
    expect(texts(byPeriod.xml, 'startTime')).toEqual(['20250301000000']);
    expect(texts(byPeriod.xml, 'endTime')).toEqual(['20250331235959']);
    expect(texts(byPeriod.xml, 'invtNo')).toEqual([]);
    expect(codeOf(() => buildCeb701Message({ copNo: 'S', summaryFlag: '1', itemNameFlag: '1' }, ctx))).toBe(
      'customs.summary.empty',
    );
    expect(
      codeOf(() =>
        buildCeb701Message({ copNo: 'S', startDate: '2025-03-01', summaryFlag: '1', itemNameFlag: '1' }, ctx),
      ),
    ).toBe('customs.summary.periodIncomplete');
    expect(
      codeOf(() =>
        buildCeb701Message(
          { copNo: 'S', startDate: '2025-04-01', endDate: '2025-03-01', summaryFlag: '1', itemNameFlag: '1' },
          ctx,
        ),
      ),
    ).toBe('customs.summary.periodReversed');
    expect(
      codeOf(() => buildCeb701Message({ copNo: 'S', invtNos: ['1'], summaryFlag: '3' as '1', itemNameFlag: '1' }, ctx)),
    ).toBe('customs.code.unknown');
  });

  it('every message validates against the XSD; a control character is refused', async () => {
    const xmls = [
      ...buildCeb403Messages([o], ctx),
      ...buildCeb505Messages([o], ctx),
      buildCeb701Message({ copNo: 'SUM-1', invtNos: ['53142025E000000001'], summaryFlag: '1', itemNameFlag: '1' }, ctx),
      buildCeb701Message(
        { copNo: 'SUM-2', startDate: '2025-03-01', endDate: '2025-03-31', summaryFlag: '2', itemNameFlag: '0' },
        ctx,
      ),
    ].map((m) => m.xml);
    expect((await validateCebMany(xmls)).map((r) => r.errors)).toEqual(xmls.map(() => []));
    expect(codeOf(() => buildCeb403Messages([{ ...o, note: 'bell\u0007' }], ctx))).toBe('customs.text.invalid');
  });
});
