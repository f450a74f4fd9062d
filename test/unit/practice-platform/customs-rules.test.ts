/**
 * Issue 15, point 7: the practice platform refuses what customs refuses, each with its reason —
 * a list whose order it cannot match on ebpCode + orderNo, a 9810 list without a W booking note,
 * a 9710/9810 list over CNY 5,000, a list whose declared value differs from its order, appStatus 1
 * sent as a declaration, a second "new" for a document already accepted — and accepts the
 * corrected message; a summary application gets one declSeqNo/entryId per 194号 group and is
 * refused when it mixes consignors, exit offices or months. Hand-worked examples throughout.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCeb303Messages,
  buildCeb603Messages,
  buildCeb701Message,
  parseReceipt,
  type CebMessage,
  type CebOrderInput,
  type CebSettings,
  type ParsedReceipt,
} from '../../../src-main/core/customs/index.ts';
import type { Minor } from '../../../src-main/core/money/minor.ts';
import { PracticePlatform, type IncomingMessage } from '../../../src-main/practice-platform/platform.ts';
import { practiceSigner } from '../../../src-main/sync/sm2-signer.ts';
import { manualClock } from '../sync/sync-test-kit.ts';
import { context, counterIds, line, order, SETTINGS } from '../core/customs/ceb-fixtures.ts';

const STEP = 1000;
const DECLARE: CebSettings = { ...SETTINGS, appStatus: '2', statisticsFlag: 'B' };
let n = 0;

async function signed(m: CebMessage): Promise<IncomingMessage> {
  const key = `k${++n}`;
  return { key, type: m.type, guid: m.guid, xml: await practiceSigner().sign(key, m.xml) };
}
function build(o: CebOrderInput, settings = DECLARE) {
  const ctx = context({ settings, newId: counterIds((++n).toString(16).padStart(8, '0')) });
  return { order: buildCeb303Messages([o], ctx)[0]!, list: buildCeb603Messages([o], ctx)[0]! };
}
function setup(options: { acceptDrafts?: boolean } = {}) {
  const clock = manualClock();
  const platform = new PracticePlatform({ now: clock.now, stepMs: STEP, ...options });
  let cursor = 0;
  const fetch = (): ParsedReceipt[] => {
    const page = platform.receipts(cursor, 1000);
    cursor = page.cursor;
    return page.receipts.flatMap((r) => parseReceipt(r.xml));
  };
  const send = async (...ms: CebMessage[]) => platform.receiveMessages(await Promise.all(ms.map(signed)));
  return { clock, platform, fetch, send };
}
/** The list's final status after two steps and its reason. */
async function listOutcome(s: ReturnType<typeof setup>): Promise<Array<[string, string]>> {
  s.clock.advance(2 * STEP);
  return s
    .fetch()
    .filter((r) => r.messageType === 'CEB604' && r.status !== '2' && r.status !== '120')
    .map((r) => [r.status, r.returnInfo ?? '']);
}

