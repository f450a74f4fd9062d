/**
 * Issue 15, point 6 through the customs area: customs.summary.plan groups the ledger's lists by
 * 194号 (A lists: statistics only; B lists released but not concluded: pending; concluded B lists:
 * one application per group with its due date), and customs.summary.apply takes one group of
 * concluded B lists only, saying why otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { SummaryApplyResult } from '../../../../src-main/api/contract.ts';
import { buildReceiptMessage, parseReceipt, type SummaryPlan } from '../../../../src-main/core/customs/index.ts';
import { recordReceipts } from '../../../../src-main/areas/customs/customs-store.ts';
import { customsWorkspace, errorOf, ok } from './customs-fixtures.ts';

describe('customs.summary.plan / apply by 194号', () => {
  it('pending until 结关, one group per country of arrival, due by the 15th, and apply refuses a mixed or unconcluded set', async () => {
    const { d, ws, order } = await customsWorkspace({ sendsPaymentReceipts: false, declaresWaybills: false });
    await order();
    await order({ buyerCountry: 'GB' });
    await order();
    await ok(d, 'customs.build', {});
    const lists = ws.read
      .prepare("SELECT guid, business_key AS key FROM customs_documents WHERE type = 'CEB603' ORDER BY business_key")
      .all() as Array<{ guid: string; key: string }>;
    const invt = (i: number) => `53142026E00000000${i + 1}`;
    const receipt = (i: number, status: string) =>
      ws.uow.run('r', (tx) =>
        recordReceipts(
          tx,
          parseReceipt(
            buildReceiptMessage('CEB604', `E0000000-0000-4000-8000-0000000000${i}${status.length}`, [
              {
                guid: lists[i]!.guid,
                businessKey: lists[i]!.key,
                copNo: lists[i]!.key,
                agentCode: '5314960ABC',
                preNo: 'B20260303000000001',
                invtNo: invt(i),
                ebcCode: '5314960ABC',
                ebpCode: '无',
                orderNo: lists[i]!.key,
                statisticsFlag: 'B',
                status,
                returnTime: `202603031000${status.padStart(3, '0')}00`,
                returnInfo: '',
              },
            ]),
          ),
        ),
      );
    for (let i = 0; i < 3; i++) receipt(i, '800');
    const pending = await ok<SummaryPlan>(d, 'customs.summary.plan', { today: '2026-04-01' });
    expect(pending).toEqual({ statisticsOnly: [], pending: [invt(0), invt(1), invt(2)], groups: [] });
    expect(
      await errorOf(d, 'customs.summary.apply', { invtNos: [invt(0)], summaryFlag: '1', itemNameFlag: '0' }),
    ).toMatchObject({ code: 'customs.summary.listNotConcluded', params: { invtNo: invt(0), status: '800' } });
    for (let i = 0; i < 3; i++) receipt(i, '899');
    const plan = await ok<SummaryPlan>(d, 'customs.summary.plan', { today: '2026-04-11' });
    expect(plan.pending).toEqual([]);
    expect(plan.groups.map((g) => [g.key.country, g.invtNos, g.dueDate, g.warning])).toEqual([
      ['502', [invt(0), invt(2)], '2026-04-15', 'due'],
      ['303', [invt(1)], '2026-04-15', 'due'],
    ]);
    expect(plan.groups[0]!.lines).toEqual([
      { country: '502', gcode: '6912001000', currency: '502', qty: '4.00000', totalPrice: '50.00000' },
    ]);
    expect(
      await errorOf(d, 'customs.summary.apply', { invtNos: [invt(0), invt(1)], summaryFlag: '1', itemNameFlag: '0' }),
    ).toMatchObject({ code: 'customs.summary.mixedGroups', params: { groups: 2 } });
    const sum = await ok<SummaryApplyResult>(d, 'customs.summary.apply', {
      invtNos: [invt(0), invt(2)],
      summaryFlag: '1',
      itemNameFlag: '0',
    });
    expect(sum.lists).toBe(2);
  });
});
