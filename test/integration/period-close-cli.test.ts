/**
 * Issue 17 point 1g from the CLI: after `kuajing period close --month 2026-03`, `kuajing import`
 * of a Shopify export holding March and April orders writes April's, holds March's back and says
 * so — per month and per order, in English and in Chinese, and in the JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace as workspace, json, kuajing, kuajingWith } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/imports/shopify-orders-usd.csv');

describe('kuajing import into a closed month', () => {
  it('writes the open month, holds back the closed one and names both', () => {
    const dir = workspace();
    expect(kuajing('import', FIXTURE, '--data-dir', dir, '--json').code).toBe(0);
    expect(kuajing('period', 'close', '--data-dir', dir, '--month', '2026-03', '--json').code).toBe(0);
    // the export's own rows: #1006 (8 March) again unchanged, #1007 a new March order, #2001 an April order
    const lines = fs.readFileSync(FIXTURE, 'utf8').split(/\r?\n/);
    const order1006 = lines.find((l) => l.startsWith('#1006,'))!;
    const file = path.join(tempDir(), 'march-april.csv');
    fs.writeFileSync(
      file,
      [
        lines[0],
        order1006,
        order1006.replace('#1006,', '#1007,').replaceAll('2026-03-08 23:59:59', '2026-03-30 10:00:00'),
        order1006.replace('#1006,', '#2001,').replaceAll('2026-03-08 23:59:59 -0800', '2026-04-02 10:00:00 -0700'),
        '',
      ].join('\n'),
    );
    const en = kuajing('import', file, '--data-dir', dir);
    expect(en.code).toBe(0);
    expect(en.out).toContain('2026-03 (closed): not written 1, unchanged 1');
    expect(en.out).toContain('2026-04: new 1, updated 0, unchanged 0');
    expect(en.out).toContain('Order #1007 (2026-03-30) not written: 2026-03 is closed (period.closed).');

    const zh = kuajingWith({ KUAJING_LANG: 'zh-CN' }, 'import', file, '--data-dir', dir, '--dry-run');
    expect(zh.out).toContain('2026-03（已结账）：未写入 1，无变化 1');
    expect(zh.out).toContain('订单 #1007（2026-03-30）未写入：2026-03 已结账（period.closed）。');

    const again = json(kuajing('import', file, '--data-dir', dir, '--json').out);
    expect(again).toMatchObject({
      written: true,
      new: 0,
      heldBack: [{ orderNo: '#1007', code: 'period.closed', month: '2026-03', date: '2026-03-30', change: 'new' }],
      months: [
        { month: '2026-03', closed: true, heldBack: 1, unchanged: 1 },
        { month: '2026-04', closed: false, unchanged: 1 },
      ],
    });
  }, 120_000);
});
