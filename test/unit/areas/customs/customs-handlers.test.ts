import { describe, expect, it } from 'vitest';
import type {
  CustomsBuildResult,
  CustomsDocumentDetail,
  CustomsDocumentsPage,
  CustomsPrecheckResult,
  CustomsStatusCounts,
  SummaryApplyResult,
} from '../../../../src-main/api/contract.ts';
import { buildReceiptMessage, parseReceipt } from '../../../../src-main/core/customs/index.ts';
import { markMessagesSent, recordReceipts } from '../../../../src-main/areas/customs/customs-store.ts';
import { validateCebMany } from '../../../../src-main/sync/validate-ceb.ts';
import { VALID_PROFILE } from '../../../helpers/workspace.ts';
import { customsWorkspace, errorOf, ok } from './customs-fixtures.ts';

/** The findings about the orders' data: the fixtures export in 2026-03, so the late-declaration warnings (customs-signer-late.test.ts) are left out. */
const dataFindings = <T extends { code: string }>(findings: readonly T[]): T[] =>
  findings.filter((f) => !f.code.startsWith('customs.declaration.'));

describe('customs.build', () => {
  it('builds order, payment, waybill and list per clean order, all XSD-valid, queued once with the six items', async () => {
    const { d, ws, order } = await customsWorkspace();
    await order();
    await order({
      lines: [
        { sku: 'CUP-1', itemName: 'Cup', quantity: 1, unitPrice: '12.50' },
        { sku: 'CUP-1', itemName: 'Cup', quantity: 3, unitPrice: '11.00' },
      ],
    });
    const phases: string[] = [];
    ws.events.subscribe((e) => {
      if (e.name === 'customs.progress') phases.push(e.payload.phase);
    });
    const r = await ok<CustomsBuildResult>(d, 'customs.build', {});
    expect([...new Set(phases)]).toEqual(['precheck', 'build', 'validate', 'store', 'done']);
    expect(r).toMatchObject({
      orders: 2,
      built: 2,
      blocked: 0,
      documents: { CEB303: 2, CEB403: 2, CEB505: 2, CEB603: 2 },
      messages: 4,
      queued: 6,
      dryRun: false,
    });
    expect(r.validationErrors).toEqual([]);
    const outbox = ws.read
      .prepare('SELECT kind, idempotency_key AS key, payload FROM outbox WHERE kind IN (?, ?) ORDER BY id')
      .all('ceb.message', 'tax.sixItems') as Array<{ kind: string; key: string; payload: string }>;
    expect(outbox.map((o) => o.key)).toEqual([
      'ceb:CEB303:WEB-0001:1',
      'ceb:CEB403:WEB-0001:1',
      'ceb:CEB505:SF0000000001:1',
      'ceb:CEB603:WEB-0001:1',
      'tax.sixItems:WEB-0001',
      'tax.sixItems:WEB-0002',
    ]);
    const payloads = outbox.map((o) => JSON.parse(o.payload));
    expect(payloads[0]).toMatchObject({ messageType: 'CEB303', documents: ['WEB-0001', 'WEB-0002'] });
    expect((await validateCebMany(payloads.slice(0, 4).map((p) => p.xml))).every((v) => v.valid)).toBe(true);
    expect(payloads[5]).toEqual({
      orderNo: 'WEB-0002',
      exportDate: '2026-03-03',
      currency: 'USD',
      items: [
        { goodsName: '陶瓷杯', unit: '007', quantity: '1', unitPrice: '12.50', amount: '12.50' },
        { goodsName: '陶瓷杯', unit: '007', quantity: '3', unitPrice: '11.00', amount: '33.00' },
      ],
    });
    // Nothing new to build: the documents stand, and no key is queued twice.
    const again = await ok<CustomsBuildResult>(d, 'customs.build', {});
    expect(again).toMatchObject({ orders: 0, built: 0, queued: 0 });
    const byIds = await ok<CustomsBuildResult>(d, 'customs.build', { orderIds: [1, 2] });
    expect(byIds).toMatchObject({ orders: 2, built: 0, messages: 0, queued: 0 });
    const page = await ok<CustomsDocumentsPage>(d, 'customs.documents.list', { type: 'CEB603' });
    expect(page.items.map((i) => [i.businessKey, i.status, i.revision])).toEqual([
      ['WEB-0002', 'queued', 1],
      ['WEB-0001', 'queued', 1],
    ]);
  });

  it('refuses to queue an order with findings and says which field to fix; dryRun stores nothing', async () => {
    const { d, ws, order, battery } = await customsWorkspace();
    await ok(d, 'customs.riskList.save', {
      licenceHsPrefixes: [{ prefix: '8507', note: '锂电池' }],
      valueThresholds: [{ currency: 'USD', max: '100.00' }],
    });
    await order();
    await order({}, { logisticsNo: null });
    await order({ lines: [{ sku: battery.itemNo, itemName: 'Battery', quantity: 1, unitPrice: '9.00' }] });
    await order({ lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 10, unitPrice: '12.50' }] });
    await order({ lines: [{ sku: 'NOPE', itemName: 'Unknown', quantity: 1, unitPrice: '1.00' }] });
    const pre = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    expect(pre.orders).toBe(5);
    expect(dataFindings(pre.findings).map((f) => [f.orderNo, f.code, f.field, f.severity])).toEqual([
      ['WEB-0002', 'precheck.logisticsNo.missing', 'logisticsNo', 'error'],
      ['WEB-0003', 'precheck.risk.licence', 'gcode', 'error'],
      ['WEB-0004', 'precheck.risk.value', 'goodsValue', 'warning'],
      ['WEB-0005', 'precheck.sku.unmapped', 'sku', 'error'],
    ]);
    const dry = await ok<CustomsBuildResult>(d, 'customs.build', { dryRun: true });
    expect(dry).toMatchObject({ orders: 5, blocked: 3, built: 2, dryRun: true, queued: 0 });
    expect(ws.read.prepare('SELECT count(*) FROM customs_documents').pluck().get()).toBe(0);
    const built = await ok<CustomsBuildResult>(d, 'customs.build', {});
    expect(built).toMatchObject({ built: 2, blocked: 3, documents: { CEB603: 2 } });
    const lists = ws.read
      .prepare("SELECT business_key FROM customs_documents WHERE type = 'CEB603' ORDER BY business_key")
      .pluck()
      .all();
    expect(lists).toEqual(['WEB-0001', 'WEB-0004']);
  });

  it('turns a builder error into a finding of its order (missing carrier name) and needs settings and a company', async () => {
    const { d, order } = await customsWorkspace({ logisticsName: '' });
    const o = await order({}, null);
    expect(
      (
        await errorOf(d, 'customs.shipping.saveMany', {
          items: [
            {
              orderId: 999,
              logisticsNo: 'X',
              logisticsCode: null,
              logisticsName: null,
              exportDate: null,
              grossWeightGrams: null,
              packNo: null,
              copNo: null,
            },
          ],
        })
      ).code,
    ).toBe('customs.order.unknown');
    expect(
      await ok(d, 'customs.shipping.saveMany', {
        items: [
          {
            orderId: o.id,
            logisticsNo: 'YT123',
            logisticsCode: null,
            logisticsName: null,
            exportDate: '2026-03-04',
            grossWeightGrams: 900,
            packNo: 2,
            copNo: null,
          },
        ],
      }),
    ).toEqual({ saved: 1 });
    expect(await ok(d, 'customs.shipping.get', { orderId: o.id })).toMatchObject({
      logisticsNo: 'YT123',
      exportDate: '2026-03-04',
      grossWeightGrams: 900,
      packNo: 2,
    });
    const r = await ok<CustomsBuildResult>(d, 'customs.build', {});
    expect(r.findings.map((f) => [f.code, f.field])).toContainEqual(['customs.field.required', 'logisticsName']);
    expect(r.built).toBe(0);
    await ok(d, 'company.save', { ...VALID_PROFILE, dxpId: null });
    expect(await errorOf(d, 'customs.build', {})).toMatchObject({
      code: 'customs.field.required',
      params: { field: 'dxpId' },
    });
  });
});

