/**
 * Point 4 of issue 15: the customs code tables are complete. Oracle: the collected customs
 * parameter tables (copies of shared/ceb/params in test/fixtures/ceb-params, so a clean clone can
 * run this); every entry there must be in ours with the same name. The core's generated module
 * must state exactly what resources/customs-codes/*.csv state.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  countryToCustomsCode,
  countryFromCustomsCode,
  defaultPortFor,
  isKnownCustomsOffice,
  lookupCode,
} from '../../../../src-main/core/customs/index.ts';
import * as generated from '../../../../src-main/core/customs/codes/tables.generated.ts';
import { currencyToCustomsCode } from '../../../../src-main/core/money/index.ts';
import { UNIT_CODES, validateSku } from '../../../../src-main/core/stock/sku.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
type Row = Record<string, string>;
function read(file: string): Row[] {
  return Papa.parse<Row>(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    transform: (v) => v.trim(),
  }).data;
}
const ours = (f: string) => read(path.join(ROOT, 'resources/customs-codes', f));
const collected = (f: string) => read(path.join(ROOT, 'test/fixtures/ceb-params', f));

describe('customs code tables (resources/customs-codes)', () => {
  for (const file of [
    'countries.csv',
    'countries-alpha3.csv',
    'currencies.csv',
    'currencies-alpha3.csv',
    'units.csv',
    'transport-modes.csv',
    'packing-types.csv',
  ]) {
    it(`holds every entry of the collected ${file} with its Chinese name`, () => {
      const mine = new Map(ours(file).map((r) => [r.code, r]));
      const theirs = collected(file);
      expect(theirs.length).toBeGreaterThan(10);
      for (const r of theirs) {
        expect(mine.get(r.code!)?.name, `${file} ${r.code}`).toBe(r.name);
      }
    });
  }

  it('completes what the collected lists lack: MYR, the ISO currencies, 98 packing, customs offices and ports', () => {
    expect(ours('currencies-alpha3.csv').length).toBeGreaterThan(150);
    expect(ours('currencies.csv').find((r) => r.alpha3 === 'MYR')?.code).toBe('122');
    expect(ours('packing-types.csv').find((r) => r.code === '98')?.name).toBe('植物性铺垫材料');
    expect(ours('customs-offices.csv').find((r) => r.code === '5300')?.name).toBe('深圳海关');
    expect(ours('ports.csv').find((r) => r.country === 'GB')?.code).toBe('303');
  });

  it('the generated core module states exactly the CSVs', () => {
    const rows = (f: string, cols: string[]) => ours(f).map((r) => cols.map((c) => r[c] ?? ''));
    expect(generated.COUNTRIES).toEqual(rows('countries.csv', ['code', 'name', 'english_name', 'alpha3', 'iso2']));
    expect(generated.COUNTRIES_ALPHA3).toEqual(
      rows('countries-alpha3.csv', ['code', 'name', 'english_name', 'iso2', 'customs_code']),
    );
    expect(generated.CURRENCIES_OLD).toEqual(rows('currencies.csv', ['code', 'name', 'alpha3']));
    expect(generated.CURRENCIES_ALPHA3).toEqual(rows('currencies-alpha3.csv', ['code', 'name', 'english_name']));
    expect(generated.UNITS).toEqual(rows('units.csv', ['code', 'name']));
    expect(generated.TRANSPORT_MODES).toEqual(rows('transport-modes.csv', ['code', 'name']));
    expect(generated.PACKING_TYPES).toEqual(rows('packing-types.csv', ['code', 'name']));
    expect(generated.CEB_WRAP_TYPES).toEqual(rows('ceb-wrap-types.csv', ['code', 'name']));
    expect(generated.CUSTOMS_OFFICES).toEqual(rows('customs-offices.csv', ['code', 'name']));
    expect(generated.PORTS).toEqual(rows('ports.csv', ['country', 'code', 'name']));
  });
});

describe('code lookups in the core', () => {
  it('maps every destination with an ISO link, Singapore and Malaysia included', () => {
    expect(countryToCustomsCode('SG')).toBe('132');
    expect(countryToCustomsCode('MY')).toBe('122');
    expect(countryToCustomsCode('GB')).toBe('303');
    expect(countryToCustomsCode('AE')).toBe('138');
    expect(countryFromCustomsCode('122')).toBe('MY');
    expect(() => countryToCustomsCode('XX')).toThrow(expect.objectContaining({ code: 'customs.code.unknown' }));
  });

  it('declares MYR and PHP with their customs codes', () => {
    expect(currencyToCustomsCode('MYR')).toBe('122');
    expect(currencyToCustomsCode('PHP')).toBe('129');
  });

  it('knows every unit of the table, e.g. 054 千个 and 044 百片', () => {
    expect(Object.keys(UNIT_CODES)).toHaveLength(123);
    expect(UNIT_CODES['054']).toBe('千个');
    expect(() =>
      validateSku({
        itemNo: 'LED-1',
        goodsName: 'LED灯带',
        gmodel: '',
        hsCode: '9405409000',
        unit: '015',
        legalUnit: '054',
      }),
    ).not.toThrow();
  });

  it('gives each country its default destination port and names codes', () => {
    expect(defaultPortFor('DE')).toBe('304');
    expect(defaultPortFor('JP')).toBe('116');
    expect(defaultPortFor('XX')).toBeNull();
    expect(isKnownCustomsOffice('5301')).toBe(true);
    expect(isKnownCustomsOffice('5999')).toBe(false);
    expect(lookupCode('transportMode', '5')).toBe('航空运输');
    expect(lookupCode('wrapType', '2')).toBe('纸箱');
    expect(lookupCode('unit', '999')).toBeNull();
  });
});
