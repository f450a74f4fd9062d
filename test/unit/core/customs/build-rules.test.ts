/**
 * The shared build rules (build-rules.ts): the pre-check as the build sees it reports a company
 * profile without DXP id once (no order is ready), and builder-only field rules per order —
 * only the orders that break one, found when the types are built for all orders at once.
 */
import { describe, expect, it } from 'vitest';
import { validateCompanyProfile } from '../../../../src-main/core/company/company-profile.ts';
import {
  assertContext,
  contextFindings,
  precheckForBuild,
  type PrecheckOrder,
  type RiskRules,
} from '../../../../src-main/core/customs/index.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import { COMPANY, context, SETTINGS, SKU } from './ceb-fixtures.ts';

const NO_RISK: RiskRules = { licenceHsPrefixes: [], valueThresholds: [] };
const TYPES = ['CEB303', 'CEB603'] as const;

function pre(orderId: number, over: Partial<PrecheckOrder> = {}): PrecheckOrder {
  return {
    orderId,
    orderNo: `A-${orderId}`,
    mode: '9610',
    currency: 'USD',
    destinationCountry: 'US',
    logisticsNo: `SF${orderId}`,
    exportDate: '2026-03-01',
    lines: [{ skuCode: 'BOX-01', sku: SKU, quantity: 2, unitPrice: 1999 as Minor }],
    ...over,
  };
}

describe('shared build rules', () => {
  it('a profile without DXP id is one workspace finding, and the build context refuses it', () => {
    const noDxp = validateCompanyProfile({ ...COMPANY, dxpId: null });
    expect(contextFindings({ company: COMPANY, settings: SETTINGS })).toEqual([]);
    expect(contextFindings({ company: noDxp, settings: SETTINGS }).map((f) => [f.orderId, f.code, f.field])).toEqual([
      [null, 'customs.field.required', 'dxpId'],
    ]);
    expect(() => assertContext({ company: noDxp, settings: SETTINGS })).toThrow(
      expect.objectContaining({ code: 'customs.field.required' }),
    );
    const r = precheckForBuild([pre(1), pre(2)], context({ company: noDxp }), NO_RISK, () => [], TYPES);
    expect(r.ready).toEqual([]);
    expect(r.findings.map((f) => [f.orderId, f.field])).toEqual([[null, 'dxpId']]);
  });

  it('blocks only the orders a builder refuses, naming the field', () => {
    const longName = { ...SKU, goodsName: '杯'.repeat(251) };
    const orders = [
      pre(1),
      pre(2, { lines: [{ skuCode: 'BOX-01', sku: longName, quantity: 1, unitPrice: 500 as Minor }] }),
      pre(3),
    ];
    const r = precheckForBuild(orders, context(), NO_RISK, () => [], TYPES);
    expect(r.ready.map((o) => o.orderId)).toEqual([1, 3]);
    expect(r.findings.map((f) => [f.orderId, f.code, f.field])).toEqual([[2, 'customs.field.tooLong', 'itemName']]);
  });
});
