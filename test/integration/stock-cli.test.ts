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
    fs.writeFileSync(
      file,
      [
        'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason',
        '2026-01-01,purchase,CUP-1,CN-DOM,,10,2.50,,CNY,PO-1,',
        '2026-01-05,transfer,CUP-1,CN-DOM,US-LA,4,,,,,',
        '2026-01-06,sale,CUP-1,US-LA,,1,,,,,',
      ].join('\n'),
    );
    const refusedRun = kuajing('import', file, '--source', 'stock-moves', '--data-dir', dir, '--json');
    expect(refusedRun.code).toBe(1);
    const refused = json(refusedRun.out);
    expect(refused).toMatchObject({ posted: 0, committed: false });
    expect(refused.rejected.map((r: { code: string }) => r.code)).toEqual([
      'stock.sku.unknown',
      'stock.sku.unknown',
      'stock.sku.unknown',
    ]);
    // --create-missing never guesses a warehouse kind: it names the codes, which `warehouses add` then describes
    const noKind = kuajing('import', file, '--source', 'stock-moves', '--data-dir', dir, '--create-missing', '--json');
    expect([noKind.code, json(noKind.out).error]).toEqual([
      1,
      { code: 'stock.warehouseKindUnknown', params: { warehouses: 'CN-DOM, US-LA' } },
    ]);
    expect(
      kuajing(
        'warehouses',
        'add',
        '--data-dir',
        dir,
        '--code',
        'CN-DOM',
        '--name',
        '义乌仓',
        '--kind',
        'domestic',
        '--country',
        'CN',
      ).code,
    ).toBe(0);
    expect(
      kuajing(
        'warehouses',
        'add',
        '--data-dir',
        dir,
        '--code',
        'US-LA',
        '--name',
        'LA',
        '--kind',
        'overseasOwn',
        '--country',
        'US',
      ).code,
    ).toBe(0);
    expect(json(kuajing('warehouses', 'list', '--data-dir', dir, '--json').out)).toEqual([
      { code: 'CN-DOM', name: '义乌仓', kind: 'domestic', country: 'CN' },
      { code: 'US-LA', name: 'LA', kind: 'overseasOwn', country: 'US' },
    ]);
    const imported = json(
      kuajing('import', file, '--source', 'stock-moves', '--data-dir', dir, '--create-missing', '--json').out,
    );
    expect(imported).toMatchObject({
      source: 'stock-moves',
      rows: 3,
      posted: 3,
      created: { skus: 1, warehouses: 0 },
      rejected: [],
    });

    const onhand = kuajing('stock', 'onhand', '--data-dir', dir, '--json');
    expect(onhand.code).toBe(0);
    expect(json(onhand.out)).toEqual({
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      items: [
        { sku: 'CUP-1', warehouse: 'CN-DOM', quantity: 6 },
        { sku: 'CUP-1', warehouse: 'US-LA', quantity: 3 },
      ],
    });
    const early = json(kuajing('stock', 'onhand', '--data-dir', dir, '--as-of', '2026-01-02', '--json').out);
    expect(early).toEqual({ asOf: '2026-01-02', items: [{ sku: 'CUP-1', warehouse: 'CN-DOM', quantity: 10 }] });
    const valuation = json(kuajing('stock', 'valuation', '--data-dir', dir, '--as-of', '2026-01-31', '--json').out);
    expect(valuation).toEqual({
      asOf: '2026-01-31',
      method: 'fifo',
      items: [
        { sku: 'CUP-1', warehouse: 'CN-DOM', quantity: 6, value: 1500 },
        { sku: 'CUP-1', warehouse: 'US-LA', quantity: 3, value: 750 },
      ],
      total: { quantity: 9, value: 2250 },
    });
    expect(kuajing('stock', 'valuation', '--data-dir', dir, '--as-of', '31/01/2026', '--json').code).toBe(2);
  }, 180_000);
});
