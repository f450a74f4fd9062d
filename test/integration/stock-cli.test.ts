import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { tempDir, VALID_USCC, VALID_CUSTOMS_CODE } from '../helpers/workspace.ts';

/** Each run starts a Node process, hence the longer timeout. */
const CLI = path.resolve(import.meta.dirname, '../../src-main/cli/main.ts');
function kuajing(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, KUAJING_LANG: 'en' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (s: string) => JSON.parse(s.trim().split('\n').at(-1)!);

describe('kuajing stock', () => {
  it('imports a stock-moves file (creating unknowns only with --create-missing) and prints onhand/valuation JSON', () => {
    const dir = tempDir();
    expect(kuajing('init', '--data-dir', dir, '--company-name', '义乌小商品出口有限公司', '--uscc', VALID_USCC, '--customs-code', VALID_CUSTOMS_CODE, '--json').code).toBe(0);
    const file = path.join(tempDir(), 'moves.csv');
    fs.writeFileSync(file, [
      'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason',
      '2026-01-01,purchase,CUP-1,CN-DOM,,10,2.50,,CNY,PO-1,',
      '2026-01-05,transfer,CUP-1,CN-DOM,US-LA,4,,,,,',
      '2026-01-06,sale,CUP-1,US-LA,,1,,,,,',
    ].join('\n'));
    const refused = json(kuajing('import', file, '--source', 'stock-moves', '--data-dir', dir, '--json').out);
    expect(refused.posted).toBe(0);
    expect(refused.rejected.map((r: { code: string }) => r.code)).toEqual(['stock.sku.unknown', 'stock.sku.unknown', 'stock.sku.unknown']);
    const imported = json(kuajing('import', file, '--source', 'stock-moves', '--data-dir', dir, '--create-missing', '--json').out);
    expect(imported).toMatchObject({ source: 'stock-moves', rows: 3, posted: 3, created: { skus: 1, warehouses: 2 }, rejected: [] });

    const onhand = kuajing('stock', 'onhand', '--data-dir', dir, '--json');
    expect(onhand.code).toBe(0);
    expect(json(onhand.out)).toEqual({ asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), items: [
      { sku: 'CUP-1', warehouse: 'CN-DOM', quantity: 6 }, { sku: 'CUP-1', warehouse: 'US-LA', quantity: 3 },
    ] });
    const early = json(kuajing('stock', 'onhand', '--data-dir', dir, '--as-of', '2026-01-02', '--json').out);
    expect(early).toEqual({ asOf: '2026-01-02', items: [{ sku: 'CUP-1', warehouse: 'CN-DOM', quantity: 10 }] });
    const valuation = json(kuajing('stock', 'valuation', '--data-dir', dir, '--as-of', '2026-01-31', '--json').out);
    expect(valuation).toEqual({
      asOf: '2026-01-31', method: 'fifo',
      items: [{ sku: 'CUP-1', warehouse: 'CN-DOM', quantity: 6, value: 1500 }, { sku: 'CUP-1', warehouse: 'US-LA', quantity: 3, value: 750 }],
      total: { quantity: 9, value: 2250 },
    });
    expect(kuajing('stock', 'valuation', '--data-dir', dir, '--as-of', '31/01/2026', '--json').code).toBe(2);
  }, 30_000);
});
