import { describe, expect, it } from 'vitest';
import {
  documentFacts,
  matchDocuments,
  precheckOrders,
  type DocumentFacts,
  type PrecheckOrder,
  type RiskRules,
} from '../../../../src-main/core/customs/index.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import { COMPANY, order, SETTINGS, SKU } from './ceb-fixtures.ts';

const NO_RISK: RiskRules = { licenceHsPrefixes: [], valueThresholds: [] };

function pre(over: Partial<PrecheckOrder> = {}): PrecheckOrder {
  return {
    orderId: 7,
    orderNo: 'A-1',
    mode: '9610',
    currency: 'USD',
    destinationCountry: 'US',
    logisticsNo: 'SF1',
    exportDate: '2026-03-01',
    lines: [{ skuCode: 'BOX-01', sku: SKU, quantity: 2, unitPrice: 1999 as Minor }],
    ...over,
  };
}

const run = (o: PrecheckOrder, risk = NO_RISK, declared: DocumentFacts[] = []) =>
  precheckOrders([o], SETTINGS, COMPANY, risk, () => declared);
const codes = (o: PrecheckOrder, risk = NO_RISK) => run(o, risk).findings.map((f) => [f.code, f.field, f.severity]);

describe('三单 pre-check', () => {
  it('passes a complete order and hands the builders its input', () => {
    const r = run(pre());
    expect(r.findings).toEqual([]);
    expect(r.ready.map((x) => [x.orderId, x.input.orderNo, x.input.lines.length])).toEqual([[7, 'A-1', 1]]);
  });

  it('names the field to fix for each missing piece', () => {
    expect(codes(pre({ mode: null }))).toEqual([['precheck.mode.missing', 'customsMode', 'error']]);
    expect(codes(pre({ logisticsNo: null }))).toEqual([['precheck.logisticsNo.missing', 'logisticsNo', 'error']]);
    expect(codes(pre({ exportDate: null }))).toEqual([['precheck.exportDate.missing', 'exportDate', 'error']]);
    expect(codes(pre({ destinationCountry: null }))).toEqual([['precheck.country.missing', 'country', 'error']]);
    expect(codes(pre({ destinationCountry: 'ZZ' }))).toEqual([['precheck.country.unknown', 'country', 'error']]);
    expect(codes(pre({ lines: [] }))).toEqual([['precheck.lines.none', 'lines', 'error']]);
    expect(codes(pre({ lines: [{ skuCode: 'X-9', sku: null, quantity: 1, unitPrice: 1 as Minor }] }))).toEqual([
      ['precheck.sku.unmapped', 'sku', 'error'],
    ]);
    expect(
      codes(pre({ lines: [{ skuCode: 'B', sku: { ...SKU, hsCode: '' }, quantity: 1, unitPrice: 1 as Minor }] })),
    ).toEqual([['precheck.sku.hsCode', 'gcode', 'error']]);
    expect(
      codes(pre({ lines: [{ skuCode: 'B', sku: { ...SKU, weightGrams: null }, quantity: 1, unitPrice: 1 as Minor }] })),
    ).toEqual([['precheck.sku.weight', 'sku.weightGrams', 'error']]);
    expect(codes(pre({ lines: [{ skuCode: 'B', sku: SKU, quantity: 0, unitPrice: 1 as Minor }] }))).toEqual([
      ['precheck.line.quantity', 'qty', 'error'],
    ]);
    expect(codes(pre({ lines: [{ skuCode: 'B', sku: SKU, quantity: 3, unitPrice: null }] }))).toEqual([
      ['precheck.line.price', 'price', 'error'],
    ]);
  });

  it('risk list: an HS prefix needing a licence blocks, a value above the ceiling warns', () => {
    const risk: RiskRules = {
      licenceHsPrefixes: [{ prefix: '3924', note: '塑料制品' }],
      valueThresholds: [
        { currency: 'USD', max: '30.00' },
        { currency: 'EUR', max: '1' },
      ],
    };
    const r = run(pre(), risk);
    expect(r.findings.map((f) => [f.code, f.field, f.severity, f.params])).toEqual([
      [
        'precheck.risk.licence',
        'gcode',
        'error',
        { itemNo: 'BOX-01', hsCode: '3924100000', prefix: '3924', note: '塑料制品' },
      ],
    ]);
    expect(r.ready).toEqual([]);
    const v = run(pre(), { ...risk, licenceHsPrefixes: [] });
    expect(v.findings.map((f) => [f.code, f.severity, f.params])).toEqual([
      ['precheck.risk.value', 'warning', { value: '39.98', max: '30.00', currency: 'USD' }],
    ]);
    expect(v.ready).toHaveLength(1);
  });

  it('refuses (issue 15: an error) an amount paid that is not goods value + freight', () => {
    const r = run(pre({ charge: 5000 as Minor, freight: 500 as Minor }));
    expect(r.findings.map((f) => [f.code, f.field, f.severity, f.params])).toEqual([
      [
        'precheck.match.charge',
        'charge',
        'error',
        { paid: '50.00000', declared: '44.98000', charge: '50.00000', nonCash: '0.00000' },
      ],
    ]);
    expect(r.ready).toEqual([]);
    expect(run(pre({ charge: 4498 as Minor, freight: 500 as Minor })).findings).toEqual([]);
  });

  it('compares new documents with ones already declared: waybill number, quantities, HS code', () => {
    const declared = documentFacts(order({ orderNo: 'A-1', logisticsNo: 'SF-OLD' }), SETTINGS, COMPANY).filter(
      (f) => f.type === 'CEB603' || f.type === 'CEB303',
    );
    const r = run(
      pre({
        lines: [{ skuCode: 'BOX-01', sku: { ...SKU, hsCode: '3924900000' }, quantity: 3, unitPrice: 1999 as Minor }],
      }),
      NO_RISK,
      declared,
    );
    expect(r.ready).toEqual([]);
    const found = r.findings.map((f) => [f.code, f.field]);
    expect(found).toContainEqual(['precheck.match.mismatch', 'logisticsNo']);
    expect(found).toContainEqual(['precheck.match.mismatch', 'qty']);
    expect(found).toContainEqual(['precheck.match.mismatch', 'gcode']);
    expect(found).toContainEqual(['precheck.match.mismatch', 'totalPrice']);
  });

  it('matchDocuments: order, payment and list must agree on ebpCode / ebcCode / currency', () => {
    const facts = documentFacts(order(), SETTINGS, COMPANY);
    expect(matchDocuments({ orderId: 1, orderNo: 'x' }, facts)).toEqual([]);
    const payment = facts.find((f) => f.type === 'CEB403')!;
    const bad = matchDocuments({ orderId: 1, orderNo: 'x' }, [
      ...facts.filter((f) => f !== payment),
      { ...payment, ebcCode: 'OTHER', currency: 'EUR' },
    ]);
    expect(bad.map((f) => [f.field, f.params.a, f.params.b])).toEqual([
      ['ebcCode', 'CEB303', 'CEB403'],
      ['currency', 'CEB303', 'CEB403'],
      ['ebcCode', 'CEB603', 'CEB403'],
      ['currency', 'CEB603', 'CEB403'],
      ['currency', 'CEB505', 'CEB403'],
    ]);
  });
});