describe('customs.precheck shares the build rules', () => {
  it('reports a company profile without DXP id (the build refuses it) and passes no order', async () => {
    const { d, order } = await customsWorkspace();
    await order();
    const first = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    expect({ ...first, findings: dataFindings(first.findings) }).toMatchObject({
      orders: 1,
      clean: 1,
      findings: [],
    });
    await ok(d, 'company.save', { ...VALID_PROFILE, dxpId: null });
    const pre = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    expect(pre.clean).toBe(0);
    expect(dataFindings(pre.findings).map((f) => [f.orderId, f.code, f.field, f.severity])).toEqual([
      [null, 'customs.field.required', 'dxpId', 'error'],
    ]);
    expect(await errorOf(d, 'customs.build', {})).toMatchObject({
      code: 'customs.field.required',
      params: { field: 'dxpId' },
    });
  });

  it('reports a builder-only rule (missing carrier name) per order, as the build does', async () => {
    const { d, order } = await customsWorkspace({ logisticsName: '' });
    await order();
    await order();
    const pre = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    const build = await ok<CustomsBuildResult>(d, 'customs.build', { dryRun: true });
    expect(pre.clean).toBe(build.built);
    expect(pre.clean).toBe(0);
    const key = (f: { orderNo: string; code: string; field: string }) => `${f.orderNo} ${f.code} ${f.field}`;
    expect(dataFindings(pre.findings).map(key)).toEqual([
      'WEB-0001 customs.field.required logisticsName',
      'WEB-0002 customs.field.required logisticsName',
    ]);
    for (const f of build.findings) expect(pre.findings.map(key)).toContain(key(f));
  });
});

