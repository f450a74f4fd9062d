/**
 * `kuajing import FILE --source stock-moves` through the real CLI entry, in process (issue 14):
 * a file with one bad row writes nothing and exits 1 listing row, column, code and value unless
 * `--accept-valid-rows`; a file whose transfers name a new head-haul shipment and a landed cost for
 * it values stock exact to the fen; importing it again leaves on-hand as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli.ts';
import { tempDir, VALID_CUSTOMS_CODE, VALID_USCC } from '../../helpers/workspace.ts';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    untilStopped: () => new Promise(() => {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function workspace(): Promise<{ dir: string; write: (name: string, lines: string[]) => string }> {
  const dir = tempDir();
  expect(
    (
      await run(
        'init',
        '--data-dir',
        dir,
        '--company-name',
        '义乌小商品出口有限公司',
        '--uscc',
        VALID_USCC,
        '--customs-code',
        VALID_CUSTOMS_CODE,
        '--json',
      )
    ).code,
  ).toBe(0);
  const files = tempDir();
  const write = (name: string, lines: string[]) => {
    const file = path.join(files, name);
    fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
    return file;
  };
  return { dir, write };
}

const HEADER =
  'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason,carrier,cartons,warehouse_kind,warehouse_country';

describe('kuajing import --source stock-moves', () => {
  it('a file with one bad row writes nothing, exits 1 and lists the row with its value; --accept-valid-rows keeps the rest', async () => {
    const { dir, write } = await workspace();
    const file = write('moves.csv', [
      HEADER,
      '2026-03-01,purchase,MUG-01,SZ,,500,12.00,,CNY,PO-1,,,,domestic,CN',
      '2026-03-02,purchase,CUP-02,SZ,,abc,5.00,,CNY,PO-2,,,,domestic,CN',
    ]);
    const refused = await run('import', file, '--source', 'stock-moves', '--data-dir', dir, '--create-missing');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('row 3 [quantity]: stock.row.badQuantity (value: abc)');
    expect(refused.out).toContain('nothing was imported');
    expect(JSON.parse((await run('stock', 'onhand', '--data-dir', dir, '--json')).out).items).toEqual([]);
    const dry = await run(
      'import',
      file,
      '--source',
      'stock-moves',
      '--data-dir',
      dir,
      '--create-missing',
      '--dry-run',
      '--json',
    );
    expect(dry.code).toBe(1);
    const kept = await run(
      'import',
      file,
      '--source',
      'stock-moves',
      '--data-dir',
      dir,
      '--create-missing',
      '--accept-valid-rows',
      '--json',
    );
    expect(kept.code).toBe(0);
    expect(JSON.parse(kept.out)).toMatchObject({
      rows: 2,
      posted: 1,
      committed: true,
      rejected: [{ row: 3, column: 'quantity', code: 'stock.row.badQuantity', params: { value: 'abc' } }],
    });
  });

  it('creates the shipment its transfers name, values it exact to the fen with the landed cost, and a re-import changes nothing (500 stays 500)', async () => {
    const { dir, write } = await workspace();
    const file = write('moves.csv', [
      HEADER,
      '2026-03-01,purchase,MUG-01,SZ,,800,12.00,,CNY,PO-1,,,,domestic,CN',
      '2026-03-01,purchase,CUP-02,SZ,,300,5.00,,CNY,PO-2,,,,domestic,CN',
      '2026-03-05,transfer,MUG-01,SZ,US-OWN,300,,,,SHIP-01,,COSCO,24,overseasOwn,US',
      '2026-03-05,transfer,CUP-02,SZ,US-OWN,200,,,,SHIP-01,,COSCO,24,overseasOwn,US',
      '2026-03-06,landed_cost,,,,,,1000.00,CNY,SHIP-01,freight,,,,',
    ]);
    const first = await run('import', file, '--source', 'stock-moves', '--data-dir', dir, '--create-missing', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      rows: 5,
      posted: 5,
      unchanged: 0,
      created: { skus: 2, warehouses: 2, shipments: 1 },
    });
    const valuation = JSON.parse(
      (await run('stock', 'valuation', '--data-dir', dir, '--as-of', '2026-03-31', '--json')).out,
    );
    expect(valuation.items).toEqual(
      [
        { sku: 'CUP-02', warehouse: 'SZ', quantity: 100, value: 50000 },
        { sku: 'CUP-02', warehouse: 'US-OWN', quantity: 200, value: 121739 },
        { sku: 'MUG-01', warehouse: 'SZ', quantity: 500, value: 600000 },
        { sku: 'MUG-01', warehouse: 'US-OWN', quantity: 300, value: 438261 },
      ].map((i) => expect.objectContaining(i)),
    );
    expect(valuation.total).toEqual({ quantity: 1100, value: 960000 + 150000 + 100000 });
    const again = await run('import', file, '--source', 'stock-moves', '--data-dir', dir, '--create-missing', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ rows: 5, posted: 0, unchanged: 5, rejected: [] });
    const onhand = JSON.parse((await run('stock', 'onhand', '--data-dir', dir, '--as-of', '2026-03-31', '--json')).out);
    expect(onhand.items).toContainEqual({ sku: 'MUG-01', warehouse: 'SZ', quantity: 500 });
    expect(
      JSON.parse((await run('stock', 'valuation', '--data-dir', dir, '--as-of', '2026-03-31', '--json')).out).total,
    ).toEqual(valuation.total);
  });

  it('warehouses add and list', async () => {
    const { dir } = await workspace();
    expect(
      (
        await run(
          'warehouses',
          'add',
          '--data-dir',
          dir,
          '--code',
          'FBA-DE',
          '--name',
          'Amazon DE',
          '--kind',
          'platform',
          '--country',
          'de',
        )
      ).code,
    ).toBe(0);
    expect(
      (await run('warehouses', 'add', '--data-dir', dir, '--code', 'X', '--name', 'X', '--kind', 'moon')).code,
    ).toBe(2);
    expect(JSON.parse((await run('warehouses', 'list', '--data-dir', dir, '--json')).out)).toEqual([
      { code: 'FBA-DE', name: 'Amazon DE', kind: 'platform', country: 'DE' },
    ]);
  });
});
