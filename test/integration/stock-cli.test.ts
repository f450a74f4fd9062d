import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { cliWorkspace, json, kuajing } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';

// Each CLI run starts a Node process, hence the longer timeout.
describe('kuajing stock', () => {
  it('imports a stock-moves file (creating unknowns only with --create-missing) and prints onhand/valuation JSON', () => {
    const dir = cliWorkspace();
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
