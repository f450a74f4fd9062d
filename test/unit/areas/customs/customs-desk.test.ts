/**
 * Issue 15, what the customs screens read and change: a list's corrections (lines as sent, returned
 * so far, the return window, its CEB605 / CEB213 documents) and the head-haul shipments with their
 * declared unit values (typed, or cost plus markup), route and 报关单 file.
 * Hand-worked: order WEB-0001 lists 2 cups exported 2026-03-03 → window to 2026-09-03; 1 returned → 1 left.
 * Head-haul: 600 × 4.50 + 100 × 20.00 = CNY 4,700.00 (list); +10 % → 4.95 / 22.00 = CNY 5,170.00 (报关单);
 * 600 × 4.95 + 100 × 19.00 = CNY 4,870.00 (list again).
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { HeadHaulShipmentView, ListCorrections } from '../../../../src-main/areas/customs/contract.ts';
import { customsWorkspace, errorOf, headHaulWorkspace, ok } from './customs-fixtures.ts';

const INVT = '53142026E000000009';

describe('customs.lists.corrections', () => {
  it('shows the lines as sent, what came back and what may still, the window, and the return documents', async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    await order();
    await ok(d, 'customs.build', {});
    ws.uow.run('t', (tx) => {
      tx.db.prepare(`UPDATE customs_documents SET invt_no = '${INVT}', status = '800' WHERE type = 'CEB603'`).run();
    });
    const before = await ok<ListCorrections>(d, 'customs.lists.corrections', { invtNo: INVT });
    expect(before).toMatchObject({
      invtNo: INVT,
      copNo: 'WEB-0001',
      status: '800',
      exportDate: '2026-03-03',
      returnWindowEnd: '2026-09-03',
      country: 'US',
      canWithdraw: true,
      canReturn: true,
      withdrawal: null,
      returns: [],
    });
    expect(before.lines).toEqual([expect.objectContaining({ gnum: 1, qty: '2', returned: '0', returnable: 2 })]);
    await ok(d, 'customs.returns.apply', {
      invtNo: INVT,
      coElNo: 'RT-0001',
      returnDate: '2026-04-01',
      reason: '买家退货',
      logisticsNo: 'RT-SF0001',
      billNo: 'MAWB-1',
      trafMode: '5',
      trafName: 'CA988',
      voyageNo: 'CA988',
      lines: [{ gnum: 1, qty: 1 }],
    });
    const after = await ok<ListCorrections>(d, 'customs.lists.corrections', { invtNo: INVT });
    expect(after.lines[0]).toMatchObject({ returned: '1', returnable: 1 });
    expect(after.returns).toEqual([expect.objectContaining({ key: 'RT-0001', status: 'queued' })]);
    expect((await errorOf(d, 'customs.lists.corrections', { invtNo: 'NOPE' })).code).toBe(
      'customs.withdrawal.unknownList',
    );
  });
});

describe('customs.headHaul.list / declaredValues.save / formFile', () => {
  it('declared values from cost plus markup or typed decide the route; refused once declared; the 报关单 file', async () => {
    const { d } = await headHaulWorkspace();
    const [first] = await ok<readonly HeadHaulShipmentView[]>(d, 'customs.headHaul.list', {});
    expect(first).toMatchObject({
      bookingNoteNo: 'BN20260001',
      warehouse: { code: 'US1', country: 'US' },
      route: { route: 'list', totalCny: '4700.00', reasons: [] },
      declared: null,
      entry: null,
    });
    expect(first!.lines.map((l) => [l.gnum, l.costUnit, l.declaredUnitValue])).toEqual([
      [1, '4.50', null],
      [2, '20.00', null],
    ]);

    const marked = await ok<HeadHaulShipmentView>(d, 'customs.headHaul.declaredValues.save', {
      bookingNoteNo: 'BN20260001',
      markupPercent: 10,
    });
    expect(marked.lines.map((l) => l.declaredUnitValue)).toEqual(['4.95', '22.00']);
    expect(marked.route).toEqual({ route: 'declarationForm', totalCny: '5170.00', reasons: ['overLimit'] });

    const typed = await ok<HeadHaulShipmentView>(d, 'customs.headHaul.declaredValues.save', {
      bookingNoteNo: 'BN20260001',
      lines: [{ gnum: 2, value: '19.00' }],
    });
    expect(typed.lines.map((l) => l.declaredUnitValue)).toEqual(['4.95', '19.00']);
    expect(typed.route).toMatchObject({ route: 'list', totalCny: '4870.00' });
    expect(
      (
        await errorOf(d, 'customs.headHaul.declaredValues.save', {
          bookingNoteNo: 'BN20260001',
          lines: [{ gnum: 3, value: '1' }],
        })
      ).code,
    ).toBe('customs.headHaul.badLine');

    // back over CNY 5,000: the 报关单 route; the file for the broker carries the declared values
    await ok(d, 'customs.headHaul.declaredValues.save', {
      bookingNoteNo: 'BN20260001',
      lines: [{ gnum: 2, value: '22.00' }],
    });
    const json = await ok<{ fileName: string; contentBase64: string }>(d, 'customs.headHaul.formFile', {
      bookingNoteNo: 'BN20260001',
      format: 'json',
    });
    expect(json.fileName).toBe('declaration-BN20260001.json');
    const data = JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8')) as {
      lines: Array<{ unitPrice: string }>;
    };
    expect(data.lines.map((l) => Number(l.unitPrice))).toEqual([4.95, 22]);
    const xlsx = await ok<{ fileName: string; contentBase64: string }>(d, 'customs.headHaul.formFile', {
      bookingNoteNo: 'BN20260001',
      format: 'xlsx',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表头', '表体']);

    await ok(d, 'customs.headHaul.build', { bookingNoteNo: 'BN20260001' });
    const [declared] = await ok<readonly HeadHaulShipmentView[]>(d, 'customs.headHaul.list', {});
    expect(declared!.declared).toMatchObject({ orderStatus: 'queued', listStatus: null, route: 'declarationForm' });
    expect(
      (await errorOf(d, 'customs.headHaul.declaredValues.save', { bookingNoteNo: 'BN20260001', markupPercent: 0 }))
        .code,
    ).toBe('customs.headHaul.alreadyDeclared');
  });
});