describe('practice platform refuses what customs refuses (point 7)', () => {
  it('a list whose order it cannot match on ebpCode + orderNo: 100 with the reason; with its order it is released', async () => {
    const s = setup();
    const amazon = build(order({ orderNo: 'AE-1' }));
    const ali = build(order({ orderNo: 'AE-1', platform: { ebpCode: '3301968SMT', ebpName: '全球速卖通' } }));
    await s.send(amazon.order, ali.list); // the list names AliExpress, the order came as Amazon's
    expect(await listOutcome(s)).toEqual([['100', '三单比对失败：未收到订单 AE-1（电商平台 3301968SMT）']]);
    const t = setup();
    await t.send(ali.order, ali.list);
    expect(await listOutcome(t)).toEqual([['800', '放行']]);
  });

  it('a 9810 list without a W booking note', async () => {
    const s = setup();
    const sale = build(order({ orderNo: 'BN-1', mode: '9810' }));
    const asSale = {
      ...sale.order,
      xml: sale.order.xml.replace('<ceb:orderType>W</ceb:orderType>', '<ceb:orderType>E</ceb:orderType>'),
    };
    await s.send(asSale, sale.list);
    expect(await listOutcome(s)).toEqual([['100', '9810 清单须对应海外仓订仓单（订单类型 W），订单 BN-1 的类型是 E']]);
    const t = setup();
    await t.send(sale.order, sale.list);
    expect(await listOutcome(t)).toEqual([['800', '放行']]);
  });

  it('a 9710/9810 list over CNY 5,000 (declared on a 报关单 instead)', async () => {
    const s = setup();
    const big = build(
      order({
        orderNo: 'B2B-1',
        mode: '9710',
        currency: 'CNY',
        lines: [line({ quantity: 100, unitPrice: 5001 as Minor })],
      }),
    );
    const ok = build(
      order({
        orderNo: 'B2B-2',
        mode: '9710',
        currency: 'CNY',
        lines: [line({ quantity: 100, unitPrice: 5000 as Minor })],
      }),
    );
    await s.send(big.order, big.list, ok.order, ok.list);
    expect(await listOutcome(s)).toEqual([
      ['100', '9710/9810 单票货值 5001.00 元人民币超过 5000 元，应以报关单申报'],
      ['800', '放行'],
    ]);
  });

  it('counts a USD list in CNY at the practice rate', async () => {
    const s = setup();
    const usd = build(
      order({
        orderNo: 'W-1',
        mode: '9810',
        currency: 'USD',
        lines: [line({ quantity: 10, unitPrice: 7000 as Minor })],
      }),
    ); // 700 USD × 7.2
    await s.send(usd.order, usd.list);
    expect(await listOutcome(s)).toEqual([['100', '9710/9810 单票货值 5040.00 元人民币超过 5000 元，应以报关单申报']]);
  });

  it('a list whose declared value differs from its order', async () => {
    const s = setup();
    const sold = build(order({ orderNo: 'P-1', lines: [line({ quantity: 1, unitPrice: 719 as Minor })] }));
    const listed = build(order({ orderNo: 'P-1', lines: [line({ quantity: 1, unitPrice: 899 as Minor })] }));
    await s.send(sold.order, listed.list);
    expect(await listOutcome(s)).toEqual([['100', '申报价值与订单不一致：第 1 行总价 清单 8.99000 ≠ 订单 7.19000']]);
  });

  it('appStatus 1 sent as a declaration is refused; a signed appStatus 2 is taken', async () => {
    const s = setup();
    const draft = build(order({ orderNo: 'D-1' }), { ...DECLARE, appStatus: '1' });
    const outcome = await s.platform.receiveMessages([
      { key: 'draft', type: 'CEB303', guid: draft.order.guid, xml: draft.order.xml },
    ]);
    expect(outcome).toEqual([
      { key: 'draft', outcome: 'rejected', reason: '暂存报文（appStatus 1）不是申报：请加签后以 appStatus 2 发送' },
    ]);
    expect((await s.send(build(order({ orderNo: 'D-1' })).order)).map((o) => o.outcome)).toEqual(['accepted']);
    const legacy = setup({ acceptDrafts: true });
    expect(
      (
        await legacy.platform.receiveMessages([
          { key: 'draft', type: 'CEB303', guid: draft.order.guid, xml: draft.order.xml },
        ])
      ).map((o) => o.outcome),
    ).toEqual(['accepted']);
  });

  it('a second "new" for an accepted document is refused; the change (appType 2) is taken', async () => {
    const s = setup();
    const first = build(order({ orderNo: 'C-1' }));
    await s.send(first.order);
    s.clock.advance(STEP);
    s.fetch();
    const again = build(order({ orderNo: 'C-1', lines: [line({ quantity: 3 })] }));
    await s.send(again.order);
    const change = {
      ...again.order,
      xml: again.order.xml.replace('<ceb:appType>1</ceb:appType>', '<ceb:appType>2</ceb:appType>'),
    };
    await s.send(change);
    s.clock.advance(STEP);
    expect(
      s
        .fetch()
        .filter((r) => r.status !== '2')
        .map((r) => [r.status, r.returnInfo]),
    ).toEqual([
      ['-301010', '业务编号已存在，不能重复新增（变更请以 appType 2 发送）'],
      ['120', '海关入库成功（变更）'],
    ]);
    const unknown = build(order({ orderNo: 'C-9' }));
    await s.send({
      ...unknown.order,
      xml: unknown.order.xml.replace('<ceb:appType>1</ceb:appType>', '<ceb:appType>2</ceb:appType>'),
    });
    s.clock.advance(STEP);
    expect(
      s
        .fetch()
        .filter((r) => r.status !== '2')
        .map((r) => [r.status, r.returnInfo]),
    ).toEqual([['100', '变更的单据 C-9 不存在']]);
  });
});

