import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCeb303Messages,
  buildCeb603Messages,
  COUNTRY_CUSTOMS_CODES,
  type CebOrderInput,
} from '../../../src-main/core/customs/index.ts';
import type { Minor } from '../../../src-main/core/money/minor.ts';
import { validateCeb, validateCebMany } from '../../../src-main/sync/validate-ceb.ts';
import { context, counterIds, line, order, SETTINGS, SKU } from '../core/customs/ceb-fixtures.ts';
import { tempDir } from '../../helpers/workspace.ts';

const XSD = path.resolve(import.meta.dirname, '../../../resources/ceb/xsd/ceb-export-202205.xsd');
const SYSTEM_XMLLINT = '/usr/bin/xmllint';
const hasSystemXmllint = fs.existsSync(SYSTEM_XMLLINT);

/** Cross-check with the system libxml2 (`xmllint --schema`), as customs tooling would. */
function systemXmllint(xml: string): { code: number | null; err: string } {
  const file = path.join(tempDir('kuajing-ceb-'), 'message.xml');
  fs.writeFileSync(file, xml);
  const r = spawnSync(SYSTEM_XMLLINT, ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
}

describe('validateCeb (xmllint-wasm, official 2022-05 export XSD)', () => {
  it('accepts the CEB303 and CEB603 built for a 9610 order, and so does the system xmllint', async () => {
    const messages = [...buildCeb303Messages([order()], context()), ...buildCeb603Messages([order()], context())];
    for (const m of messages) {
      expect(await validateCeb(m.xml)).toEqual({ valid: true, errors: [] });
      if (hasSystemXmllint) expect(systemXmllint(m.xml)).toMatchObject({ code: 0 });
    }
  });

  it('rejects a list with a 21-character itemNo and a 9-digit gcode, naming the element and line', async () => {
    const xml = buildCeb603Messages([order()], context())[0]!.xml;
    const longItem = xml.replace('<ceb:itemNo>BOX-01<', `<ceb:itemNo>${'A'.repeat(21)}<`);
    const shortHs = xml.replace('<ceb:gcode>3924100000<', '<ceb:gcode>392410000<');
    const [a, b] = await validateCebMany([longItem, shortHs]);
    expect(a!.valid).toBe(false);
    expect(a!.errors).toHaveLength(1);
    expect(a!.errors[0]!.message).toMatch(/Element '\{http:\/\/www\.chinaport\.gov\.cn\/ceb\}itemNo'.*maxLength.*'20'/);
    expect(a!.errors[0]!.line).toBe(xml.split('\n').findIndex((l) => l.includes('<ceb:itemNo>')) + 1);
    expect(b!.valid).toBe(false);
    expect(b!.errors[0]!.message).toMatch(/Element '\{http:\/\/www\.chinaport\.gov\.cn\/ceb\}gcode'.*length/);
    if (hasSystemXmllint) {
      const sys = systemXmllint(longItem);
      expect(sys.code).toBe(3);
      expect(sys.err).toContain('itemNo');
    }
  });

  it('reports a document that is not well-formed, or not a CEB message, as invalid', async () => {
    const [broken, foreign, ok] = await validateCebMany([
      '<a><b></a>',
      '<hello/>',
      buildCeb303Messages([order()], context())[0]!.xml,
    ]);
    expect(broken!.valid).toBe(false);
    expect(broken!.errors[0]!.line).toBe(1);
    expect(foreign!.valid).toBe(false);
    expect(ok!.valid).toBe(true);
  });

  it('validates every message built from random orders (seeded property test)', async () => {
    const seed = Number(process.env.CEB_SEED ?? Date.now() % 2 ** 31);
    console.log(`validate-ceb property seed ${seed} (replay with CEB_SEED=${seed})`);
    const countries = Object.keys(COUNTRY_CUSTOMS_CODES);
    const text = (max: number) =>
      fc
        .string({ unit: fc.constantFrom('a', 'Z', '9', '-', '中', '盒', '&', '<', ' '), minLength: 1, maxLength: max })
        .filter((s) => s.trim().length > 0);
    const lineArb = fc.record({
      itemNo: text(20),
      goodsName: text(250),
      gmodel: text(250),
      hs: fc.stringMatching(/^\d{10}$/),
      unit: fc.constantFrom('007', '011', '025', '035'),
      legalUnit: fc.constantFrom('007', '035', '036'),
      weightGrams: fc.integer({ min: 0, max: 50_000 }),
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unitPrice: fc.integer({ min: 0, max: 1e8 }),
      barcode: fc.option(text(50), { nil: null }),
    });
    const orderArb = fc.record({
      orderNo: text(55),
      mode: fc.constantFrom('9610', '9710', '9810', '1210') as fc.Arbitrary<CebOrderInput['mode']>,
      currency: fc.constantFrom('USD', 'EUR', 'JPY', 'CNY', 'GBP') as fc.Arbitrary<CebOrderInput['currency']>,
      country: fc.constantFrom(...countries),
      freight: fc.integer({ min: 0, max: 1e9 }),
      logisticsNo: text(32),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 130 }),
    });
    const settings = {
      ...SETTINGS,
      iacCode: '5314960IAC',
      iacName: '综保区仓储',
      emsNo: 'T5314W000001',
      statisticsFlag: 'B' as const,
    };
    const orders = fc.sample(fc.array(orderArb, { minLength: 1, maxLength: 120 }), { seed, numRuns: 3 });
    for (const batch of orders) {
      const inputs: CebOrderInput[] = batch.map((o, i) =>
        order({
          orderNo: o.orderNo,
          copNo: `C${i}`,
          mode: o.mode,
          currency: o.currency,
          destinationCountry: o.country,
          freight: o.freight as Minor,
          logisticsNo: o.logisticsNo,
          lines: o.lines.map((l) =>
            line({
              quantity: l.quantity,
              unitPrice: l.unitPrice as Minor,
              itemRecordNo: 'R-1',
              legalQuantity: l.legalUnit === '007' && l.unit !== '007' ? String(l.quantity) : null,
              sku: {
                ...SKU,
                itemNo: l.itemNo,
                goodsName: l.goodsName,
                gmodel: l.gmodel,
                hsCode: l.hs,
                unit: l.unit,
                legalUnit: l.legalUnit,
                weightGrams: l.weightGrams,
                barcode: l.barcode,
              },
            }),
          ),
        }),
      );
      const ctx = context({ settings, newId: counterIds() });
      const messages = [...buildCeb303Messages(inputs, ctx), ...buildCeb603Messages(inputs, ctx)];
      const results = await validateCebMany(messages.map((m) => m.xml));
      const bad = results.findIndex((r) => !r.valid);
      expect(bad === -1 ? null : { seed, errors: results[bad]!.errors }).toBeNull();
    }
  }, 120_000);
});
