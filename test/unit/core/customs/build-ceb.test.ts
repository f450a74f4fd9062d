import { describe, expect, it } from 'vitest';
import {
  buildCeb303Messages,
  buildCeb603Messages,
  CEB_GUID_PATTERN,
  countryToCustomsCode,
  formatAppTime,
  orderTypeFor,
} from '../../../../src-main/core/customs/index.ts';
import type { DomainError } from '../../../../src-main/core/domain-error.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import { COMPANY, context, line, order, SETTINGS, SKU, texts } from './ceb-fixtures.ts';

function codeOf(fn: () => unknown): { code: string; params: unknown } {
  try {
    fn();
  } catch (e) {
    return { code: (e as DomainError).code, params: (e as DomainError).params };
  }
  throw new Error('expected a DomainError');
}

describe('CEB303 order builder', () => {
  it('writes a 9610 order with exact decimal strings, numeric codes and orderType E', () => {
    const [m] = buildCeb303Messages([order()], context());
    expect(m!.type).toBe('CEB303');
    const xml = m!.xml;
    expect(xml).toContain('<ceb:CEB303Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"');
    expect(texts(xml, 'orderType')).toEqual(['E']);
    expect(texts(xml, 'price')).toEqual(['19.99000']);
    expect(texts(xml, 'totalPrice')).toEqual(['39.98000']);
    expect(texts(xml, 'goodsValue')).toEqual(['39.98000']);
    expect(texts(xml, 'freight')).toEqual(['0.00000']);
    expect(texts(xml, 'qty')).toEqual(['2.00000']);
    expect(texts(xml, 'currency')).toEqual(['502', '502']);
    expect(texts(xml, 'unit')).toEqual(['007']);
    expect(texts(xml, 'appTime')).toEqual(['20250301100304']);
    expect(texts(xml, 'copCode')).toEqual([COMPANY.customsCode]);
    expect(texts(xml, 'dxpMode')).toEqual(['DXP']);
    expect(texts(xml, 'dxpId')).toEqual(['DXPENT0000012345']);
  });

  it('maps 9710 to B and 9810 to W, and refuses other modes', () => {
    expect(texts(buildCeb303Messages([order({ mode: '9710' })], context())[0]!.xml, 'orderType')).toEqual(['B']);
    expect(texts(buildCeb303Messages([order({ mode: '9810' })], context())[0]!.xml, 'orderType')).toEqual(['W']);
    expect(codeOf(() => orderTypeFor('0110'))).toEqual({
      code: 'customs.code.unknown',
      params: { kind: 'tradeMode', value: '0110' },
    });
  });

  it('uses upper-case 36-character guids from the id source, distinct for message and blocks', () => {
    const [m] = buildCeb303Messages([order(), order({ orderNo: 'B-2' })], context());
    const guids = [...texts(m!.xml, 'guid'), m!.guid];
    expect(new Set(guids).size).toBe(3);
    for (const g of guids) expect(g).toMatch(CEB_GUID_PATTERN);
    expect(m!.xml).toContain(`guid="${m!.guid}" version="1.0"`);
    expect(m!.documents.map((d) => d.orderNo)).toEqual(['111-2223333-4444444', 'B-2']);
    expect(codeOf(() => buildCeb303Messages([order()], context({ newId: () => 'not-a-uuid' }))).code).toBe(
      'customs.guid.invalid',
    );
  });

  it('converts JPY (no minor digits) and large amounts exactly', () => {
    const xml = buildCeb303Messages(
      [order({ currency: 'JPY', lines: [line({ unitPrice: 1234567 as Minor, quantity: 3 })] })],
      context(),
    )[0]!.xml;
    expect(texts(xml, 'price')).toEqual(['1234567.00000']);
    expect(texts(xml, 'totalPrice')).toEqual(['3703701.00000']);
    expect(texts(xml, 'currency')).toEqual(['116', '116']);
  });

  it('refuses a missing dxpId, an empty order number and a currency without a customs code', () => {
    expect(codeOf(() => buildCeb303Messages([order()], context({ company: { ...COMPANY, dxpId: null } })))).toEqual({
      code: 'customs.field.required',
      params: { field: 'dxpId' },
    });
    expect(codeOf(() => buildCeb303Messages([order({ orderNo: '  ' })], context()))).toEqual({
      code: 'customs.field.required',
      params: { field: 'orderNo' },
    });
    expect(codeOf(() => buildCeb303Messages([order({ currency: 'MXN' })], context()))).toEqual({
      code: 'customs.code.unknown',
      params: { kind: 'currency', value: 'MXN' },
    });
    expect(codeOf(() => buildCeb303Messages([order({ lines: [line({ quantity: 0 })] })], context())).code).toBe(
      'customs.quantity.invalid',
    );
  });
});

