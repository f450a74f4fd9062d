/**
 * Issue 15, point 1 through the customs area: a 9810 head-haul shipment of two SKUs (the stock
 * ledger's booking note) worth at most CNY 5,000 declares one CEB303 W and one CEB603 9810 to the
 * warehouse's country; one worth more gives the CEB303 W and the 报关单 data, no list. Hand-worked:
 * 600 × 4.50 + 100 × 20.00 = CNY 4,700.00; with a 10 % markup 4.95 and 22.00 = CNY 5,170.00.
 */
import { describe, expect, it } from 'vitest';
import type { CustomsDocumentDetail, CustomsDocumentsPage } from '../../../../src-main/api/contract.ts';
import type { HeadHaulLinks, HeadHaulResult } from '../../../../src-main/areas/customs/index.ts';
import { errorOf, headHaulWorkspace, ok } from './customs-fixtures.ts';

const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<ceb:${name}>([^<]*)</ceb:${name}>`, 'g'))].map((m) => m[1]);

describe('customs.headHaul.build (9810)', () => {
  it('≤ CNY 5,000: one CEB303 W (booking note, warehouse) and one CEB603 9810 to the US; built once', async () => {
    const { d } = await headHaulWorkspace();
    const r = await ok<HeadHaulResult>(d, 'customs.headHaul.build', { bookingNoteNo: 'BN20260001' });
    expect(r).toMatchObject({
      route: 'list',
      totalCny: 470000,
      reasons: [],
      documents: { CEB303: 1, CEB603: 1 },
      queued: 2,
      validationErrors: [],
      declarationForms: [],
      dryRun: false,
    });
    const page = await ok<CustomsDocumentsPage>(d, 'customs.documents.list', {});
    const xml = async (type: string) =>
      (await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: page.items.find((i) => i.type === type)!.id }))
        .xml;
    const order = await xml('CEB303');
    expect([
      texts(order, 'orderType'),
      texts(order, 'orderNo'),
      texts(order, 'ebpName'),
      texts(order, 'goodsValue'),
    ]).toEqual([['W'], ['BN20260001'], ['洛杉矶自营仓 LA-1'], ['4700.00000']]);
    const list = await xml('CEB603');
    expect([texts(list, 'tradeMode'), texts(list, 'country')]).toEqual([['9810'], ['502', '502', '502']]);
    expect(await ok<HeadHaulResult>(d, 'customs.headHaul.build', { bookingNoteNo: 'BN20260001' })).toMatchObject({
      alreadyDeclared: true,
      queued: 0,
    });
  });

  it('over CNY 5,000 (10 % markup): the CEB303 W and the 报关单 data, no list', async () => {
    const { d } = await headHaulWorkspace();
    const r = await ok<HeadHaulResult>(d, 'customs.headHaul.build', { bookingNoteNo: 'BN20260001', markupPercent: 10 });
    expect(r).toMatchObject({
      route: 'declarationForm',
      totalCny: 517000,
      reasons: ['overLimit'],
      documents: { CEB303: 1 },
      queued: 1,
    });
    expect(r.declarationForms[0]!.data.head).toMatchObject({
      tradeMode: '9810',
      totalValue: '5170.00',
      arrivalCountry: 'USA',
      attachedDocument: { number: 'BN20260001' },
    });
    expect(r.declarationForms[0]!.data.lines.map((l) => [l.itemNo, l.quantity, l.unitPrice, l.totalPrice])).toEqual([
      ['CUP-1', '600', '4.95', '2970.00'],
      ['LED-1', '100', '22.00', '2200.00'],
    ]);
    expect((await errorOf(d, 'customs.headHaul.build', { bookingNoteNo: 'NOPE' })).code).toBe('stock.shipment.unknown');
  });

  it('links later warehouse sales to the declaration lines (quantity FIFO): sold / unsold per line', async () => {
    const { d, cup, led, la, shipment } = await headHaulWorkspace();
    await ok(d, 'customs.headHaul.build', { bookingNoteNo: 'BN20260001' });
    await ok(d, 'stock.shipments.receive', {
      shipmentId: shipment.id,
      date: '2026-03-30',
      lines: [
        { skuId: cup.id, received: 600 },
        { skuId: led.id, received: 100 },
      ],
    });
    await ok(d, 'stock.moves.post', {
      date: '2026-04-02',
      type: 'sale',
      skuId: cup.id,
      warehouseId: la.id,
      quantity: 250,
      reference: 'AMZ-1',
    });
    await ok(d, 'stock.moves.post', {
      date: '2026-04-03',
      type: 'sale',
      skuId: led.id,
      warehouseId: la.id,
      quantity: 30,
      reference: 'AMZ-2',
    });
    const r = await ok<HeadHaulLinks>(d, 'customs.headHaul.links', {});
    expect(r.links.map((l) => [l.reference, l.shipment, l.gnum, l.quantity])).toEqual([
      ['AMZ-1', 'BN20260001', 1, 250],
      ['AMZ-2', 'BN20260001', 2, 30],
    ]);
    expect(r.lines.map((l) => [l.gnum, l.sku, l.declared, l.sold, l.unsold])).toEqual([
      [1, 'CUP-1', 600, 250, 350],
      [2, 'LED-1', 100, 30, 70],
    ]);
    expect(r.undeclared).toEqual([]);
  });
});
