/**
 * Issue 15, point 5 on the practice platform (its own checks, not the builder's): a CEB605
 * withdraws a list it released (CEB606 399) and the list is gone — a second withdrawal or a
 * return against it is refused; a CEB213 against a released list is released (CEB214 800) when
 * its trade mode is the return mode of the export (9661), its lines are the list's and the
 * quantities of all returns stay within the list's; else 100 with the reason.
 * Hand-worked: the list declares 2 pieces of line 1; returns of 1 and 1 pass, a third 1 is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCeb213Message,
  buildCeb303Messages,
  buildCeb603Messages,
  buildCeb605Message,
  parseReceipt,
  returnOriginalFromXml,
  type CebSettings,
  type ParsedReceipt,
  type ReturnApplication,
} from '../../../src-main/core/customs/index.ts';
import { PracticePlatform } from '../../../src-main/practice-platform/platform.ts';
import { practiceSigner } from '../../../src-main/sync/sm2-signer.ts';
import { manualClock } from '../sync/sync-test-kit.ts';
import { context, counterIds, order, SETTINGS } from '../core/customs/ceb-fixtures.ts';

const DECLARE: CebSettings = { ...SETTINGS, appStatus: '2' };
const STEP = 1000;
let n = 0;

function setup() {
  // the platform's clock is the declaration time: 10 days after the export of 2026-03-01
  const clock = manualClock(Date.parse('2026-03-11T08:00:00Z'));
  const platform = new PracticePlatform({ now: clock.now, stepMs: STEP });
  let cursor = 0;
  const ctx = () =>
    context({
      settings: DECLARE,
      newId: counterIds((++n).toString(16).padStart(8, '0')),
      clock: () => new Date(clock.now()),
    });
  const send = async (...ms: Array<{ type: string; guid: string; xml: string }>) =>
    platform.receiveMessages(
      await Promise.all(
        ms.map(async (m) => {
          const key = `k${++n}`;
          return { key, type: m.type, guid: m.guid, xml: await practiceSigner().sign(key, m.xml) };
        }),
      ),
    );
  const fetch = (): ParsedReceipt[] => {
    clock.advance(3 * STEP);
    const page = platform.receipts(cursor, 1000);
    cursor = page.cursor;
    return page.receipts.flatMap((r) => parseReceipt(r.xml)).filter((r) => r.status !== '2');
  };
  return { ctx, send, fetch };
}

async function releasedList(s: ReturnType<typeof setup>) {
  const o = order({ orderNo: 'AMZ-1', exportDate: '2026-03-01' });
  const c = s.ctx();
  const list = buildCeb603Messages([o], c)[0]!;
  await s.send(buildCeb303Messages([o], c)[0]!, list);
  const answer = s.fetch().find((r) => r.messageType === 'CEB604' && r.status === '800')!;
  return {
    invtNo: answer.invtNo!,
    original: returnOriginalFromXml(list.xml, list.documents[0]!.guid, answer.invtNo!, null)!,
  };
}

function application(original: ReturnApplication['original'], coElNo: string, qty = 1): ReturnApplication {
  return {
    coElNo,
    returnDate: '2026-03-10',
    reason: '买家退货',
    country: 'US',
    logisticsNo: `RT-${coElNo}`,
    billNo: 'MAWB-1',
    trafMode: '5',
    trafName: 'CA988',
    voyageNo: 'CA988',
    original,
    lines: [{ gnum: 1, qty }],
  };
}

describe('practice platform: withdrawals and returns (point 5)', () => {
  it('withdraws a list it released (399); then the list is gone for a second withdrawal and for returns', async () => {
    const s = setup();
    const { invtNo, original } = await releasedList(s);
    await s.send(buildCeb605Message([{ copNo: 'AMZ-1', invtNo, reason: '订单取消' }], s.ctx()));
    expect(s.fetch().map((r) => [r.messageType, r.status, r.invtNo])).toEqual([['CEB606', '399', invtNo]]);
    await s.send(buildCeb605Message([{ copNo: 'AMZ-1B', invtNo, reason: '订单取消' }], s.ctx()));
    await s.send(buildCeb213Message([application(original, 'RT-9')], s.ctx()));
    expect(s.fetch().map((r) => [r.messageType, r.status, r.returnInfo])).toEqual([
      ['CEB606', '100', `撤销失败：清单 ${invtNo} 不存在、未通过或已撤销`],
      ['CEB214', '100', `退货申请失败：原清单 ${invtNo} 不存在、未放行或已撤销`],
    ]);
  });

  it('releases returns within the list (1 + 1 of 2) and refuses the third, and a return with the wrong trade mode', async () => {
    const s = setup();
    const { original } = await releasedList(s);
    expect(original.lines[0]!.qty).toBe('2.00000');
    await s.send(buildCeb213Message([application(original, 'RT-1')], s.ctx()));
    await s.send(buildCeb213Message([application(original, 'RT-2')], s.ctx()));
    expect(s.fetch().map((r) => [r.messageType, r.businessKey, r.status])).toEqual([
      ['CEB214', 'RT-1', '120'],
      ['CEB214', 'RT-2', '120'],
      ['CEB214', 'RT-1', '800'],
      ['CEB214', 'RT-2', '800'],
    ]);
    await s.send(buildCeb213Message([application(original, 'RT-3')], s.ctx()));
    const wrongMode = buildCeb213Message([application(original, 'RT-4')], s.ctx());
    await s.send({ ...wrongMode, xml: wrongMode.xml.replace('<ceb:tradeMode>9661<', '<ceb:tradeMode>1261<') });
    expect(s.fetch().map((r) => [r.businessKey, r.status, r.returnInfo])).toEqual([
      ['RT-3', '100', '退货申请失败：第 1 项退货数量 1.00000（此前已退 2）超过原申报数量 2.00000'],
      ['RT-4', '100', '退货申请失败：原清单监管方式 9610 的退货应以 9661 申报，不是 1261'],
    ]);
  });
});
