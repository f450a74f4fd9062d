/** Shared CEB test inputs: a validated company, settings, SKUs, orders and a deterministic id source. */
import { validateCompanyProfile } from '../../../../src-main/core/company/company-profile.ts';
import type {
  CebBuildContext,
  CebLineInput,
  CebOrderInput,
  CebSettings,
} from '../../../../src-main/core/customs/index.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import { validateSku, type Sku } from '../../../../src-main/core/stock/sku.ts';

export const COMPANY = validateCompanyProfile({
  name: '红河边贸电商有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '5314960ABC',
  dxpId: 'DXPENT0000012345',
  pilotZone: 'honghe',
  baseCurrency: 'CNY',
});

export const SETTINGS: CebSettings = {
  ebpCode: '无',
  ebpName: 'Amazon',
  customsCode: '5314',
  portCode: '5314',
  pod: '502',
  trafMode: '5',
  wrapType: '2',
  statisticsFlag: 'A',
  logisticsCode: '5314960XYZ',
  logisticsName: '顺丰速运',
};

export const SKU: Sku = validateSku({
  itemNo: 'BOX-01',
  goodsName: '塑料收纳盒',
  gmodel: '0|0|塑料|无品牌|BOX-01',
  hsCode: '3924100000',
  unit: '007',
  legalUnit: '035',
  barcode: '6901234567892',
  origin: 'CN',
  weightGrams: 250,
});

/** A counter-based UUID source ('00000001-…'), lower case on purpose: the builder upper-cases. */
export function counterIds(prefix = 'abcdef01'): () => string {
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

export function context(overrides: Partial<CebBuildContext> = {}): CebBuildContext {
  return {
    company: COMPANY,
    settings: SETTINGS,
    clock: () => new Date('2025-03-01T02:03:04Z'),
    newId: counterIds(),
    ...overrides,
  };
}

export function line(overrides: Partial<CebLineInput> = {}): CebLineInput {
  return { sku: SKU, quantity: 2, unitPrice: 1999 as Minor, ...overrides };
}

export function order(overrides: Partial<CebOrderInput> = {}): CebOrderInput {
  return {
    orderNo: '111-2223333-4444444',
    mode: '9610',
    currency: 'USD',
    lines: [line()],
    destinationCountry: 'US',
    logisticsNo: 'SF1234567890',
    exportDate: '2025-03-01',
    ...overrides,
  };
}

/** The text of every `<ceb:name>` element, in document order. */
export function texts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<ceb:${name}>([^<]*)</ceb:${name}>`, 'g'))].map((m) => m[1]!);
}
