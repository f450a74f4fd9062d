/**
 * The practice platform's state machine with a manual clock: XSD-invalid messages are rejected
 * with the schema's reason; receipts advance 2 → 120 → 800 over simulated time and validate
 * against the XSD; a list without a matching order (三单) gets 100 with the reason; a key sent
 * twice is processed once; a summary application gets CEB702 and CEB792 with the mapping.
 */
import { describe, expect, it } from 'vitest';
import { buildCeb701Message, parseReceipt, type ParsedReceipt } from '../../../src-main/core/customs/index.ts';
import { PracticePlatform, type IncomingMessage } from '../../../src-main/practice-platform/platform.ts';
import { validateCebMany } from '../../../src-main/sync/validate-ceb.ts';
import { practiceSigner, sm2PracticeSigner } from '../../../src-main/sync/sm2-signer.ts';
import type { CebMessage } from '../../../src-main/core/customs/index.ts';
import type { SendOutcome } from '../../../src-main/sync/transport.ts';
import { buildMessages, cebKey, manualClock, orders } from '../sync/sync-test-kit.ts';
import { context, counterIds, line, order } from '../core/customs/ceb-fixtures.ts';

const STEP = 1000;
const incoming = (m: CebMessage): IncomingMessage => ({ key: cebKey(m), type: m.type, guid: m.guid, xml: m.xml });

function setup() {
  const clock = manualClock();
  // These messages are built store-only (appStatus 1); issue 15's refusal of drafts is in customs-rules.test.ts.
  const platform = new PracticePlatform({ now: clock.now, stepMs: STEP, acceptDrafts: true });
  let cursor = 0;
  const fetch = () => {
    const page = platform.receipts(cursor, 1000);
    cursor = page.cursor;
    return page.receipts;
  };
  return { clock, platform, fetch };
}

const parsed = (xmls: readonly { xml: string }[]): ParsedReceipt[] => xmls.flatMap((r) => parseReceipt(r.xml));