describe('receipts through the store', () => {
  it('moves documents queued → sent → 120 → 800, keeps a late 120 in the history, stores duplicates once', async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    await order();
    await ok(d, 'customs.build', {});
    const keys = ws.read
      .prepare("SELECT idempotency_key FROM outbox WHERE kind = 'ceb.message'")
      .pluck()
      .all() as string[];
    ws.uow.run('sync.sent', (tx) => markMessagesSent(tx, keys, tx.now));
    const list = ws.read.prepare("SELECT id, guid FROM customs_documents WHERE type = 'CEB603'").get() as {
      id: number;
      guid: string;
    };
    const receipt = (status: string, time: string, info = '') =>
      buildReceiptMessage('CEB604', `C0000000-0000-4000-8000-${time.slice(-12)}`, [
        {
          guid: list.guid,
          businessKey: 'WEB-0001',
          copNo: 'WEB-0001',
          agentCode: '3301960ABC',
          preNo: 'B20260303000000001',
          invtNo: '53142026E000000001',
          ebcCode: '3301960ABC',
          ebpCode: '无',
          orderNo: 'WEB-0001',
          statisticsFlag: 'B',
          status,
          returnTime: time,
          returnInfo: info,
        },
      ]);
    const record = (xml: string) => ws.uow.run('sync.receipts', (tx) => recordReceipts(tx, parseReceipt(xml)));
    expect(record(receipt('2', '20260303100000000'))).toEqual({ stored: 1, duplicates: 0, unknown: 0 });
    expect(record(receipt('800', '20260303120000000', '放行'))).toEqual({ stored: 1, duplicates: 0, unknown: 0 });
    expect(record(receipt('120', '20260303110000000', '入库'))).toEqual({ stored: 1, duplicates: 0, unknown: 0 });
    expect(record(receipt('800', '20260303120000000', '放行'))).toEqual({ stored: 0, duplicates: 1, unknown: 0 });
    const stray = buildReceiptMessage('CEB304', 'C0000000-0000-4000-8000-00000000FFFF', [
      {
        guid: 'C0000000-0000-4000-8000-00000000EEEE',
        businessKey: 'NOT-OURS',
        orderNo: 'NOT-OURS',
        ebpCode: '无',
        ebcCode: 'X',
        status: '120',
        returnTime: '20260303100000000',
        returnInfo: '',
      },
    ]);
    expect(record(stray)).toEqual({ stored: 1, duplicates: 0, unknown: 1 });
    expect(ws.uow.run('sync.sent', (tx) => markMessagesSent(tx, keys, tx.now))).toBe(0); // sent again: nothing moves back
    const doc = await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: list.id });
    expect(doc).toMatchObject({
      status: '800',
      lastReturnStatus: '120',
      invtNo: '53142026E000000001',
      preNo: 'B20260303000000001',
    });
    expect(doc.history.map((h) => [h.status, h.source, h.applied])).toEqual([
      ['validated', 'local', true],
      ['queued', 'local', true],
      ['sent', 'local', true],
      ['2', 'receipt', true],
      ['800', 'receipt', true],
      ['120', 'receipt', false],
    ]);
    expect(doc.receipts).toHaveLength(3);
    expect(doc.xml).toContain('<ceb:CEB603Message');
    const counts = await ok<CustomsStatusCounts>(d, 'customs.status', {});
    expect(counts.byStatus).toEqual({ sent: 1, '800': 1 });
  });

  it('shows 100 with its reason and negative codes as errors; a rejected list is built again as revision 2', async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    await order();
    await ok(d, 'customs.build', {});
    const docs = ws.read.prepare('SELECT type, guid FROM customs_documents ORDER BY id').all() as Array<{
      type: string;
      guid: string;
    }>;
    const orderDoc = docs.find((x) => x.type === 'CEB303')!;
    const listDoc = docs.find((x) => x.type === 'CEB603')!;
    const xml304 = buildReceiptMessage('CEB304', 'D0000000-0000-4000-8000-000000000001', [
      {
        guid: orderDoc.guid,
        businessKey: 'WEB-0001',
        orderNo: 'WEB-0001',
        ebpCode: '无',
        ebcCode: '3301960ABC',
        status: '-301010',
        returnTime: '20260303100000000',
        returnInfo: '订单号已存在',
      },
    ]);
    const xml604 = buildReceiptMessage('CEB604', 'D0000000-0000-4000-8000-000000000002', [
      {
        guid: listDoc.guid,
        businessKey: 'WEB-0001',
        copNo: 'WEB-0001',
        agentCode: '3301960ABC',
        preNo: 'B20260303000000001',
        invtNo: '53142026E000000009',
        ebcCode: '3301960ABC',
        ebpCode: '无',
        orderNo: 'WEB-0001',
        statisticsFlag: 'B',
        status: '100',
        returnTime: '20260303100000000',
        returnInfo: '商品编码与品名不符',
      },
    ]);
    ws.uow.run('sync.receipts', (tx) => recordReceipts(tx, [...parseReceipt(xml304), ...parseReceipt(xml604)]));
    const page = await ok<CustomsDocumentsPage>(d, 'customs.documents.list', {});
    expect(page.items.map((i) => [i.type, i.status, i.lastReturnStatus, i.lastReturnInfo])).toEqual([
      ['CEB603', '100', '100', '商品编码与品名不符'],
      ['CEB303', 'error', '-301010', '订单号已存在'],
    ]);
    const rebuilt = await ok<CustomsBuildResult>(d, 'customs.build', { orderIds: [1] });
    expect(rebuilt).toMatchObject({ built: 1, documents: { CEB303: 1, CEB603: 1 } });
    expect(
      ws.read.prepare('SELECT idempotency_key FROM outbox WHERE kind = ? ORDER BY id').pluck().all('ceb.message'),
    ).toEqual(['ceb:CEB303:WEB-0001:1', 'ceb:CEB603:WEB-0001:1', 'ceb:CEB303:WEB-0001:2', 'ceb:CEB603:WEB-0001:2']);
  });

  it('summary application for released lists; CEB702 sumNo, then CEB792 puts the entryId on the lists and orders', async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    await order();
    await ok(d, 'customs.build', {});
    const list = ws.read.prepare("SELECT id, guid FROM customs_documents WHERE type = 'CEB603'").get() as {
      id: number;
      guid: string;
    };
    const orderDocId = ws.read
      .prepare("SELECT id FROM customs_documents WHERE type = 'CEB303'")
      .pluck()
      .get() as number;
    const invtNo = '53142026E000000001';
    const xml604 = (status: string) =>
      buildReceiptMessage('CEB604', `E0000000-0000-4000-8000-000000000${status}`, [
        {
          guid: list.guid,
          businessKey: 'WEB-0001',
          copNo: 'WEB-0001',
          agentCode: '3301960ABC',
          preNo: 'B20260303000000001',
          invtNo,
          ebcCode: '3301960ABC',
          ebpCode: '无',
          orderNo: 'WEB-0001',
          statisticsFlag: 'B',
          status,
          returnTime: `2026030310000${status.length}000`,
          returnInfo: '',
        },
      ]);
    ws.uow.run('r', (tx) => recordReceipts(tx, parseReceipt(xml604('120'))));
    expect(
      await errorOf(d, 'customs.summary.apply', { invtNos: [invtNo], summaryFlag: '1', itemNameFlag: '1' }),
    ).toMatchObject({ code: 'customs.summary.listNotReleased', params: { invtNo, status: '120' } });
    expect(
      (await errorOf(d, 'customs.summary.apply', { invtNos: ['X1'], summaryFlag: '1', itemNameFlag: '1' })).code,
    ).toBe('customs.summary.unknownList');
    ws.uow.run('r', (tx) => recordReceipts(tx, parseReceipt(xml604('800'))));
    // issue 15 (194号): released is not enough, the list must be concluded (899 结关)
    expect(
      await errorOf(d, 'customs.summary.apply', { invtNos: [invtNo], summaryFlag: '1', itemNameFlag: '1' }),
    ).toMatchObject({ code: 'customs.summary.listNotConcluded', params: { invtNo, status: '800' } });
    ws.uow.run('r', (tx) => recordReceipts(tx, parseReceipt(xml604('899'))));
    const sum = await ok<SummaryApplyResult>(d, 'customs.summary.apply', {
      invtNos: [invtNo],
      summaryFlag: '1',
      itemNameFlag: '1',
    });
    expect(sum.copNo).toMatch(/^SUM\d{8}-1$/);
    const summaryDoc = await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: sum.documentId });
    expect((await validateCebMany([summaryDoc.xml]))[0]!.valid).toBe(true);
    expect(summaryDoc.xml).toContain(`<ceb:invtNo>${invtNo}</ceb:invtNo>`);
    const sumNo = '531420260000000001';
    const xml702 = buildReceiptMessage('CEB702', 'E0000000-0000-4000-8000-000000000002', [
      {
        guid: summaryDoc.guid,
        businessKey: sum.copNo,
        copNo: sum.copNo,
        agentCode: '3301960ABC',
        ebcCode: '3301960ABC',
        preNo: 'S20260401000000001',
        sumNo,
        status: '120',
        returnTime: '20260401080000000',
        returnInfo: '',
      },
    ]);
    const xml792 = buildReceiptMessage('CEB792', 'E0000000-0000-4000-8000-000000000003', [
      {
        guid: 'E0000000-0000-4000-8000-000000000009',
        businessKey: sumNo,
        sumNo,
        customsCode: '5314',
        declSeqNo: '531420260000000009',
        entryId: '531420260000123456',
        status: '1',
        returnTime: '20260402080000000',
        returnInfo: '',
        agentCode: '3301960ABC',
        agentName: '代理',
        ebcCode: '3301960ABC',
        ebcName: '企业',
        lineMapping: [{ invtNo, logisticsNo: 'SF0000000001', gseqno: 3, gnum: 1, gcode: '6912001000' }],
      },
    ]);
    expect(ws.uow.run('r', (tx) => recordReceipts(tx, [...parseReceipt(xml702), ...parseReceipt(xml792)]))).toEqual({
      stored: 2,
      duplicates: 0,
      unknown: 0,
    });
    const listDoc = await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: list.id });
    expect(listDoc.entryId).toBe('531420260000123456');
    expect(listDoc.lineMapping).toEqual([{ gnum: 1, gseqno: 3, gcode: '6912001000' }]);
    expect((await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: orderDocId })).entryId).toBe(
      '531420260000123456',
    );
    expect((await ok<CustomsDocumentDetail>(d, 'customs.documents.get', { id: sum.documentId })).entryId).toBe(
      '531420260000123456',
    );
    const found = await ok<CustomsDocumentsPage>(d, 'customs.documents.list', { q: '531420260000123456' });
    expect(found.total).toBe(3);
  });
});
