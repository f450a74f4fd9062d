/**
 * Issue 15, point 5 ("when and how it is declared"): a real declaration (appStatus 2) cannot be
 * built without a signer in the sync settings (`customs.signer.required`; a draft, appStatus 1,
 * needs none), and the pre-check warns about lists declared after their goods left — late
 * (`customs.declaration.late`) or, once the 194号 deadline of the export month has passed (the 15th
 * of the next month), too late for the summary declaration (`customs.declaration.pastSummaryDue`).
 * Hand-worked: exported 2026-03-03 → summary due 2026-04-15 (a Wednesday), long past.
 */
import { describe, expect, it } from 'vitest';
import type { CustomsBuildResult, CustomsPrecheckResult } from '../../../../src-main/api/contract.ts';
import { putSetting } from '../../../../src-main/db/settings-store.ts';
import { CUSTOMS_SETTINGS, customsWorkspace, errorOf, ok } from './customs-fixtures.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('signer and late declarations (issue 15, point 5)', () => {
  it('appStatus 2 without a signer: the build refuses with customs.signer.required, the pre-check says so; a signer lets it build', async () => {
    const { d, ws, order } = await customsWorkspace({ appStatus: '2' });
    await order({}, { exportDate: day(0) });
    const e = await errorOf(d, 'customs.build', {});
    expect([e.code, e.params]).toEqual(['customs.signer.required', { appStatus: '2' }]);
    const pre = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    expect(pre.clean).toBe(0);
    expect(pre.findings.map((f) => [f.code, f.severity, f.orderId])).toEqual([
      ['customs.signer.required', 'error', null],
    ]);
    ws.uow.run('sync.configure', (tx) =>
      putSetting(tx.db, 'sync.config', {
        mode: 'exchangeDir',
        url: null,
        dir: '/srv/exchange',
        signer: { kind: 'folder', url: null, dir: '/srv/signer' },
        intervalSeconds: 60,
      }),
    );
    expect((await ok<CustomsBuildResult>(d, 'customs.build', {})).built).toBe(1);
  });

  it('a draft (appStatus 1) needs no signer', async () => {
    const { d, order } = await customsWorkspace({ ...CUSTOMS_SETTINGS, appStatus: '1' });
    await order({}, { exportDate: day(0) });
    expect((await ok<CustomsBuildResult>(d, 'customs.build', {})).built).toBe(1);
  });

  it('warns when the goods left before the declaration, and when the export month’s summary deadline has passed', async () => {
    const { d, order } = await customsWorkspace();
    const long = await order(); // exported 2026-03-03
    const recent = await order({}, { exportDate: day(-1) });
    await order({}, { exportDate: day(0) });
    const pre = await ok<CustomsPrecheckResult>(d, 'customs.precheck', {});
    const late = pre.findings.filter((f) => f.code.startsWith('customs.declaration.'));
    expect(late.map((f) => [f.orderNo, f.code, f.severity, f.params])).toEqual([
      [
        long.orderNo,
        'customs.declaration.pastSummaryDue',
        'warning',
        { orderNo: long.orderNo, exportDate: '2026-03-03', today: day(0), summaryDue: '2026-04-15' },
      ],
      [
        recent.orderNo,
        'customs.declaration.late',
        'warning',
        expect.objectContaining({ orderNo: recent.orderNo, exportDate: day(-1), today: day(0) }),
      ],
    ]);
    expect(pre.clean).toBe(3); // warnings do not block
  });
});