describe('CEB603 inventory list builder', () => {
  it('writes a 9610 list: country and currency codes, legal quantity in kg, weights, statisticsFlag', () => {
    const [m] = buildCeb603Messages([order()], context());
    const xml = m!.xml;
    expect(texts(xml, 'tradeMode')).toEqual(['9610']);
    expect(texts(xml, 'statisticsFlag')).toEqual(['A']);
    expect(texts(xml, 'country')).toEqual(['502', '502']);
    expect(texts(xml, 'currency')).toEqual(['502']);
    expect(texts(xml, 'unit')).toEqual(['007']);
    expect(texts(xml, 'unit1')).toEqual(['035']);
    expect(texts(xml, 'qty1')).toEqual(['0.50000']);
    expect(texts(xml, 'netWeight')).toEqual(['0.50000']);
    expect(texts(xml, 'gcode')).toEqual(['3924100000']);
    expect(texts(xml, 'price')).toEqual(['19.99000']);
    expect(texts(xml, 'ieDate')).toEqual(['20250301']);
    expect(texts(xml, 'ebcCode')).toEqual([COMPANY.customsCode]);
  });

  it('splits a 150-line order into two lists of 100 and 50 lines with suffixed numbers', () => {
    const lines = Array.from({ length: 150 }, (_, i) => line({ sku: { ...SKU, itemNo: `SKU-${i + 1}` } }));
    const [m] = buildCeb603Messages([order({ lines, freight: 500 as Minor, grossWeightGrams: 80_000 })], context());
    expect(m!.documents.map((d) => [d.orderNo, d.copNo, d.part, d.parts])).toEqual([
      ['111-2223333-4444444-1', '111-2223333-4444444-1', 1, 2],
      ['111-2223333-4444444-2', '111-2223333-4444444-2', 2, 2],
    ]);
    const inventories = m!.xml.split('</ceb:Inventory>').slice(0, 2);
    expect(inventories.map((x) => texts(x, 'gnum').length)).toEqual([100, 50]);
    expect(texts(inventories[1]!, 'gnum')[0]).toBe('1');
    expect(texts(m!.xml, 'freight')).toEqual(['5.00000', '0.00000']);
    // net 150 × 0.5 kg = 75 kg; the 5 kg surplus of the 80 kg gross goes to part 1
    expect(texts(m!.xml, 'netWeight')).toEqual(['50.00000', '25.00000']);
    expect(texts(m!.xml, 'grossWeight')).toEqual(['55.00000', '25.00000']);
    // the order is split the same way
    expect(buildCeb303Messages([order({ lines })], context())[0]!.documents.map((d) => d.orderNo)).toEqual([
      '111-2223333-4444444-1',
      '111-2223333-4444444-2',
    ]);
  });

  it('splits 250 orders into messages of 100, 100 and 50', () => {
    const orders = Array.from({ length: 250 }, (_, i) => order({ orderNo: `O-${i}`, logisticsNo: `L-${i}` }));
    for (const build of [buildCeb303Messages, buildCeb603Messages]) {
      const messages = build(orders, context());
      expect(messages.map((m) => m.documents.length)).toEqual([100, 100, 50]);
      expect(messages.flatMap((m) => m.documents.map((d) => d.orderNo))).toEqual(orders.map((o) => o.orderNo));
    }
  });

  it('rejects a 21-character itemNo, a 9-digit HS code, an unknown country and a gross weight below net', () => {
    const long = { ...SKU, itemNo: 'A'.repeat(21) };
    expect(codeOf(() => buildCeb603Messages([order({ lines: [line({ sku: long })] })], context()))).toEqual({
      code: 'customs.field.tooLong',
      params: { field: 'itemNo', max: 20 },
    });
    // the order allows 30
    expect(() => buildCeb303Messages([order({ lines: [line({ sku: long })] })], context())).not.toThrow();
    expect(
      codeOf(() =>
        buildCeb603Messages([order({ lines: [line({ sku: { ...SKU, hsCode: '392410000' } })] })], context()),
      ),
    ).toEqual({ code: 'customs.hsCode.invalid', params: { itemNo: 'BOX-01', hsCode: '392410000' } });
    expect(codeOf(() => buildCeb603Messages([order({ destinationCountry: 'ZZ' })], context()))).toEqual({
      code: 'customs.code.unknown',
      params: { kind: 'country', value: 'ZZ' },
    });
    expect(codeOf(() => buildCeb603Messages([order({ grossWeightGrams: 100 })], context())).code).toBe(
      'customs.weight.grossBelowNet',
    );
    expect(
      codeOf(() => buildCeb603Messages([order({ lines: [line({ sku: { ...SKU, weightGrams: null } })] })], context())),
    ).toEqual({ code: 'customs.field.required', params: { field: 'netWeight', itemNo: 'BOX-01' } });
  });

  it('needs the special-area fields for 1210, and a legal quantity it cannot derive', () => {
    expect(codeOf(() => buildCeb603Messages([order({ mode: '1210' })], context())).params).toMatchObject({
      field: 'itemRecordNo',
    });
    const bonded = { ...SETTINGS, iacCode: '5314960IAC', iacName: '红河综保区仓储', emsNo: 'T5314W000001' };
    const xml = buildCeb603Messages(
      [order({ mode: '1210', lines: [line({ itemRecordNo: 'R-1' })] })],
      context({ settings: bonded }),
    )[0]!.xml;
    expect(texts(xml, 'emsNo')).toEqual(['T5314W000001']);
    const pairs = { ...SKU, unit: '025', legalUnit: '011' };
    expect(codeOf(() => buildCeb603Messages([order({ lines: [line({ sku: pairs })] })], context()))).toEqual({
      code: 'customs.legalQuantity.missing',
      params: { field: 'qty1', itemNo: 'BOX-01', unit: '025', legalUnit: '011' },
    });
    const given = buildCeb603Messages([order({ lines: [line({ sku: pairs, legalQuantity: '4' })] })], context())[0]!
      .xml;
    expect(texts(given, 'qty1')).toEqual(['4.00000']);
  });
});

describe('code tables and time', () => {
  it('maps countries from domain.md §3.11 and formats appTime in UTC+8', () => {
    expect(countryToCustomsCode('US')).toBe('502');
    expect(countryToCustomsCode('GB')).toBe('303');
    expect(formatAppTime(new Date('2024-12-31T16:00:00Z'))).toBe('20250101000000');
    expect(codeOf(() => formatAppTime(new Date(Number.NaN))).code).toBe('customs.appTime.invalid');
  });
});