describe('practice platform summary by 194号 groups (point 7)', () => {
  async function released(s: ReturnType<typeof setup>, orders: CebOrderInput[], settings = DECLARE): Promise<string[]> {
    const built = orders.map((o) => build(o, settings));
    await s.send(...built.map((b) => b.order), ...built.map((b) => b.list));
    s.clock.advance(2 * STEP);
    return s
      .fetch()
      .filter((r) => r.messageType === 'CEB604' && r.status === '120')
      .map((r) => r.invtNo!);
  }
  async function apply(s: ReturnType<typeof setup>, invtNos: string[]) {
    const m = buildCeb701Message(
      { copNo: `SUM-${++n}`, invtNos, summaryFlag: '1', itemNameFlag: '0' },
      context({ settings: DECLARE, newId: counterIds('0e0e0e0e') }),
    );
    await s.send(m);
    s.clock.advance(2 * STEP);
    return s.fetch().filter((r) => r.messageType === 'CEB702' || r.messageType === 'CEB792');
  }

  it('one declSeqNo and entryId per group: same lists merge, another country of arrival is its own form', async () => {
    const s = setup();
    const invtNos = await released(s, [
      order({ orderNo: 'S-1', logisticsNo: 'SF1' }),
      order({ orderNo: 'S-2', logisticsNo: 'SF2' }),
      order({ orderNo: 'S-3', logisticsNo: 'SF3', destinationCountry: 'GB' }),
    ]);
    expect(invtNos).toHaveLength(3);
    const r = await apply(s, invtNos);
    const forms = r.filter((x) => x.messageType === 'CEB792');
    expect(forms).toHaveLength(2);
    expect(new Set(forms.map((f) => f.entryId)).size).toBe(2);
    expect(new Set(forms.map((f) => f.declSeqNo)).size).toBe(2);
    expect(forms.map((f) => f.lineMapping!.map((l) => [l.invtNo, l.gseqno]))).toEqual([
      [
        [invtNos[0], 1],
        [invtNos[1], 1],
      ],
      [[invtNos[2], 1]],
    ]);
  });

  it('refuses lists of mixed exit offices or months, and summary-statistics (A) lists, with the reason', async () => {
    const s = setup();
    const a = await released(s, [order({ orderNo: 'M-1', logisticsNo: 'SF1', exportDate: '2026-03-31' })]);
    const b = await released(s, [order({ orderNo: 'M-2', logisticsNo: 'SF2', exportDate: '2026-04-01' })]);
    const c = await released(s, [order({ orderNo: 'M-3', logisticsNo: 'SF3', exportDate: '2026-03-30' })], {
      ...DECLARE,
      portCode: '5301',
    });
    const d = await released(s, [order({ orderNo: 'M-4', logisticsNo: 'SF4', exportDate: '2026-03-30' })], {
      ...DECLARE,
      statisticsFlag: 'A',
    });
    const info = (r: ParsedReceipt[]) =>
      r.filter((x) => x.messageType === 'CEB702' && x.status === '100').map((x) => x.returnInfo);
    expect(info(await apply(s, [...a, ...b]))).toEqual([
      '汇总申请混合了不同月份的清单（202603、202604），请按月分开申请',
    ]);
    expect(info(await apply(s, [...a, ...c]))).toEqual(['汇总申请混合了不同出境关别的清单（5314、5301），请分开申请']);
    expect(info(await apply(s, [...a, ...d]))).toEqual([`清单 ${d[0]} 为汇总统计（statisticsFlag A），不参与汇总申报`]);
    expect((await apply(s, a)).filter((x) => x.messageType === 'CEB792')).toHaveLength(1);
  });
});