describe('practice platform', () => {
  it('rejects a message that fails the XSD with the schema reason', async () => {
    const { platform } = setup();
    const [list] = buildMessages(orders(1)).ceb603;
    const bad = {
      ...incoming(list!),
      xml: list!.xml.replace(/<ceb:gcode>\d+<\/ceb:gcode>/, '<ceb:gcode>392410000</ceb:gcode>'),
    };
    const [outcome] = await platform.receiveMessages([bad]);
    expect(outcome).toMatchObject({ outcome: 'rejected' });
    expect((outcome as { reason: string }).reason).toMatch(/^xsd line \d+: .*gcode/);
    expect(platform.stats().documents).toEqual({});
  });

  it('answers 2 at once, 120 after a step and 800 after two for a matched list; receipts are XSD-valid', async () => {
    const { clock, platform, fetch } = setup();
    const { ceb303, ceb603 } = buildMessages(orders(2), 2);
    expect(await platform.receiveMessages([...ceb303, ...ceb603].map(incoming))).toEqual([
      { key: cebKey(ceb303[0]!), outcome: 'accepted' },
      { key: cebKey(ceb603[0]!), outcome: 'accepted' },
    ]);
    const first = fetch();
    expect(parsed(first).map((r) => [r.messageType, r.status])).toEqual([
      ['CEB304', '2'],
      ['CEB304', '2'],
      ['CEB604', '2'],
      ['CEB604', '2'],
    ]);
    expect(fetch()).toEqual([]);
    clock.advance(STEP);
    const second = parsed(fetch());
    expect(second.map((r) => [r.messageType, r.status])).toEqual([
      ['CEB304', '120'],
      ['CEB304', '120'],
      ['CEB604', '120'],
      ['CEB604', '120'],
    ]);
    expect(
      second
        .filter((r) => r.messageType === 'CEB604')
        .every((r) => /^5314\d{4}E\d{9}$/.test(r.invtNo ?? '') && r.preNo?.length === 18),
    ).toBe(true);
    clock.advance(STEP);
    const third = fetch();
    expect(parsed(third).map((r) => [r.messageType, r.status, r.guid])).toEqual(
      ceb603[0]!.documents.map((d) => ['CEB604', '800', d.guid]),
    );
    const all = [...first, ...third];
    expect((await validateCebMany(all.map((r) => r.xml))).every((v) => v.valid)).toBe(true);
  });

  it('rejects a list whose order never arrived or disagrees (三单比对) with 100 and the reason', async () => {
    const { clock, platform, fetch } = setup();
    const { ceb303 } = buildMessages([order({ orderNo: 'A-1', lines: [line({ quantity: 2 })] })]);
    const { ceb603: listQty3 } = buildMessages([order({ orderNo: 'A-1', lines: [line({ quantity: 3 })] })]);
    const { ceb603: orphan } = buildMessages([order({ orderNo: 'B-9' })]);
    await platform.receiveMessages([incoming(ceb303[0]!)]);
    const outcomes = await platform.receiveMessages([
      incoming(listQty3[0]!),
      { ...incoming(orphan[0]!), key: 'orphan' },
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted']);
    clock.advance(STEP);
    const lists = parsed(fetch()).filter((r) => r.messageType === 'CEB604' && r.status === '100');
    expect(lists.map((r) => r.orderNo)).toEqual(['A-1', 'B-9']);
    expect(lists[0]!.returnInfo).toMatch(/三单比对失败：第 1 行数量/);
    expect(lists[1]!.returnInfo).toMatch(/三单比对失败：未收到订单 B-9/);
    clock.advance(STEP);
    expect(parsed(fetch()).filter((r) => r.status === '800')).toEqual([]);
  });

  it('refuses a declaration (appStatus 2) without a signature; a practice-signed one is taken', async () => {
    const { platform } = setup();
    const [m] = buildMessages(orders(1)).ceb303;
    const declared = {
      ...incoming(m!),
      xml: m!.xml.replaceAll('<ceb:appStatus>1</ceb:appStatus>', '<ceb:appStatus>2</ceb:appStatus>'),
    };
    expect(await platform.receiveMessages([declared])).toEqual([
      { key: declared.key, outcome: 'rejected', reason: '1001 declaration (appStatus 2) without a signature' },
    ]);
    const signed = { ...declared, key: 'signed', xml: await practiceSigner().sign('signed', declared.xml) };
    expect(await platform.receiveMessages([signed])).toEqual([{ key: 'signed', outcome: 'accepted' }]);
  });

  it('verifies the SM2 signature: a message changed after signing, another key or an unknown key name is rejected with a code', async () => {
    const { platform } = setup();
    const [a, b, c, d] = buildMessages(orders(4), 1).ceb303.map((m) => incoming(m));
    const signed = await practiceSigner().sign(a!.key, a!.xml);
    const tampered = signed.replace('<ceb:orderNo>', '<ceb:orderNo>X');
    expect(tampered).not.toBe(signed);
    const stranger = await sm2PracticeSigner().sign(c!.key, c!.xml); // same key name, another key pair
    const unknown = await sm2PracticeSigner('CARD-123').sign(d!.key, d!.xml);
    const outcomes = await platform.receiveMessages([
      { ...a!, xml: tampered },
      { ...b!, xml: await practiceSigner().sign(b!.key, b!.xml) },
      { ...c!, xml: stranger },
      { ...d!, xml: unknown },
    ]);
    const reason = (o: SendOutcome) => ('reason' in o ? o.reason : '');
    expect(outcomes.map((o) => [o.outcome, reason(o).slice(0, 4)])).toEqual([
      ['rejected', '1004'],
      ['accepted', ''],
      ['rejected', '1004'],
      ['rejected', '1003'],
    ]);
    expect(reason(outcomes[3]!)).toMatch(/CARD-123/);
  });

  it('processes a key once however often it arrives, and counts the deliveries', async () => {
    const { platform } = setup();
    const [m] = buildMessages(orders(1)).ceb303;
    const a = platform.receiveMessages([incoming(m!), incoming(m!)]);
    const b = platform.receiveMessages([incoming(m!)]);
    expect((await a).map((o) => o.outcome)).toEqual(['accepted', 'duplicate']);
    expect((await b).map((o) => o.outcome)).toEqual(['duplicate']);
    const s = platform.stats();
    expect(s).toMatchObject({ deliveries: 3, duplicateDeliveries: 2, keys: 1 });
    expect(Object.values(s.documents)).toEqual([1]);
  });

  it('answers a summary application with CEB702 and CEB792 (entryId, list line → declaration line)', async () => {
    const { clock, platform, fetch } = setup();
    // summary declaration takes statisticsFlag B lists only (issue 15, 194号)
    const { ceb303, ceb603 } = buildMessages(
      orders(2).map((o) => ({ ...o, statisticsFlag: 'B' as const })),
      2,
    );
    await platform.receiveMessages([...ceb303, ...ceb603].map(incoming));
    clock.advance(2 * STEP);
    const invtNos = parsed(fetch())
      .filter((r) => r.messageType === 'CEB604' && r.status === '120')
      .map((r) => r.invtNo!);
    const apply = buildCeb701Message(
      { copNo: 'SUM-1', invtNos, summaryFlag: '1', itemNameFlag: '0' },
      context({ newId: counterIds('0e0e0e0e') }),
    );
    expect(await platform.receiveMessages([incoming(apply)])).toEqual([{ key: cebKey(apply), outcome: 'accepted' }]);
    clock.advance(2 * STEP);
    const receipts = fetch();
    const r = parsed(receipts);
    expect(r.filter((x) => x.messageType === 'CEB702').map((x) => x.status)).toEqual(['2', '120']);
    const result = r.find((x) => x.messageType === 'CEB792')!;
    expect(result.entryId).toMatch(/^5314\d{4}1\d{9}$/);
    expect(result.lineMapping!.map((l) => [l.invtNo, l.gnum, l.gseqno])).toEqual(invtNos.map((n) => [n, 1, 1]));
    expect((await validateCebMany(receipts.map((x) => x.xml))).map((v) => v.errors)).toEqual(receipts.map(() => []));
  });
});

describe('six items', () => {
  it('stores complete exports once per key and rejects incomplete ones with the missing fields', () => {
    const { platform } = setup();
    const good = {
      orderNo: 'A-1',
      exportDate: '2026-03-01',
      currency: 'USD',
      items: [{ goodsName: '收纳盒', unit: '007', quantity: '2', unitPrice: '19.99', amount: '39.98' }],
    };
    const bad = { ...good, items: [{ ...good.items[0], unitPrice: '' }] };
    expect(
      platform.receiveSixItems([
        { key: 'tax.sixItems:A-1', items: good },
        { key: 'tax.sixItems:A-1', items: good },
        { key: 'tax.sixItems:B-2', items: bad },
      ]),
    ).toEqual([
      { key: 'tax.sixItems:A-1', outcome: 'accepted' },
      { key: 'tax.sixItems:A-1', outcome: 'duplicate' },
      { key: 'tax.sixItems:B-2', outcome: 'rejected', reason: 'six items incomplete: items[0].unitPrice' },
    ]);
    expect(platform.stats().sixItems).toBe(1);
  });
});
