/**
 * Issue 15, point 1 (9810, 公告2020年第75号), hand-worked: a head-haul shipment to an overseas
 * warehouse is declared as a CEB303 orderType W (orderNo = booking note, ebpName = the warehouse);
 * at most CNY 5,000 and no SKU with 监管条件 or export duty → also a CEB603 9810 to the warehouse's
 * country; otherwise the 报关单 data instead of a list.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCeb303Messages,
  buildCeb603Messages,
  declarationFormData,
  headHaulOrderInput,
  headHaulRoute,
  type HeadHaulShipment,
} from '../../../../src-main/core/customs/index.ts';
import type { Minor } from '../../../../src-main/core/money/minor.ts';
import { COMPANY, context, SETTINGS, SKU, texts } from './ceb-fixtures.ts';

const LED = { ...SKU, itemNo: 'LED-1', goodsName: 'LED灯带', hsCode: '9405409000', unit: '007', legalUnit: '007' };

function shipment(over: Partial<HeadHaulShipment> = {}): HeadHaulShipment {
  return {
    bookingNoteNo: 'BN20260001',
    shipDate: '2026-03-05',
    cartons: 12,
    carrier: 'Matson',
    warehouse: { code: 'US1', name: '洛杉矶自营仓 LA-1', country: 'US' },
    lines: [
      { sku: SKU, quantity: 600, declaredUnitValue: 450 as Minor },
      { sku: LED, quantity: 100, declaredUnitValue: 2000 as Minor },
    ],
    ...over,
  };
}

describe('9810 head-haul shipments (point 1)', () => {
  it('≤ CNY 5,000 without restricted goods: CEB303 W with the booking note and warehouse, and a CEB603 9810 to the warehouse’s country', () => {
    // 600 × 4.50 + 100 × 20.00 = 2,700 + 2,000 = CNY 4,700.00
    const s = shipment();
    expect(headHaulRoute(s)).toEqual({ route: 'list', totalCny: 470000, reasons: [] });
    const input = headHaulOrderInput(s);
    const order = buildCeb303Messages([input], context())[0]!.xml;
    expect(texts(order, 'orderType')).toEqual(['W']);
    expect(texts(order, 'orderNo')).toEqual(['BN20260001']);
    expect(texts(order, 'ebpCode')).toEqual(['无']);
    expect(texts(order, 'ebpName')).toEqual(['洛杉矶自营仓 LA-1']);
    expect(texts(order, 'goodsValue')).toEqual(['4700.00000']);
    expect(texts(order, 'currency')).toEqual(['142', '142', '142']);
    const list = buildCeb603Messages([input], context())[0]!.xml;
    expect(texts(list, 'tradeMode')).toEqual(['9810']);
    expect(texts(list, 'statisticsFlag')).toEqual(['B']);
    expect(texts(list, 'country')).toEqual(['502', '502', '502']);
    expect(texts(list, 'packNo')).toEqual(['12']);
  });

  it('over CNY 5,000, or with licence or duty goods: the 报关单 data, no list', () => {
    expect(headHaulRoute(shipment({ lines: [{ sku: SKU, quantity: 1000, declaredUnitValue: 501 as Minor }] }))).toEqual(
      { route: 'declarationForm', totalCny: 501000, reasons: ['overLimit'] },
    );
    expect(
      headHaulRoute(
        shipment({
          lines: [{ sku: { ...SKU, supervisionConditions: 'B' }, quantity: 1, declaredUnitValue: 100 as Minor }],
        }),
      ).reasons,
    ).toEqual(['supervision']);
    expect(
      headHaulRoute(
        shipment({ lines: [{ sku: { ...SKU, exportDutyRate: '20' }, quantity: 1, declaredUnitValue: 100 as Minor }] }),
      ).reasons,
    ).toEqual(['exportDuty']);
    const form = declarationFormData(
      shipment({ lines: [{ sku: SKU, quantity: 1000, declaredUnitValue: 501 as Minor }] }),
      COMPANY,
      SETTINGS,
    );
    expect(form.head).toMatchObject({
      tradeMode: '9810',
      consignorCode: COMPANY.customsCode,
      exitCustoms: '5314',
      destinationCountry: 'USA',
      arrivalCountry: 'USA',
      packages: 12,
      currency: 'CNY',
      totalValue: '5010.00',
      attachedDocument: { code: '10000004', name: '跨境B2B出口单证', number: 'BN20260001' },
    });
    expect(form.lines).toEqual([
      {
        lineNo: 1,
        itemNo: 'BOX-01',
        hsCode: '3924100000',
        goodsName: '塑料收纳盒',
        gmodel: SKU.gmodel,
        quantity: '1000',
        unit: '007',
        legalQuantity1: '250.000',
        legalUnit1: '035',
        unitPrice: '5.01',
        totalPrice: '5010.00',
        currency: 'CNY',
        origin: 'CHN',
        destination: 'USA',
      },
    ]);
  });
});
