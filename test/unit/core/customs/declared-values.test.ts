/**
 * Issue 15, points 2, 3 and 4 in the builders, against hand-worked examples: the order's own
 * platform (ebpCode/ebpName) on every message, POD per destination, legal quantities converted
 * from the sales unit (any unit), the 1210 account-book item and book numbers, statisticsFlag
 * per list, the declared value after seller promotions and without destination taxes, and the
 * CEB403 charge + non-cash discounts check as an error naming both sums.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCeb303Messages,
  buildCeb403Messages,
  buildCeb603Messages,
  declaredLineValues,
  precheckOrders,
  statisticsFlagFor,
  type PrecheckOrder,
} from '../../../../src-main/core/customs/index.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import { validateSku } from '../../../../src-main/core/stock/sku.ts';
import { COMPANY, context, line, order, SETTINGS, SKU, texts } from './ceb-fixtures.ts';

const ALI = { ebpCode: '3301968SMT', ebpName: '全球速卖通' };

function codeOf(fn: () => unknown): { code: string; params: unknown } {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code: string }).code, params: (e as { params: unknown }).params };
  }
  throw new Error('expected a DomainError');
}

describe('platform per order (point 2)', () => {
  it('every message states the order’s own platform, not the workspace one', () => {
    const o = order({ platform: ALI });
    for (const build of [buildCeb303Messages, buildCeb403Messages, buildCeb603Messages]) {
      const xml = build([o], context())[0]!.xml;
      expect(texts(xml, 'ebpCode')).toEqual(['3301968SMT']);
      expect(texts(xml, 'ebpName')).toEqual(['全球速卖通']);
    }
    expect(texts(buildCeb303Messages([order()], context())[0]!.xml, 'ebpName')).toEqual(['Amazon']);
  });

  it('a foreign platform without a code is 无 plus its name', () => {
    const xml = buildCeb303Messages([order({ platform: { ebpCode: '无', ebpName: 'Temu' } })], context())[0]!.xml;
    expect(texts(xml, 'ebpCode')).toEqual(['无']);
    expect(texts(xml, 'ebpName')).toEqual(['Temu']);
  });
});

describe('POD per destination (point 4)', () => {
  it('defaults to the destination country’s port, not 502 for all', () => {
    const pod = (over: Parameters<typeof order>[0]) =>
      texts(buildCeb603Messages([order(over)], context())[0]!.xml, 'POD');
    expect(pod({ destinationCountry: 'GB' })).toEqual(['303']);
    expect(pod({ destinationCountry: 'DE' })).toEqual(['304']);
    expect(pod({ destinationCountry: 'JP' })).toEqual(['116']);
    expect(pod({ destinationCountry: 'SG' })).toEqual(['132']);
  });

  it('a list or shop port wins over the workspace port per country, which wins over the default', () => {
    const ctx = context({ settings: { ...SETTINGS, podByCountry: { GB: '3303' } } });
    expect(texts(buildCeb603Messages([order({ destinationCountry: 'GB' })], ctx)[0]!.xml, 'POD')).toEqual(['3303']);
    expect(texts(buildCeb603Messages([order({ destinationCountry: 'GB', pod: '3302' })], ctx)[0]!.xml, 'POD')).toEqual([
      '3302',
    ]);
    expect(codeOf(() => buildCeb603Messages([order({ pod: '33' })], context()))).toEqual({
      code: 'customs.field.length',
      params: { field: 'POD', length: '3-4' },
    });
  });
});

describe('legal quantities in any unit (point 4)', () => {
  const set = validateSku({
    itemNo: 'LED-SET',
    goodsName: 'LED灯带',
    gmodel: '1|0|照明用|无品牌|5米',
    hsCode: '9405409000',
    unit: '006',
    legalUnit: '007',
    legalQty1PerUnit: '3',
    secondLegalUnit: '035',
    legalQty2PerUnit: '0.125',
    weightGrams: 400,
  });

  it('qty1/qty2 = quantity × the conversion from the sales unit, exact', () => {
    const xml = buildCeb603Messages([order({ lines: [line({ sku: set, quantity: 3 })] })], context())[0]!.xml;
    expect(texts(xml, 'qty')).toEqual(['3.00000']);
    expect(texts(xml, 'unit1')).toEqual(['007']);
    expect(texts(xml, 'qty1')).toEqual(['9.00000']);
    expect(texts(xml, 'unit2')).toEqual(['035']);
    expect(texts(xml, 'qty2')).toEqual(['0.37500']);
  });

  it('a piece sold with legal unit 个 and no conversion names what is missing', () => {
    const led = validateSku({
      itemNo: 'LED-1',
      goodsName: 'LED灯带',
      gmodel: 'x',
      hsCode: '9405409000',
      unit: '011',
      legalUnit: '007',
      weightGrams: 80,
    });
    expect(codeOf(() => buildCeb603Messages([order({ lines: [line({ sku: led })] })], context()))).toEqual({
      code: 'customs.legalQuantity.missing',
      params: { field: 'qty1', itemNo: 'LED-1', unit: '011', legalUnit: '007' },
    });
    const perPiece = validateSku({
      itemNo: 'LED-1',
      goodsName: 'LED灯带',
      gmodel: 'x',
      hsCode: '9405409000',
      unit: '011',
      legalUnit: '007',
      legalQty1PerUnit: '1',
      weightGrams: 80,
    });
    expect(
      texts(buildCeb603Messages([order({ lines: [line({ sku: perPiece, quantity: 2 })] })], context())[0]!.xml, 'qty1'),
    ).toEqual(['2.00000']);
  });

  it('refuses a malformed conversion on the SKU', () => {
    expect(() =>
      validateSku({
        itemNo: 'X',
        goodsName: 'x',
        gmodel: '',
        hsCode: '9405409000',
        unit: '011',
        legalUnit: '007',
        legalQty1PerUnit: '1.5e3',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'validation.failed',
        fields: expect.objectContaining({ legalQty1PerUnit: 'stock.sku.legalQty.invalid' }),
      }),
    );
    expect(() =>
      validateSku({
        itemNo: 'X',
        goodsName: 'x',
        gmodel: '',
        hsCode: '9405409000',
        unit: '011',
        legalUnit: '007',
        supervisionConditions: 'a!',
      }),
    ).toThrow(
      expect.objectContaining({
        fields: expect.objectContaining({ supervisionConditions: 'stock.sku.supervision.invalid' }),
      }),
    );
  });
});

describe('1210 account book and statisticsFlag (point 4)', () => {
  it('1210 takes the item record number from the SKU and the book number from the bonded warehouse', () => {
    const sku = { ...SKU, itemRecordNo: 'T5314W000123-7' };
    const ctx = context({ settings: { ...SETTINGS, iacCode: '5314960IAC', iacName: '红河综保区' } });
    const xml = buildCeb603Messages(
      [order({ mode: '1210', lines: [line({ sku })], bonded: { emsNo: 'T5314W000123' } })],
      ctx,
    )[0]!.xml;
    expect(texts(xml, 'itemRecordNo')).toEqual(['T5314W000123-7']);
    expect(texts(xml, 'emsNo')).toEqual(['T5314W000123']);
    expect(codeOf(() => buildCeb603Messages([order({ mode: '1210', bonded: { emsNo: 'T1' } })], ctx))).toEqual({
      code: 'customs.field.required',
      params: { field: 'itemRecordNo' },
    });
  });

  it('statisticsFlag per list: the user’s choice for 9610, B for B2B and for goods with licences or export duty', () => {
    const plain = [SKU];
    const licensed = [{ ...SKU, supervisionConditions: 'B' }];
    const dutiable = [{ ...SKU, exportDutyRate: '20' }];
    expect(statisticsFlagFor('9610', null, 'A', plain)).toBe('A');
    expect(statisticsFlagFor('9610', 'B', 'A', plain)).toBe('B');
    expect(statisticsFlagFor('9610', null, 'A', licensed)).toBe('B');
    expect(statisticsFlagFor('9610', null, 'A', dutiable)).toBe('B');
    expect(statisticsFlagFor('9710', 'A', 'A', plain)).toBe('B');
    expect(statisticsFlagFor('9810', null, 'A', plain)).toBe('B');
    expect(codeOf(() => statisticsFlagFor('9610', 'A', 'A', licensed))).toEqual({
      code: 'customs.statisticsFlag.notAllowed',
      params: { mode: '9610', itemNo: 'BOX-01' },
    });
    const xml = buildCeb603Messages([order({ statisticsFlag: 'B' })], context())[0]!.xml;
    expect(texts(xml, 'statisticsFlag')).toEqual(['B']);
  });
});

describe('declared value = transaction price (point 3)', () => {
  it('an 8.99 item sold at 7.19 after a 1.80 promotion is declared at 7.19', () => {
    expect(
      declaredLineValues(
        [{ quantity: 1, lineTotal: 899 as Minor, discount: 180 as Minor, includedTax: 0 as Minor }],
        0 as Minor,
      ),
    ).toEqual([{ total: 719, unitPrice: '7.19000' }]);
  });

  it('takes out VAT included in UK prices (item-tax) and spreads an order discount by value, exact to the cent', () => {
    // two lines: £24.00 incl. £4.00 VAT, £12.00 incl. £2.00 VAT; order voucher £3.00 split 2:1 over the net 20.00 / 10.00
    const r = declaredLineValues(
      [
        { quantity: 2, lineTotal: 2400 as Minor, discount: 0 as Minor, includedTax: 400 as Minor },
        { quantity: 3, lineTotal: 1200 as Minor, discount: 0 as Minor, includedTax: 200 as Minor },
      ],
      300 as Minor,
    );
    expect(r).toEqual([
      { total: 1800, unitPrice: '9.00000' },
      { total: 900, unitPrice: '3.00000' },
    ]);
  });

  it('states a unit price to 5 decimals when the total does not divide in cents, and refuses one that does not divide at all', () => {
    expect(
      declaredLineValues(
        [{ quantity: 2, lineTotal: 1437 as Minor, discount: 0 as Minor, includedTax: 0 as Minor }],
        0 as Minor,
      ),
    ).toEqual([{ total: 1437, unitPrice: '7.18500' }]);
    expect(
      declaredLineValues(
        [{ quantity: 3, lineTotal: 1000 as Minor, discount: 0 as Minor, includedTax: 0 as Minor }],
        0 as Minor,
      ),
    ).toEqual([{ total: 1000, unitPrice: null }]);
  });

  it('CEB403 charge + non-cash discounts must equal goods value + freight: an error naming both sums', () => {
    const pre = (over: Partial<PrecheckOrder>): PrecheckOrder => ({
      orderId: 7,
      orderNo: 'A-1',
      mode: '9610',
      currency: 'USD',
      destinationCountry: 'US',
      logisticsNo: 'SF1',
      exportDate: '2026-03-01',
      lines: [{ skuCode: 'BOX-01', sku: SKU, quantity: 2, unitPrice: 1999 as Minor }],
      freight: 500 as Minor,
      ...over,
    });
    const run = (o: PrecheckOrder) =>
      precheckOrders([o], SETTINGS, COMPANY, { licenceHsPrefixes: [], valueThresholds: [] }).findings.map((f) => [
        f.code,
        f.severity,
        f.params,
      ]);
    expect(run(pre({ charge: 5000 as Minor }))).toEqual([
      [
        'precheck.match.charge',
        'error',
        { paid: '50.00000', declared: '44.98000', charge: '50.00000', nonCash: '0.00000' },
      ],
    ]);
    expect(run(pre({ charge: 4000 as Minor, nonCashDiscount: 498 as Minor }))).toEqual([]);
    expect(run(pre({ charge: 4498 as Minor }))).toEqual([]);
  });
});

describe('corrections go as appType 2 (point 5)', () => {
  it('a document marked as a change states appType 2; others stay 1 (new)', async () => {
    const { buildCeb505Messages } = await import('../../../../src-main/core/customs/index.ts');
    const o = order({ appTypes: { CEB303: '2', CEB603: '2' } });
    expect(texts(buildCeb303Messages([o], context())[0]!.xml, 'appType')).toEqual(['2']);
    expect(texts(buildCeb603Messages([o], context())[0]!.xml, 'appType')).toEqual(['2']);
    expect(texts(buildCeb403Messages([o], context())[0]!.xml, 'appType')).toEqual(['1']);
    expect(texts(buildCeb505Messages([o], context())[0]!.xml, 'appType')).toEqual(['1']);
  });
});
